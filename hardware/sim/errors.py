"""German explanations of MicroPython errors for students (trace ``error`` entries).

``describe(traceback_text, profile)`` turns the traceback the board printed into
``{"type", "message", "line", "detail", "traceback"}``; ``message`` is German and names the cause
and what to try. Board-specific hints: names or modules the chosen Calliope lacks.
"""

from __future__ import annotations

import ast
import re

from schuelerlab.hardware.boards import BOARDS, BoardProfile

_FILE_LINE = re.compile(r'^\s*File "(?P<file>[^"]*)", line (?P<line>\d+)')
_BOARD_ONLY = {"microphone": "das Mikrofon", "speaker": "den Lautsprecher", "Sound": "Klänge (Sound)",
               "SoundEvent": "Geräusch-Ereignisse", "log": "den Datenlogger (log)", "power": "power",
               "machine": "machine", "pin_logo": "das Touch-Logo", "set_volume": "set_volume",
               "run_every": "run_every", "ws2812_write": "ws2812_write", "pin_speaker": "pin_speaker"}


def clean_traceback(text: str) -> str:
    """Drop frames of the simulator's own guest library (on the board those are built into the firmware)."""
    keep = [ln for ln in text.splitlines(keepends=True)
            if not (_FILE_LINE.match(ln) and _FILE_LINE.match(ln)["file"].startswith("/sim/"))]
    return "".join(keep)


def _other_boards(name: str, profile: BoardProfile) -> str:
    others = [b.title for b in BOARDS.values() if b.id != profile.id and name not in b.missing
              and (name not in {"log", "power", "machine"} or name in b.modules)]
    return f" (nur auf dem {' / '.join(others)})" if others else ""


def explain(kind: str, detail: str, line: int | None, profile: BoardProfile) -> str:
    """German message for one MicroPython error."""
    where = f"Zeile {line}: " if line else ""
    board = profile.title
    if kind in ("SyntaxError", "IndentationError"):
        what = "Einrückung" if kind == "IndentationError" or "indent" in detail else "Schreibweise"
        return (f"{where}Python versteht diese Zeile nicht ({what}). Prüfe Klammern, Anführungszeichen, "
                f"Doppelpunkte und die Einrückung in dieser oder der Zeile davor.")
    if kind == "NameError":
        name = re.search(r"name '([^']*)'", detail)
        name = name.group(1) if name else "?"
        if name in profile.missing or name in _BOARD_ONLY:
            return (f"{where}„{name}“ gibt es auf dem {board} nicht{_other_boards(name, profile)}. "
                    f"Lass es weg oder wähle das passende Board.")
        return (f"{where}Den Namen „{name}“ kennt Python nicht. Tippfehler? Groß- und Kleinschreibung? "
                f"Hast du ihn vorher festgelegt oder mit „from calliopemini import *“ importiert?")
    if kind == "ImportError":
        name = re.search(r"module named '([^']*)'", detail)
        name = name.group(1) if name else "?"
        if name == "microbit":
            return (f"{where}Das Modul „microbit“ gibt es auf dem Calliope nicht. "
                    f"Schreibe stattdessen: from calliopemini import *")
        return (f"{where}Das Modul „{name}“ gibt es auf dem {board} nicht{_other_boards(name, profile)}. "
                f"Prüfe den Namen oder lass den Import weg.")
    if kind == "AttributeError":
        attr = re.search(r"attribute '([^']*)'", detail)
        attr = attr.group(1) if attr else "?"
        if attr == "read_analog":
            return (f"{where}Dieser Pin kann auf dem {board} keine analogen Werte lesen (read_analog). "
                    f"Nimm einen analogen Pin, z. B. pin1 oder pin2.")
        return (f"{where}„{attr}“ gibt es hier nicht ({detail}). Prüfe die Schreibweise; "
                f"vielleicht hat der {board} diese Funktion nicht.")
    messages = {
        "TypeError": "Ein Wert hat den falschen Typ, z. B. Text statt Zahl. Tipp: int(...) oder str(...).",
        "ValueError": "Ein Wert passt nicht, z. B. eine Helligkeit über 9 oder ein Pixel außerhalb 0–4.",
        "ZeroDivisionError": "Hier wird durch 0 geteilt.",
        "IndexError": "Diese Stelle gibt es in der Liste nicht (Index zu groß?).",
        "KeyError": "Diesen Schlüssel gibt es im Wörterbuch (dict) nicht.",
        "MemoryError": "Der Speicher des Calliope ist voll. Speichere weniger Daten, z. B. nicht endlos "
                       "in eine Liste.",
        "RuntimeError": "Ein Laufzeitfehler (zu tiefe Rekursion?).",
        "OSError": "Ein Fehler mit Datei oder Gerät (gibt es die Datei?).",
        "KeyboardInterrupt": "Das Programm wurde angehalten (Strg+C).",
    }
    text = messages.get(kind, "Das Programm ist mit einem Fehler abgebrochen.")
    return f"{where}{text} ({kind}: {detail})" if detail else f"{where}{text} ({kind})"


