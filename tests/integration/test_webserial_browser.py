"""The Calliope on the child's desk, the notebook on the hub: Web Serial end to end.

A real demo hub (npm proxy), a student logged in with Debian's Chromium (Playwright), JupyterLab,
``SerialWidget``. The page's ``navigator.serial`` is replaced by a fake whose port is a websocket to
a bridge in this test, which talks to a real ``SimulatedSerialBoard`` over its TCP face: the fake port
is the only stand-in (no USB in CI), everything behind it is real. Checked: the widget connects, a cell
``record(seconds=3)`` (running while the data arrives) returns samples, ``log_csv`` writes a CSV, the
figures (latency browser→kernel, sustained line rate without loss) are measured, and a ``main.py``
sent through the widget lands in the board's file system and runs after a reset.
Screenshots and figures: test-artifacts/webserial-*.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import time
from pathlib import Path

import nbformat
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
# 11-byte lines at 1047 lines/s: what 115200 baud (11 520 bytes/s) carries; the TCP face itself is unpaced
FLOOD = """from calliopemini import *
i = 0
t0 = running_time()
while True:
    due = (running_time() - t0) * 1047 // 1000
    while i < due:
        print("n:%07d" % i)
        i += 1
    sleep(2)
"""
NEW_MAIN = 'from calliopemini import *\nwhile True:\n    print("neu:%d" % 42)\n    sleep(100)\n'
FIGURES_CELL = """w.port.latencies.clear()
w.port.transit.clear()
with open_stream() as st:
    got = [(x.time, int(x.values['n'])) for x in st.samples(seconds=5)]
seq = [n for _, n in got]
rate = (len(got) - 1) / (got[-1][0] - got[0][0])
lat, tr = sorted(w.port.latencies), sorted(w.port.transit)
lost = sum(b - a - 1 for a, b in zip(seq, seq[1:]) if b > a)
back = sum(1 for a, b in zip(seq, seq[1:]) if b <= a)
ms = lambda xs, q: f"{1000 * xs[int(len(xs) * q)]:.1f}"
print(f"FIGURES latency_p50_ms={ms(lat, .5)} latency_p95_ms={ms(lat, .95)} transit_p50_ms={ms(tr, .5)} "
      f"transit_p95_ms={ms(tr, .95)} rate_lines_s={rate:.0f} lost={lost} out_of_order={back} "
      f"lines={len(seq)} chunks={len(lat)}")
