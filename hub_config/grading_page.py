"""The teacher's part of "Meine Aufgaben": every course folder in the home, its released assignments,
how many children handed each in, and one button "Einsammeln und bewerten".

The button runs ``schuelerlab grade`` (collect, sandboxed autograde, German feedback, release, grade
CSV for German Excel, overview picture) as a separate process; its output goes to
``<course>/bewertung-<assignment>.log`` and the page shows it, reloading itself while it runs. So
grading is the same command as in the terminal, and closing the page does not stop it.
"""

from __future__ import annotations

import subprocess
import sys
from html import escape
from pathlib import Path
from urllib.parse import quote

CONFIG = "nbgrader_config.py"
#: A grading run per (course folder, assignment) in this server: the process and its log.
RUNS: dict[tuple[str, str], subprocess.Popen] = {}


def course_dirs(home: Path) -> list[Path]:
    """The teacher's course folders (``~/<course>`` with an nbgrader config and ``source/``)."""
    return sorted(d for d in home.iterdir() if (d / CONFIG).is_file() and (d / "source").is_dir())


def exchange_root(course_dir: Path) -> Path | None:
    """``c.Exchange.root`` from the course folder's config, or None (no exchange)."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader(CONFIG, path=str(course_dir)).load_config()
    root = config.Exchange.get("root") if "Exchange" in config else None
    return Path(root) if root else None


def handed_in(course_dir: Path, course_id: str, assignment: str) -> int:
    """How many children have a submission of ``assignment`` waiting in the exchange or collected."""
    names = set()
    root = exchange_root(course_dir)
    inbound = root / course_id / "inbound" if root else None
    if inbound is not None and inbound.is_dir():
        names |= {p.name.split("+")[0] for p in inbound.glob(f"*+{assignment}+*")}
    submitted = course_dir / "submitted"
    if submitted.is_dir():
        names |= {p.name for p in submitted.iterdir() if (p / assignment).is_dir()}
    return len(names)


def log_path(course_dir: Path, assignment: str) -> Path:
    """Where the grading run of ``assignment`` writes its output."""
    return course_dir / f"bewertung-{assignment}.log"


def start_grading(course_dir: Path, assignment: str) -> bool:
    """Start ``schuelerlab grade`` for one assignment; False if it is already running."""
    key = (str(course_dir), assignment)
    if key in RUNS and RUNS[key].poll() is None:
        return False
    export = course_dir / f"noten-{assignment}.csv"
    with open(log_path(course_dir, assignment), "wb") as log:
        RUNS[key] = subprocess.Popen(
            [sys.executable, "-m", "schuelerlab", "grade", assignment, "--course-dir", str(course_dir),
             "--export", str(export), "--excel-de"],
            cwd=course_dir, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    return True


def running(course_dir: Path, assignment: str) -> bool:
    """True while a grading run of ``assignment`` started from this page is still working."""
    run = RUNS.get((str(course_dir), assignment))
    return run is not None and run.poll() is None


def _files_link(base_url: str, home: Path, path: Path, label: str) -> str:
    if not path.is_file():
        return ""
    rel = quote(str(path.relative_to(home)))
    return f'<a class="knopf" target="_blank" href="{escape(base_url)}files/{escape(rel)}">{label}</a>'


def _result(course_dir: Path, assignment: str, home: Path, base_url: str) -> str:
    log = log_path(course_dir, assignment)
    if not log.is_file():
        return ""
    text = log.read_text(encoding="utf-8", errors="replace")
    lines = [line for line in text.replace("\r", "\n").splitlines() if "Bewerte Abgaben" not in line]
    state = "<p><strong>Bewertung läuft …</strong></p>" if running(course_dir, assignment) else ""
    links = " ".join(filter(None, [
        _files_link(base_url, home, course_dir / f"uebersicht-{assignment}.png", "Übersicht (Bild)"),
        _files_link(base_url, home, course_dir / f"noten-{assignment}.csv", "Noten (CSV für Excel)")]))
    return f'{state}<pre class="bewertung">{escape(chr(10).join(lines[-60:]))}</pre><p>{links}</p>'


def teacher_section(home: Path, *, base_url: str, xsrf: str) -> tuple[str, bool]:
    """HTML for every course folder; and whether a grading run is still working (page reloads)."""
    parts, busy = [], False
    folders = course_dirs(home)
    if not folders:
        return ("<p>Sie haben noch keinen Kursordner. Legen Sie einen an, im Terminal zum Beispiel mit "
                "<code>schuelerlab course setup sensoren</code>.</p>", False)
    for course_dir in folders:
        course_id = course_dir.name
        released = sorted(d.name for d in (course_dir / "release").iterdir()) \
            if (course_dir / "release").is_dir() else []
        rows = []
        for assignment in released:
            busy |= running(course_dir, assignment)
            button = (f'<form method="post" action="{escape(base_url)}aufgaben/bewerten">'
                      f'<input type="hidden" name="_xsrf" value="{escape(xsrf)}">'
                      f'<input type="hidden" name="kurs" value="{escape(course_id)}">'
                      f'<input type="hidden" name="aufgabe" value="{escape(assignment)}">'
                      '<button type="submit" data-aktion="bewerten">Einsammeln und bewerten</button></form>')
            rows.append(f'<tr data-bewertung="{escape(assignment)}"><td>{escape(assignment)}</td>'
                        f"<td>{handed_in(course_dir, course_id, assignment)}</td><td>{button}"
                        f"{_result(course_dir, assignment, home, base_url)}</td></tr>")
        parts.append(f"<h2>Bewerten: {escape(course_id)}</h2><table><thead><tr><th>Aufgabe</th>"
                     "<th>Abgaben</th><th>Bewertung</th></tr></thead><tbody>" + "".join(rows) +
                     "</tbody></table>")
    return "".join(parts), busy
