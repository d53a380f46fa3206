"""Kleine Prüf-Helfer für die Aufgaben (German check helpers shipped beside each notebook).

Each check raises ``AssertionError`` with a child-friendly German message: what was expected, what came
out, and a tip. nbgrader counts a test cell as failed when it raises, and the message is shown to the
student in the notebook and in the feedback. Master copy: ``scripts/coursegen/pruefen.py``.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from typing import Any


def _zeige(wert: Any) -> str:
    """A short readable form of a value for messages."""
    if isinstance(wert, float):
        return f"{wert:.6g}"
    text = repr(wert)
    return text if len(text) <= 120 else text[:117] + "..."


def _tipp(tipp: str) -> str:
    return f" Tipp: {tipp}" if tipp else ""


class Aufgabe:
    """A student's function, called so that every error becomes a German message."""

    def __init__(self, name: str, funktion: Callable[..., Any], tipp: str = "") -> None:
        self.name = name
        self.funktion = funktion
        self.tipp = tipp

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        teile = [_zeige(a) for a in args] + [f"{k}={_zeige(v)}" for k, v in kwargs.items()]
        aufruf = f"{self.name}({', '.join(teile)})"
        try:
            return self.funktion(*args, **kwargs)
        except NotImplementedError:
            raise AssertionError(
                f"❌ {self.name} ist noch nicht fertig: Hier fehlt noch dein Code. Lösche die Zeile "
                "mit raise NotImplementedError und schreibe deine Lösung hin."
            ) from None
        except AssertionError:
            raise
        except Exception as fehler:  # noqa: BLE001 - every student error becomes a message
            raise AssertionError(
                f"❌ Beim Aufruf {aufruf} ist ein Fehler passiert: {type(fehler).__name__}: {fehler}."
                + _tipp(self.tipp)
            ) from None


def funktion(name: str, *, tipp: str = "") -> Aufgabe:
    """Fetch the student's function ``name`` from the notebook (the caller's globals).

    ``tipp`` is shown when calling the function raises an error.
    """
    aufrufer = inspect.currentframe().f_back  # type: ignore[union-attr]
    gefunden = aufrufer.f_globals.get(name) if aufrufer else None
    if gefunden is None:
        raise AssertionError(
            f"❌ Die Funktion {name} gibt es noch nicht. Führe zuerst die Zelle mit deiner Lösung aus "
            "(Umschalt + Enter)."
        )
    if not callable(gefunden):
        raise AssertionError(f"❌ {name} soll eine Funktion sein (mit def), ist aber {_zeige(gefunden)}.")
    return Aufgabe(name, gefunden, tipp)


def pruefe_zahl(ist: Any, soll: float, *, was: str, einheit: str = "", toleranz: float = 0.01,
                tipp: str = "") -> None:
    """Check that ``ist`` is a number within ``toleranz`` of ``soll``."""
    e = f" {einheit}" if einheit else ""
    if isinstance(ist, bool) or not isinstance(ist, int | float) and not hasattr(ist, "__float__"):
        raise AssertionError(
            f"❌ {was}: Erwartet wurde eine Zahl ({_zeige(soll)}{e}), dein Ergebnis ist {_zeige(ist)}."
            + _tipp(tipp)
        )
    wert = float(ist)
    if math.isnan(wert) or abs(wert - soll) > toleranz:
        raise AssertionError(
            f"❌ {was}: Erwartet wurde {_zeige(float(soll))}{e}, dein Ergebnis ist {_zeige(wert)}{e}."
            + _tipp(tipp)
        )


def pruefe_gleich(ist: Any, soll: Any, *, was: str, tipp: str = "") -> None:
    """Check that ``ist == soll`` (lists, strings, truth values ...)."""
    try:
        gleich = bool(ist == soll)
    except Exception:  # noqa: BLE001 - e.g. comparing arrays
        gleich = False
    if isinstance(soll, bool):
        gleich = gleich and type(ist).__name__ in ("bool", "bool_")
    elif isinstance(soll, str):
        gleich = gleich and isinstance(ist, str)
    if not gleich:
        raise AssertionError(
            f"❌ {was}: Erwartet wurde {_zeige(soll)}, dein Ergebnis ist {_zeige(ist)}." + _tipp(tipp)
        )


def pruefe_liste(ist: Any, soll: list[float], *, was: str, toleranz: float = 0.01, tipp: str = "") -> None:
    """Check a list of numbers element by element (length first)."""
    try:
        werte = [float(x) for x in ist]
    except Exception:  # noqa: BLE001
        raise AssertionError(
            f"❌ {was}: Erwartet wurde eine Liste mit Zahlen, dein Ergebnis ist {_zeige(ist)}." + _tipp(tipp)
        ) from None
    if len(werte) != len(soll):
        raise AssertionError(
            f"❌ {was}: Erwartet wurden {len(soll)} Werte, deine Liste hat {len(werte)}." + _tipp(tipp)
        )
    for i, (a, b) in enumerate(zip(werte, soll, strict=True)):
        if math.isnan(a) or abs(a - b) > toleranz:
            raise AssertionError(
                f"❌ {was}: An Stelle {i} wurde {_zeige(float(b))} erwartet, bei dir steht {_zeige(a)}."
                + _tipp(tipp)
            )


def pruefe_typ(ist: Any, typ: type | tuple[type, ...], *, was: str, tipp: str = "") -> None:
    """Check the kind of a result (e.g. ``int`` or ``str``)."""
    namen = {int: "eine ganze Zahl (int)", float: "eine Kommazahl (float)", str: "ein Text (str)",
             bool: "True oder False", list: "eine Liste", tuple: "ein Tupel", dict: "ein Wörterbuch (dict)",
             bytes: "Bytes"}
    if not isinstance(ist, typ) or isinstance(ist, bool) and typ is int:
        art = namen.get(typ, getattr(typ, "__name__", str(typ))) if isinstance(typ, type) else str(typ)
        raise AssertionError(
            f"❌ {was}: Erwartet wurde {art}, dein Ergebnis ist {_zeige(ist)} ({type(ist).__name__})."
            + _tipp(tipp)
        )


def pruefe_wahr(bedingung: bool, meldung: str, *, tipp: str = "") -> None:
    """Check any condition and show ``meldung`` when it is false."""
    if not bedingung:
        raise AssertionError(f"❌ {meldung}" + _tipp(tipp))


def richtig(text: str = "") -> None:
    """Praise after all checks of a cell passed."""
    print("✅ Richtig!" + (f" {text}" if text else ""))
