"""Helpers to build nbgrader submissions for tests, benchmarks and course authors' dry runs.

``solutions(source_nb)`` extracts the teacher's answers, ``answered(release_nb, answers)`` fills a
released notebook like a student would, ``submit(...)`` writes it to
``submitted/<student>/<assignment>/`` with a ``timestamp.txt`` as nbgrader's collect does.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from schuelerlab.graders.merge import grade_id, is_solution

MARKERS = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.M)


def solutions(source: NotebookNode) -> dict[str, str]:
    """The teacher's answer of every solution cell, without the solution markers."""
    return {grade_id(c): MARKERS.sub("", c.source) for c in source.cells if is_solution(c)}


def answered(release: NotebookNode, answers: dict[str, str]) -> NotebookNode:
    """A copy of the released notebook with the given answer cells replaced."""
    nb = copy.deepcopy(release)
    for cell in nb.cells:
        if grade_id(cell) in answers:
            cell.source = answers[grade_id(cell)]
    return nb


def submit(course_dir: Path, student: str, assignment: str, notebooks: dict[str, NotebookNode],
           *, files: dict[str, str] | None = None, copy_release_files: bool = True) -> Path:
    """Write one submission the way ``nbgrader collect`` leaves it; return its folder."""
    folder = course_dir / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    release = course_dir / "release" / assignment
    if copy_release_files and release.is_dir():
        for path in release.iterdir():
            if path.is_file() and path.suffix != ".ipynb":
                shutil.copyfile(path, folder / path.name)
    for name, nb in notebooks.items():
        # plain JSON: nbformat.write would silently repair duplicate cell ids, which students do not
        (folder / f"{name}.ipynb").write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    for name, text in (files or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    return folder


class Klasse:
    """Writes submissions of one assignment into a course directory like nbgrader's collect."""

    def __init__(self, folder: Path, assignment: str = "ex1", notebook: str = "ex1") -> None:
        self.folder, self.assignment, self.notebook = folder, assignment, notebook
        self.source = nbformat.read(folder / "source" / assignment / f"{notebook}.ipynb", as_version=4)
        self.release = nbformat.read(folder / "release" / assignment / f"{notebook}.ipynb", as_version=4)
        self.solutions = solutions(self.source)

    def answers(self, **changes: str) -> NotebookNode:
        """The released notebook with the right answers, some replaced by ``changes``."""
        return answered(self.release, {**self.solutions, **changes})

    def submit(self, student: str, nb: NotebookNode | None = None, **files: str) -> Path:
        """Submit ``nb`` (default: every answer right) for ``student``."""
        return submit(self.folder, student, self.assignment,
                      {self.notebook: nb if nb is not None else self.answers()}, files=files)
