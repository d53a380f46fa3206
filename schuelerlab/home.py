"""The course folder at home: copy the student versions without ever overwriting a child's work.

``prepare_home(folder=…)`` puts every course into ``<folder>/<course>/<assignment>/`` (student versions
from :mod:`schuelerlab.courses.student`), adds only files that are missing, and writes the teacher
catalogue ``Kurskatalog.html`` next to them.
"""

from __future__ import annotations

import filecmp
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from schuelerlab.errors import UserError

DEFAULT_FOLDER_NAME = "Schuelerlab"
CATALOG_NAME = "Kurskatalog.html"
#: A catalogue page still carrying this title was written by us and may be refreshed.
_CATALOG_MARK = "<title>Kurskatalog – Schülerlab Zeitz</title>"


def default_folder() -> Path:
    """``~/Schuelerlab``: where ``schuelerlab lab`` keeps the courses unless told otherwise."""
    return Path.home() / DEFAULT_FOLDER_NAME


@dataclass
class HomeReport:
    """What ``prepare_home`` did, with paths relative to ``folder``."""

    folder: Path
    added: list[Path] = field(default_factory=list)  # copied now (new or deleted before)
    kept: list[Path] = field(default_factory=list)  # already there and different: the child's work
    unchanged: list[Path] = field(default_factory=list)  # already there, same as the course file
    failed: list[tuple[Path, str]] = field(default_factory=list)  # could not be copied, with the reason
    courses: list[str] = field(default_factory=list)
    catalog: Path | None = None
    generated: bool = False  # True when the student versions were built now (not from the cache)

    def summary(self) -> str:
        """A short German summary for the terminal."""
        notebooks = [p for p in self.added if p.suffix == ".ipynb"]
        lines = [f"Deine Kurse liegen in {self.folder}"]
        if self.added:
            lines.append(f"Neu hinzugefügt: {len(self.added)} Dateien ({len(notebooks)} Notebooks).")
            lines += [f"  + {p.as_posix()}" for p in notebooks[:12]]
            if len(notebooks) > 12:
                lines.append(f"  … und {len(notebooks) - 12} weitere Notebooks")
        else:
            lines.append("Es fehlte nichts, es wurde nichts Neues hinzugefügt.")
        if self.kept:
            lines.append(f"{len(self.kept)} Dateien hast du schon bearbeitet – sie bleiben genau so, "
                         "wie sie sind.")
        if self.unchanged and not self.kept:
            lines.append("Deine vorhandenen Dateien wurden nicht verändert.")
        if self.failed:
            lines.append(f"{len(self.failed)} Dateien konnten nicht kopiert werden (alles andere ist da):")
            lines += [f"  ! {rel.as_posix()}: {reason}" for rel, reason in self.failed[:5]]
            lines.append("  Tipp: Prüfe, ob dort eine Datei mit dem Namen eines Ordners liegt, "
                         "oder wähle mit --folder einen anderen Ordner.")
        if self.catalog:
            lines.append(f"Kurskatalog für Eltern und Lehrkräfte: {self.catalog}")
        return "\n".join(lines)


def _copy_missing(source: Path, folder: Path, report: HomeReport) -> None:
    """Copy every file below ``source`` that does not exist below ``folder``; never touch others."""
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        rel = path.relative_to(source)
        if rel.name.startswith("."):
            continue
        target = folder / rel
        if target.exists():
            same = target.is_file() and filecmp.cmp(path, target, shallow=False)
            (report.unchanged if same else report.kept).append(rel)
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        except OSError as err:  # e.g. a file where a folder belongs, a read-only folder: skip, carry on
            report.failed.append((rel, err.strerror or str(err)))
            continue
        report.added.append(rel)


def _write_catalog(folder: Path) -> Path | None:
    """Write ``Kurskatalog.html`` unless a file of that name exists that we did not write."""
    from schuelerlab.courses.catalog import build_catalog

    target = folder / CATALOG_NAME
    if target.exists():
        try:
            ours = _CATALOG_MARK in target.read_text(encoding="utf-8", errors="replace")
        except OSError:
            ours = False
        if not ours:
            return None
    return build_catalog(out=target)


def prepare_home(*, folder: Path | None = None, progress: Callable[[str], None] | None = None,
                 cache: Path | None = None) -> HomeReport:
    """Copy the student versions of all courses into ``folder`` (default ``~/Schuelerlab``).

    Existing files are never overwritten: a changed notebook stays as it is, missing files (new course
    files, deleted notebooks) are added. ``progress`` receives German status lines.
    """
    from schuelerlab.courses.student import student_versions

    folder = (folder or default_folder()).expanduser()
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} ist eine Datei, kein Ordner. Wähle mit --folder einen anderen Ordner.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(f"Der Ordner {folder} lässt sich nicht anlegen ({err.strerror}). "
                        "Wähle mit --folder einen anderen Ordner.")
    source, generated = student_versions(cache=cache, progress=progress)
    report = HomeReport(folder=folder, generated=generated,
                        courses=sorted(p.name for p in source.iterdir() if p.is_dir()))
    _copy_missing(source, folder, report)
    try:
        report.catalog = _write_catalog(folder)
    except OSError as err:
        report.failed.append((Path(CATALOG_NAME), err.strerror or str(err)))
    return report
