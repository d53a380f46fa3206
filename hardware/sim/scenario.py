"""What happens to the simulated board from outside: presses, gestures, sensor values, radio.

A sensor value is a constant or a step series ``[(t_ms, value), ...]`` (the value holds from its
time on). Button and touch presses last ``hold_ms``; gestures are held for ``hold_ms`` (tilts set
the accelerometer, a shake shakes it). Everything is plain data, so scenarios round-trip as JSON.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from schuelerlab.errors import UserError

#: Sensor values when the scenario says nothing (a board lying still, face up, in a room).
DEFAULTS: dict[str, int] = {
    "temperature": 20, "light_level": 100, "sound_level": 10,
    "acc_x": 0, "acc_y": 0, "acc_z": -1024,
    "heading": 0, "mag_x": 0, "mag_y": 0, "mag_z": 0, "field_strength": 50000,
}
BUTTONS = ("a", "b", "logo", "pin0", "pin1", "pin2", "pin3")
#: Accelerometer (x, y, z) in milli-g while a gesture is held.
GESTURE_ACC: dict[str, tuple[int, int, int]] = {
    "left": (-1000, 0, -200), "right": (1000, 0, -200), "up": (0, 1000, -200), "down": (0, -1000, -200),
    "face up": (0, 0, -1024), "face down": (0, 0, 1024), "freefall": (0, 0, 0),
    "3g": (3100, 0, 0), "6g": (6100, 0, 0), "8g": (8100, 0, 0), "shake": (1500, 1500, -1024),
}


@dataclass(frozen=True)
class Press:
    """Button ``button`` ("a", "b", "logo", "pin0".."pin3") held from ``at_ms`` for ``hold_ms``."""

    button: str
    at_ms: int
    hold_ms: int = 100


@dataclass(frozen=True)
class Gesture:
    """Gesture ``name`` held from ``at_ms`` for ``hold_ms``."""

    name: str
    at_ms: int
    hold_ms: int = 500


@dataclass(frozen=True)
class RadioMessage:
    """A radio message arriving at ``at_ms`` in ``group``."""

    at_ms: int
    message: str
    group: int = 0


@dataclass
class Scenario:
    """Inputs of one simulated run."""

    presses: list[Press] = field(default_factory=list)
    gestures: list[Gesture] = field(default_factory=list)
    sensors: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    radio: list[RadioMessage] = field(default_factory=list)
    seed: int = 1
    serial_input: list[tuple[int, str]] = field(default_factory=list)  # (at_ms, line) typed for input()

    def set(self, name: str, value: int | list[tuple[int, int]]) -> Scenario:
        """Set a sensor to a constant or a step series; returns self for chaining."""
        series = [(0, int(value))] if isinstance(value, int | float) else [(int(t), int(v)) for t, v in value]
        self.sensors[name] = sorted(series)
        return self

    def value(self, name: str, t_ms: float) -> int:
        """The sensor value at time ``t_ms``."""
        series = self.sensors.get(name)
        if not series:
            return DEFAULTS.get(name, 0)
        i = bisect.bisect_right([t for t, _ in series], t_ms) - 1
        return series[i][1] if i >= 0 else DEFAULTS.get(name, series[0][1])

    def breakpoints(self, names: tuple[str, ...], t0: float, t1: float) -> list[float]:
        """Times in (t0, t1] where one of the sensors or a gesture changes."""
        times = {t for n in names for t, _ in self.sensors.get(n, []) if t0 < t <= t1}
        for g in self.gestures:
            times.update(t for t in (g.at_ms, g.at_ms + g.hold_ms) if t0 < t <= t1)
        return sorted(times)

    def gesture_at(self, t_ms: float) -> str | None:
        """The gesture held at ``t_ms`` (the latest one started), if any."""
        held = [g for g in self.gestures if g.at_ms <= t_ms < g.at_ms + g.hold_ms]
        return max(held, key=lambda g: g.at_ms).name if held else None

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {"presses": [vars(p) for p in self.presses], "gestures": [vars(g) for g in self.gestures],
                "sensors": {k: [list(p) for p in v] for k, v in self.sensors.items()},
                "radio": [vars(r) for r in self.radio], "seed": self.seed,
                "serial_input": [list(x) for x in self.serial_input]}

    @classmethod
    def from_dict(cls, data: dict) -> Scenario:
        """Inverse of to_dict (missing keys mean nothing happens)."""
        scenario = cls(presses=[Press(**p) for p in data.get("presses", [])],
                       gestures=[Gesture(**g) for g in data.get("gestures", [])],
                       radio=[RadioMessage(**r) for r in data.get("radio", [])], seed=data.get("seed", 1),
                       serial_input=[(int(t), str(line)) for t, line in data.get("serial_input", [])])
        for name, value in data.get("sensors", {}).items():
            scenario.set(name, value)
        return scenario


def _at(spec: str, what: str) -> tuple[str, int, int | None]:
    """Parse ``name@MS`` or ``name@MS+HOLD``."""
    name, sep, when = spec.strip().partition("@")
    try:
        at, _, hold = when.partition("+")
        return name.strip().lower(), int(at), int(hold) if hold else None
    except ValueError:
        raise UserError(f"„{spec}“ verstehe ich nicht: schreibe {what}@ZEIT_MS, z. B. {what}@1000 "
                        f"oder {what}@1000+500 (500 ms lang).") from None


def parse_presses(text: str) -> list[Press]:
    """``a@1000,b@2000+500,ab@3000,logo@4000`` -> presses (``ab`` presses both buttons)."""
    presses = []
    for spec in filter(None, text.split(",")):
        name, at, hold = _at(spec, "a")
        names = ["a", "b"] if name == "ab" else [name]
        for button in names:
            if button not in BUTTONS:
                raise UserError(f"Unbekannte Taste „{button}“. Möglich: a, b, ab, logo, pin0 … pin3.")
            presses.append(Press(button, at, hold or 100))
    return presses


def parse_gestures(text: str) -> list[Gesture]:
    """``shake@1000,left@2000+1500`` -> gestures."""
    gestures = []
    for spec in filter(None, text.split(",")):
        name, at, hold = _at(spec.replace("_", " "), "shake")
        if name not in GESTURE_ACC:
            names = ", ".join(n.replace(" ", "_") for n in GESTURE_ACC)
            raise UserError(f"Unbekannte Geste „{name}“. Möglich: {names}.")
        gestures.append(Gesture(name, at, hold or 500))
    return gestures


def parse_setting(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``temperature=21`` or ``light_level=10@0,200@5000`` -> (name, series)."""
    name, sep, values = text.partition("=")
    name = name.strip()
    if not sep or name not in DEFAULTS and not name.startswith("pin"):
        known = ", ".join(list(DEFAULTS) + ["pin0 … pin20"])
        raise UserError(f"„{text}“ verstehe ich nicht: schreibe NAME=WERT, z. B. temperature=21. "
                        f"Namen: {known}.")
    series = []
    try:
        for part in values.split(","):
            value, _, at = part.partition("@")
            series.append((int(at) if at else 0, int(float(value))))
    except ValueError:
        raise UserError(f"„{text}“: der Wert muss eine Zahl sein, z. B. {name}=21 oder "
                        f"{name}=10@0,200@5000.") from None
    return name, series


