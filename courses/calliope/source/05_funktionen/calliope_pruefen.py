"""Calliope-Programme im Simulator prüfen (German checks for device exercises, shipped beside each notebook).

The answer cells of the course ``calliope`` start with the cell magic ``%%programm NAME``: the cell's text is
the MicroPython program itself. The magic stores it in ``PROGRAMME`` and shows a short preview from the
simulator. Test cells run the program in the simulator (``schuelerlab.hardware.sim``) with a scenario and
check the trace; every failed check raises ``AssertionError("❌ …")`` in German, like ``pruefen.py``.
Master copy: ``scripts/coursegen/calliope_pruefen.py``.
"""

from __future__ import annotations

import functools
import html
from typing import Any

#: Program texts by name, filled by the ``%%programm NAME`` cells.
PROGRAMME: dict[str, str] = {}

STUB = "Hier fehlt noch dein Code."
KEIN_CALLIOPE = "Kein Calliope gefunden – der Simulator zeigt dir, was passieren würde."
#: USB VID:PID of the Calliope mini (DAPLink and SEGGER J-Link), see schuelerlab.hardware.boards.
_CALLIOPE_USB = {(0x0D28, 0x0204), (0x1366, 0x1025)}

BILDNAMEN = {
    "HEART": "ein Herz", "HEART_SMALL": "ein kleines Herz", "HAPPY": "ein fröhliches Gesicht",
    "SAD": "ein trauriges Gesicht", "SMILE": "ein Lächeln", "YES": "ein Haken", "NO": "ein Kreuz",
    "ARROW_W": "ein Pfeil nach links", "ARROW_E": "ein Pfeil nach rechts", "ARROW_N": "ein Pfeil nach oben",
    "ARROW_S": "ein Pfeil nach unten", "SQUARE": "ein Quadrat", "DIAMOND": "eine Raute",
}


# ---------------------------------------------------------------- programs and the cell magic

def merke(name: str, text: str) -> None:
    """Store program ``name`` (what ``%%programm NAME`` does) and show a preview."""
    PROGRAMME[name] = text
    if STUB in text:
        print(f"Programm „{name}“ gespeichert – aber hier fehlt noch dein Code.")
        return
    try:
        lauf = _simuliere(text, bis_ms=3000)
    except Exception as fehler:  # noqa: BLE001 - a preview never stops the notebook
        print(f"Programm „{name}“ gespeichert. (Der Simulator konnte es nicht zeigen: {fehler})")
        return
    print(f"Programm „{name}“ gespeichert. So sieht dein Calliope in den ersten 3 Sekunden aus:")
    _zeige(lauf)
    if lauf.error:
        print(f"⚠️ Dein Programm hat einen Fehler: {lauf.error.get('message', '')}")


def _magie(line: str, cell: str) -> None:
    name = line.strip() or "programm"
    merke(name, cell)


def _registriere() -> None:
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.register_magic_function(_magie, magic_kind="cell", magic_name="programm")


_registriere()


def programm(name: str) -> str:
    """The text of program ``name``; a German AssertionError when it is missing or not done yet."""
    text = PROGRAMME.get(name)
    if text is None:
        raise AssertionError(
            f"❌ Das Programm „{name}“ gibt es noch nicht. Führe zuerst die Zelle mit %%programm {name} "
            "aus (Umschalt + Enter)."
        )
    if STUB in text:
        raise AssertionError(
            f"❌ Das Programm „{name}“ ist noch nicht fertig: Hier fehlt noch dein Code. Lösche die Zeile "
            "mit raise NotImplementedError und schreibe dein Programm hin."
        )
    return text


# ---------------------------------------------------------------- running in the simulator

def _szenario(druecke=(), kippe=(), funk=(), sensoren=None):
    from schuelerlab.hardware.sim import Gesture, Press, RadioMessage, Scenario

    szenario = Scenario()
    for eintrag in druecke:
        knopf, ms, *dauer = eintrag
        szenario.presses.append(Press(knopf, ms, *dauer))
    for eintrag in kippe:
        geste, ms, *dauer = eintrag
        szenario.gestures.append(Gesture(geste, ms, *dauer))
    for eintrag in funk:
        ms, text, *gruppe = eintrag
        szenario.radio.append(RadioMessage(ms, text, *gruppe))
    for sensor, wert in (sensoren or {}).items():
        szenario.set(sensor, wert)
    return szenario


