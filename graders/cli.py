"""Click commands ``schuelerlab course …`` and ``schuelerlab grade``: thin wrappers over the API."""

from __future__ import annotations

import sys
from pathlib import Path

# jsonschema (imported by nbformat) loads rfc3987_syntax when installed, which builds a parser at
# import time (about 1 s). nbformat and nbgrader never check IRI formats, so skip it in our commands.
sys.modules.setdefault("rfc3987_syntax", None)

import click  # noqa: E402
from schuelerlab.graders import course as course_api  # noqa: E402
from schuelerlab.graders.execute import DEFAULT_TIMEOUT  # noqa: E402


@click.group("course")
def course() -> None:
    """Kurse anzeigen, einrichten und Aufgaben freigeben."""


def _root_option(func):  # noqa: ANN001, ANN201 - click decorator
    return click.option("--courses-root", type=click.Path(path_type=Path, file_okay=False),
                        help="Ordner mit den Kursen (Standard: die mitgelieferten Kurse).")(func)


@course.command("list")
@_root_option
def course_list(courses_root: Path | None) -> None:
    """Alle Kurse mit Titel, Alter und Dauer anzeigen."""
    courses = course_api.list_courses(root=courses_root)
    if not courses:
        click.echo("Keine Kurse gefunden.")
    for item in courses:
        count = len(item.assignments)
        notebooks = "1 Notebook" if count == 1 else f"{count} Notebooks"
        click.echo(f"{item.id}: {item.title} (Alter {item.age}, {notebooks}, {item.minutes} Minuten)")
        for part in item.assignments:
            click.echo(f"    {part.id}: {part.title} ({part.minutes} min, {part.exercises} bewertete Zellen)")
        if item.materials:
            click.echo(f"    Material: {', '.join(item.materials)}")


@course.command("setup")
@click.argument("course_id", metavar="KURS")
@_root_option
@click.option("--course-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Kursordner der Lehrkraft (Standard: ~/KURS).")
@click.option("--exchange", type=click.Path(path_type=Path, file_okay=False),
              help="nbgrader-Austauschordner (nur im Hub).")
def course_setup(course_id: str, courses_root: Path | None, course_dir: Path | None,
                 exchange: Path | None) -> None:
    """Den Kursordner der Lehrkraft anlegen (source/, nbgrader_config.py)."""
    item = course_api.find_course(course_id, root=courses_root)
    target = course_dir or Path.home() / course_id
    folder = course_api.setup_course(item, course_dir=target, exchange=exchange)
    click.echo(f"Kursordner angelegt: {folder}")


@course.command("release")
@click.argument("course_id", metavar="KURS")
@click.argument("assignment", metavar="AUFGABE", required=False)
@_root_option
@click.option("--course-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Kursordner der Lehrkraft (Standard: ~/KURS).")
def course_release(course_id: str, assignment: str | None, courses_root: Path | None,
                   course_dir: Path | None) -> None:
    """Schülerfassung erzeugen und (mit Austauschordner) freigeben."""
    folder = course_dir or Path.home() / course_id
    if not (folder / course_api.CONFIG_NAME).exists():
        item = course_api.find_course(course_id, root=courses_root)
        folder = course_api.setup_course(item, course_dir=folder)
    names = [assignment] if assignment else sorted(
        p.name for p in (folder / "source").iterdir() if p.is_dir())
    for name in names:
        out = course_api.release(course_dir=folder, assignment=name)
        if out.get("already"):
            click.echo(f"Aufgabe {name} ist schon freigegeben; sie bleibt, wie sie ist.")
            continue
        where = "und freigegeben" if out["exchange"] else f"in {out['release']}"
        click.echo(f"Aufgabe {name} erzeugt {where}.")


@click.command("grade")
@click.argument("assignment", metavar="AUFGABE")
@click.option("--course", "course_id", metavar="KURS", help="Kurs; der Kursordner ist dann ~/KURS.")
@click.option("--course-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Kursordner (Standard: aktueller Ordner).")
@click.option("--workers", type=click.IntRange(1, 64), help="Gleichzeitige Bewertungen (Standard: Kerne).")
@click.option("--timeout", type=click.IntRange(1, 3600), default=DEFAULT_TIMEOUT, show_default=True,
              help="Sekunden pro Zelle.")
@click.option("--export", type=click.Path(path_type=Path, dir_okay=False), help="Noten als CSV speichern.")
@click.option("--excel-de", is_flag=True, help="CSV für deutsches Excel (Semikolon, Dezimalkomma).")
@click.option("--overview", type=click.Path(path_type=Path, dir_okay=False),
              help="Klassenübersicht als PNG (Standard: uebersicht-AUFGABE.png im Kursordner).")
@click.option("--unsafe-no-sandbox", is_flag=True,
              help="Ohne Sandbox bewerten (nur wenn du allen Abgaben vertraust).")
def grade(assignment: str, course_id: str | None, course_dir: Path | None, workers: int | None, timeout: int,
          export: Path | None, excel_de: bool, overview: Path | None, unsafe_no_sandbox: bool) -> None:
    """Alle Abgaben einer Aufgabe bewerten (parallel, in der Sandbox) und Rückmeldungen schreiben."""
    from schuelerlab.graders import autograde, report, teacher

    folder = teacher.resolve_course_dir(course=course_id, course_dir=course_dir)
    total = autograde.collect_submissions(course_dir=folder, assignment=assignment)
    with click.progressbar(length=total, label="Bewerte Abgaben", file=sys.stderr,
                           show_pos=True) as bar:
        out = teacher.grade_assignment(
            assignment=assignment, course_dir=folder, workers=workers, timeout=timeout, export=export,
            excel_de=excel_de, overview=overview, unsafe_no_sandbox=unsafe_no_sandbox, collect=False,
            on_progress=lambda _result: bar.update(1))
    click.echo(report.summary_table(out.run))
    click.echo(f"Rückmeldungen: {len(out.feedback_files)} Dateien in {folder / 'feedback'}")
    if out.csv:
        click.echo(f"Noten gespeichert: {out.csv}")
    if out.overview:
        click.echo(f"Klassenübersicht: {out.overview}")


@click.command("check")
@click.argument("notebook", metavar="NOTEBOOK", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--timeout", type=click.IntRange(1, 3600), default=DEFAULT_TIMEOUT, show_default=True,
              help="Sekunden pro Zelle.")
def check(notebook: Path, timeout: int) -> None:
    """Die sichtbaren Tests eines Notebooks prüfen (Punkte wie bei der Bewertung)."""
    from schuelerlab.graders.selfcheck import check_notebook

    result = check_notebook(notebook=notebook, timeout=timeout)
    click.echo(result.text())
    if result.score < result.max_score:
        sys.exit(1)
