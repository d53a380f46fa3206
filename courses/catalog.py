"""The course catalogue for teachers: one German HTML page listing courses, notebooks, ages,
durations and materials, generated from the ``course.toml`` files."""

from __future__ import annotations

from html import escape
from pathlib import Path

import click
from schuelerlab.courses.registry import CourseInfo, list_courses

from schuelerlab.errors import UserError

_CSS = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d2a33; line-height: 1.45; }
h1 { color: #0b5c8e; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #0b5c8e; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; }
th, td { border: 1px solid #c6d3dc; padding: .35rem .55rem; text-align: left; vertical-align: top; }
th { background: #e8f1f7; } .facts { color: #44545f; } ul.material { columns: 2; }
@media print { body { margin: 0; } h2 { break-before: page; } }
"""


def _minutes(total: int) -> str:
    hours, rest = divmod(total, 60)
    return f"{total} Minuten" if not hours else f"{total} Minuten (≈ {hours} h {rest:02d} min)"


def _course_html(course: CourseInfo) -> str:
    rows = "\n".join(
        f"<tr><td>{n}</td><td>{escape(a.title)}</td><td>{escape(a.age.replace('-', '–'))}</td>"
        f"<td>{a.minutes} min</td><td>{a.exercises} ({a.points:g} Punkte)</td>"
        f"<td>{escape(', '.join(a.materials) or 'nur das Notebook')}</td></tr>"
        for n, a in enumerate(course.assignments, start=1)
    )
    material = "".join(f"<li>{escape(m)}</li>" for m in course.materials)
    age = escape(course.age.replace("-", "–"))
    return f"""
<section id="{escape(course.id)}">
<h2>{escape(course.title)}</h2>
<p class="facts">Kurs-ID <code>{escape(course.id)}</code> · Alter {age} Jahre ·
{len(course.assignments)} Notebooks · zusammen {_minutes(course.minutes)}</p>
<p>{escape(course.description)}</p>
<table>
<thead><tr><th>Nr.</th><th>Notebook</th><th>Alter</th><th>Dauer</th><th>Aufgaben</th><th>Material</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<h3>Material für den ganzen Kurs</h3>
<ul class="material">{material}</ul>
</section>"""


def render_catalog(courses: list[CourseInfo]) -> str:
    """The catalogue page as an HTML string."""
    sections = "\n".join(_course_html(c) for c in courses)
    overview = "".join(
        f'<li><a href="#{escape(c.id)}">{escape(c.title)}</a> – {len(c.assignments)} Notebooks, '
        f"Alter {escape(c.age.replace('-', '–'))}</li>"
        for c in courses
    )
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Kurskatalog – Schülerlab Zeitz</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Kurskatalog des Schülerlabs</h1>
<p>Alle Kurse laufen im Browser mit Jupyter. Jedes Notebook bringt <strong>simulierte Messwerte</strong> mit
und funktioniert deshalb auch ohne Calliope und ohne Internet; ist ein Calliope mini angeschlossen, misst
es echte Werte. Die Aufgaben werden automatisch bewertet.</p>
<ul>{overview}</ul>
{sections}
</body>
</html>
"""


def build_catalog(*, out: Path, root: Path | None = None) -> Path:
    """Write the German course catalogue to ``out`` (a file, or a folder for ``kurskatalog.html``).

    ``root`` is the folder holding the courses (default: the shipped ones). Returns the written file.
    """
    target = out / "kurskatalog.html" if out.is_dir() else out
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_catalog(list_courses(root)), encoding="utf-8")
    return target


@click.command("catalog")
@click.option("--out", type=click.Path(path_type=Path), default=Path("Kurskatalog.html"), show_default=True,
              help="Datei (oder Ordner), in die die Seite geschrieben wird.")
def catalog_cmd(out: Path) -> None:
    """Den Kurskatalog für Lehrkräfte als HTML-Seite schreiben (Kurse, Notebooks, Alter, Dauer, Material)."""
    try:
        target = build_catalog(out=out)
    except OSError as err:
        raise UserError(f"Der Kurskatalog ließ sich nicht nach {out} schreiben ({err.strerror}). "
                        "Wähle mit --out eine andere Datei.")
    click.echo(f"Kurskatalog geschrieben: {target.resolve()}")
