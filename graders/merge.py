"""Merge a student's answers into the teacher's notebook by nbgrader cell id.

The submitted structure is never trusted. The result has the teacher's cells in the teacher's
order, with the original tests (hidden ones included) and the original setup cells; only the answer
cells (``solution``) take the student's text. Cells the student added stay, as plain cells, after
the teacher cell they followed. Edits get a German note for the teacher:

- copied cells with duplicate ids: the first copy is graded, later copies of an answer run as the
  student's own code, later copies of anything else are dropped;
- changed cell types: the student's text is used with the original type;
- deleted or changed test and locked cells: the original is used;
- a missing answer cell: the empty stub of the released version is used (scores zero).
"""

from __future__ import annotations

import copy
import os
import re
import uuid
from dataclasses import dataclass, field

import nbformat
from nbformat import NotebookNode

#: Largest submitted notebook that is read at all.
MAX_NOTEBOOK_BYTES = 20 * 1024**2
#: Cells a student may add to a notebook; more are dropped (each could run until the timeout).
MAX_EXTRA_CELLS = 60
#: Code in answers that a teacher should look at (the sandbox stops it; the note tells).
SUSPICIOUS = re.compile(
    r"\bos\.(?:kill|killpg|fork|_exit|system|popen|exec\w*|set\w*id|chmod|remove|unlink)\b|\bsubprocess\b"
    r"|\bsocket\b|\bctypes\b|\bsignal\.|\bsys\.exit\b|\bshutil\.rmtree\b|__import__|\burllib\b"
    r"|\brequests\b|\bhttp\.client\b|open\(\s*[\w\s+]*['\"]/|\bglob\b|\bos\.(?:listdir|walk|scandir)\b"
    r"|\b_i[hn]?\b|\bIn\b(?=\s*[\[\)])|get_ipython|\bsys\._getframe\b|\bsettrace\b|\bgc\.get_objects\b")


def suspicious(code: str) -> list[str]:
    """The suspicious calls in ``code`` (e.g. ``os.kill``), each once, in order."""
    found: list[str] = []
    for match in SUSPICIOUS.finditer(code):
        word = match.group(0).rstrip("('\" ")
        if word not in found:
            found.append(word)
    return found


@dataclass
class MergeResult:
    """The notebook to execute plus German notes about edits the student made."""

    nb: NotebookNode
    notes: list[str] = field(default_factory=list)


def grade_id(cell: NotebookNode) -> str | None:
    """The nbgrader cell id, or ``None`` for plain cells."""
    meta = cell.get("metadata", {}).get("nbgrader")
    return meta.get("grade_id") if isinstance(meta, dict) else None


def is_solution(cell: NotebookNode) -> bool:
    """True for answer cells (the student writes them)."""
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution"))


def _text(cell: NotebookNode) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _plain(cell: NotebookNode) -> NotebookNode:
    """A student cell as plain code/markdown: no nbgrader metadata, no outputs, a valid type."""
    kind = cell.get("cell_type") if cell.get("cell_type") in ("code", "markdown", "raw") else "raw"
    if kind == "code":
        return nbformat.v4.new_code_cell(_text(cell))
    if kind == "markdown":
        return nbformat.v4.new_markdown_cell(_text(cell))
    return nbformat.v4.new_raw_cell(_text(cell))


