"""``TraceView``: the animated board that replays a simulator ``Trace`` in the notebook.

The front-end (``widget.js``, mode ``replay``) plays the display frames, RGB colours, serial lines
and button presses at their board times; the text/HTML fallback shows the last frame as a 5×5 grid
with the serial lines and the German error (for HTML exports and nbgrader feedback).
"""

from __future__ import annotations

import traitlets
from schuelerlab.hardware.sim.boardview import BOARD_TITLES
from schuelerlab.hardware.sim.scenario import Scenario
from schuelerlab.hardware.sim.trace import Trace
from schuelerlab.hardware.sim.widget import BoardWidget

#: Display frames kept for the animation (a scrolling program makes many; the notebook stays small).
MAX_FRAMES = 5000
MAX_LINES = 1000
MAX_LINE_CHARS = 300


class TraceView(BoardWidget):
    """Replays ``trace`` (with the presses of ``scenario`` shown on the buttons)."""

    frames = traitlets.List().tag(sync=True)
    rgb_frames = traitlets.List().tag(sync=True)
    lines = traitlets.List().tag(sync=True)
    presses = traitlets.List().tag(sync=True)
    end_ms = traitlets.Int(0).tag(sync=True)

    def __init__(self, trace: Trace, scenario: Scenario | None = None) -> None:
        leds = 3 if trace.board == "mini3" else 1
        rgb_frames = [{"t": e["t"], "leds": _pad(e["leds"], leds)}
                      for e in trace.rgb if e["pin"] == "pin_RGB"]
        last_rgb = rgb_frames[-1]["leds"] if rgb_frames else _pad([], leds)
        presses = [{"button": p.button, "t": p.at_ms, "hold": p.hold_ms}
                   for p in (scenario or Scenario()).presses]
        error = trace.error["message"] if trace.error else ""
        lines = [{"t": e["t"], "line": _cut(e["line"])} for e in trace.serial[-MAX_LINES:]]
        super().__init__(
            mode="replay", board=trace.board, rows=trace.frame_at(trace.end_ms), rgb=last_rgb,
            serial=[e["line"] for e in lines], status="error" if error else "finished",
            status_text="Fehler" if error else "Fertig", error=error,
            frames=trace.display[-MAX_FRAMES:], rgb_frames=rgb_frames[-MAX_FRAMES:],
            lines=lines, presses=presses, end_ms=trace.end_ms)
        self.trace = trace

    def _heading(self) -> str:
        return f"{BOARD_TITLES.get(self.board, self.board)} – Anzeige am Ende (nach {self.end_ms} ms):"


def _cut(line: str) -> str:
    return line if len(line) <= MAX_LINE_CHARS else line[:MAX_LINE_CHARS - 1] + "…"


def _pad(leds: list[list[int]], count: int) -> list[list[int]]:
    colours = [list(c) for c in leds[:count]]
    return colours + [[0, 0, 0]] * (count - len(colours))
