"""Bytes from a board -> ``Sample`` and ``TextEvent`` records. Pure: no I/O, no clock.

``LineParser.feed(data, time)`` accepts every format classroom tools print (``calliope.md`` §10):

* MakeCode / Arduino ``name:value``, also padded with spaces to 32 bytes, and several pairs per line
  (``temp:21,light:128``, ``temp:21 light:128``, tab-separated);
* Mu tuples ``(21, 128)`` (non-numeric fields are skipped, as Mu does);
* CSV with or without a header line (``t_ms,temp,light`` then ``1234,21,128``), also the V3 ``log``
  mirror (``Time (seconds),temp,light``), ``;``-separated lines with decimal commas, and Arduino-plotter
  lines separated by spaces or tabs (``21 128``);
* a single number per line.

Unnamed values are called ``wert1``, ``wert2`` … by position (stable for the whole stream). A CSV
header (at least two comma/tab/semicolon-separated names, none numeric) names the values of the
following rows that have the same number of fields. ``nan``/``inf`` are never values.

Robustness: ``\\r\\n``, ``\\n`` and ``\\r`` all end a line; an unfinished line waits for more bytes; a
line longer than ``max_line`` bytes (also a flood without newline) is dropped and counted, and
parsing resumes after its next line end. Lines with invalid UTF-8 or control characters are
garbage: counted, never a sample; the line right after a garbage line is dropped too (its start is
not trustworthy after a glitch; "resync"). Other non-numeric lines become ``TextEvent``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: longest line (bytes, without line end) that is parsed; longer ones are dropped and counted
MAX_LINE = 1024
#: longest value name accepted from ``name:value`` or a header
MAX_NAME = 40
_NAME_RE = re.compile(r"[^\W\d][\w .()/%°\-\[\]]*")
_PAIR_SPLIT = re.compile(r"[,;\t]")
_NUMBER_START = frozenset("0123456789+-.")


@dataclass(frozen=True, slots=True)
class Sample:
    """One set of measured values.

    ``time`` is seconds since the stream started (host clock, given by the caller);
    ``values`` maps value names (``temp``, ``wert1`` …) to numbers.
    """

    time: float
    values: dict[str, float]


@dataclass(frozen=True, slots=True)
class TextEvent:
    """A line that is readable text but no measurement (``Hallo``, a traceback, ``>>>``)."""

    time: float
    text: str


@dataclass
class ParseStats:
    """Counters of what the parser saw; nothing is silently lost."""

    lines: int = 0  # complete lines seen (empty lines excluded)
    samples: int = 0
    text_lines: int = 0
    headers: int = 0
    dropped_long: int = 0  # lines longer than max_line (floods)
    garbage_lines: int = 0  # invalid UTF-8 or control characters
    invalid_utf8: int = 0
    garbage_bytes: int = 0
    resync_dropped: int = 0  # lines dropped right after garbage

    @property
    def dropped(self) -> int:
        """All lines that were received but gave no record."""
        return self.dropped_long + self.garbage_lines + self.resync_dropped


def _default_names(n: int, _cache: dict[int, tuple[str, ...]] = {}) -> tuple[str, ...]:  # noqa: B006
    names = _cache.get(n)
    if names is None:
        names = _cache[n] = tuple(f"wert{i}" for i in range(1, n + 1))
    return names


def _finite(v: float) -> bool:
    return v - v == 0.0  # False for nan and ±inf


def _looks_numeric(text: str) -> bool:
    if not text or text[0] not in _NUMBER_START:
        return False
    try:
        float(text)
    except ValueError:
        return False
    return True


#: first column of every table made from samples (CSV file, DataFrame)
TIME_COLUMN = "time_s"


def column_name(name: str) -> str:
    """Table column for a value name; a value called ``time_s`` must not hide the time column."""
    return f"{name} (Calliope)" if name == TIME_COLUMN else name


_KNOWN_NAMES: set[str] = set()


def _is_name(text: str) -> bool:
    if text in _KNOWN_NAMES:
        return True
    ok = 0 < len(text) <= MAX_NAME and _NAME_RE.fullmatch(text) is not None
    if ok and len(_KNOWN_NAMES) < 4096:
        _KNOWN_NAMES.add(text)
    return ok


class LineParser:
    """Incremental parser: feed it chunks of bytes as they arrive, get records back.

    Args:
        max_line: longest accepted line in bytes; longer lines are dropped and counted.
        skip_partial_first_line: drop everything up to the first line end (use when the stream
            may have started in the middle of a line).
    """

    def __init__(self, *, max_line: int = MAX_LINE, skip_partial_first_line: bool = False) -> None:
        self.max_line = max_line
        self.stats = ParseStats()
        self.header: tuple[str, ...] | None = None
        self._pending = b""
        self._discarding = skip_partial_first_line
        self._resync = False

    def skip_partial_line(self) -> None:
        """Drop bytes until the next line end (after opening or reconnecting mid-line)."""
        self._pending = b""
        self._discarding = True

    def reset(self) -> None:
        """Forget an unfinished line (the connection was lost); the header is kept."""
        self._pending = b""
        self._resync = False

    # ------------------------------------------------------------------ bytes -> lines
    def feed(self, data: bytes, time: float) -> list[Sample | TextEvent]:
        """Parse ``data`` (any chunk size); return the records of every line it completes."""
        buf = self._pending + data if self._pending else data
        if not buf:
            return []
        if self._discarding:
            buf = self._discard_until_line_end(buf)
            if not buf:
                return []
        lines = buf.splitlines()
        if buf[-1] not in (10, 13):
            self._pending = lines.pop()
            if len(self._pending) > self.max_line:
                self.stats.dropped_long += 1
                self._pending = b""
                self._discarding = True
        else:
            self._pending = b""
        return self._parse_lines(lines, time)

    def _discard_until_line_end(self, buf: bytes) -> bytes:
        ends = [i for i in (buf.find(b"\n"), buf.find(b"\r")) if i >= 0]
        if not ends:
            self._pending = b""
            return b""
        self._discarding = False
        return buf[min(ends) + 1 :]

    def _parse_lines(self, lines: list[bytes], time: float) -> list[Sample | TextEvent]:
        out: list[Sample | TextEvent] = []
        stats = self.stats
        max_line = self.max_line
        for raw in lines:
            if not raw:
                continue
            stats.lines += 1
            if len(raw) > max_line:
                stats.dropped_long += 1
                continue
            try:
                text = raw.decode()
            except UnicodeDecodeError:
                stats.invalid_utf8 += 1
                self._garbage(len(raw))
                continue
            text = text.strip()
            if not text:
                stats.lines -= 1
                continue
            if not text.isprintable() and not text.replace("\t", " ").isprintable():
                self._garbage(len(raw))
                continue
            record = self._parse_text(text, time)
            if record is None:
                continue
            if self._resync:
                self._resync = False
                if record.__class__ is Sample:
                    stats.resync_dropped += 1
                    continue
            if record.__class__ is Sample:
                stats.samples += 1
            else:
                stats.text_lines += 1
            out.append(record)
        return out

    def _garbage(self, nbytes: int) -> None:
        self.stats.garbage_lines += 1
        self.stats.garbage_bytes += nbytes
        self._resync = True

    # ------------------------------------------------------------------ line -> record
    def _parse_text(self, text: str, time: float) -> Sample | TextEvent | None:
        if ":" in text:
            values = self._parse_pairs(text)
        elif text[0] == "(" and text[-1] == ")":
            values = self._parse_tuple(text)
        else:
            values = self._parse_fields(text)
            if values is None and self._maybe_header(text):
                return None
        if values is None:
            return TextEvent(time, text)
        return Sample(time, values)

    def _parse_pairs(self, text: str) -> dict[str, float] | None:
        name, _, value = text.partition(":")
        if ":" not in value:  # the common single pair, e.g. MakeCode ``temp:21`` + padding
            try:
                v = float(value)
            except ValueError:
                return None
            name = name.strip()
            if not _finite(v) or not _is_name(name):
                return None
            return {name: v}
        parts = _PAIR_SPLIT.split(text)
        if len(parts) == 1:
            parts = text.split()
        values: dict[str, float] = {}
        for part in parts:
            name, sep, value = part.partition(":")
            name = name.strip()
            try:
                v = float(value)
            except ValueError:
                return None
            if not sep or not _finite(v) or not _is_name(name):
                return None
            values[name] = v
        return values

    def _parse_tuple(self, text: str) -> dict[str, float] | None:
        numbers: list[float] = []
        for field_ in text[1:-1].split(","):
            try:
                v = float(field_)
            except ValueError:
                continue  # Mu skips non-numeric fields
            if _finite(v):
                numbers.append(v)
        if not numbers:
            return None
        return dict(zip(_default_names(len(numbers)), numbers, strict=True))

    def _split_fields(self, text: str) -> list[str]:
        if ";" in text:
            return [f.replace(",", ".") for f in text.split(";")]
        if "," in text:
            return text.split(",")
        return text.split()

    def _parse_fields(self, text: str) -> dict[str, float] | None:
        fields = self._split_fields(text)
        try:
            numbers = [float(f) for f in fields]
        except ValueError:
            return self._parse_fields_with_gaps(fields)
        if not all(map(_finite, numbers)):
            return None
        return dict(zip(self._names_for(len(numbers)), numbers, strict=True))

    def _parse_fields_with_gaps(self, fields: list[str]) -> dict[str, float] | None:
        """CSV rows with empty cells (``1,,3``): the empty cells are simply missing values."""
        stripped = [f.strip() for f in fields]
        if all(stripped) or not any(stripped):
            return None
        names = self._names_for(len(fields))
        values: dict[str, float] = {}
        for name, cell in zip(names, stripped, strict=True):
            if not cell:
                continue
            try:
                v = float(cell)
            except ValueError:
                return None
            if not _finite(v):
                return None
            values[name] = v
        return values

    def _names_for(self, n: int) -> tuple[str, ...]:
        header = self.header
        if header is not None and len(header) == n:
            return header
        return _default_names(n)

    def _maybe_header(self, text: str) -> bool:
        if not any(sep in text for sep in ",;\t"):
            return False
        names = [f.strip() for f in _PAIR_SPLIT.split(text)]
        if len(names) < 2 or len(set(names)) != len(names):
            return False
        if not all(_is_name(n) for n in names):
            return False
        self.header = tuple(names)
        self.stats.headers += 1
        return True