class _Merger:
    def __init__(self, source: NotebookNode, release: NotebookNode) -> None:
        self.teacher = [c for c in source.cells if grade_id(c)]
        self.ids = [grade_id(c) for c in self.teacher]
        self.release = {grade_id(c): c for c in release.cells if grade_id(c)}
        # nbformat cell ids of the released notebook, for notebooks that lost their nbgrader metadata
        self.by_cell_id = {c.get("id"): grade_id(c) for c in release.cells if grade_id(c) and c.get("id")}
        self.answers: dict[str, NotebookNode] = {}
        self.seen: set[str] = set()
        self.extras: dict[str | None, list[NotebookNode]] = {}
        self.notes: list[str] = []
        self.dropped = 0

    def _identify(self, cell: NotebookNode) -> str | None:
        gid = grade_id(cell)
        if gid is None and cell.get("id") in self.by_cell_id:
            gid = self.by_cell_id[cell.get("id")]
        return gid if gid in self.ids else None

    def take(self, cells: list[NotebookNode]) -> None:
        """Walk the student's cells: record answers, anchor added cells, note edits."""
        anchor: str | None = None
        for cell in cells:
            gid = self._identify(cell)
            if gid is None and sum(map(len, self.extras.values())) >= MAX_EXTRA_CELLS:
                self.dropped += 1
                continue
            if gid is None:
                if grade_id(cell):
                    self.notes.append(f"Unbekannte Bewertungszelle {grade_id(cell)!r} zählt nicht (als "
                                      "normale Zelle behalten).")
                self.extras.setdefault(anchor, []).append(_plain(cell))
                continue
            teacher = self.teacher[self.ids.index(gid)]
            if gid in self.seen:
                self._duplicate(gid, teacher, cell, anchor)
                continue
            self.seen.add(gid)
            anchor = gid
            if is_solution(teacher):
                self.answers[gid] = cell
                if cell.get("cell_type") != teacher.cell_type:
                    self.notes.append(f"{gid}: Zelltyp von {teacher.cell_type} zu {cell.get('cell_type')} "
                                      f"geändert; als {teacher.cell_type} bewertet.")
            elif _text(cell) != _text(self.release.get(gid, teacher)):
                self.notes.append(f"{gid}: Die Schülerin/der Schüler hat diese geschützte Zelle verändert; "
                                  "bewertet wurde mit dem Original.")

    def _duplicate(self, gid: str, teacher: NotebookNode, cell: NotebookNode, anchor: str | None) -> None:
        if is_solution(teacher):
            self.extras.setdefault(anchor, []).append(_plain(cell))
            self.notes.append(f"{gid}: Antwortzelle kopiert (doppelte Zell-ID); die erste Kopie wird "
                              "bewertet, die weiteren laufen als normaler Code.")
        else:
            self.notes.append(f"{gid}: Geschützte Zelle kopiert (doppelte Zell-ID); "
                              "die Kopie wurde entfernt.")

    def build(self, metadata: dict) -> NotebookNode:
        """The merged notebook: teacher cells in the teacher's order, added cells after their anchor."""
        out = nbformat.v4.new_notebook(metadata=copy.deepcopy(metadata))
        out.cells.extend(self.extras.get(None, []))
        for gid, teacher in zip(self.ids, self.teacher, strict=True):
            out.cells.append(self._teacher_cell(gid, teacher))
            out.cells.extend(self.extras.get(gid, []))
        used: set[str] = set()
        for cell in out.cells:
            if not cell.get("id") or cell["id"] in used:
                cell["id"] = uuid.uuid4().hex[:12]
            used.add(cell["id"])
        return out

    def _teacher_cell(self, gid: str, teacher: NotebookNode) -> NotebookNode:
        if not is_solution(teacher):
            if gid not in self.seen:
                self.notes.append(f"{gid}: Zelle fehlte in der Abgabe; das Original wurde wieder eingefügt.")
            cell = copy.deepcopy(teacher)
        else:
            cell = copy.deepcopy(self.release.get(gid, teacher))
            if gid in self.answers:
                cell.source = _text(self.answers[gid])
            else:
                self.notes.append(f"{gid}: Antwortzelle fehlte in der Abgabe; sie zählt als leer.")
                if gid not in self.release:
                    cell.source = ""
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        return cell


def merge(*, source: NotebookNode, release: NotebookNode, submitted: NotebookNode | None) -> MergeResult:
    """Merge ``submitted`` answers into the teacher's ``source`` notebook (see module docstring).

    Args:
        source: the teacher's notebook with solutions and hidden tests.
        release: the generated student version (stubs, checksums, visible tests).
        submitted: the student's notebook, or ``None`` when it was missing or unreadable.
    """
    merger = _Merger(source, release)
    if submitted is None:
        merger.notes.append("Kein lesbares Notebook abgegeben; alle Antworten zählen als leer.")
    else:
        merger.take(list(submitted.get("cells", [])))
    if merger.dropped:
        merger.notes.append(f"Mehr als {MAX_EXTRA_CELLS} eigene Zellen; {merger.dropped} weitere wurden "
                            "nicht ausgeführt.")
    nb = merger.build(source.get("metadata", {}))
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and (meta.get("solution") or not meta):
            calls = suspicious(_text(cell))
            if calls:
                where = meta.get("grade_id") or "eigene Zelle"
                merger.notes.append(f"{where}: auffälliger Code ({', '.join(calls)}) – bitte ansehen.")
    return MergeResult(nb=nb, notes=merger.notes)


def read_submission(path: str) -> tuple[NotebookNode | None, str | None]:
    """Read a submitted notebook leniently; return ``(nb, None)`` or ``(None, German reason)``."""
    try:
        if os.path.getsize(path) > MAX_NOTEBOOK_BYTES:
            limit = MAX_NOTEBOOK_BYTES // 1024**2
            return None, f"Das Notebook ist größer als {limit} MB und wurde nicht bewertet."
        nb = nbformat.read(path, as_version=4)
    except FileNotFoundError:
        return None, "Die Abgabe enthält dieses Notebook nicht."
    except Exception as err:  # noqa: BLE001 - any broken file is the student's, not ours
        return None, f"Das Notebook ist beschädigt und ließ sich nicht lesen ({type(err).__name__})."
    if not isinstance(nb.get("cells"), list):
        return None, "Das Notebook enthält keine Zellen."
    return nb, None
