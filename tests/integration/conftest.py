"""Fixtures for the real hub: npm proxy, a demo hub on free ports in a temp state folder."""

from __future__ import annotations

import csv
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from schuelerlab.hub.proxy import ensure_chp

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes_under(folder: Path) -> list[int]:
    """PIDs whose working folder is inside ``folder`` (hub, proxy, culler, single-user servers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cwd = os.readlink(entry / "cwd")
            except OSError:
                continue
            if cwd == str(folder) or cwd.startswith(str(folder) + "/"):
                found.append(int(entry.name))
    return found


class HubProcess:
    """``schuelerlab hub run --demo`` as a real process group (stopped like Ctrl-C).

    Lab mode: ``demo=False``, with ``python`` (a venv every account can run) and its ``env``.
    """

    def __init__(self, state: Path, settings: Path, proxy_dir: Path, url: str, log: Path, *,
                 demo: bool = True, python: str = sys.executable, env: dict[str, str] | None = None):
        self.state, self.settings, self.proxy_dir, self.url, self.log = state, settings, proxy_dir, url, log
        self.demo, self.python, self.env = demo, python, env
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        cmd = [self.python, "-m", "schuelerlab", "hub", "run", *(["--demo"] if self.demo else []),
               "--settings", str(self.settings), "--state-dir", str(self.state),
               "--proxy-dir", str(self.proxy_dir)]
        out = self.log.open("a")
        self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                     env=self.env, cwd=None if self.demo else self.state.parent)
        for _ in range(240):
            if self.proc.poll() is not None:
                raise RuntimeError(f"hub exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                if requests.get(self.url + "/hub/api", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.25)
        raise RuntimeError("hub did not answer within 60 s:\n" + self.log.read_text()[-3000:])

    def stop(self) -> list[int]:
        """Ctrl-C the whole process group; return PIDs still running in the state folder afterwards."""
        if self.proc is None or self.proc.poll() is not None:
            return processes_under(self.state)
        os.killpg(self.proc.pid, signal.SIGINT)
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        time.sleep(0.5)
        left = processes_under(self.state)
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return left

    def credentials(self) -> list[dict[str, str]]:
        return list(csv.DictReader((self.state / "zugaenge.csv").open()))

    def service_token(self) -> str:
        return (self.state / "secrets" / "service_token").read_text().strip()

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {self.service_token()}"}
        return requests.request(method, self.url + "/hub/api" + path, headers=headers, timeout=30, **kwargs)

    def login(self, username: str, password: str) -> requests.Session:
        session = requests.Session()
        session.get(self.url + "/hub/login", timeout=10)
        xsrf = session.cookies.get("_xsrf", path="/hub/")
        r = session.post(self.url + "/hub/login?next=", timeout=60, allow_redirects=False,
                         data={"username": username, "password": password, "_xsrf": xsrf})
        assert r.status_code == 302, f"login {username}: {r.status_code}"
        return session

    def wait_ready(self, username: str) -> None:
        for _ in range(240):
            r = self.api("GET", f"/users/{username}")
            if r.json().get("servers", {}).get("", {}).get("ready"):
                return
            time.sleep(0.5)
        raise RuntimeError(f"server of {username} not ready:\n" + self.log.read_text()[-3000:])


@pytest.fixture(scope="session")
def chp_binary() -> Path:
    """The npm proxy in the project's node_modules (the same install `make run` uses)."""
    return ensure_chp(ROOT)


def start_demo_hub(base: Path, *, extra: str = "", courses: str | None = '["sensoren"]') -> HubProcess:
    """Start a demo hub on free ports in ``base`` (settings ``extra`` appended as TOML).

    ``courses`` (TOML list) keeps start-up short; ``None`` serves the default courses (all of them).
    """
    port, api, proxy_api = free_port(), free_port(), free_port()
    settings = base / "hub.toml"
    settings.write_text(
        "[hub]\n"
        f'bind_url = "http://127.0.0.1:{port}"\n'
        f'hub_api_url = "http://127.0.0.1:{api}"\n'
        f'proxy_api_url = "http://127.0.0.1:{proxy_api}"\n'
        + (f"courses = {courses}\n" if courses else "")
        + "[demo]\nstudents = 2\n" + extra, encoding="utf-8")
    hub = HubProcess(base / "state", settings, ROOT, f"http://127.0.0.1:{port}", base / "hub.log")
    hub.start()
    return hub


@pytest.fixture(scope="module")
def demo_hub(tmp_path_factory, chp_binary):
    hub = start_demo_hub(tmp_path_factory.mktemp("hub"))
    yield hub
    left = hub.stop()
    assert left == [], f"processes left after stopping the hub: {left}"


@pytest.fixture(scope="module")
def all_courses_hub(tmp_path_factory, chp_binary):
    """A demo hub with the default settings' courses (all three), as `make run` starts it."""
    hub = start_demo_hub(tmp_path_factory.mktemp("lesson"), courses=None)
    yield hub
    left = hub.stop()
    assert left == [], f"processes left after stopping the hub: {left}"


