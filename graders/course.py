"""Courses for the teacher: finding a shipped course and its nbgrader course directory.

A course lives in ``courses/<id>/``: ``course.toml`` (schema in ``courses/README.md``, read by
``schuelerlab.courses.registry``) and an nbgrader ``source/<assignment>/`` folder with notebooks and
data files. ``setup_course`` makes the teacher's course directory (mode 0700) with exactly one
``nbgrader_config.py`` written here (never ``nbgrader quickstart``, P15); ``release`` runs nbgrader's
generate and release steps in-process through ``NbGraderAPI``.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from schuelerlab.courses import registry
from schuelerlab.courses.registry import CourseInfo, load_course  # noqa: F401 - part of this API

from schuelerlab.errors import UserError

if TYPE_CHECKING:
    from nbgrader.apps.api import NbGraderAPI

CONFIG_NAME = "nbgrader_config.py"
# The same German stub the shipped courses use: the untouched student version fails every test clearly.
CODE_STUB = '# DEIN CODE HIER\nraise NotImplementedError("Hier fehlt noch dein Code.")'


def list_courses(*, root: Path | None = None) -> list[CourseInfo]:
    """All courses below ``root`` (default: the shipped ones), read by ``schuelerlab.courses.registry``."""
    return registry.list_courses(root)


def find_course(course: str, *, root: Path | None = None) -> CourseInfo:
    """The course with id ``course``, or a German UserError naming the known ones."""
    courses = {c.id: c for c in list_courses(root=root)}
    if course not in courses:
        known = ", ".join(sorted(courses)) or "keine"
        raise UserError(f"Den Kurs {course!r} gibt es nicht. Vorhandene Kurse: {known}.")
    return courses[course]


def write_config(course_dir: Path, *, course_id: str, exchange: Path | None = None,
                 timeout: int = 10) -> Path:
    """Write the course directory's one ``nbgrader_config.py``."""
    lines = [
        "# Written by schuelerlab; the only nbgrader configuration of this course.",
        "c = get_config()  # noqa: F821",
        f"c.CourseDirectory.course_id = {course_id!r}",
        "# CourseDirectory.root is the folder nbgrader runs in (this one); the course folder can move.",
        f"c.ClearSolutions.code_stub = {{'python': {CODE_STUB!r}}}",
        f"c.Execute.timeout = {int(timeout)}",
    ]
    if exchange is not None:
        lines.append(f"c.Exchange.root = {str(exchange)!r}")
    path = course_dir / CONFIG_NAME
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def setup_course(course: CourseInfo, *, course_dir: Path, exchange: Path | None = None) -> Path:
    """Create (or update) the teacher's course directory from ``course``; return it.

    The directory is 0700; ``source/`` is copied from the course (existing teacher edits to other
    assignments stay). The gradebook is created by nbgrader on the first release.
    """
    course_dir.mkdir(parents=True, exist_ok=True)
    course_dir.chmod(0o700)
    for assignment in (course.path / "source").iterdir():
        if assignment.is_dir():
            target = course_dir / "source" / assignment.name
            shutil.copytree(assignment, target, dirs_exist_ok=True)
    write_config(course_dir, course_id=course.id, exchange=exchange)
    return course_dir


def ensure_venv_on_path() -> None:
    """nbgrader calls the ``alembic`` program when it creates a gradebook; make ours findable."""
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


def nbgrader_api(course_dir: Path) -> NbGraderAPI:
    """An ``NbGraderAPI`` configured from the course directory's ``nbgrader_config.py`` only."""
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    ensure_venv_on_path()
    config_file = course_dir / CONFIG_NAME
    if not config_file.exists():
        raise UserError(f"{course_dir} ist kein Kursordner (es fehlt {CONFIG_NAME}). "
                        "Lege ihn mit `schuelerlab course setup KURS` an.")
    config = PyFileConfigLoader(CONFIG_NAME, path=str(course_dir)).load_config()
    config.CourseDirectory.root = str(course_dir)
    coursedir = CourseDirectory(config=config)
    quiet = logging.getLogger("schuelerlab.nbgrader")
    quiet.setLevel(logging.CRITICAL + 1)  # results carry nbgrader's log; no stray CRITICAL lines
    return NbGraderAPI(coursedir=coursedir, config=config, log=quiet)


def _already_released(exchange: Path, api: NbGraderAPI, assignment: str) -> bool:
    """Whether students can already fetch ``assignment`` (then it stays as it is: some may have it)."""
    return (exchange / api.coursedir.course_id / "outbound" / assignment).is_dir()


def release(*, course_dir: Path, assignment: str) -> dict:
    """Generate the student version of ``assignment`` and release it if an exchange is configured."""
    api = nbgrader_api(course_dir)
    if not (course_dir / "source" / assignment).is_dir():
        raise UserError(f"Die Aufgabe {assignment!r} gibt es in {course_dir / 'source'} nicht.")
    result = api.generate_assignment(assignment, force=True, create=True)
    if not result.get("success"):
        raise UserError(f"nbgrader konnte {assignment!r} nicht erzeugen:\n{result.get('log', '')}")
    gradebook = course_dir / "gradebook.db"
    if gradebook.exists():
        gradebook.chmod(0o600)
    released = False
    exchange_root = api.config.Exchange.get("root") if "Exchange" in api.config else None
    if exchange_root and _already_released(Path(exchange_root), api, assignment):
        return {"assignment": assignment, "release": course_dir / "release" / assignment, "exchange": True,
                "already": True}
    if exchange_root:
        out = api.release_assignment(assignment)
        if not out.get("success"):
            raise UserError(f"nbgrader konnte {assignment!r} nicht freigeben:\n{out.get('log', '')}")
        released = True
    return {"assignment": assignment, "release": course_dir / "release" / assignment, "exchange": released}
