"""``schuelerlab grade``: grade a class in parallel, sandboxed, on nbgrader's course directory.

For each student folder in ``submitted/<student>/<assignment>/`` a worker merges the answers into
the teacher's notebook (``merge``), executes it with the kernel in a fresh sandbox (``execute``) and
scores it with nbgrader's rules (``gradebook.score_notebook``). The teacher-side main thread alone
writes the gradebook, ``autograded/`` and ``feedback/``, so nbgrader's formgrader and export keep
working on the same folder.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from schuelerlab.graders import gradebook, sandbox
from schuelerlab.graders.course import nbgrader_api
from schuelerlab.graders.execute import DEFAULT_TIMEOUT, execute_notebook
from schuelerlab.graders.merge import merge, read_submission

#: Largest student file copied into the sandbox (bigger ones are left out with a note).
MAX_STUDENT_FILE = 5 * 1024**2
#: Most files (and folders) of one submission copied into the sandbox.
MAX_STUDENT_FILES = 200
NOTES_FILE = "schuelerlab-notizen.json"
#: nbgrader's bookkeeping files that travel from submitted/ to autograded/ and feedback/.
KEPT_FILES = ("timestamp.txt", "submission_secret.txt")


@dataclass
class StudentResult:
    """Everything grading found for one student."""

    student: str
    notebooks: list[gradebook.NotebookScore] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    executed: dict[str, nbformat.NotebookNode] = field(default_factory=dict)

    @property
    def score(self) -> float:
        """Points reached in the whole assignment."""
        return sum(nb.score for nb in self.notebooks)

    @property
    def max_score(self) -> float:
        """Points possible in the whole assignment."""
        return sum(nb.max_score for nb in self.notebooks)


@dataclass
class GradeRun:
    """The result of grading one assignment."""

    assignment: str
    course_dir: Path
    results: list[StudentResult]
    sandboxed: bool


@dataclass(frozen=True)
class _Job:
    student: str
    folder: Path
    assignment: str
    source_dir: Path
    release_dir: Path
    notebooks: tuple[str, ...]
    timeout: int
    limits: sandbox.Limits
    sandboxed: bool
    scratch: Path


def _copy_files(src: Path, dst: Path, notes: list[str], *, student: bool) -> None:
    """Copy regular files (never symlinks or devices), skipping notebooks and huge files."""
    for count, path in enumerate(sorted(src.rglob("*"))):
        if student and count >= MAX_STUDENT_FILES:
            notes.append(f"Mehr als {MAX_STUDENT_FILES} Dateien in der Abgabe; der Rest wurde weggelassen.")
            break
        rel = path.relative_to(src)
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or path.suffix == ".ipynb" or rel.parts[0].startswith("."):
            if student and stat.S_ISLNK(info.st_mode):
                notes.append(f"Verknüpfung {rel} in der Abgabe ignoriert.")
            continue
        if rel.name in KEPT_FILES and len(rel.parts) == 1:
            continue
        if student and info.st_size > MAX_STUDENT_FILE:
            notes.append(f"Datei {rel} ist zu groß ({info.st_size // 1024**2} MB) und wurde weggelassen.")
            continue
        (dst / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dst / rel, follow_symlinks=False)


@functools.lru_cache(maxsize=32)
def _read_cached(path: Path) -> nbformat.NotebookNode:
    """The teacher's notebooks are read once per run (merge copies what it uses)."""
    return nbformat.read(path, as_version=4)


def _notebook_path(job: _Job, name: str, notes: list[str]) -> Path:
    """The student's copy of notebook ``name``; a single renamed notebook (``ex1-Kopie.ipynb``) counts."""
    path = job.folder / f"{name}.ipynb"
    if path.exists():
        return path
    others = [p for p in job.folder.glob("*.ipynb") if p.stem not in job.notebooks]
    if len(job.notebooks) == 1 and len(others) == 1:
        notes.append(f"{name}: Das Notebook hieß {others[0].name}; es wurde als {name}.ipynb bewertet.")
        return others[0]
    return path


