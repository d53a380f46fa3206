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
    """``schuelerlab hub run --demo`` as a real process group (stopped like Ctrl-C)."""

    def __init__(self, state: Path, settings: Path, proxy_dir: Path, url: str, log: Path):
        self.state, self.settings, self.proxy_dir, self.url, self.log = state, settings, proxy_dir, url, log
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        cmd = [sys.executable, "-m", "schuelerlab", "hub", "run", "--demo", "--settings", str(self.settings),
               "--state-dir", str(self.state), "--proxy-dir", str(self.proxy_dir)]
        out = self.log.open("a")
        self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
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


def start_demo_hub(base: Path, *, extra: str = "") -> HubProcess:
    """Start a demo hub on free ports in ``base`` (settings ``extra`` appended as TOML)."""
    port, api, proxy_api = free_port(), free_port(), free_port()
    settings = base / "hub.toml"
    settings.write_text(
        "[hub]\n"
        f'bind_url = "http://127.0.0.1:{port}"\n'
        f'hub_api_url = "http://127.0.0.1:{api}"\n'
        f'proxy_api_url = "http://127.0.0.1:{proxy_api}"\n'
        "[demo]\nstudents = 2\n" + extra, encoding="utf-8")
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
def culling_hub(tmp_path_factory, chp_binary):
    """A hub whose idle culler stops servers after 3 s without activity."""
    limits = "[limits]\nidle_timeout = 3\ncull_every = 1\n"
    hub = start_demo_hub(tmp_path_factory.mktemp("cull"), extra=limits)
    yield hub
    left = hub.stop()
    assert left == [], f"processes left after stopping the hub: {left}"
