"""Live plot of samples with matplotlib: rolling window, several series, units, min/max thinning, blit.

Presentation only: it consumes ``Sample`` records (from :mod:`schuelerlab.hardware.stream` or a
list) and never touches a port except in :func:`live_plot`, the notebook convenience.

* The x axis is "seconds before now" (``-window_s`` … ``0``), so it never moves: frames are drawn by
  blitting (restore the background, draw the lines, blit) and a full redraw happens only when a new
  series appears, the y range must grow, or the figure is resized.
* Each series keeps only the window; before drawing, a series with more points than the axes has
  pixel columns is thinned to the min and max of each column (the curve looks the same, spikes stay).
* Axis label and legend show units where the value name is known (``temp`` → °C, ``light`` → 0–255).
* Works with Agg (tests, scripts) and ipympl in notebooks (``%matplotlib widget``).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from typing import Any

import numpy as np
from schuelerlab.hardware.boards import BAUDRATE
from schuelerlab.hardware.parse import Sample, TextEvent

#: value name (lower case, trailing digits ignored) -> unit shown in labels
UNITS: dict[str, str] = {
    "temp": "°C", "temperatur": "°C", "temperature": "°C",
    "light": "0–255", "licht": "0–255", "helligkeit": "0–255", "light_level": "0–255",
    "sound": "0–255", "laut": "0–255", "lautstärke": "0–255", "sound_level": "0–255",
    "x": "mg", "y": "mg", "z": "mg", "acc_x": "mg", "acc_y": "mg", "acc_z": "mg", "strength": "mg",
    "heading": "°", "kompass": "°", "compass": "°", "pitch": "°", "roll": "°",
    "t_ms": "ms", "time (seconds)": "s", "time (milliseconds)": "ms",
}


def unit_for(name: str) -> str | None:
    """The unit of a value name if known (``temp`` → ``°C``, ``light2`` → ``0–255``), else None."""
    key = name.strip().lower()
    return UNITS.get(key) or UNITS.get(re.sub(r"[\s_]*\d+$", "", key))


def decimate_minmax(x: np.ndarray, y: np.ndarray, *, x0: float, x1: float,
                    columns: int) -> tuple[np.ndarray, np.ndarray]:
    """Thin sorted points to min and max per pixel column of ``[x0, x1]`` (unchanged if few)."""
    if columns < 1 or len(x) <= 2 * columns or x1 <= x0:
        return x, y
    col = np.clip(((x - x0) * (columns / (x1 - x0))).astype(np.int64), 0, columns - 1)
    starts = np.flatnonzero(np.r_[True, col[1:] != col[:-1]])
    out_x = np.repeat(x[starts], 2)
    out_y = np.empty(2 * len(starts))
    out_y[0::2] = np.minimum.reduceat(y, starts)
    out_y[1::2] = np.maximum.reduceat(y, starts)
    return out_x, out_y


class _Series:
    __slots__ = ("times", "values", "line", "start")

    def __init__(self, line: Any) -> None:
        self.times: list[float] = []
        self.values: list[float] = []
        self.line = line
        self.start = 0  # index of the first point inside the window

    def prune(self, oldest: float) -> None:
        times, i = self.times, self.start
        while i < len(times) and times[i] < oldest:
            i += 1
        self.start = i
        if i > 4096 and i > len(times) // 2:  # compact now and then
            del self.times[:i], self.values[:i]
            self.start = 0


class LivePlot:
    """A rolling-window plot fed with samples.

    Args:
        ax: axes to draw into (default: a new 8×4 in figure).
        window_s: seconds of data shown.
        fps: at most this many frames per second (samples are always taken in).
        title: optional title.
    """

    def __init__(self, *, ax: Any = None, window_s: float = 10.0, fps: float = 20.0,
                 title: str | None = None) -> None:
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=(8, 4))
        self.ax, self.fig, self.canvas = ax, ax.figure, ax.figure.canvas
        self.window_s, self.min_interval = window_s, 1.0 / fps
        self.series: dict[str, _Series] = {}
        self.now = 0.0
        self.full_draws = self.blits = 0
        self._bg: Any = None
        self._last_draw = -1e9
        ax.set_xlim(-window_s, 0)
        ax.set_ylim(0, 1)
        ax.set_xlabel("Zeit in s (0 = jetzt)")
        ax.set_ylabel("Messwert")
        ax.grid(True, alpha=0.3)
        if title:
            ax.set_title(title)
        self.canvas.mpl_connect("draw_event", self._on_draw)

    # ------------------------------------------------------------------ data in
    def add(self, records: Iterable[Sample | TextEvent]) -> None:
        """Take in samples (text events are ignored) without drawing."""
        for rec in records:
            if rec.__class__ is not Sample:
                continue
            t = rec.time
            for name, value in rec.values.items():  # type: ignore[union-attr]
                series = self.series.get(name) or self._new_series(name)
                series.times.append(t)
                series.values.append(value)
            if t > self.now:
                self.now = t

    def update(self, records: Iterable[Sample | TextEvent] = (), *, now: float | None = None,
               force: bool = False) -> bool:
        """Take in ``records``; draw a frame if one is due (or ``force``). Returns True if drawn."""
        self.add(records)
        if now is not None and now > self.now:
            self.now = now
        tick = time.monotonic()
        if not force and tick - self._last_draw < self.min_interval:
            return False
        self._last_draw = tick
        self.draw()
        return True

    # ------------------------------------------------------------------ drawing
    def _new_series(self, name: str) -> _Series:
        unit = unit_for(name)
        (line,) = self.ax.plot([], [], lw=1.2, label=f"{name} ({unit})" if unit else name, animated=True)
        series = self.series[name] = _Series(line)
        units = {unit_for(n) for n in self.series}
        only = units.pop() if len(units) == 1 else None
        self.ax.set_ylabel(f"Messwert ({only})" if only else "Messwert")
        self.ax.legend(loc="upper left", fontsize="small")
        self._bg = None
        return series

    def _columns(self) -> int:
        return max(1, int(self.ax.bbox.width))

    def draw(self) -> None:
        """Draw one frame: blit if the background is valid, else a full redraw."""
        oldest = self.now - self.window_s
        columns = self._columns()
        lo, hi = np.inf, -np.inf
        for series in self.series.values():
            series.prune(oldest)
            x = np.asarray(series.times[series.start:], dtype=float) - self.now
            y = np.asarray(series.values[series.start:], dtype=float)
            x, y = decimate_minmax(x, y, x0=-self.window_s, x1=0.0, columns=columns)
            series.line.set_data(x, y)
            if len(y):
                lo, hi = min(lo, float(y.min())), max(hi, float(y.max()))
        if lo <= hi:
            self._fit_y(lo, hi)
        if self._bg is None or not self.canvas.supports_blit:
            self.canvas.draw()  # _on_draw captures the background and draws the lines
            self.full_draws += 1
        else:
            self.canvas.restore_region(self._bg)
            self._draw_lines()
            self.canvas.blit(self.fig.bbox)
            self.blits += 1
        self.canvas.flush_events()

    def _fit_y(self, lo: float, hi: float) -> None:
        bottom, top = self.ax.get_ylim()
        if self.full_draws and bottom <= lo and hi <= top:
            return
        pad = max((hi - lo) * 0.2, abs(hi) * 0.05, 0.5)
        if not self.full_draws:
            self.ax.set_ylim(lo - pad, hi + pad)
        else:
            self.ax.set_ylim(min(bottom, lo - pad), max(top, hi + pad))
        self._bg = None

    def _draw_lines(self) -> None:
        for series in self.series.values():
            self.ax.draw_artist(series.line)

    def _on_draw(self, event: Any) -> None:
        self._bg = self.canvas.copy_from_bbox(self.fig.bbox)
        self._draw_lines()


def live_plot(*, port: str | None = None, seconds: float | None = None, window_s: float = 10.0,
              baudrate: int = BAUDRATE, fps: float = 20.0, title: str | None = None) -> LivePlot:
    """Open the board's stream and plot it live until ``seconds`` pass or the stop button (Ctrl-C).

    In Jupyter run ``%matplotlib widget`` first (ipympl): the plot then updates in the notebook.
    Returns the :class:`LivePlot` (its last window stays visible).
    """
    import matplotlib
    import matplotlib.pyplot as plt
    from schuelerlab.hardware.stream import open_stream

    with plt.ioff():
        fig, ax = plt.subplots(figsize=(8, 4))
    backend = matplotlib.get_backend().lower()
    if "ipympl" in backend or "widget" in backend:
        from IPython.display import display

        display(fig.canvas)
    elif "agg" not in backend:
        plt.show(block=False)
    plot = LivePlot(ax=ax, window_s=window_s, fps=fps, title=title)
    with open_stream(port=port, baudrate=baudrate) as stream:
        try:
            for_seconds = float("inf") if seconds is None else seconds
            while stream.elapsed() < for_seconds:
                plot.update(stream.read(plot.min_interval), now=stream.elapsed())
        except KeyboardInterrupt:
            pass
    plot.update(force=True)
    return plot