def describe(traceback_text: str, profile: BoardProfile, filename: str = "main.py") -> dict:
    """Trace error entry for a guest traceback."""
    text = clean_traceback(traceback_text)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    line = None
    for ln in lines:
        m = _FILE_LINE.match(ln)
        if m and m["file"] == filename:
            line = int(m["line"])
    last = lines[-1] if lines else "Error"
    kind, _, detail = last.partition(":")
    kind = kind.strip() or "Error"
    detail = detail.strip()
    return {"type": kind, "message": explain(kind, detail, line, profile), "line": line,
            "detail": last.strip(), "traceback": text}


#: Calls that let board time pass: a loop containing one of them is not "without a pause".
_WAITING_CALLS = frozenset({"sleep", "sleep_ms", "sleep_us", "scroll", "play", "pitch", "say", "deep_sleep"})


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _called_names(node: ast.AST) -> set[str]:
    names = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, _SCOPES) and item is not node:
            continue
        if isinstance(item, ast.Call):
            func = item.func
            names.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
        stack.extend(ast.iter_child_nodes(item))
    return names


def endless_loop_line(program: str) -> int | None:
    """Best guess at the line of a loop that never pauses: a ``while`` loop without any waiting call,
    preferring one without any call at all (CPython's parser reads classroom MicroPython fine)."""
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError):
        return None
    candidates = []
    for node in ast.walk(tree):
        if isinstance(node, ast.While):
            calls = _called_names(node)
            if not calls & _WAITING_CALLS:
                candidates.append((len(calls), node.lineno))
    return min(candidates)[1] if candidates else None


def special(kind: str, profile: BoardProfile, *, line: int | None = None, **details) -> dict:
    """Trace error entry for what stopped the VM from outside (endless loop, time limit, panic)."""
    messages = {
        "EndlessLoop": "Dein Programm rechnet ohne Pause und reagiert nicht mehr (Endlosschleife). "
                       "Füge in die Schleife ein sleep(...) ein, z. B. sleep(100).",
        "Timeout": "Dein Programm hat zu lange gebraucht und wurde angehalten. Vermeide riesige "
                   "Schleifen ohne sleep(...).",
        "MemoryError": "Der Speicher ist voll: dein Programm legt zu viele Daten an.",
        "TooMuchData": "Dein Programm schreibt viel zu viele Daten (in Dateien oder als Ausgabe) und "
                       "wurde angehalten. So viel Platz hat der Calliope nicht.",
        "Panic": f"Das Programm hat panic({details.get('code', 0)}) aufgerufen: der Calliope zeigt ein "
                 f"trauriges Gesicht und hält an.",
        "Crash": "Der simulierte Calliope ist abgestürzt. Prüfe dein Programm oder frag deine Lehrkraft.",
    }
    where = f"Zeile {line}: " if line else ""
    return {"type": kind, "message": where + messages[kind], "line": line,
            "detail": details.get("detail", ""), "traceback": ""}
