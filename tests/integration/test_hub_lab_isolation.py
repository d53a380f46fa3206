"""Lab mode end to end with real Unix accounts: the terminal half of the isolation matrix, and a restart.

A real lab-mode hub (npm proxy, PAM logins, one Unix account per person, servers spawned as those
accounts) with a teacher and a class of two students in course ``sensoren``. Student B fetches,
solves one exercise and hands in on B's own server (the browser's calls to the page "Meine Aufgaben");
the teacher grades it with ``schuelerlab grade`` (sandbox) as the teacher's account. Student A then
opens a real Jupyter terminal the browser's way (REST + websocket through the proxy) and tries to read
B's home, the teacher's course folder, the shipped course sources, the gradebook and B's submission in
the exchange (with its exact path): every attempt is refused, while A's own home is readable and ``id``
shows A's account. A restart of the hub keeps accounts, the submission and the grade.

Spawned servers run as the students, so the Python they run must be reachable by every account:
the module builds a venv from Debian's ``/usr/bin/python3`` in a fresh 0755 folder, with the dev venv's
packages hard-linked in and this checkout copied as a regular (non-editable) package, so it works
even when the checkout lies below a private (0700) folder, as in CI.
Needs root (CI is root); every account and process it creates is removed at the end.
"""

from __future__ import annotations

import asyncio
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from schuelerlab.hub import classes, unix
from schuelerlab.hub import lab as labmode

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.geteuid() != 0, reason="creates Unix accounts and switches to them: needs root "
                                                 "(CI is root)"),
]

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = Path("/usr/bin/python3")
COURSE, ASSIGNMENT = "sensoren", "01_spannung"
SOLVED_CELL = "loesung_1_spannung"  # B solves exercise 1 of 3 (2 of 6 points)
ANSI = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|\][^\x07]*\x07)")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- a venv every account can run ---------------------------------------------------------------

def _link_tree(src: Path, dst: Path) -> None:
    """Hard-link copy (fast, same file system), else a normal copy."""
    if subprocess.run(["cp", "-al", str(src), str(dst)], capture_output=True).returncode != 0:
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(src, dst, symlinks=True)


def _copy_project(site: Path) -> None:
    """This checkout as a regular package (the layout of ``[tool.setuptools]`` in pyproject.toml)."""
    for old in site.glob("__editable__*schuelerlab*"):
        old.unlink()
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    dirs = {"schuelerlab": "schuelerlab", **conf.get("package-dir", {})}
    for package, folder in dirs.items():
        shutil.copytree(ROOT / folder, site / package.replace(".", "/"), dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))


def _copy_scripts(old_bin: Path, new_bin: Path) -> None:
    """The dev venv's console scripts (nbgrader calls ``alembic``), pointing at the new Python."""
    for script in old_bin.iterdir():
        if script.is_symlink() or not script.is_file():
            continue
        head, _, rest = script.read_bytes().partition(b"\n")
        if head.startswith(b"#!/") and head.rstrip().endswith((b"/python", b"/python3")):
            target = new_bin / script.name
            target.write_bytes(f"#!{new_bin / 'python'}\n".encode() + rest)
            target.chmod(0o755)


def site_packages(python: Path) -> Path:
    """The site-packages folder of the venv of ``python``."""
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return Path(subprocess.run([str(python), "-c", code], check=True, capture_output=True,
                               text=True).stdout.strip())


