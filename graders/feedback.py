"""German HTML feedback per student that never shows hidden test code (nbgrader P9).

Visible tests are shown as released, with their result. A failed hidden test shows only its
message (the ``AssertionError`` text of ``pruefe_gleich`` & co.), never its code or traceback, and
the hidden tests are summarised as counts ("2 von 3 versteckten Tests bestanden"). Files go to
nbgrader's ``feedback/<student>/<assignment>/<notebook>.html``; a new run replaces the old folder,
and ``release_feedback`` is called when an exchange is configured.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from schuelerlab.graders.autograde import KEPT_FILES, GradeRun, StudentResult
from schuelerlab.graders.merge import grade_id

HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS(.*?)### END HIDDEN TESTS", re.S)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
CELL_LINE = re.compile(r"Cell In\[\d*\], line (\d+)")
ANCHOR = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>')
MAX_TEXT = 5000
STYLE = """body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}
pre{background:#f4f4f4;padding:.6em;overflow-x:auto;white-space:pre-wrap}
.ok{border-left:6px solid #2e9d46;padding-left:.6em}.fail{border-left:6px solid #d0402b;padding-left:.6em}
.box{margin:1em 0}.punkte{font-weight:bold}"""


def _text(value: object) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def _esc(text: str) -> str:
    text = ANSI.sub("", text)
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT] + "\n[… gekürzt …]"
    return html.escape(text)


def hidden_lines(source: str) -> set[int]:
    """1-based line numbers inside ``### BEGIN/END HIDDEN TESTS`` blocks."""
    lines: set[int] = set()
    for match in HIDDEN.finditer(source):
        first = source[: match.start()].count("\n") + 1
        lines.update(range(first, first + match.group(0).count("\n") + 1))
    return lines


def _error(cell: NotebookNode) -> NotebookNode | None:
    return next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)


def _failed_in_hidden(cell: NotebookNode, error: NotebookNode) -> bool:
    """Did the error come from a hidden line? Unknown places count as hidden (safe side)."""
    hidden = hidden_lines(_text(cell.source))
    if not hidden:
        return False
    match = CELL_LINE.search(ANSI.sub("", "\n".join(error.get("traceback", []))))
    return match is None or int(match.group(1)) in hidden


def hidden_code(cells: list[NotebookNode]) -> list[str]:
    """Every non-trivial line of hidden test code in ``cells`` (to scrub it from outputs)."""
    lines = set()
    for cell in cells:
        for block in HIDDEN.findall(_text(cell.get("source", ""))):
            lines.update(line.strip() for line in block.splitlines() if len(line.strip()) >= 6)
    return sorted(lines, key=len, reverse=True)


def _scrub(text: str, secrets: list[str]) -> str:
    """Replace hidden test code that student code printed (e.g. from ``In``) by a marker."""
    for line in secrets:
        text = text.replace(line, "[versteckter Test]").replace(repr(line)[1:-1], "[versteckter Test]")
    return text


def _outputs(cell: NotebookNode, secrets: list[str]) -> str:
    parts = []
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            parts.append(_text(out.get("text")))
        elif kind in ("execute_result", "display_data"):
            parts.append(_text(out.get("data", {}).get("text/plain", "")))
        elif kind == "error":
            parts.append("\n".join(out.get("traceback", [])) or f"{out.get('ename')}: {out.get('evalue')}")
    return f"<pre>{_esc(_scrub(ANSI.sub('', ''.join(parts)), secrets))}</pre>" if any(parts) else ""


def _test_box(cell: NotebookNode, visible: str, points: str) -> tuple[str, bool | None]:
    """HTML for one test cell, and whether its hidden part passed (``None``: it has none)."""
    error = _error(cell)
    has_hidden = bool(hidden_lines(_text(cell.source)))
    code = f"<pre>{_esc(visible)}</pre>" if visible.strip() else "<p>(Versteckte Tests)</p>"
    if error is None:
        return f'<div class="box ok">{code}<p class="punkte">✔ Bestanden – {points}</p></div>', (
            True if has_hidden else None)
    message = _text(error.get("evalue")).strip()
    if _failed_in_hidden(cell, error):
        text = message or "Ein versteckter Test ist fehlgeschlagen."
        text = _scrub(text, hidden_code([cell]))
        return (f'<div class="box fail">{code}<p class="punkte">✘ Ein versteckter Test ist nicht bestanden'
                f" – {points}</p><pre>{_esc(text)}</pre></div>"), False
    text = f"{error.get('ename')}: {message}" if message else _text(error.get("ename"))
    return (f'<div class="box fail">{code}<p class="punkte">✘ Nicht bestanden – {points}</p>'
            f"<pre>{_esc(text)}</pre></div>"), (False if has_hidden else None)


def render(nb: NotebookNode, release: NotebookNode, *, student: str, assignment: str, notebook: str,
           score: float, max_score: float) -> str:
    """The feedback page of one notebook (German, self-contained HTML)."""
    from nbconvert.filters.markdown import markdown2html

    released = {grade_id(c): _text(c.source) for c in release.cells if grade_id(c)}
    secrets = hidden_code(nb.cells)
    body, hidden_ok, hidden_all = [], 0, 0
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        gid = meta.get("grade_id")
        if cell.cell_type == "markdown":
            source = _text(cell.source)
            body.append(ANCHOR.sub("", markdown2html(source)) if gid else f"<pre>{_esc(source)}</pre>")
        elif cell.cell_type != "code":
            continue
        elif meta.get("grade") and not meta.get("solution"):
            box, hidden_passed = _test_box(cell, released.get(gid, ""), _points(cell))
            body.append(box)
            if hidden_lines(_text(cell.source)):
                hidden_all += 1
                hidden_ok += bool(hidden_passed)
        else:
            body.append(f"<pre>{_esc(_text(cell.source))}</pre>{_outputs(cell, secrets)}")
    head = (f"<h1>Rückmeldung: {html.escape(assignment)} / {html.escape(notebook)}</h1>"
            f"<p>{html.escape(student)}: <b>{points_text(score, max_score)}</b>.</p>")
    if hidden_all:
        head += f"<p>{hidden_ok} von {hidden_all} versteckten Tests bestanden.</p>"
    title = f"Rückmeldung {html.escape(assignment)}"
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{STYLE}</style></head><body>{head}{''.join(body)}</body></html>")


def points_text(score: float, max_score: float) -> str:
    """German "1 von 1 Punkt" / "2 von 3 Punkten" (with a decimal comma)."""
    unit = "Punkt" if max_score == 1 else "Punkten"
    return f"{score:g} von {max_score:g} {unit}".replace(".", ",")


def _points(cell: NotebookNode) -> str:
    from nbgrader.utils import determine_grade

    score, max_score = determine_grade(cell)
    return points_text(score or 0, max_score)


def write_student(result: StudentResult, *, course_dir: Path, assignment: str) -> list[Path]:
    """Write (replacing) the feedback folder of one student."""
    folder = course_dir / "feedback" / result.student / assignment
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = []
    for nb_score in result.notebooks:
        release_path = course_dir / "release" / assignment / f"{nb_score.notebook}.ipynb"
        release = nbformat.read(release_path, as_version=4)
        page = render(result.executed[nb_score.notebook], release, student=result.student,
                      assignment=assignment, notebook=nb_score.notebook, score=nb_score.score,
                      max_score=nb_score.max_score)
        path = folder / f"{nb_score.notebook}.html"
        path.write_text(page, encoding="utf-8")
        files.append(path)
    for name in KEPT_FILES:
        kept = course_dir / "autograded" / result.student / assignment / name
        if kept.is_file():
            shutil.copyfile(kept, folder / name)
    return files


def release(run: GradeRun, *, course_dir: Path, files: list[Path]) -> None:
    """Release written feedback through the exchange when one is configured (replacing old copies)."""
    from schuelerlab.graders.course import nbgrader_api

    api = nbgrader_api(course_dir)
    if "Exchange" in api.config and api.config.Exchange.get("root") and files:
        api.release_feedback(run.assignment)


def write_feedback(run: GradeRun, *, course_dir: Path) -> list[Path]:
    """Feedback for every graded student; released through the exchange when one is configured."""
    files = []
    for result in run.results:
        files += write_student(result, course_dir=course_dir, assignment=run.assignment)
    release(run, course_dir=course_dir, files=files)
    return files
