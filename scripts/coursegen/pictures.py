"""Circuit diagrams and overview pictures for the courses, drawn with schemdraw as small SVG files."""

from __future__ import annotations

from pathlib import Path

import schemdraw
import schemdraw.elements as elm
import schemdraw.flow as flow

schemdraw.use("svg")
schemdraw.svgconfig.text = "text"  # real <text> elements: small files, selectable labels


def _divider(lower: elm.Element, lower_label: str, upper_label: str = "R1\n10 kΩ",
             upper: elm.Element | None = None) -> schemdraw.Drawing:
    """3,3 V – upper – (pin) – lower – GND, the pattern of every sensor circuit in the course."""
    d = schemdraw.Drawing(show=False)
    d.config(fontsize=13, unit=2.5)
    d += elm.Vdd().label("3,3 V (Calliope 3V)")
    d += (upper or elm.Resistor()).down().label(upper_label, loc="bot")
    d += elm.Dot()
    d.push()
    d += elm.Line().right(1.5)
    d += elm.Dot(open=True).label("P1 (analoger Eingang)", loc="right")
    d.pop()
    d += lower.down().label(lower_label, loc="bot")
    d += elm.Ground().label("GND (Calliope –)", loc="right")
    return d


def potentiometer() -> schemdraw.Drawing:
    """A potentiometer between 3V and GND, its middle pin on P1."""
    d = schemdraw.Drawing(show=False)
    d.config(fontsize=13, unit=3)
    d += elm.Vdd().label("3,3 V")
    d += (pot := elm.Potentiometer().down().label("Drehregler\n10 kΩ", loc="top"))
    d += elm.Ground().label("GND", loc="right")
    d += elm.Line().at(pot.tap).right(2)
    d += elm.Dot(open=True).label("P1 (analoger Eingang)", loc="right")
    return d


def voltage_divider() -> schemdraw.Drawing:
    """Two resistors: the voltage divider."""
    return _divider(elm.Resistor(), "R2\n10 kΩ")


def light_sensor() -> schemdraw.Drawing:
    """Photoresistor (LDR) at the top, 10 kΩ at the bottom: brighter means a higher value."""
    return _divider(elm.Resistor(), "R\n10 kΩ", "Fotowiderstand\n(LDR)", elm.Photoresistor())


def soil_sensor() -> schemdraw.Drawing:
    """Two nails in the soil form the upper resistor."""
    return _divider(elm.Resistor(), "R\n10 kΩ", "Erde zwischen\nzwei Nägeln", elm.ResistorVar())


def ntc_thermometer() -> schemdraw.Drawing:
    """An NTC thermistor voltage divider (extension idea for the thermometer notebook)."""
    return _divider(elm.Thermistor(), "NTC\n10 kΩ bei 25 °C")


def _chain(steps: list[str]) -> schemdraw.Drawing:
    d = schemdraw.Drawing(show=False)
    d.config(fontsize=13)
    for i, text in enumerate(steps):
        if i:
            d += flow.Arrow().right(1.2)
        d += flow.RoundBox(w=3.2, h=1.6).label(text)
    return d


def live_chain() -> schemdraw.Drawing:
    """From the sensor to the plot."""
    return _chain(["Sensor im\nCalliope", "USB-Kabel\n„1234,21,128“", "Python im\nNotebook", "Diagramm"])


def lorawan_chain() -> schemdraw.Drawing:
    """From the park sensor to the notebook (LoRaWAN)."""
    return _chain(["Sensor im\nPark", "Funk\n(LoRaWAN)", "Gateway\nauf dem Dach", "Server", "Notebook"])


def payload_layout() -> schemdraw.Drawing:
    """The six bytes of a park sensor message."""
    d = schemdraw.Drawing(show=False)
    d.config(fontsize=12)
    fields = [("Byte 0–1", "Temperatur\n× 10", 3.6), ("Byte 2", "Luft-\nfeuchte %", 2.2),
              ("Byte 3–4", "Licht\n(Lux)", 3.6), ("Byte 5", "Batterie\n%", 2.2)]
    x = 0.0
    for head, body, w in fields:
        d += flow.Box(w=w, h=1.6).at((x, 0)).anchor("W").label(body)
        d += elm.Label().at((x + w / 2, 1.2)).label(head)
        x += w
    return d


def write_all(root: Path) -> list[Path]:
    """Write every picture below ``root`` (the ``courses`` folder); return the paths."""
    s, dt = root / "sensoren" / "source", root / "daten" / "source"
    pictures = [
        (s / "01_spannung" / "schaltplan_poti.svg", potentiometer),
        (s / "02_spannungsteiler" / "schaltplan_teiler.svg", voltage_divider),
        (s / "03_lichtsensor" / "schaltplan_ldr.svg", light_sensor),
        (s / "04_bodenfeuchte" / "schaltplan_naegel.svg", soil_sensor),
        (s / "05_thermometer" / "schaltplan_ntc.svg", ntc_thermometer),
        (dt / "01_live" / "weg_der_daten.svg", live_chain),
        (dt / "06_smart_region" / "lorawan_weg.svg", lorawan_chain),
        (dt / "06_smart_region" / "nachricht_bytes.svg", payload_layout),
    ]
    for path, make in pictures:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make().get_imagedata("svg"))
    return [p for p, _ in pictures]
