"""The German "Meine Aufgaben" page as HTML: pure functions from nbgrader's assignment lists to markup.

Input is what nbgrader's ``AssignmentList.list_assignments()`` returns (released/fetched entries and
submitted entries with their ``submissions``); :func:`merge` turns it into one :class:`Row` per course
and assignment, :func:`render_page` into a page a 12-year-old can use: fetch, open, hand in, read
feedback. Every text from outside (names, paths) is escaped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote

#: Result messages after an action: key -> (kind, text with ``{a}`` for the assignment).
MESSAGES = {
    "geholt": ("ok", "„{a}“ ist geholt. Du findest die Aufgabe im Ordner {a}. Klicke unten auf „Öffnen“."),
    "abgegeben": ("ok", "„{a}“ ist abgegeben. Deine Lehrkraft bekommt die Dateien so, wie sie gespeichert "
                        "waren. Du kannst noch einmal abgeben – dann zählt die neueste Abgabe."),
    "geprueft": ("info", "„{a}“ ist geprüft, so wie es gespeichert ist. Das Ergebnis steht unten bei der "
                         "Aufgabe."),
    "rueckmeldung": ("ok", "Die Rückmeldung zu „{a}“ ist da. Klicke unten auf „Rückmeldung lesen“."),
    "keine_rueckmeldung": ("info", "Zu „{a}“ gibt es noch keine Rückmeldung. Deine Lehrkraft bewertet erst "
                                   "alle Abgaben. Schau später noch einmal nach."),
    "ordner_da": ("fehler", "„{a}“ wurde nicht geholt: Du hast schon einen Ordner {a}. Benenne ihn um "
                            "(zum Beispiel in {a}_alt) und klicke noch einmal auf „Holen“."),
    "fehler": ("fehler", "Das hat bei „{a}“ nicht geklappt. Versuche es noch einmal. Klappt es wieder "
                         "nicht, sag deiner Lehrkraft Bescheid."),
    "bewertung_laeuft": ("info", "Die Bewertung von „{a}“ läuft (etwa eine Sekunde pro Abgabe). Die Seite "
                                 "lädt sich selbst neu, bis die Tabelle mit den Punkten da ist."),
    "bewertung_fertig": ("ok", "Die Bewertung von „{a}“ ist fertig. Die Punkte stehen unten; die Kinder "
                               "können ihre Rückmeldung jetzt holen."),
    "bewertung_schon": ("info", "Die Bewertung von „{a}“ läuft schon. Warte, bis sie fertig ist."),
    "liste_fehler": ("fehler", "Die Aufgaben können gerade nicht gelesen werden. Lade die Seite neu. "
                               "Klappt es wieder nicht, sag deiner Lehrkraft Bescheid."),
}


@dataclass
class Row:
    """One assignment of one course as the student sees it."""

    course: str
    assignment: str
    released: bool = False
    fetched_notebooks: list[str] = field(default_factory=list)  # server-relative paths
    submitted_at: str | None = None  # nbgrader timestamp of the newest submission
    feedback_ready: bool = False  # new feedback waits in the exchange
    feedback_files: list[str] = field(default_factory=list)  # server-relative paths of fetched feedback
    check_text: str = ""  # the last "Prüfen" result (visible tests, German)

    @property
    def fetched(self) -> bool:
        """The student has a copy to work on."""
        return bool(self.fetched_notebooks)


def merge(entries: list[dict]) -> list[Row]:
    """One row per (course, assignment), sorted, from nbgrader's released and submitted entries."""
    rows: dict[tuple[str, str], Row] = {}
    for entry in entries:
        key = (str(entry.get("course_id", "")), str(entry.get("assignment_id", "")))
        row = rows.setdefault(key, Row(*key))
        status = entry.get("status")
        if status in ("released", "fetched"):
            row.released = True
        if status == "fetched":
            row.fetched_notebooks = [nb["path"] for nb in entry.get("notebooks", []) if nb.get("path")]
        if status == "submitted" and entry.get("submissions"):
            _add_submission(row, entry["submissions"][-1])
    return sorted(rows.values(), key=lambda r: (r.course, r.assignment))


def _add_submission(row: Row, newest: dict) -> None:
    row.submitted_at = newest.get("timestamp")
    local = newest.get("local_feedback_path")
    row.feedback_ready = bool(newest.get("has_exchange_feedback")) and (
        not newest.get("has_local_feedback") or bool(newest.get("feedback_updated")))
    if newest.get("has_local_feedback") and local:
        row.feedback_files = [f"{local}/{nb['notebook_id']}.html" for nb in newest.get("notebooks", [])]


