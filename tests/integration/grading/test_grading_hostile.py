"""Hostile submissions: one grading run with every attack next to honest students.

Honest work scores what it earns, cheating scores nothing, every case gets a note, the run always
finishes, other students' grades stay the same and nothing of the teacher's reaches student code.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import threading
from pathlib import Path

import nbformat
import pytest
from schuelerlab.graders import sandbox, teacher, testing
from schuelerlab.graders.merge import grade_id

pytestmark = pytest.mark.slow

SECRET = "GEHEIM-LEHRKRAFT-4711"


class Listener:
    """A TCP server on the host's 127.0.0.1 that records every connection it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.sock.close()


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def attacks(course: Path, exchange: Path, port: int) -> dict[str, dict[str, str]]:
    """Answer-cell replacements per hostile student (right answers everywhere else)."""
    right1 = "\ndef quadrat(x):\n    return x * x"
    right2 = "\ndef mittelwert(werte):\n    return sum(werte) / len(werte)"
    right3 = "\ndef zaehle_vokale(text):\n    return sum(1 for z in text.lower() if z in 'aeiou')"
    snoop = f"""import glob, os
KURS = {str(course)!r}
beute = []
for pfad in [KURS + '/source/ex1/ex1.ipynb', KURS + '/gradebook.db', KURS + '/geheim.txt',
             KURS + '/submitted/ehrlich1/ex1/ex1.ipynb', '/etc/shadow', '/root/.bashrc']:
    try:
        beute.append(open(pfad, errors='replace').read())
        print('GELESEN', pfad, beute[-1][:3000])
    except Exception as fehler:
        print('kein Zugriff:', pfad, type(fehler).__name__)
for muster in ['/tmp/*/*', '/tmp/*', '/work/*', '/home/*', KURS + '/*']:
    for pfad in glob.glob(muster):
        try:
            print(pfad, open(pfad, errors='replace').read()[:3000] if os.path.isfile(pfad) else '')
        except Exception as fehler:
            print('kein Zugriff:', pfad, type(fehler).__name__)
def quadrat(x):
    return 16 if any('HIDDEN TESTS' in b for b in beute) else None
"""
    write = f"""import os
for pfad in [{str(course)!r} + '/gradebook.db', {str(course)!r} + '/hack.txt',
             {str(course)!r} + '/submitted/ehrlich1/ex1/ex1.ipynb', {str(exchange)!r} + '/hack.txt']:
    try:
        with open(pfad, 'w') as datei:
            datei.write('gehackt')
        print('GESCHRIEBEN', pfad)
    except Exception as fehler:
        print('nicht geschrieben:', pfad, type(fehler).__name__)
"""
    network = f"""import socket
for ziel in [('127.0.0.1', {port}), ('10.0.2.2', 80), ('8.8.8.8', 53)]:
    try:
        socket.create_connection(ziel, timeout=2).sendall(b'hallo')
        print('VERBUNDEN', ziel)
    except OSError as fehler:
        print('kein Netz:', ziel, fehler)
"""
    return {
        "schleife_antwort": {"a1_loesung": "while True:\n    pass" + right1},
        "schleife_im_test": {"a1_loesung": "def quadrat(x):\n    while True:\n        pass"},
        "gabelbombe": {"a2_loesung": "import os\nwhile True:\n    try:\n        os.fork()\n"
                                     "    except OSError:\n        pass" + right2},
        "speicherfresser": {"a3_loesung": "daten = []\nwhile True:\n    daten.append(bytearray(50 * 1024**2))"
                                          + right3},
        "ausgabeflut": {"a1_loesung": "for _ in range(50):\n    print('x' * 1_000_000)" + right1},
        "dateiflut": {"a1_loesung": "with open('gross.bin', 'wb') as f:\n    f.write(b'x' * 50_000_000)"
                                    + right1},
        "spion": {"a1_loesung": snoop},
        "schreiber": {"a1_loesung": write + "\ndef quadrat(x):\n    raise NotImplementedError()",
                      "a2_loesung": "def mittelwert(werte):\n    raise NotImplementedError()",
                      "a3_loesung": "def zaehle_vokale(text):\n    raise NotImplementedError()"},
        "sys_exit": {"a1_loesung": "import sys\nsys.exit(0)" + right1},
        "os_exit": {"a2_loesung": "import os\nos._exit(1)" + right2},
        "elternmord": {"a3_loesung": "import os, signal\nfor pid in (os.getppid(), 1, -1):\n    try:\n"
                                     "        os.kill(pid, signal.SIGKILL)\n    except OSError as fehler:\n"
                                     "        print(fehler)" + right3},
        "netzwerk": {"a2_loesung": network + right2},
    }


EXPECTED = {
    "ehrlich1": 6, "ehrlich2": 6, "leer": 0,
    "schleife_antwort": 4, "schleife_im_test": 4, "gabelbombe": 4, "speicherfresser": 4,
    "ausgabeflut": 6, "dateiflut": 4, "spion": 4, "schreiber": 0, "sys_exit": 4, "os_exit": 4,
    "elternmord": 6,
    "netzwerk": 6, "manipuliert": 0, "historiker": 6,
}


