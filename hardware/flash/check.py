"""Check a program before it goes to a board: MicroPython syntax, modules and names the board offers, size.

``check_program`` raises a German ``UserError`` naming the line and a hint; nothing is written before it
passed. The module knowledge comes from ``schuelerlab.hardware.boards`` (the simulator's profiles).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass

from schuelerlab.hardware.boards import FLASH_BOARDS, BoardProfile
from schuelerlab.hardware.flash import syntax

from schuelerlab.errors import UserError


@dataclass(frozen=True)
class ImportUse:
    """A module the program imports, or a board name it uses."""

    line: int
    module: str
    name: str | None = None  # a name taken from the board module (``from calliopemini import microphone``)


def _defined_names(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.alias) and node.name != "*":
            names.add((node.asname or node.name).split(".")[0])
    return names


def scan_uses(source: str, board_module: str) -> list[ImportUse]:
    """Imports and board-module names used by ``source`` (which must already compile)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []  # MicroPython accepted it, CPython does not: nothing more we can say safely
    uses: list[ImportUse] = []
    star_board = False
    aliases = {board_module}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                uses.append(ImportUse(node.lineno, alias.name.split(".")[0]))
                if alias.name == board_module:
                    aliases.add(alias.asname or alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")[0]
            uses.append(ImportUse(node.lineno, top))
            for alias in node.names:
                if alias.name == "*":
                    star_board = star_board or top == board_module
                elif top == board_module:
                    uses.append(ImportUse(node.lineno, top, alias.name))
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
              and node.value.id in aliases):
            uses.append(ImportUse(node.lineno, board_module, node.attr))
    if star_board:
        defined = _defined_names(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in defined:
                uses.append(ImportUse(node.lineno, board_module, node.id))
    return sorted(set(uses), key=lambda u: (u.line, u.module, u.name or ""))


_PIN = re.compile(r"pin\d+|pin_\w+")


def lacks(profile: BoardProfile, name: str) -> bool:
    """True if the board module of ``profile`` has no object called ``name``.

    Uses ``missing`` and, where the profile lists its pins (``pins``, added by the simulator), every
    pin name the board does not have (``pin16`` on the mini 3, ``pin_A1_RX`` on the mini 1/2).
    """
    pins = getattr(profile, "pins", None) or {}
    return name in profile.missing or bool(pins and _PIN.fullmatch(name) and name not in pins)


def _others_with(module: str, name: str | None, profile: BoardProfile) -> list[BoardProfile]:
    result = []
    for other in FLASH_BOARDS.values():
        if other.id == profile.id or other.module != profile.module:
            continue
        if name is None and module in other.modules or name is not None and not lacks(other, name):
            result.append(other)
    return result


def module_problem(use: ImportUse, profile: BoardProfile) -> str | None:
    """German description of why ``use`` fails on ``profile``, or None if it works there."""
    where = f"Zeile {use.line}"
    if use.name is not None:
        if not lacks(profile, use.name):
            return None
        others = ", ".join(b.title for b in _others_with(use.module, use.name, profile))
        extra = f" (nur auf: {others})" if others else ""
        return f"{where}: `{use.name}` gibt es auf dem {profile.title} nicht{extra}."
    if use.module == profile.module or use.module in profile.modules:
        return None
    if use.module == "microbit" and profile.module == "calliopemini":
        return (f"{where}: Auf dem Calliope heißt das Modul `calliopemini`, nicht `microbit`. "
                "Schreibe `from calliopemini import *`.")
    if use.module == "calliope_mini":
        return (f"{where}: `calliope_mini` ist die alte Firmware von 2018. Schreibe "
                "`from calliopemini import *`.")
    if use.module == "calliopemini":
        return f"{where}: Auf dem micro:bit heißt das Modul `microbit`. Schreibe `from microbit import *`."
    others = ", ".join(b.title for b in _others_with(use.module, None, profile))
    extra = f" (nur auf: {others})" if others else ""
    return f"{where}: Das Modul `{use.module}` gibt es auf dem {profile.title} nicht{extra}."


def check_program(source: str, boards: Sequence[BoardProfile], *, filename: str = "main.py") -> None:
    """Raise a German UserError if ``source`` would not run on every one of ``boards``."""
    raw = source.encode("utf-8")
    for profile in boards:
        problem = syntax.compile_check(raw, profile.id)
        if problem is not None:
            raise UserError(syntax.syntax_message(problem, source, profile.id, filename))
    for profile in boards:
        found = [p for p in (module_problem(u, profile) for u in scan_uses(source, profile.module)) if p]
        if found:
            tip = ""
            if len(boards) > 1:
                fine = [b for b in boards if b is not profile]
                tip = f" Wenn es nur für den {fine[0].title} ist: `--board {fine[0].id}`."
            raise UserError(f"{filename} läuft so nicht auf dem {profile.title}. " + " ".join(found[:5])
                            + tip + " Es wurde nichts geschrieben.")