def _simuliere(text: str, *, bis_ms: int, **szenario: Any):
    from schuelerlab.hardware.sim import simulate

    return simulate(program=text, board="mini3", until_ms=bis_ms, scenario=_szenario(**szenario),
                    wall_timeout_s=20.0)


def simuliere(name: str, *, bis_ms: int = 3000, druecke=(), kippe=(), funk=(), sensoren=None,
              anhang: str = "", tipp: str = ""):
    """Run program ``name`` (plus ``anhang``, e.g. calls of its functions) and return the trace.

    ``druecke``: ``[("a", ms), ("b", ms, dauer_ms)]``; ``kippe``: ``[("left", ms, dauer_ms)]``;
    ``funk``: ``[(ms, "text", gruppe)]``; ``sensoren``: ``{"acc_x": [(ms, wert), …]}``.
    A program that stops with an error raises a German AssertionError.
    """
    text = programm(name)
    if anhang:
        text = text.rstrip("\n") + "\n" + anhang + "\n"
    lauf = _simuliere(text, bis_ms=bis_ms, druecke=druecke, kippe=kippe, funk=funk, sensoren=sensoren)
    if lauf.error:
        fehler = lauf.error.get("message", "")
        detail = lauf.error.get("detail", "")
        raise AssertionError(
            f"❌ Dein Programm „{name}“ ist mit einem Fehler stehen geblieben: {fehler}"
            + (f" [{detail}]" if detail and detail not in fehler else "")
            + (f" Tipp: {tipp}" if tipp else "")
        )
    return lauf


# ---------------------------------------------------------------- describing pictures

def _zeichen(zeilen: list[str]) -> str | None:
    from schuelerlab.hardware.sim.trace import char_rows

    for ch in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz":
        if char_rows(ch) == zeilen:
            return ch
    return None


def _bildname(zeilen: list[str]) -> str | None:
    from schuelerlab.hardware.sim.trace import builtin_images

    text = ":".join(zeilen)
    return next((n for n, rows in builtin_images().items() if rows.rstrip(":") == text), None)


def als_zeilen(bild: str | int | list[str]) -> list[str]:
    """"HEART", "aus", a digit/letter ("3", 3) or five rows ("09090", …) -> five rows of 0-9."""
    from schuelerlab.hardware.sim.trace import builtin_images, char_rows

    if isinstance(bild, list):
        return bild
    if isinstance(bild, int) or len(str(bild)) == 1:
        return char_rows(str(bild))
    if bild == "aus":
        return ["00000"] * 5
    name = str(bild).removeprefix("Image.")
    if name in builtin_images():
        return builtin_images()[name].rstrip(":").split(":")
    return str(bild).rstrip(":").split(":")


def beschreibe(zeilen: list[str]) -> str:
    """A German description of five display rows: image name, character, "nichts" or a drawing."""
    if all(z == "00000" for z in zeilen):
        return "nichts (alle LEDs aus)"
    name = _bildname(zeilen)
    if name:
        return f"{BILDNAMEN.get(name, 'das Bild')} (Image.{name})"
    ch = _zeichen(zeilen)
    if ch:
        return f"die Ziffer {ch}" if ch.isdigit() else f"der Buchstabe {ch}"
    return "dieses Bild: " + " / ".join(_punkte(z) for z in zeilen)


def _punkte(zeile: str) -> str:
    """One row as # (on) and . (off)."""
    return "".join("#" if c != "0" else "." for c in zeile)


def _an(zeilen: list[str]) -> list[str]:
    """Rows as on/off only (brightness does not matter for the checks)."""
    return ["".join("9" if c != "0" else "0" for c in z) for z in zeilen]