@pytest.fixture(scope="module")
def hostile_run(course_template: Path, tmp_path_factory: pytest.TempPathFactory):
    """Grade every attack once, with honest students in the same run (timeout 3 s)."""
    import shutil

    home = tmp_path_factory.mktemp("feindlich")
    course = home / "lehrkraft" / "kurs"
    course.parent.mkdir(mode=0o700)
    shutil.copytree(course_template, course)
    course.chmod(0o700)
    (course / "geheim.txt").write_text(SECRET)
    (course / "geheim.txt").chmod(0o600)
    exchange = home / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    klasse = testing.Klasse(course)
    listener = Listener()
    try:
        marked = "# ehrlich1-MARKE\ndef quadrat(x):\n    return x * x"
        klasse.submit("ehrlich1", klasse.answers(a1_loesung=marked))
        klasse.submit("ehrlich2")
        klasse.submit("leer", klasse.release)
        for student, changes in attacks(course, exchange, listener.port).items():
            klasse.submit(student, klasse.answers(**changes))
        tampered = klasse.answers(a1_loesung="def quadrat(x):\n    return 0",
                                  a2_loesung="def mittelwert(werte):\n    return 0",
                                  a3_loesung="def zaehle_vokale(text):\n    return 0")
        for cell in tampered.cells:
            if grade_id(cell) and grade_id(cell).endswith(("_test", "_versteckt")):
                cell.source = "pass"
        klasse.submit("manipuliert", tampered)
        history = klasse.answers()
        history.cells.append(nbformat.v4.new_code_cell("print(In)\nprint(_ih)"))
        klasse.submit("historiker", history)
        before = digest(course / "submitted") | {"source": digest(course / "source")["ex1/ex1.ipynb"]}
        out = teacher.grade_assignment(assignment="ex1", course_dir=course, workers=2, timeout=3)
        after = digest(course / "submitted") | {"source": digest(course / "source")["ex1/ex1.ipynb"]}
    finally:
        listener.close()
    return {"out": out, "course": course, "exchange": exchange, "accepted": listener.accepted,
            "before": before, "after": after}


def result(run, student: str):
    return next(r for r in run["out"].run.results if r.student == student)


def outputs(run, *, skip: tuple[str, ...] = ()) -> str:
    """All outputs of student code (answer cells and added cells) in the executed notebooks."""
    parts = []
    for res in run["out"].run.results:
        if res.student in skip:
            continue
        for nb in res.executed.values():
            for cell in nb.cells:
                meta = cell.metadata.get("nbgrader", {})
                if meta.get("solution") or not meta:
                    parts.append(str(cell.get("outputs", "")))
    return "\n".join(parts)


def everything_students_saw(run) -> str:
    """All outputs plus all feedback pages (these also show the students' own code)."""
    return outputs(run) + "\n".join(p.read_text() for p in (run["course"] / "feedback").rglob("*.html"))


def test_every_student_gets_the_expected_score(hostile_run):
    got = {r.student: r.score for r in hostile_run["out"].run.results}
    assert got == EXPECTED


def test_every_attack_gets_a_readable_note(hostile_run):
    for student in EXPECTED:
        if student.startswith("ehrlich"):
            continue
        notes = " ".join(result(hostile_run, student).notes)
        assert notes, student
        assert "Traceback" not in notes
    assert "Endlosschleife" in " ".join(result(hostile_run, "schleife_antwort").notes)
    assert "Kernel beendet" in " ".join(result(hostile_run, "os_exit").notes)
    assert "gekürzt" in " ".join(result(hostile_run, "ausgabeflut").notes)
    assert "Original" in " ".join(result(hostile_run, "manipuliert").notes)
    assert not result(hostile_run, "ehrlich1").notes


def test_nothing_of_the_teacher_reaches_student_code(hostile_run):
    assert SECRET not in everything_students_saw(hostile_run)
    feedback = "\n".join(p.read_text() for p in (hostile_run["course"] / "feedback").rglob("*.html"))
    assert "pruefe_gleich(quadrat(-4)" not in feedback  # hidden test code never reaches students
    # the source notebook and the gradebook (both hold hidden tests) were not readable; only the
    # historian sees hidden code, in its own kernel's history, and that is scrubbed from feedback
    assert "pruefe_gleich(quadrat(-4)" not in outputs(hostile_run, skip=("historiker",))
    page = (hostile_run["course"] / "feedback/historiker/ex1/ex1.html").read_text()
    assert "pruefe_gleich(quadrat(-4)" not in page and "[versteckter Test]" in page
    assert "GELESEN" not in outputs(hostile_run)
    spy = str([c.get("outputs") for c in result(hostile_run, "spion").executed["ex1"].cells])
    assert "ehrlich1-MARKE" not in spy
    assert "kein Zugriff" in spy  # the attempt really ran


def test_student_code_cannot_write_anything_of_the_teacher(hostile_run):
    assert hostile_run["before"] == hostile_run["after"]
    assert not (hostile_run["course"] / "hack.txt").exists()
    assert not (hostile_run["exchange"] / "hack.txt").exists()
    assert "GESCHRIEBEN" not in outputs(hostile_run)


def test_no_network(hostile_run):
    assert hostile_run["accepted"] == 0
    out = str([c.get("outputs") for c in result(hostile_run, "netzwerk").executed["ex1"].cells])
    assert "kein Netz" in out and "VERBUNDEN" not in out


def test_file_flood_is_stopped_by_the_file_size_limit(hostile_run):
    notes = " ".join(result(hostile_run, "dateiflut").notes)
    assert "a1_loesung: Fehler in der Antwort (OSError: [Errno 27] File too large)" in notes


def test_output_flood_is_capped(hostile_run):
    path = hostile_run["course"] / "autograded/ausgabeflut/ex1/ex1.ipynb"
    assert path.stat().st_size < 1_000_000
    assert max(p.stat().st_size for p in (hostile_run["course"] / "feedback").rglob("*.html")) < 1_000_000


def test_no_sandbox_process_survives(hostile_run):
    leftovers = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if proc.stat().st_uid >= sandbox.UID_BASE:
                    leftovers.append(proc.name)
            except OSError:
                continue
    for pid in leftovers:  # clean up before failing, so one failure does not spoil other tests
        try:
            os.kill(int(pid), signal.SIGKILL)
        except OSError:
            pass
    assert leftovers == []
