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
    """Class overview: score distribution and the test cells failed most often (matplotlib Agg)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 4), layout="constrained")
    left, right = fig.subplots(1, 2)
    scores = [r.score for r in run.results]
    top = max([r.max_score for r in run.results] + [1])
    left.hist(scores, bins=[x - 0.5 for x in range(int(top) + 2)], color="#3b7dd8", edgecolor="white")
    left.set(title=f"Punkteverteilung ({run.assignment})", xlabel="Punkte", ylabel="Anzahl Schüler*innen")
    counts = failed_cells(run).most_common(10)
    if counts:
        names, values = zip(*counts, strict=True)
        right.barh(list(reversed(names)), list(reversed(values)), color="#d8573b")
    right.set(title="Am häufigsten nicht bestandene Tests", xlabel="Anzahl Schüler*innen")
    fig.savefig(path, dpi=100)
    return path
