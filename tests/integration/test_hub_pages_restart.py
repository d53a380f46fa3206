"""A real demo hub: German hub pages, rlimits on the running server, and a restart that keeps the
student's files and the teacher's gradebook."""

from pathlib import Path

import pytest
from nbgrader.api import Gradebook

pytestmark = pytest.mark.slow

LIMITS = '[limits]\naddress_space = "3G"\nopen_files = 900\n'


def _user(hub, role):
    return next(r for r in hub.credentials() if r["role"] == role)


def _server_pid(hub, name: str) -> int:
    home = hub.state / "homes" / name
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and Path(entry / "cwd").readlink() == home:
                cmd = (entry / "cmdline").read_bytes()
                if b"schuelerlab.hub.singleuser" in cmd:
                    return int(entry.name)
        except OSError:
            continue
    raise AssertionError(f"no server process for {name}")


def _limit(pid: int, label: str) -> str:
    line = next(x for x in Path(f"/proc/{pid}/limits").read_text().splitlines() if x.startswith(label))
    return line[len(label):].split()[0]


def test_pages_limits_and_restart(tmp_path, hub_factory):
    hub = hub_factory(tmp_path, extra=LIMITS)
    student, teacher = _user(hub, "student"), _user(hub, "teacher")
    name = student["username"]
    session = hub.login(name, student["password"])

    # German home page and error page (other hub pages extend the same German page.html)
    home = session.get(hub.url + "/hub/home", timeout=30).content.decode("utf-8")
    assert "Arbeitsplatz starten" in home and "Abmelden" in home and "Startseite" in home
    assert "Start My Server" not in home and "Logout" not in home
    missing = session.get(hub.url + "/hub/gibt-es-nicht", timeout=30)
    text = missing.content.decode("utf-8")
    assert missing.status_code == 404
    assert "Seite nicht gefunden" in text and "Zur Startseite" in text
    assert "Jupyter has lots of moons" not in text

    # the running server has the configured rlimits
    session.get(f"{hub.url}/hub/spawn/{name}", timeout=120)
    hub.wait_ready(name)
    pid = _server_pid(hub, name)
    assert _limit(pid, "Max address space") == str(3 * 1024**3)
    assert _limit(pid, "Max open files") == "900"
    assert _limit(pid, "Max core file size") == "0"

    # a submission in the student's home, and a submission with its grade in the teacher's real
    # nbgrader gradebook (the hub set the course up and released it at start)
    (hub.state / "homes" / name / "abgabe.py").write_text("print('meine Lösung')\n", encoding="utf-8")
    gradebook_url = f"sqlite:///{hub.state / 'homes' / teacher['username'] / 'sensoren' / 'gradebook.db'}"
    with Gradebook(gradebook_url) as gb:
        assert "01_spannung" in {a.name for a in gb.assignments}
        gb.update_or_create_student(name, first_name="Test")
        gb.add_submission("01_spannung", name)
        max_score = gb.find_submission("01_spannung", name).max_score

    assert hub.stop() == []
    hub.start()

    with Gradebook(gradebook_url) as gb:
        kept = gb.find_submission("01_spannung", name)
        assert kept.student.first_name == "Test" and kept.max_score == max_score > 0
    session = hub.login(name, student["password"])
    session.get(f"{hub.url}/hub/spawn/{name}", timeout=120)
    hub.wait_ready(name)
    session.get(f"{hub.url}/user/{name}/lab", timeout=60)  # OAuth round trip sets the server cookie
    r = session.get(f"{hub.url}/user/{name}/api/contents/abgabe.py", timeout=60)
    assert r.status_code == 200 and r.json()["content"] == "print('meine Lösung')\n"