def pruefe_bild(lauf, ms: int, soll: str | int | list[str], *, was: str, name: str = "",
                tipp: str = "") -> None:
    """The display at ``ms`` shows ``soll`` (image name, character, "aus" or rows; brightness ignored).

    ``name`` names a drawn picture in the message ("dein Haus") instead of its rows.
    """
    ist = lauf.frame_at(ms)
    erwartet = als_zeilen(soll)
    if _an(ist) != _an(erwartet):
        zeile = ""
        if beschreibe(erwartet).startswith("dieses Bild"):
            y = next(i for i in range(5) if _an(ist)[i] != _an(erwartet)[i])
            zeile = (f" In Zeile y = {y} stimmt es nicht: erwartet {_punkte(erwartet[y])}, "
                     f"bei dir {_punkte(ist[y])}.")
        raise AssertionError(
            f"❌ {was} sollte {name or beschreibe(erwartet)} zu sehen sein, "
            f"es war aber: {beschreibe(ist)}.{zeile}"
            + (f" Tipp: {tipp}" if tipp else "")
        )


def pruefe_pixel(lauf, ms: int, an: list[tuple[int, int]], *, was: str, tipp: str = "") -> None:
    """Exactly the LEDs ``an`` ((x, y) pairs) are lit at ``ms``."""
    ist = lauf.frame_at(ms)
    leuchten = [(x, y) for y in range(5) for x in range(5) if ist[y][x] != "0"]
    an = sorted(an, key=lambda p: (p[1], p[0]))
    if leuchten != an:
        soll = ", ".join(f"({x}, {y})" for x, y in an) or "keine"
        hat = ", ".join(f"({x}, {y})" for x, y in leuchten) or "keine"
        raise AssertionError(
            f"❌ {was} sollten diese LEDs (x, y) leuchten: {soll}. Bei dir leuchten: {hat}."
            + (f" Tipp: {tipp}" if tipp else "")
        )


def _bilder(lauf) -> list[list[str]]:
    folge: list[list[str]] = []
    for frame in lauf.display:
        zeilen = _an(frame["pixels"])
        if not folge or folge[-1] != zeilen:
            folge.append(zeilen)
    return folge


@functools.lru_cache(maxsize=32)
def _lauftext_bilder(text: str) -> tuple[tuple[str, ...], ...]:
    lauf = _simuliere(f"from calliopemini import *\ndisplay.scroll({text!r})\n", bis_ms=60_000)
    return tuple(tuple(b) for b in _bilder(lauf) if any(z != "00000" for z in b))


def lief_durch(lauf, text: str) -> bool:
    """Whether ``text`` scrolled over the display (in full, at any speed)."""
    soll = [list(b) for b in _lauftext_bilder(text)]
    ist = [b for b in _bilder(lauf) if any(z != "00000" for z in b)]
    return any(ist[i:i + len(soll)] == soll for i in range(len(ist) - len(soll) + 1))


def pruefe_lauftext(lauf, text: str, *, was: str, tipp: str = "") -> None:
    """``text`` scrolled over the display; a hint when the letters were shown one by one instead."""
    if lief_durch(lauf, text):
        return
    bilder = [b for b in _bilder(lauf) if any(z != "00000" for z in b)]
    einzeln = [b for b in bilder if _zeichen(b)]
    if len(einzeln) >= 2 and 2 * len(einzeln) >= len(bilder):
        tipp = "display.show(...) zeigt Buchstaben einzeln. Für einen Lauftext nimm display.scroll(...)."
    raise AssertionError(f"❌ {was}: Der Lauftext {text!r} ist nicht über die Anzeige gelaufen."
                         + (f" Tipp: {tipp}" if tipp else ""))


def pruefe_funk(lauf, soll: list[str], *, was: str, tipp: str = "") -> None:
    """The radio sent exactly the messages ``soll`` (in this order)."""
    ist = lauf.radio_messages()
    if ist != soll:
        mehr = " …" if len(ist) > 8 else ""
        raise AssertionError(f"❌ {was}: Erwartet wurden die Funk-Nachrichten {soll}, gesendet hat dein "
                             f"Calliope {ist[:8]}{mehr}." + (f" Tipp: {tipp}" if tipp else ""))


def pruefe_gruppe(lauf, gruppe: int, *, tipp: str = "") -> None:
    """Every radio message went out in ``gruppe``."""
    andere = sorted({r.get("group", 0) for r in lauf.radio if r.get("group", 0) != gruppe})
    if andere:
        raise AssertionError(f"❌ Deine Nachricht ging in Gruppe {andere[0]} raus – dein Freund hört aber in "
                             f"Gruppe {gruppe}." + (f" Tipp: {tipp}" if tipp else ""))