def parse_radio(text: str) -> list[RadioMessage]:
    """``hallo@3000,2:ping@4000`` -> radio messages (``GROUP:`` prefix optional)."""
    messages = []
    for spec in filter(None, text.split(",")):
        body, _, when = spec.rpartition("@")
        group, sep, message = body.partition(":")
        if not sep:
            group, message = "0", body
        try:
            messages.append(RadioMessage(int(when), message, int(group)))
        except ValueError:
            raise UserError(f"„{spec}“ verstehe ich nicht: schreibe NACHRICHT@ZEIT_MS, z. B. hallo@3000 "
                            f"(oder GRUPPE:NACHRICHT@ZEIT_MS).") from None
    return messages


def parse_input(text: str) -> list[tuple[int, str]]:
    """``Anna@1000,21@2000`` -> lines typed on serial for input()."""
    return [(m.at_ms, m.message) for m in parse_radio(text)]


def from_cli(*, press: str = "", gesture: str = "", settings: tuple[str, ...] = (), radio: str = "",
             typed: str = "", seed: int = 1, base: Scenario | None = None) -> Scenario:
    """Build a Scenario from the ``simulate`` command's options (added to ``base`` if given)."""
    scenario = base or Scenario(seed=seed)
    scenario.seed = seed
    scenario.presses += parse_presses(press)
    scenario.gestures += parse_gestures(gesture)
    scenario.radio += parse_radio(radio)
    scenario.serial_input += parse_input(typed)
    for text in settings:
        name, series = parse_setting(text)
        scenario.set(name, series)
    return scenario
