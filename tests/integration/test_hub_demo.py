"""The real demo hub with the real npm proxy: login, spawn, Lab settings, isolation, restart."""

import re

import pytest
import requests
from schuelerlab.hub import classes, lesson

pytestmark = pytest.mark.slow



def _user(hub, role, index=0):
    return [r for r in hub.credentials() if r["role"] == role][index]


def test_accounts_file_is_private_and_complete(demo_hub):
    mode = (demo_hub.state / "zugaenge.csv").stat().st_mode & 0o777
    assert mode == 0o600
    assert [r["role"] for r in demo_hub.credentials()] == ["teacher", "student", "student"]
    assert "password" not in (demo_hub.state / "accounts.json").read_text().lower().replace('"hash"', "")


def test_wrong_password_is_refused_in_german(demo_hub):
    student = _user(demo_hub, "student")
    session = requests.Session()
    page = session.get(demo_hub.url + "/hub/login", timeout=10)
    assert "Anmelden" in page.text and "Passwort:" in page.text and "Sign in" not in page.text
    r = session.post(demo_hub.url + "/hub/login?next=", allow_redirects=False, timeout=30, data={
        "username": student["username"], "password": "falsch-falsch-22",
        "_xsrf": session.cookies.get("_xsrf", path="/hub/")})
    assert r.status_code == 403
    assert "Prüfe Name und Passwort" in r.content.decode("utf-8")


def test_student_logs_in_and_gets_a_german_lab_without_news(demo_hub, run_code):
    student = _user(demo_hub, "student")
    name = student["username"]
    session = demo_hub.login(name, student["password"])
    r = session.get(f"{demo_hub.url}/hub/spawn/{name}", timeout=120)
    assert "spawn-pending" in r.url and "Dein Arbeitsplatz wird gestartet" in r.content.decode("utf-8")
    demo_hub.wait_ready(name)
    lab = session.get(f"{demo_hub.url}/user/{name}/lab", timeout=60)
    assert lab.status_code == 200 and "jupyter-config-data" in lab.text
    assert session.get(f"{demo_hub.url}/user/{name}/lab/api/news", timeout=30).json() == {"news": []}
    update = session.get(f"{demo_hub.url}/user/{name}/lab/api/update", timeout=30).json()
    assert update == {"notification": None}
    settings_api = f"{demo_hub.url}/user/{name}/lab/api/settings/"
    translation = session.get(settings_api + "@jupyterlab/translation-extension:plugin", timeout=30).json()
    assert translation["schema"]["properties"]["locale"]["default"] == "de_DE"
    languages = session.get(f"{demo_hub.url}/user/{name}/lab/api/translations", timeout=30).json()
    assert "de_DE" in languages["data"]
    assert "@jupyter/nbgrader:formgrader" in re.search(r"disabledExtensions[^\]]*\]", lab.text).group(0)
    contents = session.get(f"{demo_hub.url}/user/{name}/api/contents", timeout=30)
    assert contents.status_code == 200
    # a kernel answers over its websocket through the npm proxy (reference P6)
    assert run_code(demo_hub.url, session, name, "6 * 7") == "42"
    assert r.status_code == 200


def test_student_cannot_reach_other_servers_admin_or_formgrader(demo_hub):
    teacher, s1, s2 = _user(demo_hub, "teacher"), _user(demo_hub, "student"), _user(demo_hub, "student", 1)
    for other in (teacher, s2):
        assert demo_hub.api("POST", f"/users/{other['username']}/server").status_code in (201, 202, 400)
        demo_hub.wait_ready(other["username"])
    session = demo_hub.login(s1["username"], s1["password"])
    me, t, s2n = s1["username"], teacher["username"], s2["username"]
    forbidden = [f"/user/{t}/lab", f"/user/{t}/api/contents", f"/user/{s2n}/lab",
                 f"/user/{s2n}/api/contents", f"/user/{t}/formgrader", "/hub/admin", "/hub/api/users",
                 f"/hub/api/users/{t}", "/hub/api/groups"]
    for path in forbidden:
        r = session.get(demo_hub.url + path, timeout=60)
        assert r.status_code in (403, 404), f"{path}: {r.status_code} {r.url}"
    session.get(f"{demo_hub.url}/hub/spawn/{me}", timeout=120)
    demo_hub.wait_ready(me)
    assert session.get(f"{demo_hub.url}/user/{me}/formgrader", timeout=60).status_code == 404
    teacher_session = demo_hub.login(t, teacher["password"])
    formgrader = teacher_session.get(f"{demo_hub.url}/user/{t}/formgrader", timeout=60)
    assert formgrader.status_code == 200
    # the formgrader may be framed by the teacher's own Lab (P5); students keep 'none'
    assert "frame-ancestors 'self'" in formgrader.headers["Content-Security-Policy"]
    own_lab = session.get(f"{demo_hub.url}/user/{me}/lab", timeout=60)
    assert "frame-ancestors 'none'" in own_lab.headers["Content-Security-Policy"]
    assert teacher_session.get(demo_hub.url + "/hub/api/users", timeout=30).status_code == 200


def test_class_created_while_running_logs_in_and_starts_for_the_lesson(demo_hub):
    kw = {"settings": demo_hub.settings, "state_dir": demo_hub.state, "demo": True}
    result = classes.create_class(name="stunde", students=2, course="sensoren", **kw)
    names = [r[0] for r in result.rows]
    assert lesson.start_class(name="stunde", stagger=0.2, log=print, **kw) == dict.fromkeys(names, "startet")
    assert lesson.wait_ready(names=names, timeout=120, **kw)
    groups = demo_hub.api("GET", "/groups/nbgrader-sensoren").json()["users"]
    assert set(names) <= set(groups)
    session = demo_hub.login(names[0], result.rows[0][1])
    assert session.get(f"{demo_hub.url}/user/{names[0]}/lab", timeout=30).status_code == 200
    assert session.get(f"{demo_hub.url}/user/{names[1]}/lab", timeout=30).status_code == 403
    assert session.get(f"{demo_hub.url}/user/{names[0]}/api/contents", timeout=30).status_code == 200
    assert session.get(f"{demo_hub.url}/user/{names[1]}/api/contents", timeout=30).status_code == 403
    assert lesson.stop_class(name="stunde", **kw) == dict.fromkeys(names, "gestoppt")
    assert classes.delete_class(name="stunde", **kw) == names
    hub_users = {u["name"] for u in demo_hub.api("GET", "/users").json()}
    assert not set(names) & hub_users


def test_restart_keeps_accounts_and_passwords(demo_hub):
    before = demo_hub.credentials()
    accounts = (demo_hub.state / "accounts.json").read_text()
    cookie = (demo_hub.state / "secrets" / "cookie_secret").read_text()
    assert demo_hub.stop() == []
    demo_hub.start()
    assert demo_hub.credentials() == before
    assert (demo_hub.state / "accounts.json").read_text() == accounts
    assert (demo_hub.state / "secrets" / "cookie_secret").read_text() == cookie
    student = _user(demo_hub, "student", 1)
    demo_hub.login(student["username"], student["password"])
    users = {u["name"] for u in demo_hub.api("GET", "/users").json()}
    assert {r["username"] for r in before} <= users
