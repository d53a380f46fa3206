"""Courses: the ``course.toml`` model and the teacher's nbgrader course directory.

A course lives in ``courses/<id>/``: ``course.toml`` (title, age, duration, materials, assignments)
and an nbgrader ``source/<assignment>/`` folder with notebooks and data files. ``setup_course``
makes the teacher's course directory (mode 0700) with exactly one ``nbgrader_config.py`` written
here (never ``nbgrader quickstart``, P15); ``release`` runs nbgrader's generate and release steps
in-process through ``NbGraderAPI``.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from schuelerlab.errors import UserError

if TYPE_CHECKING:
    from nbgrader.apps.api import NbGraderAPI

CONFIG_NAME = "nbgrader_config.py"
CODE_STUB = "# DEIN CODE HIER\nraise NotImplementedError()"


@dataclass(frozen=True)
class Course:
    """One course as described by its ``course.toml``."""

    id: str
    path: Path
    title: str
    age: str = ""
    duration: str = ""
    materials: list[str] = field(default_factory=list)
    assignments: list[str] = field(default_factory=list)

    @property
    def source(self) -> Path:
        """The nbgrader ``source/`` folder of the course."""
        return self.path / "source"


def default_courses_root() -> Path:
    """The shipped courses (package data ``schuelerlab.courses``)."""
    from schuelerlab.courses import courses_root

    return courses_root()


def load_course(path: Path) -> Course:
    """Read ``path/course.toml``; raise a German UserError when it is missing or broken."""
    toml = path / "course.toml"
    try:
        data = tomllib.loads(toml.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"Im Kursordner {path} fehlt die Datei course.toml.")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise UserError(f"Die Datei {toml} ist fehlerhaft ({err}). Bitte korrigieren.")
    if not isinstance(data.get("title"), str):
        raise UserError(f"In {toml} fehlt der Titel (title = \"…\").")
    found = sorted(p.name for p in (path / "source").glob("*") if p.is_dir())
    materials = data.get("materials", [])
    return Course(id=path.name, path=path, title=data["title"], age=str(data.get("age", "")),
                  duration=str(data.get("duration", "")),
                  materials=[str(m) for m in materials] if isinstance(materials, list) else [str(materials)],
                  assignments=[str(a) for a in data.get("assignments", found)])


def list_courses(*, root: Path | None = None) -> list[Course]:
    """All courses below ``root`` (folders with a ``course.toml``), sorted by id."""
    root = root or default_courses_root()
    return [load_course(p.parent) for p in sorted(root.glob("*/course.toml"))]


def find_course(course: str, *, root: Path | None = None) -> Course:
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


def setup_course(course: Course, *, course_dir: Path, exchange: Path | None = None) -> Path:
    """Create (or update) the teacher's course directory from ``course``; return it.

    The directory is 0700; ``source/`` is copied from the course (existing teacher edits to other
    assignments stay). The gradebook is created by nbgrader on the first release.
    """
    course_dir.mkdir(parents=True, exist_ok=True)
    course_dir.chmod(0o700)
    for assignment in course.source.iterdir():
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
    if "Exchange" in api.config and api.config.Exchange.get("root"):
        out = api.release_assignment(assignment)
        if not out.get("success"):
            raise UserError(f"nbgrader konnte {assignment!r} nicht freigeben:\n{out.get('log', '')}")
        released = True
    return {"assignment": assignment, "release": course_dir / "release" / assignment, "exchange": released}
