"""The simulated Calliope in a real JupyterLab, driven by Playwright with Debian's Chromium.

Runs a live ``CalliopeWidget`` cell and a ``%%calliope`` cell, checks the LED matrix shows the
program's image, clicks button A and sees the program react (display, RGB LEDs, serial line), moves
the temperature slider and reads it back. Screenshots: test-artifacts/simwidget-*.png.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]
HEART = ["09090", "99999", "99999", "09990", "00900"]
HAPPY = ["00000", "09090", "00000", "90009", "09990"]
PROGRAM = """from calliopemini import *
import neopixel
rgb = neopixel.NeoPixel(pin_RGB, 3)
display.show(Image.HEART)
while True:
    if button_a.was_pressed():
        print("A gedrückt")
        display.show(Image.HAPPY)
        rgb[0], rgb[1], rgb[2] = (255, 0, 0), (0, 255, 0), (0, 0, 255)
        rgb.show()
    if button_b.was_pressed():
        print("Temperatur", temperature())
    sleep(50)
"""
RGB = ["255,0,0", "0,255,0", "0,0,255"]

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _notebook(path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell(f'program = """{PROGRAM}"""'),
        nbformat.v4.new_code_cell("from schuelerlab.hardware.sim.widget import CalliopeWidget\n"
                                  "w = CalliopeWidget(program)\nw"),
        nbformat.v4.new_code_cell("%load_ext schuelerlab.hardware.sim.magic"),
        nbformat.v4.new_code_cell("%%calliope --press a@500 --seconds 1\n" + PROGRAM),
        nbformat.v4.new_code_cell("%%calliope --board mini2\nfrom calliopemini import *\nx = 1 / 0\n"),
    ]
    nbformat.write(nb, path)


@pytest.fixture
def lab(tmp_path):
    """A real JupyterLab on a free port serving ``tmp_path/root``; yields (base_url, token)."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium fehlt: scripts/ensure-debian-packages.sh chromium (steht in SYSTEM_PACKAGES).")
    root = tmp_path / "root"
    root.mkdir()
    _notebook(root / "board.ipynb")
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces")}
    news = tmp_path / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text('{"fetchNews": "false"}')
    log = (tmp_path / "lab.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.token={token}",
         f"--port={port}", "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root}", "--allow-root",
         "--LabApp.news_url=", "--ServerApp.port_retries=0"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as resp:
                    json.load(resp)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("JupyterLab ist nicht gestartet:\n" + (tmp_path / "lab.log").read_text())
                time.sleep(0.2)
        _start_kernel(base, token, "board.ipynb")
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _start_kernel(base: str, token: str, path: str) -> None:
    """Start the notebook's kernel session over the REST API, so the page finds it running."""
    body = json.dumps({"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}})
    request = urllib.request.Request(f"{base}/api/sessions?token={token}", data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as resp:
        json.load(resp)


def _rows(widget) -> list[str]:
    levels = widget.locator("[data-led]").evaluate_all(
        "nodes => nodes.map(n => [n.dataset.led, n.dataset.brightness])")
    grid = {key: value for key, value in levels}
    return ["".join(grid[f"{y},{x}"] for x in range(5)) for y in range(5)]


def _wait_rows(page, widget, wanted: list[str], timeout_s: float = 30) -> list[str]:
    deadline = time.monotonic() + timeout_s
    rows = _rows(widget)
    while rows != wanted and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        rows = _rows(widget)
    return rows


def _run_all(page) -> None:
    """Run > Run All Cells; again if a just-started kernel lost the request (no cell queued)."""
    first = page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first
    for _ in range(4):
        dialog = page.locator(".jp-Dialog .jp-mod-accept")  # "Select Kernel" after a slow start
        if dialog.count():
            dialog.first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        for _ in range(100):
            if first.inner_text().strip() not in ("[ ]:", ""):
                return
            page.wait_for_timeout(100)


def test_widget_and_magic_in_jupyterlab(lab):
    from playwright.sync_api import expect, sync_playwright

    base, token = lab
    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1500})
            page.goto(f"{base}/lab/tree/board.ipynb?reset&token={token}")
            page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
            expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(
                1, timeout=60_000)
            _run_all(page)
            live = page.locator(".sl-calliope").first
            live.wait_for(timeout=60_000)
            assert _wait_rows(page, live, HEART) == HEART
            expect(live.locator(".sl-status")).to_have_text("Läuft", timeout=30_000)

            live.locator("[data-button='a']").click()
            expect(live.locator(".sl-serial")).to_contain_text("A gedrückt", timeout=30_000)
            assert _wait_rows(page, live, HAPPY) == HAPPY
            for i, colour in enumerate(RGB):
                expect(live.locator(f"[data-rgb='{i}']")).to_have_attribute("data-colour", colour)

            live.locator("[data-sensor='temperature']").fill("35")  # the slider, as dragged
            live.locator("[data-button='b']").click()
            expect(live.locator(".sl-serial")).to_contain_text("Temperatur 35", timeout=30_000)

            replay = page.locator(".sl-calliope").nth(1)
            replay.wait_for(timeout=60_000)
            expect(replay.locator(".sl-status")).to_contain_text("fertig", timeout=30_000)
            assert _rows(replay) == HAPPY
            expect(replay.locator("[data-rgb='2']")).to_have_attribute("data-colour", RGB[2])
            expect(replay.locator(".sl-serial")).to_contain_text("A gedrückt")
            replay.locator(".sl-timeline").fill("200")  # scrub back to before the press
            assert _rows(replay) == HEART
            expect(replay.locator(".sl-serial")).to_have_text("(noch keine Ausgabe)")

            failed = page.locator(".sl-calliope").nth(2)
            failed.wait_for(timeout=60_000)
            expect(failed.locator(".sl-error")).to_contain_text("Zeile 3: Hier wird durch 0 geteilt",
                                                                timeout=30_000)
            assert failed.locator("[data-button='logo']").count() == 0  # the mini 1/2 has no touch logo
            failed.screenshot(path=str(artifacts / "simwidget-error.png"))
            live.scroll_into_view_if_needed()
            page.screenshot(path=str(artifacts / "simwidget-jupyterlab.png"), full_page=True)
            live.screenshot(path=str(artifacts / "simwidget-board.png"))

            live.locator("[data-action='stop']").click()
            expect(live.locator(".sl-status")).to_have_text("Gestoppt", timeout=30_000)
        except Exception:
            page.screenshot(path=str(artifacts / "simwidget-failure.png"), full_page=True)
            raise
        finally:
            browser.close()