"""
CELLS = [
    "from schuelerlab.hardware import SerialWidget, record, log_csv, open_stream\nw = SerialWidget()\nw",
    "df = record(seconds=3)\nprint('SAMPLES', len(df), list(df.columns))",
    "s = log_csv(output='messung.csv', seconds=1)\nprint('CSV', open('messung.csv').read().count(chr(10)))",
    FIGURES_CELL,
    f"r = w.flash({NEW_MAIN!r}, listen=0.5)\nprint('FLASHED', r.method)",
    "df2 = record(seconds=1.5)\nprint('AFTER', list(df2.columns), df2.get('neu', df2.iloc[:0]).max())",
    "w2 = SerialWidget()\nw2",
    "from schuelerlab.hardware.webserial import registry\nprint('WANTED', registry.simulator_wanted)",
]

pytestmark = pytest.mark.slow

FAKE_SERIAL = """
(() => {
  const BRIDGE = "ws://127.0.0.1:%PORT%/";
  class FakePort extends EventTarget {
    async open() {
      const ws = new WebSocket(BRIDGE);
      ws.binaryType = "arraybuffer";
      await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
      this.ws = ws;
      this.readable = new ReadableStream({
        start(c) {
          ws.onmessage = (e) => c.enqueue(new Uint8Array(e.data));
          ws.onclose = () => { try { c.close(); } catch (err) { /* closed */ } };
        },
        cancel() { ws.close(); },
      });
      this.writable = new WritableStream({ write(chunk) { ws.send(chunk); } });
    }
    async close() { if (this.ws) this.ws.close(); }
    getInfo() { return { usbVendorId: 0x0d28, usbProductId: 0x0204 }; }
  }
  const serial = new EventTarget();
  serial.requestPort = async () => new FakePort();
  serial.getPorts = async () => [];
  Object.defineProperty(Navigator.prototype, "serial", { get: () => serial, configurable: true });
})();
"""


class Bridge:
    """A websocket server (tornado, own thread) that joins each page connection to the board's TCP face."""

    def __init__(self, board_port: int) -> None:
        self.board_port = board_port
        self.port = 0
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        assert self._ready.wait(10)

    def _run(self) -> None:
        from tornado.web import Application
        from tornado.websocket import WebSocketHandler

        bridge = self

        class Handler(WebSocketHandler):
            def check_origin(self, origin: str) -> bool:
                return True

            def open(self) -> None:
                self.sock = socket.create_connection(("127.0.0.1", bridge.board_port))
                self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                loop = asyncio.get_running_loop()
                threading.Thread(target=self._pump, args=(loop,), daemon=True).start()

            def _pump(self, loop) -> None:
                while True:
                    try:
                        data = self.sock.recv(65536)
                    except OSError:
                        data = b""
                    if not data:
                        loop.call_soon_threadsafe(self.close)
                        return
                    loop.call_soon_threadsafe(self._send, data)

            def _send(self, data: bytes) -> None:
                try:
                    self.write_message(data, binary=True)
                except Exception:  # noqa: BLE001 - page gone
                    pass

            def on_message(self, message) -> None:
                self.sock.sendall(message if isinstance(message, bytes) else message.encode())

            def on_close(self) -> None:
                try:
                    self.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                self.sock.close()

        async def main() -> None:
            from tornado.httpserver import HTTPServer
            from tornado.netutil import bind_sockets

            sockets = bind_sockets(0, "127.0.0.1")
            self.port = sockets[0].getsockname()[1]
            server = HTTPServer(Application([(r"/", Handler)]))
            server.add_sockets(sockets)
            self._ready.set()
            await asyncio.Event().wait()

        asyncio.run(main())


def _contents(session, base: str, name: str, method: str, path: str, **kwargs):
    xsrf = session.cookies.get("_xsrf", path=f"/user/{name}/")
    return session.request(method, f"{base}/api/contents/{path}", headers={"X-XSRFToken": xsrf},
                           timeout=60, **kwargs)


def _output_of(page, index: int, marker: str, timeout_s: float = 90) -> str:
    cell = page.locator(".jp-Notebook .jp-CodeCell").nth(index)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        text = cell.locator(".jp-OutputArea").inner_text()
        if marker in text or "Traceback" in text or "Error" in text:
            return text
        page.wait_for_timeout(200)
    return cell.locator(".jp-OutputArea").inner_text()


def _run_cell(page, index: int) -> None:
    """Shift+Enter on cell ``index``; again if a just-started kernel lost the request (prompt stays empty)."""
    cell = page.locator(".jp-Notebook .jp-CodeCell").nth(index)
    prompt = cell.locator(".jp-InputPrompt")
    for _ in range(4):
        cell.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        for _ in range(50):
            if prompt.inner_text().strip() not in ("[ ]:", ""):
                return
            page.wait_for_timeout(100)


