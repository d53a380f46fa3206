"""Student versions of the shipped courses, made with nbgrader's own preprocessors and cached.

The courses are nbgrader *source* notebooks (solutions and hidden tests inside). Home users get what
``nbgrader generate_assignment`` would release: the same preprocessors in the same order, configured from
the course's own ``nbgrader_config.py`` (the German ``ClearSolutions`` stub), minus ``SaveCells`` (there is
no gradebook at home). Files beside a notebook (data, pictures, helper ``.py``) go along.

Generating all notebooks takes a few seconds, so the result is kept in a user cache keyed by the package
version and a hash of the course files; later calls reuse it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from schuelerlab.courses import courses_root
from schuelerlab.courses.registry import CourseInfo, list_courses

from schuelerlab import __version__
from schuelerlab.errors import UserError

#: Never copied next to a student notebook (caches, editor checkpoints).
IGNORED = ("__pycache__", ".ipynb_checkpoints", "*.pyc", ".DS_Store")
#: Markers that must never reach a student (checked after generating).
TEACHER_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
                   "BEGIN MARK SCHEME")

Progress = Callable[[str], None]


def cache_root() -> Path:
    """The user cache folder (``SCHUELERLAB_CACHE_DIR`` overrides the platform default)."""
    override = os.environ.get("SCHUELERLAB_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("schuelerlab", appauthor=False))


def courses_hash(root: Path) -> str:
    """A short sha256 over the names and contents of all course files below ``root``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root)
        if "__pycache__" in rel.parts or path.suffix == ".pyc":
            continue
        digest.update(rel.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _course_config(course: CourseInfo):
    """The traitlets config of a course, read from its ``nbgrader_config.py``."""
    from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

    try:
        return PyFileConfigLoader("nbgrader_config.py", path=str(course.path)).load_config()
    except ConfigFileNotFound:
        raise UserError(f"Im Kursordner {course.path} fehlt nbgrader_config.py.")
    except Exception as err:  # noqa: BLE001 - a broken course file must not show a traceback
        raise UserError(f"Die Datei {course.path / 'nbgrader_config.py'} ist kaputt ({err}).")


def _preprocessors(config) -> list:
    """The preprocessors of ``nbgrader generate_assignment`` 0.9.6, without the gradebook step."""
    from nbgrader.preprocessors import (
        CheckCellMetadata,
        ClearHiddenTests,
        ClearMarkScheme,
        ClearOutput,
        ClearSolutions,
        ComputeChecksums,
        IncludeHeaderFooter,
        LockCells,
    )

    order = [IncludeHeaderFooter, LockCells, ClearSolutions, ClearOutput, CheckCellMetadata,
             ComputeChecksums, ClearHiddenTests, ClearMarkScheme, ComputeChecksums, CheckCellMetadata]
    return [cls(config=config) for cls in order]


def student_notebook(source: Path, config) -> str:
    """The student version of one source notebook, as notebook JSON text."""
    import nbformat

    nb = nbformat.read(source, as_version=nbformat.NO_CONVERT)
    resources: dict = {"unique_key": source.stem, "metadata": {"path": str(source.parent)}}
    try:
        for pre in _preprocessors(config):
            nb, resources = pre.preprocess(nb, resources)
    except Exception as err:  # noqa: BLE001 - nbgrader raises plain errors for bad cell metadata
        raise UserError(f"Das Notebook {source} lässt sich nicht in die Schülerfassung umwandeln ({err}).")
    text = nbformat.writes(nb) + "\n"  # byte-identical to what generate_assignment writes
    leaked = [m for m in TEACHER_MARKERS if m in text]
    if leaked:
        raise UserError(f"Im Notebook {source} sind nach dem Umwandeln noch Lösungen ({', '.join(leaked)}).")
    return text


def _generate_course(course: CourseInfo, target: Path, progress: Progress) -> None:
    config = _course_config(course)
    for assignment in course.assignments:
        src = course.path / "source" / assignment.id
        if not src.is_dir():
            raise UserError(f"Im Kurs {course.id} fehlt der Ordner source/{assignment.id}.")
        progress(f"  {course.title}: {assignment.title}")
        dest = target / course.id / assignment.id
        shutil.copytree(src, dest, ignore=shutil.ignore_patterns(*IGNORED, "*.ipynb"))
        for notebook in sorted(src.glob("*.ipynb")):
            (dest / notebook.name).write_text(student_notebook(notebook, config), encoding="utf-8")


def _publish(work: Path, target: Path) -> None:
    """Move a finished build into place; a build finished meanwhile by another run wins."""
    if (target / ".complete").is_file():
        return
    shutil.rmtree(target, ignore_errors=True)  # an incomplete leftover
    try:
        os.replace(work, target)
    except OSError:
        if not (target / ".complete").is_file():
            raise


def student_versions(*, root: Path | None = None, cache: Path | None = None,
                     progress: Progress | None = None) -> tuple[Path, bool]:
    """Return the folder with the student versions of all courses, and whether it was built now.

    The folder is ``<cache>/student-<version>-<hash>/<course>/<assignment>/``; it is built once (into a
    temporary folder that is renamed at the end, so an interrupted run leaves nothing half-done) and
    reused while the package version and the course files stay the same.
    """
    root = root or courses_root()
    cache = cache or cache_root()
    say = progress or (lambda _msg: None)
    target = cache / f"student-{__version__}-{courses_hash(root)}"
    if (target / ".complete").is_file():
        return target, False
    courses = list_courses(root)
    total = sum(len(c.assignments) for c in courses)
    say(f"Schülerfassungen werden einmalig vorbereitet ({total} Notebooks) …")
    try:
        cache.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".student-", dir=cache))
    except OSError as err:
        raise UserError(f"Der Zwischenspeicher {cache} lässt sich nicht anlegen ({err.strerror}).")
    try:
        for course in courses:
            _generate_course(course, work, say)
        (work / ".complete").write_text(__version__ + "\n", encoding="utf-8")
        _publish(work, target)
    except OSError as err:
        raise UserError(f"Der Zwischenspeicher {cache} ist nicht beschreibbar ({err.strerror}).")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    say("Schülerfassungen fertig.")
    return target, True
