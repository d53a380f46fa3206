"""One program running live on a simulated board, for the notebook widget.

``LiveRun`` owns a ``LiveVM``, runs the program as ``main.py`` in a background thread, collects its
serial lines and German error message, and passes presses and sensor values on. ``snapshot()`` is
the plain-data state a front-end shows. No drawing here (that is ``widget.py`` + ``widget.js``).
"""

from __future__ import annotations

import tempfile
import threading
from collections import deque
from pathlib import Path

from schuelerlab.hardware.sim import errors
from schuelerlab.hardware.sim.live import LiveVM
from schuelerlab.hardware.sim.scenario import BUTTONS, DEFAULTS, Press, Scenario
from schuelerlab.hardware.sim.trace import rows

from schuelerlab.errors import UserError

#: Serial lines kept for the widget, and the longest line (longer output wraps, as in a terminal).
MAX_LINES = 200
MAX_LINE_CHARS = 300
#: Sensors the widget's sliders set, with their ranges (min, max).
SENSOR_RANGES: dict[str, tuple[int, int]] = {
    "acc_x": (-2000, 2000), "acc_y": (-2000, 2000), "temperature": (-5, 50),
    "light_level": (0, 255), "sound_level": (0, 255),
}
#: How long a held button counts as pressed when it is never released (ms).
HOLD_FOREVER_MS = 3_600_000
#: Shortest press: a quick click still shows up in ``is_pressed()`` loops with ``sleep(100)``.
MIN_HOLD_MS = 100
STATUS_TEXT = {"ready": "Bereit", "running": "Läuft", "finished": "Programm zu Ende",
               "stopped": "Gestoppt", "error": "Fehler"}


def read_program(program: str | Path) -> str:
    """The program's source: a Path (or a one-line string ending in ``.py``) is read; other text is it."""
    if isinstance(program, str) and not (program.strip().endswith(".py") and "\n" not in program.strip()):
        return program
    path = Path(str(program).strip())
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"Die Datei {path} gibt es nicht. Prüfe den Namen und den Ordner.") from None
    except (OSError, UnicodeDecodeError) as err:
        raise UserError(f"{path} kann nicht als Programm gelesen werden ({err}).") from None


