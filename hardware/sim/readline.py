"""Line input of the simulated board's friendly REPL (a small part of MicroPython's ``readline.c``).

Echo, backspace, ``\\r`` ends the line, Ctrl-A…E on an empty line and Ctrl-C anywhere end it early;
escape sequences (arrow keys) are swallowed, history and tab completion are not simulated.
"""

from __future__ import annotations

import codeop
from collections.abc import Callable

CTRL_A, CTRL_C, CTRL_D, CTRL_E = 1, 3, 4, 5


def needs_continuation(source: str) -> bool:
    """True if a friendly-REPL input is an unfinished compound statement (the ``... `` prompt)."""
    try:
        return codeop.compile_command(source, "<stdin>", "single") is None
    except (SyntaxError, ValueError, OverflowError):
        return False


def readline(getc: Callable[[], int], write: Callable[[bytes], None], prompt: str, *,
             allow_ctrl: bool = True) -> tuple[str, int]:
    """Print ``prompt``, read one line; return (line, 0) or ("", control character).

    With ``allow_ctrl`` False (continuation lines) only Ctrl-C and Ctrl-D end the input early.
    """
    write(prompt.encode())
    line = bytearray()
    while True:
        c = getc()
        if CTRL_A <= c <= CTRL_E and not line and (allow_ctrl or c in (CTRL_C, CTRL_D)):
            return "", c
        if c == CTRL_C:
            return "", c
        if c == 13:
            write(b"\r\n")
            return line.decode("utf-8", "replace"), 0
        if c in (8, 127):
            if line:
                line.pop()
                write(b"\b \b")
        elif c == 27:
            _skip_escape(getc)
        elif c >= 32:
            line.append(c)
            write(bytes([c]))


def _skip_escape(getc: Callable[[], int]) -> None:
    """Swallow a VT100 escape sequence such as ``ESC [ A``."""
    if getc() != ord("["):
        return
    while True:
        c = getc()
        if not (48 <= c <= 57 or c == ord(";")):
            return
