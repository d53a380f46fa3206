"""The host side of a simulated board: time, display, inputs, and the dispatch of host calls.

``SimBoard.dispatch(name, payload)`` answers every ``host.call`` of the guest library
(``guest/*.py``). Board time comes from a VirtualClock (graded runs) or a RealClock (live board).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from schuelerlab.hardware.boards import BoardProfile
from schuelerlab.hardware.sim.clock import Interrupted, StopSimulation, VirtualClock
from schuelerlab.hardware.sim.errors import clean_traceback, describe
from schuelerlab.hardware.sim.inputs import Inputs
from schuelerlab.hardware.sim.outputs import OutputHandlers
from schuelerlab.hardware.sim.scenario import Scenario
from schuelerlab.hardware.sim.timeline import Sequence
from schuelerlab.hardware.sim.trace import Recorder, Trace

#: Modules of the MicroPython unix port that no Calliope has (importing them fails as on the board).
UNIX_ONLY = frozenset({"argparse", "binascii", "cmath", "deflate", "framebuf", "hashlib", "heapq", "json",
                       "mip", "platform", "re", "requests", "select", "ssl", "socket", "uctypes", "vfs",
                       "_asyncio", "asyncio", "uasyncio", "host", "io", "uio"})
#: Modules the guest library provides; a board offers those in its profile's module list.
GUEST_MODULES = frozenset({"music", "radio", "log", "neopixel", "power", "machine", "audio", "speech"})
SAD_FACE = "0000009090000000999090009"
#: Names missing on a board besides the profile's list (attributes, dotted).
EXTRA_MISSING = {"mini2": ["display.rotate", "pin.was_touched"]}


#: Host calls of the boot code itself: never interrupted, never counted as board time.
_CONTROL = frozenset({"boot", "prog", "err", "errline", "next", "done"})


class ResetRequested(Exception):  # noqa: N818 - control flow
    """The program called reset(): the board restarts the program."""


class Panic(Exception):  # noqa: N818 - control flow
    """The program called panic(n)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class SimBoard(OutputHandlers):
    """State of one simulated board and the handlers of its host calls."""

    def __init__(self, *, profile: BoardProfile, scenario: Scenario | None = None, clock=None,
                 mode: str = "program", program: str = "", on_output: Callable[[str], None] | None = None,
                 on_advance: Callable[[], None] | None = None) -> None:
        self.profile = profile
        self.scenario = scenario or Scenario()
        self.clock = clock or VirtualClock()
        self.mode = mode
        self.program = program
        self.on_output = on_output
        self.on_advance = on_advance  # e.g. refuel the VM
        self.drain: Callable[[], str] = lambda: ""  # output the VM wrote without print()
        self.input_provider: Callable[[], str | None] | None = None  # live boards: serial input lines
        self._input_next = 0
        self.trace = Trace(board=profile.id)
        self.rec = Recorder(self.trace)
        self.inputs = Inputs(self.scenario)
        self.error_text: str | None = None
        self.extra: dict[str, Callable[[str], str]] = {}  # handlers added by LiveVM
        self._sequences: dict[str, Sequence] = {}
        self._frame = "0" * 25
        self._display_on = True
        self._rotation = 0
        self._tx_level = 0  # bytes waiting in the serial transmit buffer
        self._tx_us = 0
        self._init_outputs()

    # dispatch ----------------------------------------------------------------------------------
    def dispatch(self, name: str, payload: str) -> str:
        """Answer one host call of the guest."""
        if name in _CONTROL:
            handler = self.extra.get(name) or getattr(self, "h_" + name)
            return handler(payload)
        handler = getattr(self, "h_" + name, None)
        if handler is None:
            return f"\x01ERuntimeError\x02unknown board call {name!r}"
        try:
            if self.clock.call():
                self._advanced()
            return handler(payload)
        except Interrupted:
            return "\x01K"
        except (ValueError, TypeError, KeyError, IndexError) as err:  # a malformed call (a hostile program)
            return f"\x01ERuntimeError\x02bad board call {name!r}: {err}"

    def ms(self) -> int:
        """Board time in whole milliseconds."""
        return self.clock.now_us() // 1000

    def _advanced(self) -> None:
        now = self.clock.now_us()
        for seq in list(self._sequences.values()):
            seq.advance(now)
        if self.on_advance is not None:
            self.on_advance()

    def boot_info(self) -> dict:
        """What the guest library needs to know about the chosen board."""
        p = self.profile
        allowed = set(p.modules) | {"calliopemini"}
        return {"mode": self.mode, "seed": self.scenario.seed, "id": p.id,
                "missing": sorted(p.missing) + EXTRA_MISSING.get(p.id, []),
                "modules": sorted(allowed), "pins": p.pins, "os": sorted(p.os_functions),
                "blocked": sorted(UNIX_ONLY | (GUEST_MODULES - allowed)),
                "release": p.os_release, "version": p.os_version, "machine": p.machine,
                "fs_bytes": p.fs_bytes}

    def h_boot(self, payload: str) -> str:
        return json.dumps(self.boot_info())

    def h_prog(self, payload: str) -> str:
        return self.program

    def h_err(self, payload: str) -> str:
        self.error_text = clean_traceback(payload)
        if self.mode == "program":  # the board prints it; a live REPL returns it to the caller
            self.output(self.error_text)
        return ""

    def h_errline(self, payload: str) -> str:
        """Line of the innermost main.py frame of the reported error ("" if none)."""
        line = describe(self.error_text or "", self.profile)["line"]
        return "" if line is None else str(line)

    # time --------------------------------------------------------------------------------------
    def h_sleep(self, payload: str) -> str:
        stray = self.drain()
        if stray:
            self.output(stray)
        self.sleep(int(payload))
        return ""

    def sleep(self, ms: int) -> None:
        """Wait ``ms`` of board time, letting animations and tunes run."""
        if self.clock.virtual:
            try:
                self.clock.sleep_ms(ms)
            finally:
                self._advanced()
            return
        end = self.clock.now_us() + ms * 1000
        while True:
            now = self.clock.now_us()
            if now >= end:
                break
            due = [s.next_us for s in self._sequences.values() if not s.done()]
            self.clock.sleep_ms(max(0, (min([end, *due]) - now + 999) // 1000))
            self._advanced()

    def h_ms(self, payload: str) -> str:
        return str(self.ms())

    def h_us(self, payload: str) -> str:
        return str(self.clock.now_us())

    # display -----------------------------------------------------------------------------------
    def _show(self, t_ms: int, frame: str) -> None:
        self._frame = frame
        visible = frame if self._display_on else "0" * 25
        self.rec.display(t_ms, _rotate(visible, self._rotation))

    def frame(self) -> str:
        """The display's 25 digits now (as the program set it, before rotation)."""
        return self._frame

    def h_disp(self, payload: str) -> str:
        self._sequences.pop("display", None)
        self._show(self.ms(), payload)
        return ""

    def h_anim(self, payload: str) -> str:
        delay, loop, frames = payload.split("|", 2)
        steps = [(int(delay), f) for f in frames.split(",")]
        self.start_sequence(Sequence("display", self.clock.now_us(), steps, loop == "1", self._show))
        return ""

    def h_dq(self, payload: str) -> str:
        return self._frame

    def h_don(self, payload: str) -> str:
        self._display_on = payload == "1"
        self._show(self.ms(), self._frame)
        return ""

    def h_drot(self, payload: str) -> str:
        self._rotation = int(payload) % 360 // 90
        self._show(self.ms(), self._frame)
        return ""

    def start_sequence(self, seq: Sequence) -> None:
        """Start a background sequence now (replacing one with the same key)."""
        self._sequences[seq.key] = seq
        seq.advance(self.clock.now_us())

    def stop_sequence(self, key: str) -> None:
        """Stop the background sequence ``key`` (e.g. music.stop())."""
        self._sequences.pop(key, None)

    def finish(self, end_us: int) -> None:
        """Let animations and tunes play on until ``end_us`` (the run is over)."""
        for seq in self._sequences.values():
            seq.advance(end_us)
        self.rec.flush(end_us // 1000)

    def sequences_end_us(self) -> int:
        """When the last non-looping sequence ends (0 if none; None-looping ones are ignored)."""
        ends = [s.end_us() for s in self._sequences.values() if s.end_us() is not None]
        return max(ends, default=0)

    # inputs ------------------------------------------------------------------------------------
    def h_btn(self, payload: str) -> str:
        button, op = payload.split()
        t = self.ms()
        if op == "p":
            return "1" if self.inputs.pressed(button, t) else "0"
        count = self.inputs.presses_since(op, button, t)
        return str(count) if op == "g" else ("1" if count else "0")

    def h_touch(self, payload: str) -> str:
        pin, op = payload.split()
        button = "logo" if pin == "pin_logo" else pin
        return self.h_btn(f"{button} {op}")

    def h_sens(self, payload: str) -> str:
        return str(self.inputs.sensor(payload, self.ms()))

    def h_acc(self, payload: str) -> str:
        return ",".join(str(v) for v in self.inputs.acc(self.ms()))

    def h_gest(self, payload: str) -> str:
        op, _, name = payload.partition(" ")
        t = self.ms()
        if op == "c":
            return self.inputs.gesture_now(t)
        if op == "w":
            return "1" if self.inputs.was_gesture(name, t) else "0"
        return ",".join(self.inputs.gesture_history(t))

    def h_mic(self, payload: str) -> str:
        op, _, arg = payload.partition(" ")
        t = self.ms()
        if op == "c":
            return self.inputs.mic_event(t)
        if op == "w":
            return "1" if arg in self.inputs.mic_history(t) else "0"
        if op == "t":
            name, value = arg.split()
            self.inputs.mic_thresholds[name] = int(value)
            return ""
        return ",".join(self.inputs.mic_history(t))

    # board control -----------------------------------------------------------------------------
    def h_reset(self, payload: str) -> str:
        raise ResetRequested

    def h_panic(self, payload: str) -> str:
        self._sequences.pop("display", None)
        self._show(self.ms(), SAD_FACE)  # the firmware shows a sad face (then scrolls the number)
        raise Panic(int(payload))

    def h_off(self, payload: str) -> str:
        raise StopSimulation("off")


def _rotate(frame: str, quarter_turns: int) -> str:
    for _ in range(quarter_turns):
        frame = "".join(frame[(4 - x) * 5 + y] for y in range(5) for x in range(5))
    return frame