def test_calliope_through_the_browser(demo_hub, tmp_path):
    from playwright.sync_api import expect, sync_playwright
    from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard

    if not CHROMIUM.exists():
        pytest.fail("Chromium fehlt: scripts/ensure-debian-packages.sh chromium (steht in SYSTEM_PACKAGES).")
    ARTIFACTS.mkdir(exist_ok=True)
    student = next(a for a in demo_hub.credentials() if a["role"] == "student")
    name = student["username"]
    session = demo_hub.login(name, student["password"])
    session.get(f"{demo_hub.url}/hub/spawn/{name}", timeout=120)
    demo_hub.wait_ready(name)
    base = f"{demo_hub.url}/user/{name}"
    assert session.get(f"{base}/lab", timeout=60).status_code == 200
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    put = _contents(session, base, name, "PUT", "webserial.ipynb",
                    json={"type": "notebook", "format": "json", "content": json.loads(nbformat.writes(nb))})
    assert put.status_code in (200, 201), put.text

    program = tmp_path / "flood.py"
    program.write_text(FLOOD)
    with SimulatedSerialBoard(program=program, pty=False, tcp_port=0) as board, sync_playwright() as pw:
        bridge = Bridge(board.tcp.port)
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 1400})
            context.add_cookies([{"name": c.name, "value": c.value, "domain": "127.0.0.1", "path": c.path}
                                 for c in session.cookies])
            context.add_init_script(FAKE_SERIAL.replace("%PORT%", str(bridge.port)))
            page = context.new_page()
            page.goto(f"{base}/lab/tree/webserial.ipynb?reset")
            page.locator(".jp-Notebook .jp-CodeCell").first.wait_for(timeout=90_000)
            expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(
                1, timeout=90_000)
            _run_cell(page, 0)
            widget = page.locator(".sl-webserial")
            widget.wait_for(timeout=90_000)
            button = widget.locator(".sl-connect")
            expect(button).to_have_text("Calliope verbinden", timeout=30_000)
            button.click()
            expect(widget).to_have_attribute("data-state", "connected", timeout=30_000)
            expect(button).to_have_text("Trennen")
            widget.screenshot(path=str(ARTIFACTS / "webserial-widget.png"))

            _run_cell(page, 1)
            text = _output_of(page, 1, "SAMPLES")
            assert "Ich lese vom Calliope im Browser (Web Serial)." in text, text  # the choice is announced
            match = re.search(r"SAMPLES (\d+) \['time_s', 'n'\]", text)
            assert match and int(match.group(1)) > 100, text

            _run_cell(page, 2)
            text = _output_of(page, 2, "CSV ")
            rows = int(re.search(r"CSV (\d+)", text).group(1))
            assert rows > 100, text
            csv = _contents(session, base, name, "GET", "messung.csv?content=1&format=text").json()
            assert csv["content"].splitlines()[0] == "time_s,n"

            _run_cell(page, 3)
            text = _output_of(page, 3, "FIGURES")
            figures = dict(re.findall(r"(\w+)=([\d.]+)", text.split("FIGURES", 1)[1]))
            (ARTIFACTS / "webserial-figures.txt").write_text(" ".join(f"{k}={v}" for k, v in figures.items()))
            print("webserial figures:", figures)
            assert figures["lost"] == "0" and figures["out_of_order"] == "0", text
            assert int(figures["lines"]) > 1000, text

            _run_cell(page, 4)
            text = _output_of(page, 4, "FLASHED")
            assert "FLASHED repl" in text, text
            assert board.fs.read("main.py").decode() == NEW_MAIN  # the board's flat file system
            board.reset()
            _run_cell(page, 5)
            text = _output_of(page, 5, "AFTER")
            assert "AFTER ['time_s', 'neu'] 42.0" in text, text
            page.screenshot(path=str(ARTIFACTS / "webserial-jupyterlab.png"), full_page=True)

            # a browser without Web Serial (Firefox, Safari): German advice and the simulator
            page.evaluate("delete Navigator.prototype.serial")
            _run_cell(page, 6)
            other = page.locator(".sl-webserial").nth(1)
            other.wait_for(timeout=60_000)
            expect(other).to_have_attribute("data-state", "unsupported")
            expect(other.locator(".sl-status")).to_have_text(
                "Dein Browser kann nicht direkt mit dem Calliope sprechen. Nimm Chrome oder Edge – "
                "oder probiere den Simulator.")
            other.locator(".sl-connect", has_text="Simulator nehmen").click()
            expect(other).to_have_attribute("data-state", "simulator")
            other.screenshot(path=str(ARTIFACTS / "webserial-no-webserial.png"))
            _run_cell(page, 7)
            assert "WANTED True" in _output_of(page, 7, "WANTED")
        finally:
            if "page" in locals():
                page.screenshot(path=str(ARTIFACTS / "webserial-last.png"), full_page=True)
            browser.close()
