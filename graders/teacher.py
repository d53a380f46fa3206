"""The teacher's grading workflow in one call: grade, feedback, export, overview picture."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from schuelerlab.graders import autograde, feedback, report
from schuelerlab.graders.course import CONFIG_NAME, nbgrader_api

from schuelerlab.errors import UserError


@dataclass
class GradingOutput:
    """What ``grade_assignment`` produced."""

    run: autograde.GradeRun
    feedback_files: list[Path]
    csv: Path | None
    overview: Path | None


def resolve_course_dir(*, course: str | None, course_dir: Path | None) -> Path:
    """``--course-dir`` wins; ``--course X`` means ``~/X``; otherwise the current folder."""
    if course_dir is None:
        course_dir = Path.home() / course if course else Path.cwd()
    course_dir = course_dir.expanduser().resolve()
    if not (course_dir / CONFIG_NAME).is_file():
        raise UserError(f"{course_dir} ist kein Kursordner (es fehlt {CONFIG_NAME}). Gib ihn mit "
                        "--course-dir an oder lege ihn mit `schuelerlab course setup KURS` an.")
    return course_dir


def grade_assignment(*, assignment: str, course: str | None = None, course_dir: Path | None = None,
                     workers: int | None = None, timeout: int = 10, export: Path | None = None,
                     excel_de: bool = False, overview: Path | None = None, unsafe_no_sandbox: bool = False,
                     collect: bool = True,
                     on_progress: Callable[[autograde.StudentResult], None] | None = None) -> GradingOutput:
    """Grade ``assignment`` for the whole class and write feedback, CSV and the overview picture.

    The overview PNG goes to ``overview`` or ``<course_dir>/uebersicht-<assignment>.png``.
    """
    folder = resolve_course_dir(course=course, course_dir=course_dir)
    threading.Thread(target=report.warm_up, daemon=True).start()  # matplotlib loads while we grade
    files: list[Path] = []

    def done(result: autograde.StudentResult) -> None:
        """Feedback for each student as soon as it is graded (overlaps with the others' grading)."""
        files.extend(feedback.write_student(result, course_dir=folder, assignment=assignment))
        if on_progress:
            on_progress(result)

    run = autograde.grade(assignment=assignment, course_dir=folder, workers=workers, timeout=timeout,
                          unsafe_no_sandbox=unsafe_no_sandbox, collect=collect, on_progress=done)
    feedback.release(run, course_dir=folder, files=files)
    db_url = nbgrader_api(folder).coursedir.db_url
    csv_path = report.write_csv(export, db_url, excel_de=excel_de) if export else None
    picture = None
    if run.results:
        picture = report.overview_png(run, overview or folder / f"uebersicht-{assignment}.png")
    return GradingOutput(run=run, feedback_files=files, csv=csv_path, overview=picture)