class LiveRun:
    """A program on a live simulated board: start, stop, restart, inputs, state snapshots."""

    def __init__(self, program: str | Path, *, board: str = "mini3", files_dir: Path | None = None) -> None:
        self.program = program
        self.board = board
        # The board's files stay across restarts, as on a real board (a temporary folder by default).
        self._tmp = None if files_dir is not None else tempfile.TemporaryDirectory(prefix="schuelerlab-sim-")
        self.files_dir = Path(files_dir) if files_dir is not None else Path(self._tmp.name)
        self.sensors: dict[str, int] = {name: DEFAULTS[name] for name in SENSOR_RANGES}
        self.status = "ready"
        self.error: str | None = None
        self._lines: deque[str] = deque(maxlen=MAX_LINES)
        self._partial = ""
        self._lock = threading.Lock()
        self._out_lock = threading.Lock()  # the VM thread appends lines while snapshot() reads them
        self._vm: LiveVM | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False

    # program control ---------------------------------------------------------------------------
    def start(self) -> None:
        """Boot a fresh board and run the program (nothing happens while it already runs).

        A program given as a file is read again each time, so an edited file runs after a restart.
        """
        with self._lock:
            if self.running:
                return
            try:
                source = read_program(self.program)
                self._boot()
            except UserError as err:
                self._fail(str(err))
                return
            except Exception as err:  # noqa: BLE001 - shown to the student, never a traceback
                self._fail(f"Der simulierte Calliope konnte nicht starten ({err}). Frag deine Lehrkraft.")
                return
            self.status = "running"
            self._thread = threading.Thread(target=self._run, args=(self._vm, source), daemon=True,
                                            name="schuelerlab-widget-run")
            self._thread.start()

    def _boot(self) -> None:
        """A fresh LiveVM with the sliders' values; output and error cleared."""
        if self._vm is not None:
            self._vm.close()
            self._vm = None
        scenario = Scenario()
        for name, value in self.sensors.items():
            scenario.set(name, value)
        self._vm = LiveVM(board=self.board, files_dir=self.files_dir, on_output=self._output,
                          scenario=scenario)
        with self._out_lock:
            self._lines.clear()
            self._partial = ""
        self.error = None
        self._stopping = False

    def _fail(self, message: str) -> None:
        self.error = message
        self.status = "error"

    def _run(self, vm: LiveVM, source: str) -> None:
        try:
            text = vm.execute(source, "main.py")
        except Exception as err:  # noqa: BLE001 - shown to the student, never a traceback
            self.error = f"Der simulierte Calliope ist abgestürzt ({err}). Starte ihn neu."
            self.status = "error"
            return
        self._flush()
        if text is None:
            self.status = "finished"
        elif self._stopping and "KeyboardInterrupt" in text:
            self.status = "stopped"
        else:
            self.error = errors.describe(text, vm.profile)["message"]
            self.status = "error"

    @property
    def running(self) -> bool:
        """Whether the program is running now."""
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the program (Ctrl-C) and wait for it; the display keeps what it showed."""
        thread, vm = self._thread, self._vm
        if thread is None or vm is None or not thread.is_alive():
            return
        self._stopping = True
        vm.interrupt()
        thread.join(timeout)

    def restart(self) -> None:
        """Stop, then run the program again on a fresh board (sensor values stay)."""
        self.stop()
        self.start()

    def close(self) -> None:
        """Stop the program and free the VM."""
        self.stop()
        with self._lock:
            if self._vm is not None:
                self._vm.close()
                self._vm = None
            if self._tmp is not None:
                self._tmp.cleanup()
                self._tmp = None

    # inputs ------------------------------------------------------------------------------------
    def press(self, button: str) -> None:
        """Button (``a``, ``b``, ``logo``, ``pin0``..``pin3``) goes down now and stays down until release."""
        vm = self._checked(button)
        if vm is not None:
            vm.press(button, hold_ms=HOLD_FOREVER_MS)

    def release(self, button: str) -> None:
        """Button goes up now (a press lasts at least ``MIN_HOLD_MS``)."""
        vm = self._checked(button)
        if vm is None:
            return
        presses = vm.scenario.presses
        now = vm.board.ms()
        for i in range(len(presses) - 1, -1, -1):
            p = presses[i]
            if p.button == button and p.at_ms + p.hold_ms > now:
                presses[i] = Press(button, p.at_ms, max(MIN_HOLD_MS, now - p.at_ms))
                return

    def click(self, button: str) -> None:
        """A short press."""
        self.press(button)
        self.release(button)

    def _checked(self, button: str) -> LiveVM | None:
        if button not in BUTTONS:
            raise ValueError(f"unknown button {button!r}")
        return self._vm

    def set_sensor(self, name: str, value: int) -> None:
        """Set a slider sensor; kept across restarts."""
        if name not in SENSOR_RANGES:
            raise ValueError(f"unknown sensor {name!r}")
        low, high = SENSOR_RANGES[name]
        self.sensors[name] = max(low, min(high, int(value)))
        if self._vm is not None:
            self._vm.set_sensor(name, self.sensors[name])

    # state -------------------------------------------------------------------------------------
    def _output(self, text: str) -> None:
        with self._out_lock:
            text = self._partial + text.replace("\r", "")
            *lines, self._partial = text.split("\n")
            for line in lines:
                self._lines.extend(_wrap(line))
            if len(self._partial) > MAX_LINE_CHARS:  # a flood without newline
                *full, self._partial = _wrap(self._partial)
                self._lines.extend(full)

    def _flush(self) -> None:
        with self._out_lock:
            if self._partial:
                self._lines.append(self._partial)
                self._partial = ""

    def snapshot(self) -> dict:
        """The board now: ``rows`` (5 digit strings), ``rgb`` ([r, g, b] per LED), ``serial`` lines,
        ``status`` (ready/running/finished/stopped/error), German ``status_text`` and ``error``."""
        vm = self._vm
        leds = 3 if self.board == "mini3" else 1
        frame, rgb = ["00000"] * 5, [[0, 0, 0]] * leds
        if vm is not None:
            frame = rows(vm.board.rec.frame)
            rgb = _last_rgb(vm.board.trace.rgb, leds)
        with self._out_lock:
            lines = list(self._lines) + ([self._partial] if self._partial else [])
        return {"rows": frame, "rgb": rgb, "serial": lines, "status": self.status,
                "status_text": STATUS_TEXT[self.status], "error": self.error or ""}


def _wrap(line: str) -> list[str]:
    """A line cut into pieces of at most ``MAX_LINE_CHARS``."""
    return [line[i:i + MAX_LINE_CHARS] for i in range(0, len(line), MAX_LINE_CHARS)] or [""]


def _last_rgb(entries: list[dict], leds: int) -> list[list[int]]:
    """The last colours written to ``pin_RGB`` (padded or cut to ``leds`` LEDs)."""
    for entry in reversed(entries):
        if entry.get("pin") == "pin_RGB":
            colours = [list(c) for c in entry["leds"][:leds]]
            return colours + [[0, 0, 0]] * (leds - len(colours))
    return [[0, 0, 0]] * leds
