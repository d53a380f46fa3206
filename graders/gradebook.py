"""Scores of executed notebooks, and writing them into nbgrader's gradebook (teacher side only).

Scores come from nbgrader's own ``determine_grade`` on the executed merged notebook, so honest work
scores exactly what plain ``nbgrader autograde`` gives. Only the teacher-side process opens the
gradebook; sandboxed code never sees it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from nbformat import NotebookNode

if TYPE_CHECKING:
    from nbgrader.api import Gradebook


@dataclass
class CellScore:
    """One graded cell: its nbgrader id, points reached (``None`` = manual grading) and maximum."""

    grade_id: str
    score: float | None
    max_score: float
    is_test: bool
    answered: bool = True


@dataclass
class NotebookScore:
    """Scores of one notebook of one student."""

    notebook: str
    cells: list[CellScore] = field(default_factory=list)
    comments: dict[str, str | None] = field(default_factory=dict)

    @property
    def score(self) -> float:
        """Points reached (manual cells not yet graded count 0)."""
        return sum(c.score or 0.0 for c in self.cells)

    @property
    def max_score(self) -> float:
        """Points possible."""
        return sum(c.max_score for c in self.cells)


def score_notebook(nb: NotebookNode, notebook: str) -> NotebookScore:
    """Score every grade cell of an executed notebook with nbgrader's rules."""
    from nbgrader import utils

    result = NotebookScore(notebook=notebook)
    for cell in nb.cells:
        if utils.is_grade(cell):
            score, max_score = utils.determine_grade(cell)
            result.cells.append(CellScore(cell.metadata.nbgrader["grade_id"], score, max_score,
                                          is_test=not utils.is_solution(cell)))
        if utils.is_solution(cell) or utils.is_task(cell):
            unchanged = cell.metadata.nbgrader.get("checksum") == utils.compute_checksum(cell)
            result.comments[cell.metadata.nbgrader["grade_id"]] = (
                "No response." if unchanged and not utils.is_task(cell) else None)
    return result


def read_timestamp(folder: Path) -> datetime.datetime | None:
    """The submission time from nbgrader's ``timestamp.txt``, if readable."""
    from nbgrader.utils import parse_utc

    try:
        return parse_utc((folder / "timestamp.txt").read_text().strip())
    except Exception:  # noqa: BLE001 - a missing or odd timestamp is not fatal
        return None


def open_gradebook(db_url: str) -> Gradebook:
    """Open nbgrader's gradebook (use as a context manager), quiet about SQLAlchemy's warnings."""
    import warnings

    from nbgrader.api import Gradebook

    warnings.filterwarnings("ignore", module="nbgrader.api")
    warnings.filterwarnings("ignore", message=".*not in session.*")
    return Gradebook(db_url)


def save_scores(gb: Gradebook, *, assignment: str, student: str, notebooks: list[NotebookScore],
                timestamp: datetime.datetime | None) -> None:
    """Write the autograder scores of one student into an open gradebook (like SaveAutoGrades)."""
    from nbgrader.api import MissingEntry

    gb.update_or_create_student(student)
    kwargs = {"timestamp": timestamp} if timestamp else {}
    gb.update_or_create_submission(assignment, student, **kwargs)
    for nb_score in notebooks:
        for cell in nb_score.cells:
            try:
                grade = gb.find_grade(cell.grade_id, nb_score.notebook, assignment, student)
            except MissingEntry:
                continue
            grade.auto_score = cell.score
            grade.needs_manual_grade = grade.manual_score is not None or cell.score is None
        for grade_id, text in nb_score.comments.items():
            try:
                gb.find_comment(grade_id, nb_score.notebook, assignment, student).auto_comment = text
            except MissingEntry:
                continue
    gb.db.commit()


def gradebook_notebooks(db_url: str, assignment: str) -> list[str]:
    """Names of the notebooks of ``assignment`` known to the gradebook (empty if unknown)."""
    from nbgrader.api import MissingEntry

    with open_gradebook(db_url) as gb:
        try:
            return [nb.name for nb in gb.find_assignment(assignment).notebooks]
        except MissingEntry:
            return []


def export_rows(db_url: str) -> list[dict]:
    """Rows with nbgrader's CSV export columns, one per assignment and student."""
    from nbgrader.api import MissingEntry

    rows = []
    with open_gradebook(db_url) as gb:
        for assignment in gb.assignments:
            for student in gb.students:
                row = {"assignment": assignment.name, "duedate": assignment.duedate, "timestamp": None,
                       "student_id": student.id, "last_name": student.last_name,
                       "first_name": student.first_name, "email": student.email, "raw_score": 0.0,
                       "late_submission_penalty": 0.0, "score": 0.0, "max_score": assignment.max_score}
                try:
                    sub = gb.find_submission(assignment.name, student.id)
                except MissingEntry:
                    rows.append(row)
                    continue
                penalty = sub.late_submission_penalty or 0.0
                row.update(timestamp=sub.timestamp, raw_score=sub.score,
                           late_submission_penalty=penalty, score=max(0.0, sub.score - penalty))
                rows.append(row)
    return rows