def german_time(timestamp: str | None) -> str:
    """nbgrader's ``2026-11-22 10:14:05.123456 UTC`` as ``22.11.2026 um 10:14 Uhr`` (local time)."""
    if not timestamp:
        return ""
    text = timestamp.replace(" UTC", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(text).astimezone()
    except ValueError:
        return escape(timestamp)
    return moment.strftime("%d.%m.%Y um %H:%M Uhr")


def _url(base_url: str, prefix: str, path: str) -> str:
    return escape(f"{base_url}{prefix}/{quote(path)}")


def _button(base_url: str, xsrf: str, action: str, row: Row, label: str) -> str:
    return (f'<form method="post" action="{escape(base_url)}aufgaben/{action}">'
            f'<input type="hidden" name="_xsrf" value="{escape(xsrf)}">'
            f'<input type="hidden" name="kurs" value="{escape(row.course)}">'
            f'<input type="hidden" name="aufgabe" value="{escape(row.assignment)}">'
            f'<button type="submit" data-aktion="{action}">{label}</button></form>')


def _state(row: Row) -> str:
    if row.submitted_at:
        return f"Abgegeben am {german_time(row.submitted_at)}"
    if row.fetched:
        return "Geholt – du kannst daran arbeiten"
    return "Neu – noch nicht geholt"


def _actions(row: Row, base_url: str, xsrf: str) -> str:
    parts = []
    if row.released and not row.fetched:
        parts.append(_button(base_url, xsrf, "holen", row, "Holen"))
    for path in row.fetched_notebooks:
        name = escape(path.rsplit("/", 1)[-1])
        parts.append(f'<a class="knopf" href="{_url(base_url, "lab/tree", path)}">Öffnen: {name}</a>')
    if row.fetched:
        parts.append(_button(base_url, xsrf, "pruefen", row, "Prüfen"))
        parts.append(_button(base_url, xsrf, "abgeben", row, "Abgeben"))
    if row.feedback_ready:
        parts.append(_button(base_url, xsrf, "rueckmeldung", row, "Rückmeldung holen"))
    for path in row.feedback_files:
        parts.append(f'<a class="knopf" target="_blank" href="{_url(base_url, "files", path)}">'
                     "Rückmeldung lesen</a>")
    return " ".join(parts)


def _check(row: Row) -> str:
    return f'<pre class="pruefung">{escape(row.check_text)}</pre>' if row.check_text else ""


def _message(key: str | None, assignment: str) -> str:
    if not key or key not in MESSAGES:
        return ""
    kind, text = MESSAGES[key]
    return f'<p class="meldung {kind}" role="status">{text.format(a=escape(assignment))}</p>'


def _course_table(course: str, rows: list[Row], base_url: str, xsrf: str) -> str:
    body = "".join(
        f'<tr data-aufgabe="{escape(r.assignment)}"><td>{escape(r.assignment)}</td><td>{_state(r)}</td>'
        f"<td>{_actions(r, base_url, xsrf)}{_check(r)}</td></tr>" for r in rows)
    return (f"<h2>Kurs: {escape(course)}</h2><table><thead><tr><th>Aufgabe</th><th>Stand</th>"
            f"<th>Was du tun kannst</th></tr></thead><tbody>{body}</tbody></table>")


def render_page(rows: list[Row], *, base_url: str, xsrf: str, message: str | None = None,
                assignment: str = "", teacher: str = "", refresh: bool = False) -> str:
    """The whole page: result message, one table per course, then the ``teacher`` part (HTML).

    ``refresh``: reload every 3 seconds (while a grading run works).
    """
    courses = sorted({r.course for r in rows})
    tables = "".join(_course_table(c, [r for r in rows if r.course == c], base_url, xsrf) for c in courses)
    if not rows and message != "liste_fehler" and not teacher:
        tables = "<p>Deine Lehrkraft hat noch keine Aufgaben freigegeben. Schau später noch einmal nach.</p>"
    head = '<meta http-equiv="refresh" content="3">' if refresh else ""
    intro = TEACHER_INTRO if teacher else STUDENT_INTRO
    return PAGE.format(message=_message(message, assignment), tables=tables + teacher, head=head,
                       intro=intro, lab=escape(f"{base_url}lab"))


STUDENT_INTRO = ("Hier holst du neue Aufgaben, prüfst und gibst sie ab und liest die Rückmeldung deiner "
                 "Lehrkraft. Speichere dein Notebook (Strg + S), bevor du auf „Prüfen“ oder „Abgeben“ "
                 "klickst.")
TEACHER_INTRO = ("Hier sammeln Sie die Abgaben ein und bewerten sie: in der Sandbox, mit Rückmeldung für "
                 "jedes Kind und Noten als CSV-Datei für Excel.")


PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Meine Aufgaben – Schülerlab</title>
<meta name="viewport" content="width=device-width, initial-scale=1">{head}
<style>
body {{ font-family: sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; margin-bottom: 2rem; }}
th, td {{ text-align: left; padding: .5rem; border-bottom: 1px solid #ddd; vertical-align: middle; }}
form {{ display: inline; }}
button, a.knopf {{ font-size: 1rem; padding: .35rem .8rem; margin: .1rem; border-radius: .3rem;
  border: 1px solid #1565c0; background: #1976d2; color: #fff; text-decoration: none; cursor: pointer;
  display: inline-block; }}
a.knopf {{ background: #fff; color: #1565c0; }}
.meldung {{ padding: .8rem; border-radius: .3rem; }}
pre.bewertung, pre.pruefung {{ background: #f5f5f5; padding: .6rem; overflow-x: auto; font-size: .85rem; }}
.ok {{ background: #e8f5e9; }} .info {{ background: #e3f2fd; }} .fehler {{ background: #ffebee; }}
</style></head>
<body><h1>Meine Aufgaben</h1>
<p>{intro} <a href="{lab}">Zurück zu JupyterLab</a></p>
{message}
{tables}
</body></html>
"""
