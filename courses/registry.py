"""Read the shipped courses: ``course.toml`` metadata plus counts from the nbgrader source notebooks.

Schema: ``courses/README.md``. Used by the course catalogue and by the teacher's ``schuelerlab course``
commands. Pure reading, no side effects.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from schuelerlab.courses import courses_root

from schuelerlab.errors import UserError


@dataclass(frozen=True)
class AssignmentInfo:
    """One notebook of a course."""

    id: str
    title: str
    minutes: int
    age: str
    materials: tuple[str, ...] = ()
    exercises: int = 0  # autograded test cells in the source notebook
    points: float = 0.0


@dataclass(frozen=True)
class CourseInfo:
    """A course folder with its course.toml."""

    id: str
    title: str
    age: str
    description: str
    path: Path
    materials: tuple[str, ...] = ()
    order: int = 100
    assignments: tuple[AssignmentInfo, ...] = field(default_factory=tuple)

    @property
    def minutes(self) -> int:
        """Total duration of all notebooks."""
        return sum(a.minutes for a in self.assignments)


def _require(data: dict, key: str, kind: type, where: Path) -> object:
    value = data.get(key)
    if not isinstance(value, kind):
        raise UserError(f"In {where} fehlt der Eintrag „{key}“ oder er hat den falschen Typ. "
                        "Vergleiche die Datei mit courses/README.md.")
    return value


def _grading(notebook: Path) -> tuple[int, float]:
    """Number of autograded test cells and their points in a source notebook (0, 0 if missing or,
    for students in lab mode, closed)."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return 0, 0.0
    graded = [c["metadata"]["nbgrader"] for c in cells
              if c.get("metadata", {}).get("nbgrader", {}).get("grade")]
    return len(graded), float(sum(g.get("points", 0) for g in graded))


def load_course(folder: Path) -> CourseInfo:
    """Read ``folder / "course.toml"``; raise a German ``UserError`` when it is missing or broken."""
    toml_path = folder / "course.toml"
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"Im Kursordner {folder} fehlt die Datei course.toml.")
    except tomllib.TOMLDecodeError as err:
        raise UserError(f"Die Datei {toml_path} ist kaputt ({err}). Prüfe Anführungszeichen und Klammern.")
    assignments = []
    for entry in _require(data, "assignments", list, toml_path):
        aid = str(_require(entry, "id", str, toml_path))
        exercises, points = _grading(folder / "source" / aid / f"{aid}.ipynb")
        assignments.append(AssignmentInfo(
            id=aid,
            title=str(_require(entry, "title", str, toml_path)),
            minutes=int(_require(entry, "minutes", int, toml_path)),
            age=str(entry.get("age", data.get("age", ""))),
            materials=tuple(entry.get("materials", ())),
            exercises=exercises,
            points=points,
        ))
    return CourseInfo(
        id=str(_require(data, "id", str, toml_path)),
        title=str(_require(data, "title", str, toml_path)),
        age=str(_require(data, "age", str, toml_path)),
        description=str(data.get("description", "")),
        path=folder,
        materials=tuple(data.get("materials", ())),
        order=int(data.get("order", 100)),
        assignments=tuple(assignments),
    )


def list_courses(root: Path | None = None) -> list[CourseInfo]:
    """Every course below ``root`` (default: the shipped courses), sorted by ``order``, then id."""
    base = root or courses_root()
    folders = [p.parent for p in base.glob("*/course.toml") if not p.parent.name.startswith("_")]
    return sorted((load_course(f) for f in folders), key=lambda c: (c.order, c.id))
