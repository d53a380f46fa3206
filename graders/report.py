"""Presentation of a grading run: German summary table, CSV export, class overview picture."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from schuelerlab.graders.autograde import GradeRun
from schuelerlab.graders.gradebook import export_rows

COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
           "raw_score", "late_submission_penalty", "score", "max_score"]


def _num(value: float, *, excel_de: bool = False) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if excel_de else text


def summary_table(run: GradeRun) -> str:
    """A German plain-text table: one line per student with points and notes."""
    width = max([len("Schüler*in"), *(len(r.student) for r in run.results)])
    lines = [f"Aufgabe {run.assignment}: {len(run.results)} Abgaben bewertet"
             + ("" if run.sandboxed else " (OHNE Sandbox!)"),
             f"{'Schüler*in':<{width}}  {'Punkte':>11}  Hinweise"]
    for res in run.results:
        points = f"{_num(res.score, excel_de=True)} von {_num(res.max_score, excel_de=True)}"
        note = "; ".join(res.notes) if res.notes else "–"
        lines.append(f"{res.student:<{width}}  {points:>11}  {note[:200]}")
    if run.results:
        mean = sum(r.score for r in run.results) / len(run.results)
        top = _num(run.results[0].max_score, excel_de=True)
        lines.append(f"Durchschnitt: {_num(round(mean, 2), excel_de=True)} von {top} Punkten")
    return "\n".join(lines)


def failed_cells(run: GradeRun) -> Counter:
    """How many students failed each test cell (by nbgrader id)."""
    counts: Counter = Counter()
    for res in run.results:
        for nb in res.notebooks:
            for cell in nb.cells:
                if cell.is_test and cell.score is not None and cell.score < cell.max_score:
                    counts[cell.grade_id] += 1
    return counts


def exercise_of_tests(run: GradeRun) -> dict[str, str]:
    """Test cell id -> title of the exercise it belongs to (the last markdown heading above it)."""
    mapping: dict[str, str] = {}
    for res in run.results:
        for nb in res.executed.values():
            title = ""
            for cell in nb.cells:
                if cell.cell_type == "markdown":
                    heading = next((line.lstrip("#").strip() for line in "".join(cell.source).splitlines()
                                    if line.startswith("#")), "")
                    title = heading or title
                meta = cell.get("metadata", {}).get("nbgrader", {})
                if meta.get("grade") and not meta.get("solution"):
                    mapping.setdefault(meta.get("grade_id"), title or meta.get("grade_id"))
    return mapping


def failed_exercises(run: GradeRun) -> Counter:
    """How many students lost points in each exercise."""
    exercise = exercise_of_tests(run)
    counts: Counter = Counter()
    for res in run.results:
        lost = {exercise.get(c.grade_id, c.grade_id) for nb in res.notebooks for c in nb.cells
                if c.is_test and c.score is not None and c.score < c.max_score}
        counts.update(lost)
    return counts


def _bars(axis, counts: Counter, title: str, color: str) -> None:  # noqa: ANN001 - matplotlib Axes
    top = counts.most_common(10)
    if top:
        names, values = zip(*top, strict=True)
        axis.barh([n[:28] for n in reversed(names)], list(reversed(values)), color=color)
    axis.set(title=title, xlabel="Anzahl Schüler*innen")


def write_csv(path: Path, db_url: str, *, excel_de: bool = False) -> Path:
    """Export the gradebook with nbgrader's columns; ``excel_de``: ``;``, decimal comma, UTF-8 BOM."""
    rows = export_rows(db_url)
    with path.open("w", newline="", encoding="utf-8-sig" if excel_de else "utf-8") as handle:
        writer = csv.writer(handle, delimiter=";" if excel_de else ",")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([_num(v, excel_de=excel_de) if isinstance(v, float) else ("" if v is None else v)
                             for v in (row[c] for c in COLUMNS)])
    return path


def warm_up() -> None:
    """Import matplotlib ahead of time (call in a background thread while grading runs)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.figure  # noqa: F401
    except Exception:  # noqa: BLE001 - the real call reports problems
        pass


def overview_png(run: GradeRun, path: Path) -> Path:
    """Class overview: score distribution, exercises and tests failed most often (matplotlib Agg)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(14, 4), layout="constrained")
    left, middle, right = fig.subplots(1, 3)
    scores = [r.score for r in run.results]
    top = max([r.max_score for r in run.results] + [1])
    left.hist(scores, bins=[x - 0.5 for x in range(int(top) + 2)], color="#3b7dd8", edgecolor="white")
    left.set(title=f"Punkteverteilung ({run.assignment})", xlabel="Punkte", ylabel="Anzahl Schüler*innen")
    _bars(middle, failed_exercises(run), "Aufgaben mit Punktverlust", "#e59a2f")
    _bars(right, failed_cells(run), "Am häufigsten nicht bestandene Tests", "#d8573b")
    fig.savefig(path, dpi=100)
    return path
