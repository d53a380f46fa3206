"""The sandbox itself: who student code runs as, what it can see, and refusing without it."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from schuelerlab.graders import sandbox
from schuelerlab.graders.execute import execute_notebook

from schuelerlab.errors import UserError


def run_cells(workdir: Path, *cells: str, timeout: int = 5) -> list[str]:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    execute_notebook(nb, workdir=workdir, timeout=timeout)
    texts = []
    for cell in nb.cells:
        parts = [o.get("text", "") or str(o.get("data", "")) or f"{o.get('ename')}: {o.get('evalue')}"
                 for o in cell.outputs]
        texts.append("".join(parts))
    return texts


def test_student_code_runs_unprivileged_and_sees_nothing_of_the_teacher(tmp_path: Path):
    teacher = tmp_path / "lehrkraft"
    teacher.mkdir(mode=0o700)
    (teacher / "loesung.txt").write_text("LOESUNG-123")
    (teacher / "loesung.txt").chmod(0o600)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    work = tmp_path / "arbeit"
    work.mkdir()
    (work / "daten.txt").write_text("eigene Daten")
    uid, secret, own, net, proc1, write = run_cells(
        work,
        "import os; print(os.getuid(), os.geteuid(), os.getgid())",
        f"try:\n    print(open({str(teacher / 'loesung.txt')!r}).read())\n"
        "except OSError as e:\n    print('kein Zugriff', type(e).__name__)",
        "print(open('daten.txt').read())",
        f"import socket\ntry:\n    socket.create_connection(('127.0.0.1', {port}), timeout=2)\n"
        "    print('VERBUNDEN')\nexcept OSError as e:\n    print('kein Netz', e)",
        "print(open('/proc/1/cmdline').read().split(chr(0))[0])",
        f"try:\n    open({str(tmp_path / 'neu.txt')!r}, 'w')\n"
        "except OSError as e:\n    print('schreibgeschützt', e)",
    )
    assert "0" not in uid.split()[:2] and uid.split()[0] == uid.split()[1]
    assert "LOESUNG" not in secret and "kein Zugriff" in secret
    assert own.strip() == "eigene Daten"
    assert "kein Netz" in net
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()
    assert "bwrap" in proc1  # own pid namespace: pid 1 is the sandbox's init
    assert "schreibgeschützt" in write and not (tmp_path / "neu.txt").exists()


def test_fork_bomb_is_bounded_and_cleaned_up(tmp_path: Path):
    bomb, after = run_cells(tmp_path, "import os\nwhile True:\n    try:\n        os.fork()\n"
                                      "    except OSError:\n        pass", "print('weiter')", timeout=2)
    assert "Zeitüberschreitung" in bomb
    assert after.strip() == "weiter"
    leftovers = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _uid(p) >= sandbox.UID_BASE]
    assert leftovers == []


def test_many_endless_loops_end_the_notebook_early(tmp_path: Path):
    cells = ["while True:\n    pass"] * 3 + ["print('nie')"]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    result = execute_notebook(nb, workdir=tmp_path, timeout=1, max_failures=2)
    assert [o.get("ename") for o in nb.cells[3].outputs] == ["NichtAusgeführt"]
    assert "Nach 2 Abbrüchen" in " ".join(result.notes)


def _uid(proc: Path) -> int:
    try:
        return proc.stat().st_uid
    except OSError:
        return -1


def test_refuses_without_sandbox_unless_asked(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    sandbox.detect.cache_clear()
    try:
        with pytest.raises(UserError) as err:
            sandbox.require_sandbox(unsafe_no_sandbox=False)
        assert "bubblewrap" in str(err.value) and "--unsafe-no-sandbox" in str(err.value)
        assert sandbox.require_sandbox(unsafe_no_sandbox=True) is False
    finally:
        sandbox.detect.cache_clear()


def test_cli_explains_the_refusal_in_german(course_dir: Path, klasse):
    klasse.submit("anna")
    cmd = [sys.executable, "-m", "schuelerlab", "grade", "ex1", "--course-dir", str(course_dir)]
    env = {"PATH": "/nonexistent", "HOME": str(course_dir)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert "schuelerlab: Schülercode wird nicht ohne Sandbox ausgeführt" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unsafe_mode_still_grades_and_says_so(course_dir: Path, klasse, monkeypatch: pytest.MonkeyPatch):
    from schuelerlab.graders import report, teacher

    klasse.submit("anna")
    monkeypatch.setattr(sandbox, "detect", lambda: sandbox.SandboxStatus(False, "Test"))
    out = teacher.grade_assignment(assignment="ex1", course_dir=course_dir, unsafe_no_sandbox=True, workers=1)
    assert [r.score for r in out.run.results] == [6]
    assert "OHNE Sandbox" in report.summary_table(out.run)
