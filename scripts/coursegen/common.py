"""Pieces every course notebook shares: header, setup cell, how-to, optional Calliope cell, ending."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from nb import Notebook


@dataclass
class Assignment:
    """One notebook of a course (its folder and notebook are both named ``id``)."""

    id: str
    title: str
    minutes: int
    age: str
    materials: list[str]
    build: Callable[[Notebook, Assignment], None]
    number: int = 0


@dataclass
class Course:
    """A course: metadata for course.toml plus its assignments."""

    id: str
    title: str
    age: str
    description: str
    materials: list[str]
    order: int = 100
    assignments: list[Assignment] = field(default_factory=list)


SETUP = """\
# Diese Zelle bereitet alles vor. Führe sie zuerst aus (Umschalt + Enter).
import matplotlib.pyplot as plt
from messen import calliope_oder_beispiel, lade_beispiel
from pruefen import funktion, pruefe_gleich, pruefe_liste, pruefe_typ, pruefe_wahr, pruefe_zahl, richtig
print("Alles bereit!")"""

HOWTO = """\
> **So gehen die Aufgaben:** Schreibe deinen Code dort hin, wo `# DEIN CODE HIER` steht, und lösche die
> Zeile `raise NotImplementedError(...)`. Führe dann die Zelle aus und danach die **Prüf-Zelle** darunter.
> ✅ heißt: richtig! ❌ erklärt dir, was noch nicht stimmt – mit einem Tipp. Deine Lehrkraft prüft später
> noch ein paar Fälle mehr, also denk an alle Möglichkeiten."""


def header(nb: Notebook, course: Course, a: Assignment, intro: str) -> None:
    """Title, facts for the teacher, what you need, the how-to and the setup cell."""
    if a.materials:
        need = (f"**Du brauchst:** {', '.join(a.materials)} – oder nur dieses Notebook: Es bringt "
                "**simulierte Messwerte** mit, die so aussehen wie echte.")
    else:
        need = "**Du brauchst:** nur dieses Notebook. Es bringt **simulierte Messwerte** mit."
    nb.md(f"""\
# {a.number} · {a.title}

**Kurs:** {course.title} · **Alter:** {a.age.replace("-", "–")} Jahre · **Dauer:** etwa {a.minutes} Minuten

{need}

{intro}""")
    nb.md(HOWTO)
    nb.code(SETUP)


#: MicroPython expression on the Calliope for each column name used in the courses.
SENSOR_CODE = {
    "wert": "pin1.read_analog()", "licht": "pin1.read_analog()", "feuchte": "pin1.read_analog()",
    "temp": "temperature()", "light": "display.read_light_level()",
    "x": "accelerometer.get_x()", "y": "accelerometer.get_y()", "z": "accelerometer.get_z()",
}


def calliope_program(spalten: list[str], pause_ms: int) -> str:
    """The MicroPython program that prints ``t_ms`` and ``spalten`` as CSV (course convention)."""
    fields = ",".join(["{}"] * (len(spalten) + 1))
    values = ", ".join(["running_time()"] + [SENSOR_CODE[s] for s in spalten])
    return (
        "from calliopemini import *\n"
        f'print("{",".join(["t_ms", *spalten])}")\n'
        "while True:\n"
        f'    print("{fields}".format({values}))\n'
        f"    sleep({pause_ms})"
    )


def calliope_cell(nb: Notebook, datei: str, spalten: list[str], sekunden: int = 10,
                  name: str = "daten", pause_ms: int | None = None) -> None:
    """The optional cell that records from a real Calliope, or falls back to the sample file.

    With ``pause_ms`` the markdown shows the program to put on the Calliope (else the notebook's
    introduction already showed it).
    """
    if pause_ms is None:
        program = "Ist dein Calliope per USB angeschlossen und läuft das Programm von oben"
    else:
        program = (f"Dieses Programm muss auf dem Calliope laufen:\n\n```python\n"
                   f"{calliope_program(spalten, pause_ms)}\n```\n\nIst dein Calliope per USB angeschlossen")
    nb.md(f"""\
### Mit echtem Calliope (freiwillig)

{program}, misst die nächste Zelle {sekunden} Sekunden lang echte Werte. Ohne Calliope nimmt sie
einfach die simulierten Messwerte aus `{datei}`.

*Im Schülerlab-Hub* läuft das Notebook auf dem Server, der Calliope steckt aber an deinem Computer.
Verbinde ihn deshalb zuerst im Browser (Chrome oder Edge): Schreibe in eine neue Zelle
`from schuelerlab.hardware import SerialWidget` und `SerialWidget()`, führe sie aus und klicke auf
„Calliope verbinden“.""")
    cols = ", ".join(f'"{s}"' for s in spalten)
    call = f'calliope_oder_beispiel("{datei}", spalten=[{cols}], sekunden={sekunden})'
    nb.code(f"{name} = {call}\n{name}.head()")


def finish(nb: Notebook, text: str) -> None:
    """The closing cell."""
    nb.md(f"""\
## Geschafft! 🎉

{text}

Speichere dein Notebook (Strg + S) und gib es ab, wenn deine Lehrkraft das möchte.""")