# ---------------------------------------------------------------- pictures in the notebook

def matrix_svg(zeilen: list[str], *, groesse: int = 14, titel: str = "") -> str:
    """The 5×5 LED matrix as a small SVG (lit LEDs red, brightness as opacity)."""
    schritt = groesse + 4
    breite = 5 * schritt + 8
    hoehe = breite + (16 if titel else 0)
    teile = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{breite}" height="{hoehe}" '
             f'viewBox="0 0 {breite} {hoehe}">',
             f'<rect x="0" y="0" width="{breite}" height="{breite}" rx="6" fill="#1d2733"/>']
    for y, zeile in enumerate(zeilen):
        for x, c in enumerate(zeile):
            hell = int(c) / 9 if c.isdigit() else 0
            farbe = "#ff3b30" if hell else "#3a4654"
            deckung = f' fill-opacity="{0.35 + 0.65 * hell:.2f}"' if hell else ""
            teile.append(f'<rect x="{6 + x * schritt}" y="{6 + y * schritt}" width="{groesse}" '
                         f'height="{groesse}" rx="3" fill="{farbe}"{deckung}/>')
    if titel:
        teile.append(f'<text x="{breite / 2}" y="{breite + 13}" font-family="sans-serif" font-size="12" '
                     f'text-anchor="middle">{html.escape(titel)}</text>')
    teile.append("</svg>")
    return "".join(teile)


def _zeige(lauf, hoechstens: int = 8) -> None:
    """Show the first distinct frames of a run with their times, the printed lines and radio messages."""
    bilder, vorher = [], None
    for frame in lauf.display:
        if frame["pixels"] != vorher:
            bilder.append(frame)
            vorher = frame["pixels"]
    teile = [matrix_svg(f["pixels"], groesse=9, titel=f"{f['t'] / 1000:.1f} s") for f in bilder[:hoechstens]]
    if not teile:
        teile = [matrix_svg(["00000"] * 5, groesse=9, titel="aus")]
    mehr = f" … und {len(bilder) - hoechstens} weitere Bilder" if len(bilder) > hoechstens else ""
    text = "".join(f'<span style="display:inline-block;margin:2px">{t}</span>' for t in teile) + mehr
    try:
        from IPython.display import HTML, display
        display(HTML(f"<div>{text}</div>"))
    except ImportError:
        pass
    if lauf.lines():
        print("Ausgabe:", " | ".join(lauf.lines()[:10]))
    if lauf.radio_messages():
        print("Funk gesendet:", lauf.radio_messages()[:10])


def probiere(name: str, *, bis_ms: int = 5000, **szenario: Any) -> None:
    """Run program ``name`` in the simulator and show what happens (for "Probier mal" cells)."""
    try:
        lauf = _simuliere(programm(name), bis_ms=bis_ms, **szenario)
    except AssertionError as fehler:
        print(fehler)
        return
    _zeige(lauf, hoechstens=12)
    if lauf.error:
        print("Fehler:", lauf.error.get("message", ""))


# ---------------------------------------------------------------- a real board

def calliope_angeschlossen() -> bool:
    """True when a Calliope mini (or micro:bit) is plugged in via USB (lists ports only: fast)."""
    try:
        from serial.tools import list_ports
    except ImportError:
        return False
    try:
        from schuelerlab.hardware.boards import USB_IDS
    except ImportError:
        USB_IDS = _CALLIOPE_USB  # noqa: N806 - the same table when the package is missing
    return any((p.vid, p.pid) in USB_IDS for p in list_ports.comports())


def auf_calliope(name: str) -> None:
    """Put program ``name`` on a connected Calliope; without one, say so at once (never fails)."""
    try:
        text = programm(name)
    except AssertionError as fehler:
        print(fehler)
        return
    try:
        if not calliope_angeschlossen():
            print(KEIN_CALLIOPE)
            return
        from schuelerlab.hardware.flash import flash

        print(flash(text, download=False))
    except Exception as fehler:  # noqa: BLE001 - no toolkit, busy port …: the simulator still works
        print(f"Das Übertragen hat nicht geklappt ({fehler}).")
        print(KEIN_CALLIOPE)
