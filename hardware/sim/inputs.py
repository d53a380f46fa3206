"""Host-side board inputs: buttons, touch, sensors, gestures, microphone events and radio reception,
all read from the Scenario at the board's current time. Live boards change the scenario at run time
(``press``, ``set``), which works because every read looks at the scenario afresh.
"""

from __future__ import annotations

from schuelerlab.hardware.sim.scenario import GESTURE_ACC, Gesture, Press, Scenario

TILT = 800  # |milli-g| beyond which the board counts as tilted (1000 - CODAL's tilt tolerance)


def posture(x: int, y: int, z: int) -> str:
    """The gesture name the accelerometer values mean (CODAL's posture rules: tilt beyond 800 mg on x,
    then y, then z; freefall below 400 mg; high-g impulses)."""
    strength2 = x * x + y * y + z * z
    if strength2 < 400 * 400:
        return "freefall"
    for limit, name in ((8000, "8g"), (6000, "6g"), (3000, "3g")):
        if strength2 > limit * limit:
            return name
    if x < -TILT:
        return "left"
    if x > TILT:
        return "right"
    if y < -TILT:
        return "down"
    if y > TILT:
        return "up"
    if z < -TILT:
        return "face up"
    if z > TILT:
        return "face down"
    return ""


class Inputs:
    """Reads of buttons, sensors and gestures with the board's "since last asked" semantics."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self._cursor: dict[str, float] = {}  # (kind + button) -> time of the last was_/get_ query
        self._gesture_seen = -1.0
        self._gestures: list[str] = []
        self._last_gesture = "face up"
        self._mic_seen = -1.0
        self._mic_events: list[str] = []
        self.mic_thresholds = {"loud": 128, "quiet": 64}
        self._radio_next = 0
        self.radio_queue: list[tuple[str, str]] = []

    # buttons and touch -------------------------------------------------------------------------
    def pressed(self, button: str, t: float) -> bool:
        """Whether ``button`` is held down at ``t``."""
        return any(p.button == button and p.at_ms <= t < p.at_ms + p.hold_ms for p in self.scenario.presses)

    def presses_since(self, key: str, button: str, t: float) -> int:
        """Presses of ``button`` that started since the last query of this kind, then reset."""
        since = self._cursor.get(key + button, -1.0)
        self._cursor[key + button] = t
        return sum(1 for p in self.scenario.presses if p.button == button and since < p.at_ms <= t)

    def press(self, button: str, t: float, hold_ms: int = 100) -> None:
        """A live press (e.g. from a widget) starting now."""
        self.scenario.presses.append(Press(button, int(t), hold_ms))

    # sensors -----------------------------------------------------------------------------------
    def acc(self, t: float) -> tuple[int, int, int]:
        """Accelerometer (x, y, z) in milli-g at ``t`` (a held gesture wins over the series)."""
        held = self.scenario.gesture_at(t)
        if held is not None:
            x, y, z = GESTURE_ACC[held]
            if held == "shake" and int(t) // 50 % 2:
                x, y = -x, -y
            return x, y, z
        v = self.scenario.value
        return v("acc_x", t), v("acc_y", t), v("acc_z", t)

    def sensor(self, name: str, t: float) -> int:
        """Any sensor value at ``t`` (temperature, light_level, acc_x, pin1, ...)."""
        if name.startswith("acc_"):
            return self.acc(t)["xyz".index(name[-1])]
        return self.scenario.value(name, t)

    def digital(self, pin: str, t: float) -> int:
        """read_digital() of ``pin``: 1 for a set value of 1 or >= 512; button pins read 0 when pressed."""
        if pin in ("pin_btnA", "pin_btnB"):
            return 0 if self.pressed(pin[-1].lower(), t) else 1
        value = self.scenario.value(pin, t)
        return 1 if value == 1 or value >= 512 else 0

    # gestures ----------------------------------------------------------------------------------
    def gesture_now(self, t: float) -> str:
        """current_gesture() at ``t``."""
        held = self.scenario.gesture_at(t)
        return held if held is not None else posture(*self.acc(t))

    def _update_gestures(self, t: float) -> None:
        times = self.scenario.breakpoints(("acc_x", "acc_y", "acc_z"), self._gesture_seen, t)
        for when in times + [t]:
            name = self.gesture_now(when)
            if name and name != self._last_gesture:
                self._gestures.append(name)
            if name:
                self._last_gesture = name
        self._gesture_seen = t

    def was_gesture(self, name: str, t: float) -> bool:
        """was_gesture(name): seen since the last query (clears the history)."""
        self._update_gestures(t)
        found = name in self._gestures
        self._gestures.clear()
        return found

    def gesture_history(self, t: float) -> list[str]:
        """get_gestures(): gestures since the last query, oldest first (clears the history)."""
        self._update_gestures(t)
        history, self._gestures = self._gestures, []
        return history

    def shake(self, t: float, hold_ms: int = 500) -> None:
        """A live gesture starting now."""
        self.scenario.gestures.append(Gesture("shake", int(t), hold_ms))

    # microphone ----------------------------------------------------------------------------------
    def mic_event(self, t: float) -> str:
        """microphone.current_event() at ``t``: "loud", "quiet" or ""."""
        level = self.scenario.value("sound_level", t)
        if level >= self.mic_thresholds["loud"]:
            return "loud"
        return "quiet" if level <= self.mic_thresholds["quiet"] else ""

    def mic_history(self, t: float) -> list[str]:
        """Sound events since the last query (clears them)."""
        last = self.mic_event(max(0.0, self._mic_seen))
        for when in self.scenario.breakpoints(("sound_level",), self._mic_seen, t):
            event = self.mic_event(when)
            if event and event != last:
                self._mic_events.append(event)
            last = event or last
        self._mic_seen = t
        history, self._mic_events = self._mic_events, []
        return history

    # radio ---------------------------------------------------------------------------------------
    def radio_receive(self, t: float, group: int, on_since: float | None,
                      queue: int) -> tuple[str, str] | None:
        """Deliver messages that arrived by ``t`` into the queue; pop the oldest."""
        messages = sorted(self.scenario.radio, key=lambda m: m.at_ms)
        while self._radio_next < len(messages) and messages[self._radio_next].at_ms <= t:
            msg = messages[self._radio_next]
            self._radio_next += 1
            listening = on_since is not None and msg.at_ms >= on_since and msg.group == group
            if listening and len(self.radio_queue) < queue:
                self.radio_queue.append(("s", msg.message))
        return self.radio_queue.pop(0) if self.radio_queue else None
