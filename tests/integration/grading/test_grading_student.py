"""The student's side: self-check in a real kernel and ``schuelerlab check``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def student_copy(klasse, folder: Path, **answers: str) -> Path:
    folder.mkdir()
    shutil.copy(klasse.folder / "release/ex1/messwerte.csv", folder)
    nb = klasse.answers(**answers)
    nb.cells.append(nbformat.v4.new_code_cell(
        "from schuelerlab.graders.selfcheck import selbst_pruefen\nselbst_pruefen('ex1.ipynb')"))
    nbformat.write(nb, folder / "ex1.ipynb")
    return folder / "ex1.ipynb"


def selfcheck_output(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=30, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return "".join(str(o.get("data", {}).get("text/html", "")) for o in nb.cells[-1].outputs)


def test_selfcheck_in_the_notebook_scores_the_same_visible_tests(klasse, tmp_path: Path):
    right = selfcheck_output(student_copy(klasse, tmp_path / "richtig"))
    assert "3 von 3 Punkten" in right
    wrong = selfcheck_output(student_copy(klasse, tmp_path / "falsch",
                                          a1_loesung="def quadrat(x):\n    return x + x"))
    assert "2 von 3 Punkten" in wrong
    assert "Bei quadrat(3): erwartet wurde 9, herausgekommen ist 6." in wrong
    assert "Tipp: Multipliziere x mit sich selbst." in wrong


def test_check_command_exits_nonzero_unless_all_visible_tests_pass(klasse, tmp_path: Path):
    good = student_copy(klasse, tmp_path / "gut")
    bad = student_copy(klasse, tmp_path / "schlecht", a3_loesung="def zaehle_vokale(text):\n    return 0")
    check = [sys.executable, "-m", "schuelerlab", "check"]
    ok = subprocess.run([*check, str(good)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "3 von 3 Punkten" in ok.stdout
    fail = subprocess.run([*check, str(bad)], capture_output=True, text=True)
    assert fail.returncode == 1
    assert "2 von 3 Punkten" in fail.stdout and "✘ a3_test" in fail.stdout


def test_course_commands(tmp_path: Path):
    root = Path(__file__).resolve().parents[1]
    run = [sys.executable, "-m", "schuelerlab", "course"]
    listing = subprocess.run([*run, "list", "--courses-root", str(root)], capture_output=True, text=True)
    assert listing.returncode == 0, listing.stderr
    assert "grading_course: Testkurs Bewertung (Alter 12-14, 1 Notebook, 45 Minuten)" in listing.stdout
    assert "ex1: Drei Aufgaben (45 min, 6 bewertete Zellen)" in listing.stdout
    folder = tmp_path / "kurs"
    setup = subprocess.run([*run, "setup", "grading_course", "--courses-root", str(root),
                            "--course-dir", str(folder)], capture_output=True, text=True)
    assert setup.returncode == 0, setup.stderr
    assert (folder / "nbgrader_config.py").is_file() and folder.stat().st_mode & 0o777 == 0o700
    release = subprocess.run([*run, "release", "grading_course", "ex1", "--course-dir", str(folder)],
                             capture_output=True, text=True)
    assert release.returncode == 0, release.stderr
    released = nbformat.read(folder / "release/ex1/ex1.ipynb", as_version=4)
    text = "".join(c.source for c in released.cells)
    assert "NotImplementedError" in text and "quadrat(-4)" not in text and "return x * x" not in text
    assert (folder / "release/ex1/messwerte.csv").is_file()
    assert (folder / "gradebook.db").stat().st_mode & 0o777 == 0o600
    unknown = subprocess.run([*run, "setup", "gibtsnicht", "--courses-root", str(root)],
                             capture_output=True, text=True)
    assert unknown.returncode == 1 and "Den Kurs 'gibtsnicht' gibt es nicht" in unknown.stderr
