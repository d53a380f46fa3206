"""Pieces every notebook of the course ``calliope`` shares: header, setup cell, program cells, board cell."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from common import Assignment
from nb import Notebook

HERE = Path(__file__).resolve().parent
COURSE_TITLE = "Calliope mini programmieren"
#: Helpers copied beside every notebook of the course (besides build.HELPERS).
EXTRA_HELPERS = ["calliope_pruefen.py", "calliopemini.py"]

SETUP = """\
# Diese Zelle bereitet alles vor. Führe sie zuerst aus (Umschalt + Enter).
from calliope_pruefen import (auf_calliope, probiere, pruefe_bild, pruefe_funk, pruefe_gruppe,
                              pruefe_lauftext, pruefe_pixel, simuliere)
from pruefen import funktion, pruefe_gleich, pruefe_typ, pruefe_wahr, richtig
print("Alles bereit! Der Simulator-Calliope ist eingeschaltet.")"""

HOWTO = """\
> **So gehen die Aufgaben:** Führe zuerst die Vorbereitungs-Zelle unten aus – erst dann kennt das
> Notebook `%%programm`. Zellen, die mit `%%programm name` anfangen, sind **Programme für den
> Calliope**. Die erste Zeile bleibt stehen! Schreibe dein Programm dort hin, wo `# DEIN CODE HIER` steht,
> und lösche die Zeile `raise NotImplementedError(...)`. Wenn du die Zelle ausführst (Umschalt + Enter),
> läuft dein Programm im **Simulator** und du siehst, was die LEDs in den ersten Sekunden zeigen.
> Danach führst du die **Prüf-Zelle** darunter aus: ✅ heißt richtig, ❌ erklärt dir, was noch nicht stimmt –
> mit einem Tipp. Deine Lehrkraft prüft später noch ein paar Fälle mehr, also denk an alle Möglichkeiten."""


def header(nb: Notebook, a: Assignment, intro: str) -> None:
    """Title, facts for the teacher, what you need, the how-to and the setup cell."""
    nb.md(f"""\
# {a.number} · {a.title}

**Kurs:** {COURSE_TITLE} · **Alter:** {a.age.replace("-", "–")} Jahre · **Dauer:** etwa {a.minutes} Minuten

**Du brauchst:** nur dieses Notebook – ein **Simulator** spielt den Calliope mini. Hast du einen echten
Calliope und ein USB-Kabel, kannst du deine Programme auch darauf laufen lassen (ganz ohne Internet).

{textwrap.dedent(intro).strip()}""")
    nb.md(HOWTO)
    nb.code(SETUP)


def program_answer(nb: Notebook, key: str, name: str, solution: str, before: str = "") -> None:
    """An answer cell holding a Calliope program: ``%%programm name``, the import, then the solution."""
    head = f"%%programm {name}\nfrom calliopemini import *\n" + (textwrap.dedent(before).strip("\n") + "\n"
                                                                 if before else "")
    body = textwrap.dedent(solution).strip("\n")
    nb.answer(key, f"{head}### BEGIN SOLUTION\n{body}\n### END SOLUTION")


def board_cell(nb: Notebook, name: str) -> None:
    """The optional cell that puts program ``name`` on a connected Calliope (not graded)."""
    nb.md(f"""\
### Auf den echten Calliope (freiwillig)

Ist ein Calliope per USB angeschlossen, überträgt die nächste Zelle dein Programm `{name}` auf ihn.
Ohne Calliope sagt sie dir das nur – der Simulator oben zeigt dir dann, was passieren würde.""")
    nb.code(f'auf_calliope("{name}")')


def finish(nb: Notebook, text: str) -> None:
    """The closing cell."""
    nb.md(f"""\
## Geschafft! 🎉

{textwrap.dedent(text).strip()}

Speichere dein Notebook (Strg + S) und gib es ab, wenn deine Lehrkraft das möchte.""")


def copy_helpers(root: Path, course_id: str) -> None:
    """Copy the course's extra helpers beside every notebook."""
    for folder in sorted((root / course_id / "source").iterdir()):
        if folder.is_dir():
            for helper in EXTRA_HELPERS:
                shutil.copyfile(HERE / helper, folder / helper)