def grade_one(job: _Job) -> StudentResult:
    """Merge, execute and score one student's submission (runs in a worker thread)."""
    result = StudentResult(student=job.student)
    workdir = Path(tempfile.mkdtemp(prefix=f"{job.student[:20]}-", dir=job.scratch))
    try:
        _copy_files(job.folder, workdir, result.notes, student=True)
        _copy_files(job.source_dir, workdir, result.notes, student=False)
        for name in job.notebooks:
            source = _read_cached(job.source_dir / f"{name}.ipynb")
            release = _read_cached(job.release_dir / f"{name}.ipynb")
            submitted, problem = read_submission(str(_notebook_path(job, name, result.notes)))
            if problem:
                result.notes.append(f"{name}: {problem}")
            merged = merge(source=source, release=release, submitted=submitted)
            result.notes += [f"{name}: {n}" for n in merged.notes]
            executed = execute_notebook(merged.nb, workdir=workdir, timeout=job.timeout,
                                        limits=job.limits, sandboxed=job.sandboxed)
            result.notes += [f"{name}: {n}" for n in executed.notes]
            result.executed[name] = executed.nb
            result.notebooks.append(gradebook.score_notebook(executed.nb, name))
            result.notes += [f"{name}: {n}" for n in error_notes(executed.nb)]
    except Exception as err:  # noqa: BLE001 - one broken submission never stops the class
        result.notes.append(f"Bewertung fehlgeschlagen: {type(err).__name__}: {err}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def error_notes(nb: nbformat.NotebookNode) -> list[str]:
    """Short German notes for answer cells that raised and tests that failed."""
    notes = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
        if error is None or not meta or error.get("ename") in ("Zeitüberschreitung", "Programmabbruch"):
            continue
        what = f"{error.get('ename')}: {str(error.get('evalue', ''))[:120]}".rstrip(": ")
        if meta.get("solution"):
            notes.append(f"{meta.get('grade_id')}: Fehler in der Antwort ({what})")
        elif meta.get("grade"):
            notes.append(f"{meta.get('grade_id')}: nicht bestanden ({what})")
    return notes


def find_submissions(submitted: Path, assignment: str) -> list[tuple[str, Path]]:
    """``(student, folder)`` for every ``submitted/<student>/<assignment>/`` folder, sorted."""
    if not submitted.is_dir():
        return []
    return sorted((p.parent.name, p) for p in submitted.glob(f"*/{assignment}") if p.is_dir())


def _save(run_dir: Path, result: StudentResult, assignment: str, gb, folder: Path) -> None:  # noqa: ANN001
    """Teacher side: gradebook, ``autograded/`` notebooks and the notes for the teacher."""
    gradebook.save_scores(gb, assignment=assignment, student=result.student, notebooks=result.notebooks,
                          timestamp=gradebook.read_timestamp(folder))
    out = run_dir / "autograded" / result.student / assignment
    out.mkdir(parents=True, exist_ok=True)
    for name, nb in result.executed.items():
        nbformat.write(nb, out / f"{name}.ipynb")
    for name in KEPT_FILES:
        if (folder / name).is_file():
            shutil.copyfile(folder / name, out / name)
    (out / NOTES_FILE).write_text(json.dumps(result.notes, ensure_ascii=False, indent=1), encoding="utf-8")


def _prepare(api, course_dir: Path, assignment: str) -> list[str]:  # noqa: ANN001
    """Make sure the assignment is generated and in the gradebook; return its notebook names."""
    from schuelerlab.errors import UserError

    db_url = api.coursedir.db_url
    names = gradebook.gradebook_notebooks(db_url, assignment)
    release = Path(api.coursedir.format_path(api.coursedir.release_directory, ".", assignment))
    if not names or not release.is_dir():
        if not (course_dir / "source" / assignment).is_dir():
            raise UserError(f"Die Aufgabe {assignment!r} gibt es in {course_dir / 'source'} nicht.")
        out = api.generate_assignment(assignment, force=True, create=True)
        if not out.get("success"):
            raise UserError(f"nbgrader konnte {assignment!r} nicht erzeugen:\n{out.get('log', '')}")
        names = gradebook.gradebook_notebooks(db_url, assignment)
    return names


def collect_submissions(*, course_dir: Path, assignment: str) -> int:
    """``nbgrader collect`` when an exchange is configured; return the number of submissions."""
    api = nbgrader_api(course_dir)
    if "Exchange" in api.config and api.config.Exchange.get("root"):
        api.collect(assignment)
    return len(find_submissions(Path(api.coursedir.root) / api.coursedir.submitted_directory, assignment))


def grade(*, assignment: str, course_dir: Path, workers: int | None = None, timeout: int = DEFAULT_TIMEOUT,
          unsafe_no_sandbox: bool = False, limits: sandbox.Limits | None = None, collect: bool = True,
          on_progress: Callable[[StudentResult], None] | None = None) -> GradeRun:
    """Autograde every submission of ``assignment`` in ``course_dir`` and write nbgrader's files.

    Collects first when an exchange is configured. Workers default to the number of cores.
    Raises ``UserError`` (German) when no sandbox can be made and ``unsafe_no_sandbox`` is False.
    """
    sandboxed = sandbox.require_sandbox(unsafe_no_sandbox=unsafe_no_sandbox)
    api = nbgrader_api(course_dir)
    if collect:
        collect_submissions(course_dir=course_dir, assignment=assignment)
    names = _prepare(api, course_dir, assignment)
    coursedir = api.coursedir
    submissions = find_submissions(Path(coursedir.root) / coursedir.submitted_directory, assignment)
    source_dir = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
    release_dir = Path(coursedir.format_path(coursedir.release_directory, ".", assignment))
    workers = max(1, workers or os.cpu_count() or 1)
    results: list[StudentResult] = []
    with tempfile.TemporaryDirectory(prefix="schuelerlab-grade-") as scratch:
        jobs = [_Job(student, folder, assignment, source_dir, release_dir, tuple(names), timeout,
                     limits or sandbox.Limits(), sandboxed, Path(scratch)) for student, folder in submissions]
        book = gradebook.open_gradebook(coursedir.db_url)
        with ThreadPoolExecutor(max_workers=workers) as pool, book as gb:
            futures = {pool.submit(grade_one, job): job for job in jobs}
            for future in as_completed(futures):
                result = future.result()
                try:
                    _save(Path(coursedir.root), result, assignment, gb, futures[future].folder)
                    if on_progress:
                        on_progress(result)
                except Exception as err:  # noqa: BLE001 - one student's files never stop the class
                    gb.db.rollback()
                    result.notes.append(f"Speichern fehlgeschlagen: {type(err).__name__}: {err}")
                results.append(result)
    _read_cached.cache_clear()
    results.sort(key=lambda r: r.student)
    return GradeRun(assignment=assignment, course_dir=course_dir, results=results, sandboxed=sandboxed)
