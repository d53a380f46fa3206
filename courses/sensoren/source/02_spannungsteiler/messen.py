"""Messwerte laden: vom echten Calliope, wenn einer angeschlossen ist, sonst die simulierten Beispielwerte.

Shipped beside each notebook (master copy: ``scripts/coursegen/messen.py``). Without a board this returns
within a fraction of a second: it only lists the USB ports before it tries to record.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

#: USB VID:PID of the Calliope mini (DAPLink and SEGGER J-Link), see schuelerlab.hardware.boards.
_CALLIOPE_USB = {(0x0D28, 0x0204), (0x1366, 0x1025)}

KEIN_CALLIOPE = "Kein Calliope gefunden – wir nehmen die simulierten Messwerte."


def lade_beispiel(datei: str) -> pd.DataFrame:
    """Load a shipped sample file (simulated measurements) from the notebook's folder."""
    pfad = Path(datei)
    if not pfad.exists():
        raise FileNotFoundError(
            f"Die Datei {datei} fehlt. Sie gehört in denselben Ordner wie dieses Notebook."
        )
    return pd.read_csv(pfad)


def calliope_angeschlossen() -> bool:
    """True when a Calliope is plugged in via USB here, or connected in the browser (Web Serial).

    On the hub the kernel runs on the server: a board on the child's computer reaches it only
    through the widget's button "Calliope verbinden" (``schuelerlab.hardware.SerialWidget``).
    """
    return _im_browser() or _an_usb()


def _im_browser() -> bool:
    try:
        from schuelerlab.hardware.webserial import registry
    except ImportError:
        return False
    return registry.current() is not None


def _an_usb() -> bool:
    try:
        from serial.tools import list_ports
    except ImportError:
        return False
    return any((p.vid, p.pid) in _CALLIOPE_USB for p in list_ports.comports())


def calliope_oder_beispiel(datei: str, *, spalten: list[str], sekunden: float = 10) -> pd.DataFrame:
    """Record ``sekunden`` s from a connected Calliope, or return the sample data from ``datei``.

    The board prints one CSV line per measurement (``t_ms`` and the columns in ``spalten``).
    The result always has the columns ``t_ms`` and ``spalten``.
    """
    if not calliope_angeschlossen():
        print(KEIN_CALLIOPE)
        return lade_beispiel(datei)
    try:
        from schuelerlab.hardware import record
    except ImportError:
        print("Das Paket schuelerlab.hardware fehlt – wir nehmen die simulierten Messwerte.")
        return lade_beispiel(datei)
    print(f"Calliope gefunden! Ich messe {sekunden:g} Sekunden lang ...")
    try:
        roh = record(seconds=sekunden)
    except Exception as fehler:  # noqa: BLE001 - any board problem falls back to the sample data
        print(f"Das Messen hat nicht geklappt ({fehler}) – wir nehmen die simulierten Messwerte.")
        return lade_beispiel(datei)
    return _passend(roh, datei, spalten)


def _passend(roh: pd.DataFrame, datei: str, spalten: list[str]) -> pd.DataFrame:
    """Turn a recording (``time_s`` + value columns) into ``t_ms`` + ``spalten``."""
    werte = [c for c in roh.columns if c not in ("time_s", "t_ms")]
    if all(s in werte for s in spalten):
        gewaehlt = roh[spalten]
    elif len(werte) >= len(spalten):
        gewaehlt = roh[werte[-len(spalten):]].set_axis(spalten, axis=1)
    else:
        print(f"Der Calliope hat zu wenige Werte geschickt (erwartet: {', '.join(spalten)}) – "
              "wir nehmen die simulierten Messwerte.")
        return lade_beispiel(datei)
    if len(gewaehlt) == 0:
        print("Es sind keine Messwerte angekommen – wir nehmen die simulierten Messwerte.")
        return lade_beispiel(datei)
    ergebnis = gewaehlt.reset_index(drop=True).copy()
    ergebnis.insert(0, "t_ms", (roh["time_s"].to_numpy() * 1000).round().astype(int))
    print(f"{len(ergebnis)} echte Messwerte vom Calliope.")
    return ergebnis
