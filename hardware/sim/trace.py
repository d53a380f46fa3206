"""The trace of a simulated run: what the board showed, printed, sent and played, with times.

``Trace`` is plain data (``to_json``/``from_json``) plus the helpers graders ask for:
the display frame at a time, whether an image was shown, the printed lines.
"""

from __future__ import annotations

import ast
import json
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from schuelerlab.hardware.sim.vm import GUEST_DIR


@cache
def _guest_data(name: str):
    tree = ast.parse((GUEST_DIR / "_simdata.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == name:
            return ast.literal_eval(node.value)
    raise RuntimeError(f"{name} missing in _simdata.py")


def builtin_images() -> dict[str, str]:
    """Built-in images by name (``"HEART"`` -> ``"09090:99999:..."``), read from the guest library."""
    return _guest_data("IMAGES")


@cache
def _image_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for name, rows_text in builtin_images().items():
        names.setdefault(rows_text, name)  # the first name wins for images defined twice
    return names


def char_rows(ch: str) -> list[str]:
    """The five rows display.show(ch) lights for one character (the board's font)."""
    font = _guest_data("FONT")
    start = (ord(ch) - 32) * 10 if 32 <= ord(ch) <= 126 else (ord("?") - 32) * 10
    bits = [int(font[start + 2 * r:start + 2 * r + 2], 16) for r in range(5)]
    return ["".join("9" if b & (16 >> x) else "0" for x in range(5)) for b in bits]


def rows(frame: str) -> list[str]:
    """25 digits -> five row strings."""
    return [frame[i:i + 5] for i in range(0, 25, 5)]


def _as_rows(image: str | list[str]) -> list[str]:
    if isinstance(image, list):
        return image
    name = image.removeprefix("Image.").upper()
    text = builtin_images().get(name, image)
    return text.rstrip(":").split(":")


@dataclass
class Trace:
    """Everything a simulated board did; times ``t`` are board milliseconds."""

    board: str = "mini3"
    display: list[dict] = field(default_factory=list)  # {"t", "pixels": [5 rows "00000"]}
    serial: list[dict] = field(default_factory=list)  # {"t", "line"}
    rgb: list[dict] = field(default_factory=list)  # {"t", "pin", "leds": [[r, g, b], ...]}
    pins: list[dict] = field(default_factory=list)  # {"t", "pin", "mode": "digital"|"analog", "value"}
    music: list[dict] = field(default_factory=list)  # {"t", "pin", "note", "freq", "ms"} or {"t", "sound"}
    radio: list[dict] = field(default_factory=list)  # {"t", "message"} or {"t", "bytes": hex}
    log: list[dict] = field(default_factory=list)  # {"t", "header", "row"}
    error: dict | None = None  # {"type", "message" (German), "line", "detail", "traceback"}
    end_ms: int = 0
    ended: str = "finished"  # finished | until | error | off | endless_loop | timeout

    def frame_at(self, t_ms: int) -> list[str]:
        """The display (five rows) at time ``t_ms``: the last frame recorded at or before it."""
        current = ["00000"] * 5
        for frame in self.display:
            if frame["t"] > t_ms:
                break
            current = frame["pixels"]
        return current

    def shown(self, image: str | list[str], *, since: int = 0, until: int | None = None) -> bool:
        """Whether ``image`` ("HEART", "Image.HEART", "09090:99999:..." or rows) was on the display."""
        wanted = _as_rows(image)
        return any(f["pixels"] == wanted for f in self.display
                   if f["t"] >= since and (until is None or f["t"] <= until))

    def shown_char(self, ch: str, **window) -> bool:
        """Whether the character ``ch`` (e.g. a digit from display.show(3)) was shown whole."""
        return self.shown(char_rows(ch), **window)

    def image_at(self, t_ms: int) -> str | None:
        """Name of the built-in image on the display at ``t_ms`` ("HEART"), or None."""
        return _image_names().get(":".join(self.frame_at(t_ms)))

    def images_shown(self) -> list[str]:
        """Names of the built-in images the display showed, in order (repeats collapsed)."""
        names = [_image_names().get(":".join(f["pixels"])) for f in self.display]
        return [n for i, n in enumerate(names) if n and (i == 0 or names[i - 1] != n)]

    def first_shown(self, image: str | list[str]) -> int | None:
        """Time ``image`` first appeared, or None."""
        wanted = _as_rows(image)
        return next((f["t"] for f in self.display if f["pixels"] == wanted), None)

    def lines(self) -> list[str]:
        """The printed lines (serial output), without times."""
        return [entry["line"] for entry in self.serial]

    def lines_between(self, t0: int, t1: int) -> list[str]:
        """Printed lines with ``t0 <= t <= t1``."""
        return [e["line"] for e in self.serial if t0 <= e["t"] <= t1]

    def notes(self) -> list[str]:
        """Names of the notes played ("C4", "R" for rests left out)."""
        return [m["note"] for m in self.music if "note" in m and m["note"] != "r"]

    def radio_messages(self) -> list[str]:
        """Messages sent by radio."""
        return [r["message"] for r in self.radio if "message" in r]

    def rgb_at(self, t_ms: int, pin: str = "pin_RGB") -> list[list[int]] | None:
        """The LED colours on ``pin`` at time ``t_ms`` (None before the first write)."""
        current = None
        for entry in self.rgb:
            if entry["t"] > t_ms:
                break
            if entry["pin"] == pin:
                current = entry["leds"]
        return current

    def to_dict(self) -> dict:
        """JSON-ready dict in the CLI contract's shape."""
        return asdict(self)

    def to_json(self, path: Path | None = None) -> str:
        """JSON text (also written to ``path`` if given)."""
        parts = []
        for key, value in self.to_dict().items():
            if isinstance(value, list) and value:
                items = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
                parts.append(f"{json.dumps(key)}: [\n  {items}\n ]")
            else:
                parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
        text = "{\n " + ",\n ".join(parts) + "\n}"
        if path is not None:
            Path(path).write_text(text + "\n", encoding="utf-8")
        return text

    @classmethod
    def from_json(cls, text: str) -> Trace:
        """Inverse of to_json."""
        return cls(**json.loads(text))


class Recorder:
    """Appends events to a Trace, coalescing display frames within one millisecond."""

    def __init__(self, trace: Trace) -> None:
        self.trace = trace
        self._partial = ""
        self._partial_t = 0
        self.frame = "0" * 25

    def display(self, t_ms: int, frame: str) -> None:
        """Record the display if it changed (frames in the same ms replace each other)."""
        if frame == self.frame:
            return
        self.frame = frame
        frames = self.trace.display
        if frames and frames[-1]["t"] == t_ms:
            frames.pop()
            if frames and frames[-1]["pixels"] == rows(frame):
                return
        frames.append({"t": t_ms, "pixels": rows(frame)})

    def output(self, t_ms: int, text: str, sink=None) -> None:
        """Serial text; complete lines become entries (``\\r`` dropped)."""
        if sink is not None:
            sink(text)
        text = self._partial + text.replace("\r", "")
        *lines, self._partial = text.split("\n")
        for line in lines:
            self.trace.serial.append({"t": t_ms, "line": line})

    def flush(self, t_ms: int) -> None:
        """Record a last unfinished line."""
        if self._partial:
            self.trace.serial.append({"t": t_ms, "line": self._partial})
            self._partial = ""

    def add(self, kind: str, t_ms: int, **data) -> None:
        """Append an entry to list ``kind`` (rgb, pins, music, radio, log)."""
        getattr(self.trace, kind).append({"t": t_ms, **data})
