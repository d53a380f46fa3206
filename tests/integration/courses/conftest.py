"""Grade the shipped courses with plain nbgrader (0.9.6, as a subprocess) in temporary copies.

One ``generate_assignment '*'`` and one ``autograde '*'`` per course, both courses in parallel; four fake
students per course: ``lehrer`` (the teacher's source notebook), ``leer`` (the released notebook,
untouched), ``falsch1`` and ``falsch2`` (typical wrong answers from ``wrong_answers.py``, injected into
the answer cells by grade_id).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[3]
COURSES = ["sensoren", "daten"]
STUDENTS = ["lehrer", "leer", "falsch1", "falsch2"]


def _load_wrong_answers() -> dict:
    spec = spec_from_file_location("courses_wrong_answers", Path(__file__).with_name("wrong_answers.py"))
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.WRONG_ANSWERS


WRONG_ANSWERS: dict[str, dict[tuple[str, str], list[tuple[str, str]]]] = _load_wrong_answers()


@dataclass
class GradedCourse:
    """Everything a test needs to know about one graded course."""

    course: str
    root: Path
    generate_log: str
    autograde_log: str
    autograde_rc: int
    assignments: list[str]
    # (student, assignment, test grade_id) -> (score, max_score)
    scores: dict[tuple[str, str, str], tuple[float, float]] = field(default_factory=dict)
    # (student, assignment, test grade_id) -> all text the test cell printed (error messages included)
    outputs: dict[tuple[str, str, str], str] = field(default_factory=dict)
    # assignment -> text of falsch1's feedback HTML (nbgrader generate_feedback), unescaped
    feedback: dict[str, str] = field(default_factory=dict)
    teacher_seconds: dict[str, float] = field(default_factory=dict)
    autograde_seconds: float = 0.0


def _env(root: Path) -> dict[str, str]:
    """nbgrader calls ``alembic`` by name: the venv's bin folder must be on PATH.

    A user's ~/.jupyter (e.g. a teacher's CourseDirectory.root) must not leak in: point
    JUPYTER_CONFIG_DIR at an empty folder, so only the course's own nbgrader_config.py counts.
    """
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["JUPYTER_CONFIG_DIR"] = str(root.parent / f".jupyter-{root.name}")
    return env


def _command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={root}"]


def _nbgrader(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(_command(root, *args), cwd=root, env=_env(root),
                          capture_output=True, text=True, timeout=600)


def _inject(notebook: Path, replacements: dict[str, str]) -> None:
    """Replace the source of answer cells (by grade_id) in a released notebook."""
    nb = nbformat.read(notebook, as_version=4)
    found = set()
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in replacements:
            cell.source = replacements[gid]
            found.add(gid)
    missing = set(replacements) - found
    assert not missing, f"answer cells not found in {notebook}: {missing}"
    nbformat.write(nb, notebook)


def _submit(root: Path, course: str, assignments: list[str]) -> None:
    for student in STUDENTS:
        for a in assignments:
            target = root / "submitted" / student / a
            shutil.copytree(root / "release" / a, target)
            if student == "lehrer":
                shutil.copyfile(root / "source" / a / f"{a}.ipynb", target / f"{a}.ipynb")
            elif student.startswith("falsch"):
                variant = int(student[-1]) - 1
                table = {f"loesung_{key}": rows[variant][0]
                         for (assignment, key), rows in WRONG_ANSWERS[course].items() if assignment == a}
                _inject(target / f"{a}.ipynb", table)


def _autograde(root: Path) -> tuple[int, str, dict[str, float], float]:
    """Run ``nbgrader autograde '*'``; time each teacher notebook from the log lines as they arrive."""
    started: dict[str, float] = {}
    teacher: dict[str, float] = {}
    lines: list[str] = []
    t0 = time.monotonic()
    proc = subprocess.Popen(_command(root, "autograde", "*"), cwd=root, env=_env(root),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    pattern = re.compile(r"autograded/lehrer/([^/]+)/")
    for line in proc.stdout:
        now = time.monotonic()
        lines.append(line)
        m = pattern.search(line)
        if m and "Autograding " in line:
            started[m.group(1)] = now
        elif m and "Writing " in line and m.group(1) in started:
            teacher[m.group(1)] = now - started.pop(m.group(1))
    rc = proc.wait(timeout=600)
    return rc, "".join(lines), teacher, time.monotonic() - t0


def _collect(graded: GradedCourse) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{graded.root / 'gradebook.db'}", graded.course) as gb:
        for student in STUDENTS:
            for a in graded.assignments:
                submission = gb.find_submission(a, student)
                for nb in submission.notebooks:
                    for grade in nb.grades:
                        graded.scores[(student, a, grade.name)] = (grade.score, grade.max_score)
    for student in STUDENTS:
        for a in graded.assignments:
            path = graded.root / "autograded" / student / a / f"{a}.ipynb"
            for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
                gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
                if gid.startswith("test_"):
                    texts = [o.get("text", "") if isinstance(o.get("text", ""), str) else "".join(o["text"])
                             for o in cell.get("outputs", [])]
                    texts += [f"{o.get('ename')}: {o.get('evalue')}" for o in cell.get("outputs", [])
                              if o.get("output_type") == "error"]
                    graded.outputs[(student, a, gid)] = "\n".join(texts)


def grade_course(course: str, workdir: Path) -> GradedCourse:
    """Copy the course, generate, submit four students, autograde, and read the results back."""
    root = workdir / course
    shutil.copytree(REPO / "courses" / course, root, ignore=shutil.ignore_patterns("__pycache__"))
    assignments = sorted(p.name for p in (root / "source").iterdir() if p.is_dir())
    gen = _nbgrader(root, "generate_assignment", "*")
    generate_log = gen.stdout + gen.stderr
    assert gen.returncode == 0 and (root / "release").is_dir(), generate_log[-3000:]
    _submit(root, course, assignments)
    rc, log, teacher, seconds = _autograde(root)
    graded = GradedCourse(course, root, generate_log, log, rc, assignments, teacher_seconds=teacher,
                          autograde_seconds=seconds)
    if rc == 0:
        _collect(graded)
        done = _nbgrader(root, "generate_feedback", "*", "--student", "falsch1")
        assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
        for a in assignments:
            page = root / "feedback" / "falsch1" / a / f"{a}.html"
            graded.feedback[a] = html.unescape(page.read_text(encoding="utf-8"))
    return graded


@pytest.fixture(scope="session")
def graded_courses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GradedCourse]:
    """Both courses graded once per session, in parallel (nbgrader itself grades serially)."""
    workdir = tmp_path_factory.mktemp("courses")
    with ThreadPoolExecutor(max_workers=len(COURSES)) as pool:
        futures = {c: pool.submit(grade_course, c, workdir) for c in COURSES}
        return {c: f.result() for c, f in futures.items()}


@pytest.fixture
def wrong_answers() -> dict:
    """The table of typical wrong answers (see wrong_answers.py)."""
    return WRONG_ANSWERS
