"""The whole nbgrader cycle through an exchange: release, submit, collect+grade, fetch feedback."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from schuelerlab.graders import course, teacher, testing

pytestmark = pytest.mark.slow


def nbgrader(*args: str, cwd: Path, home: Path) -> None:
    bindir = Path(sys.executable).parent
    env = {"PATH": f"{bindir}:/usr/bin:/bin", "HOME": str(home)}
    proc = subprocess.run([str(bindir / "nbgrader"), *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]


def test_release_submit_collect_grade_and_fetch_feedback(course_template: Path, tmp_path: Path):
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    folder = tmp_path / "kurs"
    shutil.copytree(course_template, folder)
    course.write_config(folder, course_id="grading_course", exchange=exchange)
    course.release(course_dir=folder, assignment="ex1")
    assert (exchange / "grading_course/outbound/ex1/ex1.ipynb").is_file()
    home = tmp_path / "schueler"
    home.mkdir()
    opts = ["--course", "grading_course", f"--Exchange.root={exchange}"]
    nbgrader("fetch_assignment", "ex1", *opts, cwd=home, home=home)
    klasse = testing.Klasse(folder)
    work = home / "ex1" / "ex1.ipynb"
    work.write_text(testing.nbformat.writes(klasse.answers(a3_loesung="def zaehle_vokale(t):\n    return 0")))
    nbgrader("submit", "ex1", *opts, cwd=home, home=home)
    out = teacher.grade_assignment(assignment="ex1", course_dir=folder, workers=1)
    student = pwd.getpwuid(os.getuid())[0]  # nbgrader names the student after the Unix account
    assert [(r.student, r.score) for r in out.run.results] == [(student, 4)]
    nbgrader("fetch_feedback", "ex1", *opts, cwd=home, home=home)
    (page,) = (home / "ex1" / "feedback").rglob("ex1.html")
    text = page.read_text()
    assert "4 von 6 Punkten" in text and "zaehle_vokale" in text
    assert "OTTO" not in text  # hidden test code stays hidden