def build_shared_venv(base: Path) -> Path:
    """A venv from Debian's Python in ``base`` (0755) with the dev venv's packages; its python."""
    venv = base / "venv"
    version = subprocess.run([str(SYSTEM_PYTHON), "-c", "import sys; print(sys.version_info[:2])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    assert version == str(sys.version_info[:2]), (  # the packages are shared, compiled parts included
        f"{SYSTEM_PYTHON} is Python {version}, the dev venv {sys.version_info[:2]}: build .venv from it")
    subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", "--without-pip", str(venv)], check=True)
    site = site_packages(venv / "bin" / "python")
    shutil.rmtree(site)
    _link_tree(Path(sysconfig.get_paths()["purelib"]), site)
    for extra in ("etc", "share"):  # server extension switches, JupyterHub's templates and static files
        if (Path(sys.prefix) / extra).is_dir():
            _link_tree(Path(sys.prefix) / extra, venv / extra)
    _copy_project(site)
    _copy_scripts(Path(sys.executable).parent, venv / "bin")
    subprocess.run(["chmod", "-R", "a+rX", str(base)], check=True)
    return venv / "bin" / "python"


# --- the lab --------------------------------------------------------------------------------------

@dataclass
class Lab:
    """Everything the tests need to know about the running lab."""

    base: Path
    python: Path
    hub: object
    teacher: str
    students: list[tuple[str, str]]  # (name, password) of A and B
    marks: dict[str, str] = field(default_factory=dict)
    submission: Path | None = None

    @property
    def homes(self) -> Path:
        return self.base / "homes"

    @property
    def exchange(self) -> Path:
        return self.base / "exchange"

    @property
    def course_dir(self) -> Path:
        return self.homes / self.teacher / COURSE

    @property
    def state(self) -> Path:
        return self.base / "state"

    def run_as(self, user: str, *args: str, env: dict[str, str] | None = None) -> str:
        """Run a command as ``user`` (``runuser``, clean environment, in the user's home)."""
        home = unix.home_of(user)
        role = "teacher" if user == self.teacher else "student"
        config = os.pathsep.join(str(self.state / "jupyter" / r) for r in (role, "common"))
        clean = {"HOME": str(home), "USER": user, "LANG": "C.UTF-8", "JUPYTER_CONFIG_PATH": config,
                 "PATH": f"{self.python.parent}:/usr/bin:/bin", **(env or {})}
        result = subprocess.run(["runuser", "-u", user, "--", "env", "-i",
                                 *(f"{k}={v}" for k, v in clean.items()), *args],
                                cwd=home, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"{args} as {user}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
        return result.stdout


def _write_settings(base: Path, teacher: str) -> tuple[Path, str]:
    port, api, proxy_api = free_port(), free_port(), free_port()
    settings = base / "hub.toml"
    settings.write_text(
        "[hub]\nmode = \"lab\"\n"
        f'bind_url = "http://127.0.0.1:{port}"\n'
        f'hub_api_url = "http://127.0.0.1:{api}"\n'
        f'proxy_api_url = "http://127.0.0.1:{proxy_api}"\n'
        f'courses = ["{COURSE}"]\nteachers = ["{teacher}"]\n'
        f'[lab]\nhome_root = "{base / "homes"}"\nexchange_dir = "{base / "exchange"}"\n', encoding="utf-8")
    return settings, f"http://127.0.0.1:{port}"


def _owned_file(path: Path, user: str, text: str) -> None:
    """A world-readable file owned by ``user``: only the folders around it protect it."""
    path.write_text(text, encoding="utf-8")
    path.chmod(0o644)
    shutil.chown(path, user, user)


def _submit_as(lab: Lab, student: str, password: str) -> Path:
    """``student`` fetches the assignment on the German page "Meine Aufgaben", solves exercise 1 (with a
    secret mark) in the notebook, saves and hands in: the HTTP calls of the browser, on the student's
    own server (running as the student's account)."""
    session = start_server(lab, student, password)
    base = f"{lab.hub.url}/user/{student}"
    xsrf = session.cookies.get("_xsrf", path=f"/user/{student}/")
    form = {"kurs": COURSE, "aufgabe": ASSIGNMENT, "_xsrf": xsrf}

    def action(name: str, done: str) -> None:
        r = session.post(f"{base}/aufgaben/{name}", data=form, allow_redirects=False, timeout=120)
        assert r.status_code == 302 and f"meldung={done}" in r.headers["Location"], (r.status_code, r.headers)

    action("holen", "geholt")
    url = f"{base}/api/contents/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
    model = session.get(url, timeout=30).json()
    cells = [c for c in model["content"]["cells"]
             if c["metadata"].get("nbgrader", {}).get("grade_id") == SOLVED_CELL]
    assert len(cells) == 1
    cells[0]["source"] = f"def spannung(wert):\n    return wert / 1023 * 3.3  # {lab.marks['submission']}"
    r = session.put(url, json={"type": "notebook", "format": "json", "content": model["content"]},
                    headers={"X-XSRFToken": xsrf}, timeout=30)
    assert r.status_code == 200, r.text[:500]
    action("abgeben", "abgegeben")
    found = sorted((lab.exchange / COURSE / "inbound").glob(f"{student}+{ASSIGNMENT}+*"))
    assert len(found) == 1, found
    return found[0] / f"{ASSIGNMENT}.ipynb"


def _processes_of(uids: set[int]) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid in uids:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _kill(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.fixture(scope="module")
def lab(chp_binary, hub_process_class):
    """A running lab-mode hub with a teacher, two students, B's graded submission; all removed after."""
    base = Path(tempfile.mkdtemp(prefix="schuelerlab-lab-"))  # pytest's tmp_path is below a 0700 folder
    tag = secrets.token_hex(3)
    teacher, klass = f"zl{tag}", f"zt{tag}"
    created: list[str] = []
    group_existed = unix.group_exists(labmode.TEACHER_GROUP)
    hub = None
    try:
        base.chmod(0o755)
        (base / "homes").mkdir(mode=0o755)
        python = build_shared_venv(base)
        settings, url = _write_settings(base, teacher)
        unix.create_user(teacher, secrets.token_urlsafe(12), home_root=str(base / "homes"),
                         shell="/usr/sbin/nologin")
        created.append(teacher)
        result = classes.create_class(name=klass, students=2, course=COURSE, settings=settings,
                                      state_dir=base / "state")
        created += [name for name, _, _ in result.rows]
        env = {"PATH": f"{python.parent}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8",
               "HOME": str(Path.home())}
        hub = hub_process_class(base / "state", settings, ROOT, url, base / "hub.log", demo=False,
                         python=str(python), env=env)
        hub.start()
        lab = Lab(base=base, python=python, hub=hub, teacher=teacher,
                  students=[(name, password) for name, password, _ in result.rows],
                  marks={k: f"GEHEIM-{k}-{secrets.token_hex(6)}" for k in ("home_a", "home_b", "submission")})
        released = lab.exchange / COURSE / "outbound" / ASSIGNMENT
        assert released.is_dir(), "course not released:\n" + hub.log.read_text(encoding="utf-8")[:3000]
        (a, _), (b, password_b) = lab.students
        _owned_file(unix.home_of(a) / "eigen.txt", a, lab.marks["home_a"])
        _owned_file(unix.home_of(b) / "geheim.txt", b, lab.marks["home_b"])
        lab.submission = _submit_as(lab, b, password_b)
        lab.run_as(teacher, str(python), "-m", "schuelerlab", "grade", ASSIGNMENT, "--course", COURSE)
        yield lab
    finally:
        if hub is not None:
            hub.stop()
        uids = {pwd.getpwnam(n).pw_uid for n in created if unix.user_exists(n)}
        _kill(_processes_of(uids))
        for name in created:
            unix.delete_user(name)
        if not group_existed and unix.group_exists(labmode.TEACHER_GROUP):
            unix.run(["groupdel", labmode.TEACHER_GROUP])
        shutil.rmtree(base, ignore_errors=True)


# --- a real Jupyter terminal ------------------------------------------------------------------------

def login(url: str, username: str, password: str) -> requests.Session:
    session = requests.Session()
    session.get(url + "/hub/login", timeout=10)
    xsrf = session.cookies.get("_xsrf", path="/hub/")
    r = session.post(url + "/hub/login?next=", timeout=60, allow_redirects=False,
                     data={"username": username, "password": password, "_xsrf": xsrf})
    assert r.status_code == 302, f"login {username}: {r.status_code}"
    return session


def run_in_terminal(url: str, session: requests.Session, user: str,
                    commands: list[str]) -> list[tuple[str, int]]:
    """Open a terminal on ``user``'s server (REST, then its websocket through the proxy, as JupyterLab
    does) and run each command in the same shell; return (output, exit status) per command."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    base = f"{url}/user/{user}"
    xsrf = session.cookies.get("_xsrf", path=f"/user/{user}/")
    r = session.post(f"{base}/api/terminals", headers={"X-XSRFToken": xsrf}, timeout=30)
    assert r.status_code == 200, r.text[:500]
    name = r.json()["name"]
    cookie = "; ".join(f"{c.name}={c.value}" for c in session.cookies if c.path in ("/", f"/user/{user}/"))

    async def talk() -> list[tuple[str, int]]:
        ws = await websocket_connect(HTTPRequest(f"{base.replace('http://', 'ws://')}/terminals/websocket/{name}",
                                                 headers={"Cookie": cookie}))
        await ws.write_message(json.dumps(["set_size", 50, 400, 600, 4000]))
        results = []
        for i, command in enumerate(commands):
            # the quotes keep the echoed command line from matching the end mark
            await ws.write_message(json.dumps(["stdin", f"{command}; echo __E\"\"ND{i}__ $?\r"]))
            text, end = "", re.compile(rf"__END{i}__ (\d+)")
            while not end.search(text):
                raw = await asyncio.wait_for(ws.read_message(), 60)
                assert raw is not None, f"terminal closed; output so far: {text!r}"
                kind, *payload = json.loads(raw)
                if kind == "stdout":
                    text += ANSI.sub("", payload[0])
            results.append((text, int(end.search(text).group(1))))
        ws.close()
        return results

    try:
        return asyncio.run(talk())
    finally:
        session.delete(f"{base}/api/terminals/{name}", headers={"X-XSRFToken": xsrf}, timeout=30)


def start_server(lab: Lab, user: str, password: str) -> requests.Session:
    """Log in through the hub's form, spawn the server, open the Lab (sets the server's cookies)."""
    session = login(lab.hub.url, user, password)
    session.get(f"{lab.hub.url}/hub/spawn/{user}", timeout=120)
    lab.hub.wait_ready(user)
    assert session.get(f"{lab.hub.url}/user/{user}/lab", timeout=60).status_code == 200
    return session


def _server_uid(home: Path) -> int:
    """The uid of the single-user server process working in ``home``."""
    for entry in Path("/proc").iterdir():
        try:
            if (entry.name.isdigit() and Path(entry / "cwd").readlink() == home
                    and b"schuelerlab.hub.singleuser" in (entry / "cmdline").read_bytes()):
                return entry.stat().st_uid
        except OSError:
            continue
    raise AssertionError(f"no server process in {home}")


# --- the tests ----------------------------------------------------------------------------------------

def test_terminal_cannot_read_other_homes_course_gradebook_or_submissions(lab):
    (a, password), (b, password_b) = lab.students
    home_b, course = lab.homes / b, lab.course_dir
    cards = next((lab.state / "karten").glob("*-zugaenge.csv"))  # the class's passwords
    token = (lab.state / "secrets" / "service_token").read_text().strip()
    solution = course / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    # the course as shipped in the installed package: the same solutions and hidden tests
    shipped = site_packages(lab.python) / "schuelerlab" / "courses" / COURSE / "source" / ASSIGNMENT
    gradebook = course / "gradebook.db"
    collected = course / "submitted" / b / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    inbound = lab.exchange / COURSE / "inbound"
    # the secrets are really there, and the owners can read them (so every refusal below can fail)
    assert lab.marks["home_b"] in (home_b / "geheim.txt").read_text()
    assert "BEGIN SOLUTION" in solution.read_text()
    assert "BEGIN SOLUTION" in (shipped / solution.name).read_text()
    assert gradebook.read_bytes().startswith(b"SQLite format 3")
    assert lab.marks["submission"] in lab.submission.read_text()
    assert lab.marks["submission"] in collected.read_text()  # the teacher collected it through the group
    assert password_b in cards.read_text() and b in (lab.state / "accounts.json").read_text()
    session = start_server(lab, a, password)
    assert _server_uid(lab.homes / a) == pwd.getpwnam(a).pw_uid

    checks = {
        "id": None,
        "cat ~/eigen.txt": None,
        f"ls -la {home_b}": None,
        f"cat {home_b}/geheim.txt": lab.marks["home_b"],
        f"ls {course}": None,
        f"cat {solution}": "BEGIN SOLUTION",
        f"cat {shipped / solution.name}": "BEGIN SOLUTION",
        f"ls {shipped}": None,
        f"head -c 64 {gradebook}": "SQLite format",
        f"cat {collected}": lab.marks["submission"],
        f"ls {inbound}": None,
        f"cat '{lab.submission}'": lab.marks["submission"],
        f"rm -f '{lab.submission}'": None,
        f"touch {lab.exchange / COURSE / 'outbound' / ASSIGNMENT / 'neu.txt'}": None,
        # the hub's own state: login cards with passwords, accounts, the admin token, the hub database
        f"cat {cards}": password_b,
        f"cat {lab.state / 'accounts.json'}": b,
        f"cat {lab.state / 'secrets' / 'service_token'}": token,
        f"head -c 64 {lab.state / 'jupyterhub.sqlite'}": "SQLite format",
    }
    results = dict(zip(checks, run_in_terminal(lab.hub.url, session, a, list(checks)), strict=True))

    text, status = results["id"]
    assert status == 0 and f"uid={pwd.getpwnam(a).pw_uid}({a})" in text  # the server runs as A
    text, status = results["cat ~/eigen.txt"]
    assert status == 0 and lab.marks["home_a"] in text  # A's own home is readable
    for command, secret in checks.items():
        if command in ("id", "cat ~/eigen.txt"):
            continue
        text, status = results[command]
        assert status != 0 and "Permission denied" in text, (command, text)
        if secret:
            assert secret not in text, command
    assert lab.submission.exists()  # B's submission survived A's attempt to delete it
    # and over HTTP: B's server (still running, as B) does not let A in
    assert session.get(f"{lab.hub.url}/user/{b}/api/contents", timeout=30).status_code == 403


def test_restart_keeps_accounts_submission_and_grade(lab):
    from nbgrader.api import Gradebook

    (a, password), (b, _) = lab.students
    db_url = f"sqlite:///{lab.course_dir / 'gradebook.db'}"

    def grade() -> tuple[float, float]:
        with Gradebook(db_url, course_id=COURSE) as gb:
            submission = gb.find_submission(ASSIGNMENT, b)
            return submission.score, submission.max_score

    before = grade()
    assert before == (2.0, 6.0)  # exercise 1 of 3 solved
    hub = lab.hub
    left = hub.stop()
    assert left == [], f"processes left after stopping the hub: {left}"
    uids = {pwd.getpwnam(name).pw_uid for name, _ in lab.students}
    assert _processes_of(uids) == []  # the servers stopped with the hub
    hub.start()

    log = hub.log.read_text(encoding="utf-8")
    assert log.count(f"Kurse eingerichtet und freigegeben: {COURSE}") == 2, log[-3000:]  # as the teacher
    assert "fehlgeschlagen" not in log
    assert all(unix.user_exists(name) for name in [lab.teacher, a, b])
    users = {u["name"] for u in hub.api("GET", "/users").json()}
    assert {lab.teacher, a, b} <= users
    login(hub.url, a, password)  # the same password still works (PAM, the Unix account)
    assert lab.marks["submission"] in lab.submission.read_text()
    assert grade() == before
