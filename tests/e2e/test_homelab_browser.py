"""``schuelerlab lab`` in a real browser (Playwright, Debian's Chromium): the Lab shows German menus,
the course folders, a student notebook, and no news or update question. Screenshots:
test-artifacts/homelab-notebook.png, homelab-lab.png."""

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

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _token(proc: subprocess.Popen, runtime: Path, port: int) -> str:
    for _ in range(600):
        assert proc.poll() is None, "schuelerlab lab exited early"
        for info in runtime.glob("jpserver-*.json"):
            data = json.loads(info.read_text() or "{}")
            if data.get("port") == port:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={data['token']}",
                                                timeout=5):
                        return data["token"]
                except OSError:
                    pass
        time.sleep(0.2)
    raise AssertionError("JupyterLab did not answer")


@pytest.fixture
def home_lab(tmp_path):
    if not CHROMIUM.exists():
        pytest.fail("Chromium fehlt: scripts/ensure-debian-packages.sh chromium (steht in SYSTEM_PACKAGES).")
    port = _free_port()
    env = dict(os.environ, SCHUELERLAB_CACHE_DIR=str(tmp_path / "cache"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "userconf"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    log = (tmp_path / "lab.log").open("wb")
    proc = subprocess.Popen([str(Path(sys.executable).parent / "schuelerlab"), "lab", "--folder",
                             str(tmp_path / "Schuelerlab"), "--no-browser", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}", _token(proc, tmp_path / "runtime", port)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_home_lab_is_german_without_news_question(home_lab):
    from playwright.sync_api import expect, sync_playwright

    base, token = home_lab
    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(f"{base}/lab/tree/daten/02_csv/02_csv.ipynb?reset&token={token}")
            menu = page.locator(".lm-MenuBar-itemLabel")
            expect(menu.first).to_be_visible(timeout=60_000)
            labels = [text.strip() for text in menu.all_inner_texts()]
            assert "Datei" in labels and "Bearbeiten" in labels and "File" not in labels, labels
            page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
            expect(page.locator(".jp-Notebook")).to_contain_text("CSV")
            page.screenshot(path=str(artifacts / "homelab-notebook.png"))
            page.goto(f"{base}/lab?token={token}")
            listing = page.locator(".jp-DirListing-itemName")
            expect(listing.filter(has_text="sensoren")).to_have_count(1, timeout=60_000)
            names = {text.strip() for text in listing.all_inner_texts()}
            assert {"calliope", "daten", "sensoren", "Kurskatalog.html"} <= names, names
            page.wait_for_timeout(3000)  # the news question would pop up shortly after start
            toasts = " ".join(page.locator(".Toastify__toast").all_inner_texts())
            assert "news" not in toasts.lower() and "neuigkeiten" not in toasts.lower(), toasts
            page.screenshot(path=str(artifacts / "homelab-lab.png"))
        finally:
            browser.close()