@pytest.fixture(scope="module")
def memory_limited_hub(tmp_path_factory, chp_binary):
    """A hub whose servers may use 400 MB per person (enforced with cgroups when root)."""
    hub = start_demo_hub(tmp_path_factory.mktemp("cgroup"), extra='[limits]\nmem_limit = "400M"\n')
    yield hub
    left = hub.stop()
    assert left == [], f"processes left after stopping the hub: {left}"


@pytest.fixture(scope="module")
def culling_hub(tmp_path_factory, chp_binary):
    """A hub whose idle culler stops servers after 3 s without activity."""
    limits = "[limits]\nidle_timeout = 3\ncull_every = 1\n"
    hub = start_demo_hub(tmp_path_factory.mktemp("cull"), extra=limits)
    yield hub
    left = hub.stop()
    assert left == [], f"processes left after stopping the hub: {left}"


@pytest.fixture
def run_code():
    """The kernel-websocket helper :func:`execute` as a fixture (test modules cannot import each other)."""
    return execute


def execute(hub_url: str, session: requests.Session, user: str, code: str) -> str:
    """Start a kernel on ``user``'s server and run ``code`` over the kernel websocket (through the
    proxy, as the browser does); return the text of the execute result or stream output."""
    import asyncio
    import json
    import uuid

    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    base = f"{hub_url}/user/{user}"
    xsrf = session.cookies.get("_xsrf", path=f"/user/{user}/")
    kernel = session.post(f"{base}/api/kernels", json={"name": "python3"}, timeout=60,
                          headers={"X-XSRFToken": xsrf}).json()
    cookie = "; ".join(f"{c.name}={c.value}" for c in session.cookies if c.path in ("/", f"/user/{user}/"))
    url = base.replace("http://", "ws://") + f"/api/kernels/{kernel['id']}/channels"

    async def talk() -> str:
        ws = await websocket_connect(HTTPRequest(url, headers={"Cookie": cookie}),
                                     subprotocols=["v1.kernel.websocket.jupyter.org"])
        # the npm proxy passes the negotiated subprotocol back (the PyPI port does not: P6)
        assert ws.selected_subprotocol == "v1.kernel.websocket.jupyter.org"
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": "execute_request", "username": user, "session": msg_id,
                  "version": "5.3", "date": ""}
        body = {"header": header, "parent_header": {}, "metadata": {}, "channel": "shell",
                "content": {"code": code, "silent": False, "store_history": False,
                            "user_expressions": {}, "allow_stdin": False}}
        if ws.selected_subprotocol:
            await ws.write_message(_v1_frame(body), binary=True)
        else:
            await ws.write_message(json.dumps(body))
        while True:
            raw = await asyncio.wait_for(ws.read_message(), 60)
            msg = _v1_parse(raw) if isinstance(raw, bytes) else json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                return msg["content"]["data"]["text/plain"]
            if msg["msg_type"] == "stream":
                return msg["content"]["text"]
            if msg["msg_type"] == "error":
                return "error: " + msg["content"]["ename"]

    try:
        return asyncio.run(talk())
    finally:
        session.delete(f"{base}/api/kernels/{kernel['id']}", headers={"X-XSRFToken": xsrf}, timeout=30)


def _v1_frame(msg: dict) -> bytes:
    """Serialize a message in the v1.kernel.websocket.jupyter.org binary framing."""
    import json
    import struct

    parts = [msg["channel"].encode()] + [json.dumps(msg[k]).encode()
                                         for k in ("header", "parent_header", "metadata", "content")]
    offsets, pos = [], 8 * (len(parts) + 2)
    for part in parts:
        offsets.append(pos)
        pos += len(part)
    offsets.append(pos)
    return struct.pack(f"<{len(offsets) + 1}Q", len(offsets), *offsets) + b"".join(parts)


def _v1_parse(data: bytes) -> dict:
    """Parse a v1 binary frame into a message dict."""
    import json
    import struct

    count = struct.unpack_from("<Q", data)[0]
    offsets = struct.unpack_from(f"<{count}Q", data, 8)
    parts = [data[offsets[i]:offsets[i + 1]] for i in range(count - 1)]
    msg = {"channel": parts[0].decode()}
    for key, part in zip(("header", "parent_header", "metadata", "content"), parts[1:5], strict=False):
        msg[key] = json.loads(part)
    msg["msg_type"] = msg["header"]["msg_type"]
    return msg


@pytest.fixture
def hub_factory(chp_binary):
    """Start extra demo hubs in a test (each in its own folder); every one is stopped afterwards."""
    hubs: list[HubProcess] = []

    def start(base: Path, *, extra: str = "") -> HubProcess:
        hubs.append(start_demo_hub(base, extra=extra))
        return hubs[-1]

    yield start
    for hub in hubs:
        hub.stop()


@pytest.fixture(scope="session")
def hub_process_class():
    """:class:`HubProcess` itself, for tests that start hubs their own way (test modules cannot import
    this file)."""
    return HubProcess
