"""``CalliopeWidget``: a simulated Calliope mini in the notebook that runs a program live.

The board (LEDs, RGB LEDs, buttons A/B, logo, pins, sliders for tilt, temperature, light and sound,
serial output, Start/Stopp/Neu starten) is drawn by ``widget.js``. This module only syncs state:
a pusher thread copies ``LiveRun.snapshot()`` into traitlets (at most ``UPDATES_PER_S`` times a
second, only on change); clicks and slider values come back as messages and traitlet changes.

    from schuelerlab.hardware.sim.widget import CalliopeWidget
    CalliopeWidget("from calliopemini import *\\ndisplay.show(Image.HEART)")
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

import anywidget
import traitlets
from schuelerlab.hardware.sim.boardview import board_html, board_text
from schuelerlab.hardware.sim.liverun import SENSOR_RANGES, LiveRun
from schuelerlab.hardware.sim.scenario import BUTTONS

from schuelerlab.errors import UserError

UPDATES_PER_S = 20
#: Live boards of this kernel: starting one stops the others (re-run cells leave no busy VMs behind).
_LIVE: weakref.WeakSet[CalliopeWidget] = weakref.WeakSet()
_HERE = Path(__file__).parent
_BOARDS = ("mini3", "mini2")


class BoardWidget(anywidget.AnyWidget):
    """The board's front-end state, shared by the live widget and the replay of a trace."""

    _esm = _HERE / "widget.js"
    _css = _HERE / "widget.css"
    mode = traitlets.Unicode("live").tag(sync=True)
    board = traitlets.Unicode("mini3").tag(sync=True)
    rows = traitlets.List(traitlets.Unicode(), default_value=["00000"] * 5).tag(sync=True)
    rgb = traitlets.List(default_value=[]).tag(sync=True)
    serial = traitlets.List(traitlets.Unicode(), default_value=[]).tag(sync=True)
    status = traitlets.Unicode("ready").tag(sync=True)
    status_text = traitlets.Unicode("Bereit").tag(sync=True)
    error = traitlets.Unicode("").tag(sync=True)

    def _heading(self) -> str:
        return ""

    def _fallback(self) -> dict:
        kwargs = {"board": self.board, "rows": list(self.rows), "serial": list(self.serial),
                  "error": self.error, "heading": self._heading()}
        return {"text/plain": board_text(**kwargs), "text/html": board_html(rgb=list(self.rgb), **kwargs)}

    def _repr_mimebundle_(self, **kwargs):
        """The widget view plus a text and HTML picture for exports without JavaScript."""
        bundle = super()._repr_mimebundle_(**kwargs)
        data, meta = bundle if isinstance(bundle, tuple) else (bundle, {})
        data = {**(data or {}), **self._fallback()}
        return (data, meta) if isinstance(bundle, tuple) else data


class CalliopeWidget(BoardWidget):
    """A live simulated Calliope mini running ``program``.

    Args:
        program: MicroPython source text, or a ``.py`` file (a ``Path`` or a one-line string ending
            in ``.py``), read again at every start.
        board: ``"mini3"`` (three RGB LEDs, touch logo) or ``"mini2"`` (Calliope mini 1/2).
        autostart: run the program at once.
        files_dir: the board's file system, kept across restarts (default: a temporary folder).
    """

    acc_x = traitlets.Int(0).tag(sync=True)
    acc_y = traitlets.Int(0).tag(sync=True)
    temperature = traitlets.Int(20).tag(sync=True)
    light_level = traitlets.Int(100).tag(sync=True)
    sound_level = traitlets.Int(10).tag(sync=True)
    ranges = traitlets.Dict().tag(sync=True)

    def __init__(self, program: str | Path, *, board: str = "mini3", autostart: bool = True,
                 files_dir: Path | None = None) -> None:
        if board not in _BOARDS:
            raise UserError(f"Unbekanntes Board „{board}“. Möglich sind: {', '.join(_BOARDS)}.")
        self._run = LiveRun(program, board=board, files_dir=files_dir)
        super().__init__(board=board, ranges={k: list(v) for k, v in SENSOR_RANGES.items()},
                         **self._run.sensors)
        self.observe(self._on_sensor, names=list(SENSOR_RANGES))
        self.on_msg(self._on_msg)
        self._closed = threading.Event()
        self._wake = threading.Event()  # set by start(): the pusher sleeps while no program runs
        self._push_lock = threading.Lock()
        self._push_now()
        self._pusher = threading.Thread(target=self._push_loop, daemon=True, name="schuelerlab-widget-push")
        self._pusher.start()
        if autostart:
            self.start()

    # controls (the front-end's Start/Stopp/Neu starten call these) ------------------------------
    def start(self) -> None:
        """Run the program (on a fresh board) unless it runs already; other live boards stop."""
        for other in list(_LIVE):
            if other is not self and other.running:
                other.stop()
        _LIVE.add(self)
        self._run.start()
        self._wake.set()
        self._push_now()

    def stop(self) -> None:
        """Stop the program; the display keeps its last picture."""
        self._run.stop()
        self._push_now()

    def restart(self) -> None:
        """Stop and run the program again from the beginning."""
        self._run.restart()
        self._push_now()

    @property
    def running(self) -> bool:
        """Whether the program's thread is running."""
        return self._run.running

    def close(self) -> None:
        """Stop the program and the VM thread, then close the widget."""
        self._closed.set()
        self._wake.set()
        self._run.close()
        if self._pusher.is_alive() and self._pusher is not threading.current_thread():
            self._pusher.join(timeout=2)
        super().close()

    # input from the front-end ------------------------------------------------------------------
    def handle_message(self, content: dict) -> None:
        """One message from the front-end: ``{"type": "button", "button": "a", "down": true}`` or
        ``{"type": "control", "action": "start" | "stop" | "restart"}``."""
        kind = content.get("type")
        if kind == "button" and content.get("button") in BUTTONS:
            (self._run.press if content.get("down") else self._run.release)(content["button"])
        elif kind == "control":
            actions = {"start": self.start, "stop": self.stop, "restart": self.restart}
            action = actions.get(content.get("action"))
            if action is not None:
                action()

    def _on_msg(self, widget, content, buffers) -> None:
        self.handle_message(content if isinstance(content, dict) else {})

    def _on_sensor(self, change) -> None:
        name = change["name"]
        self._run.set_sensor(name, change["new"])
        if self._run.sensors[name] != change["new"]:  # out of range: show the value really used
            setattr(self, name, self._run.sensors[name])

    # state to the front-end --------------------------------------------------------------------
    def _push_now(self) -> None:
        snap = self._run.snapshot()
        with self._push_lock, self.hold_sync():
            for name in ("rows", "rgb", "serial", "status", "status_text", "error"):
                if getattr(self, name) != snap[name]:
                    setattr(self, name, snap[name])

    def _push_loop(self) -> None:
        while not self._closed.wait(1 / UPDATES_PER_S):
            try:
                self._push_now()
                if not self._run.running:  # program over: its last state, then sleep until start()
                    self._push_now()
                    self._wake.wait()
                    self._wake.clear()
            except Exception:  # noqa: BLE001 - a closed comm: stop pushing
                return
