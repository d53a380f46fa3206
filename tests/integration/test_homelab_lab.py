"""``schuelerlab lab`` as a real process: copies the courses, serves them in a German JupyterLab without
news or update checks, and stops cleanly on SIGINT."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

SCHUELERLAB = Path(sys.executable).parent / "schuelerlab"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, token: str, path: str) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, ""


def _wait_for_server(proc: subprocess.Popen, runtime: Path, port: int, deadline: float) -> str:
    """The token from the server's JSON file in the runtime dir, once the Lab answers."""
    while time.monotonic() < deadline:
        assert proc.poll() is None, "schuelerlab lab exited early"
        for info in runtime.glob("jpserver-*.json"):
            data = json.loads(info.read_text() or "{}")
            if data.get("port") == port:
                status, _ = _get(port, data["token"], "/api/status")
                if status == 200:
                    return data["token"]
        time.sleep(0.3)
    raise AssertionError("JupyterLab did not answer in time")


@pytest.fixture
def running_lab(tmp_path):
    port = _free_port()
    env = dict(os.environ, SCHUELERLAB_CACHE_DIR=str(tmp_path / "cache"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "userconf"))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    folder = tmp_path / "Schuelerlab"
    proc = subprocess.Popen([str(SCHUELERLAB), "lab", "--folder", str(folder), "--no-browser", "--port",
                             str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        token = _wait_for_server(proc, tmp_path / "runtime", port, time.monotonic() + 120)
        yield proc, port, token, folder, tmp_path
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_lab_serves_the_courses_in_german_and_stops_on_sigint(running_lab):
    proc, port, token, folder, tmp_path = running_lab
    status, body = _get(port, token, "/api/contents")
    assert status == 200
    names = {item["name"] for item in json.loads(body)["content"]}
    assert {"calliope", "sensoren", "daten", "Kurskatalog.html"} <= names
    status, body = _get(port, token, "/api/contents/daten/02_csv")
    assert "02_csv.ipynb" in {item["name"] for item in json.loads(body)["content"]}

    status, body = _get(port, token, "/lab/api/settings/@jupyterlab/translation-extension:plugin")
    assert status == 200
    assert json.loads(body)["schema"]["properties"]["locale"]["default"] == "de_DE"
    status, body = _get(port, token, "/lab/api/translations/de_DE")
    assert status == 200 and json.loads(body)["data"], "the German language pack is not installed"
    status, body = _get(port, token, "/lab/api/settings/@jupyterlab/apputils-extension:notification")
    props = json.loads(body)["schema"]["properties"]
    assert props["checkForUpdates"]["default"] is False and props["fetchNews"]["default"] == "false"
    assert _get(port, token, "/lab/api/news") == (200, '{"news": []}')
    assert json.loads(_get(port, token, "/lab/api/update")[1]) == {"notification": None}
    assert _get(port, token, "/formgrader")[0] == 404, "the teacher's formgrader must be off at home"
    assert not (tmp_path / "userconf" / "lab").exists(), "the user's own Lab settings must not be written"

    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err[-2000:]
    assert "Neu hinzugefügt" in err and "JupyterLab wird beendet" in err
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0, "JupyterLab still listens after SIGINT"
