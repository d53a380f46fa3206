"""The copied student versions work without a hub: executed in a real kernel from the home folder, and
byte-identical to what plain ``nbgrader generate_assignment`` releases."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from schuelerlab.courses import courses_root
from schuelerlab.courses.registry import list_courses

from schuelerlab.home import prepare_home

#: The only errors an untouched student notebook may show: the German "not done yet" messages.
NOT_DONE = ("noch nicht fertig", "Hier fehlt noch dein Code.")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("homenb")
    return prepare_home(folder=base / "Schuelerlab", cache=base / "cache").folder


def _execute(notebook: Path, *, allow_errors: bool) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a real python3 kernel, in its own folder (as the Lab would)."""
    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=allow_errors,
                   resources={"metadata": {"path": str(notebook.parent)}}).execute()
    return nb


def _text(nb: nbformat.NotebookNode) -> str:
    """Everything the cells printed (streams and plain-text results)."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", "") if out.output_type == "stream"
                         else out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def _errors(nb: nbformat.NotebookNode) -> list[tuple[str, str, str]]:
    return [(cell.metadata.get("nbgrader", {}).get("grade_id", ""), out.ename, out.evalue)
            for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", []) if out.output_type == "error"]


@pytest.mark.slow
@pytest.mark.parametrize("course", ["calliope", "sensoren", "daten"])
def test_untouched_student_notebook_runs_with_german_messages(home, course):
    first = next(c for c in list_courses() if c.id == course).assignments[0].id
    nb = _execute(home / course / first / f"{first}.ipynb", allow_errors=True)
    errors = _errors(nb)
    tests = [e for e in errors if e[0].startswith("test_")]
    assert len(tests) >= 3, errors
    for gid, ename, evalue in errors:
        assert any(text in evalue for text in NOT_DONE), f"{course}/{first} {gid}: {ename}: {evalue[:300]}"
    for gid, ename, evalue in tests:
        assert ename == "AssertionError" and evalue.startswith("❌") and "noch nicht fertig" in evalue, gid
    if course != "calliope":  # the hardware helper looked for a board and fell back to the sample data
        assert "Kein Calliope gefunden" in _text(nb)


@pytest.mark.slow
@pytest.mark.parametrize("course", ["calliope", "sensoren", "daten"])
def test_teacher_solution_runs_without_errors_from_the_home_folder(home, course, tmp_path):
    first = next(c for c in list_courses() if c.id == course).assignments[0].id
    work = tmp_path / first
    shutil.copytree(home / course / first, work)
    solved = work / f"{first}.ipynb"
    shutil.copyfile(courses_root() / course / "source" / first / f"{first}.ipynb", solved)
    nb = _execute(solved, allow_errors=True)
    assert _errors(nb) == []
    assert "✅" in _text(nb), "the self-check cells should have confirmed the solutions"
    if course == "calliope":  # the simulator drew the LED matrix; the flash helper found no board
        assert "So sieht dein Calliope" in _text(nb)
        assert any("text/html" in out.get("data", {}) for cell in nb.cells for out in cell.get("outputs", []))
        assert "Kein Calliope gefunden – der Simulator zeigt dir" in _text(nb)


@pytest.mark.slow
def test_student_version_is_byte_identical_to_nbgrader_generate_assignment(home, tmp_path):
    course = "daten"
    root = tmp_path / course
    shutil.copytree(courses_root() / course, root, ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "jupyter"),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    done = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", "*",
                           f"--CourseDirectory.root={root}"], cwd=root, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    released = sorted(p.relative_to(root / "release") for p in (root / "release").rglob("*") if p.is_file())
    assert len(released) > 10
    for rel in released:
        assert (home / course / rel).read_bytes() == (root / "release" / rel).read_bytes(), rel
