"""Test-cell helpers with child-friendly German messages.

Teachers write test cells like::

    from schuelerlab.graders.checks import pruefe_gleich
    pruefe_gleich(quadrat(3), 9, hinweis="Multipliziere die Zahl mit sich selbst.")

A failed check raises ``AssertionError`` whose message says what was expected, what came out and a
hint: "Erwartet wurde 9, herausgekommen ist 6. Tipp: …". The message is what students see for a
failed hidden test, so it must not give away the hidden test itself. The same helpers work in the
student's self-check, in ``nbgrader autograde`` and in ``schuelerlab grade``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["pruefe_gleich", "pruefe_wahr", "pruefe_fehler", "pruefe_trace", "Pruefungsfehler"]


class Pruefungsfehler(AssertionError):
    """A failed check; its message is German and meant for the student."""


def _zeige(wert: Any) -> str:
    text = repr(wert)
    return text if len(text) <= 200 else text[:197] + "…"


def _nah(wert: Any, erwartet: Any, toleranz: float) -> bool:
    if isinstance(erwartet, (list, tuple)) and isinstance(wert, (list, tuple)):
        paare = zip(wert, erwartet, strict=False)
        return len(wert) == len(erwartet) and all(_nah(a, b, toleranz) for a, b in paare)
    try:
        return math.isclose(float(wert), float(erwartet), rel_tol=toleranz, abs_tol=toleranz)
    except (TypeError, ValueError):
        return wert == erwartet


def _fehler(text: str, hinweis: str | None) -> Pruefungsfehler:
    return Pruefungsfehler(text + (f" Tipp: {hinweis}" if hinweis else ""))


def pruefe_gleich(wert: Any, erwartet: Any, *, toleranz: float | None = None, hinweis: str | None = None,
                  was: str | None = None) -> None:
    """Check ``wert == erwartet`` (with ``toleranz`` for decimal numbers, also inside lists).

    Args:
        wert: what the student's code produced.
        erwartet: the right answer.
        toleranz: allowed difference for floats (absolute and relative), e.g. ``1e-6``.
        hinweis: a hint for the student, shown after "Tipp:".
        was: what is being checked, e.g. ``"quadrat(3)"``, shown at the start of the message.

    Raises:
        Pruefungsfehler: (an ``AssertionError``) with a German message.
    """
    gleich = _nah(wert, erwartet, toleranz) if toleranz is not None else wert == erwartet
    if gleich is True or (gleich is not False and bool(gleich)):
        return
    vorne = f"Bei {was}: e" if was else "E"
    text = f"{vorne}rwartet wurde {_zeige(erwartet)}, herausgekommen ist {_zeige(wert)}."
    if type(wert) is not type(erwartet) and not (toleranz is not None and _zahl(wert) and _zahl(erwartet)):
        text += f" (Art des Ergebnisses: {type(wert).__name__} statt {type(erwartet).__name__}.)"
    raise _fehler(text, hinweis)


def _zahl(wert: Any) -> bool:
    return isinstance(wert, (int, float)) and not isinstance(wert, bool)


def pruefe_wahr(bedingung: Any, nachricht: str, *, hinweis: str | None = None) -> None:
    """Check that ``bedingung`` is true; otherwise fail with ``nachricht`` (German) and a hint."""
    if not bedingung:
        raise _fehler(nachricht, hinweis)


def pruefe_fehler(funktion: Callable[[], Any], fehlerart: type[BaseException] = Exception, *,
                  hinweis: str | None = None) -> None:
    """Check that calling ``funktion()`` raises ``fehlerart`` (e.g. ``ValueError``)."""
    try:
        funktion()
    except fehlerart:
        return
    except Exception as err:  # noqa: BLE001 - reported to the student
        raise _fehler(f"Erwartet wurde ein {fehlerart.__name__}, gekommen ist {type(err).__name__}.",
                      hinweis) from None
    raise _fehler(f"Erwartet wurde ein {fehlerart.__name__}, aber es gab keinen Fehler.", hinweis)


def _serial_lines(trace: Any) -> Sequence[Any]:
    return trace.lines()


def pruefe_trace(programm: str, erwartet: Sequence[Any], *,
                 auswahl: Callable[[Any], Sequence[Any]] = _serial_lines, board: str = "mini3",
                 bis_ms: int = 5000, szenario: Any = None, hinweis: str | None = None) -> Any:
    """Run a device program in the simulator and compare part of its trace.

    ``auswahl`` picks what to compare from the ``Trace``; the default compares the serial lines the
    program printed (``trace.lines()``), e.g. ``lambda t: [t.shown("HEART")]`` checks the display.
    The simulator (``schuelerlab.hardware.sim``) is imported only here, so test cells without device
    programs never need it. A program error fails with the simulator's German message. Returns the
    trace for further checks.
    """
    try:
        from schuelerlab.hardware.sim import simulate
    except ImportError as err:
        raise _fehler("Der Simulator ist hier nicht installiert; diese Aufgabe kann nicht geprüft werden.",
                      None) from err
    trace = simulate(program=programm, board=board, until_ms=bis_ms, scenario=szenario)
    if trace.error:
        raise _fehler(f"Dein Programm hatte im Simulator einen Fehler: {trace.error.get('message')}", hinweis)
    pruefe_gleich(list(auswahl(trace)), list(erwartet), hinweis=hinweis, was="dem Programm im Simulator")
    return trace
