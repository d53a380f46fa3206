"""The keyword-only API behind ``schuelerlab stream`` and ``schuelerlab log`` (notebooks use it too).

Both run until ``seconds`` have passed (also while waiting for an unplugged board) or until Ctrl-C
(SIGINT; in a notebook the stop button), and return a :class:`Summary`. Ctrl-C only sets a flag,
so a row is never cut in half; the loop notices it within ``_TICK_S``.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from schuelerlab.hardware.boards import BAUDRATE
from schuelerlab.hardware.csvlog import CsvLogger, _fmt
from schuelerlab.hardware.parse import Sample, TextEvent
from schuelerlab.hardware.stream import StatusCallback, Stream, open_stream

_TICK_S = 0.2


@dataclass
class Summary:
    """What a stream or log session did."""

    port: str
    seconds: float
    samples: int
    text_lines: int
    dropped_lines: int
    disconnects: int
    rows: int = 0
    interrupted: bool = False

    def german(self, output: Path | None = None) -> str:
        """One German line for the end of a session."""
        where = f" in {output}" if output is not None else ""
        count = self.rows if output is not None else self.samples
        parts = [f"Fertig nach {self.seconds:.1f} s: {count} Messwerte{where}"]
        if self.text_lines:
            parts.append(f"{self.text_lines} Textzeilen")
        if self.dropped_lines:
            parts.append(f"{self.dropped_lines} unlesbare oder zu lange Zeilen verworfen")
        if self.disconnects:
            parts.append(f"{self.disconnects}× Verbindung verloren")
        return ", ".join(parts) + "."


@contextlib.contextmanager
def _stop_on_sigint() -> Iterator[threading.Event]:
    """An event set by Ctrl-C while the block runs (main thread only; elsewhere never set)."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, lambda signum, frame: stop.set())
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _run(stream: Stream, seconds: float | None, sink) -> tuple[float, bool]:  # noqa: ANN001
    """Feed batches of records to ``sink`` until the deadline or Ctrl-C; return (elapsed, interrupted)."""
    start = time.monotonic()
    deadline = None if seconds is None else start + seconds
    with _stop_on_sigint() as stop:
        while not stop.is_set():
            timeout = _TICK_S
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                timeout = min(timeout, remaining)
            records = stream.read(timeout)
            if records:
                sink(records)
        return time.monotonic() - start, stop.is_set()


def _summary(stream: Stream, elapsed: float, interrupted: bool, rows: int = 0) -> Summary:
    st = stream.stats
    return Summary(port=stream.url, seconds=elapsed, samples=st.samples, text_lines=st.text_lines,
                   dropped_lines=st.dropped, disconnects=stream.disconnects, rows=rows,
                   interrupted=interrupted)


def format_record(rec: Sample | TextEvent) -> str:
    """One readable line: ``  12.345 s  temp=21.5  light=128`` or ``  12.400 s  Text: Hallo``."""
    if rec.__class__ is Sample:
        values = "  ".join(f"{k}={_fmt(v)}" for k, v in rec.values.items())  # type: ignore[union-attr]
        return f"{rec.time:9.3f} s  {values}"
    return f"{rec.time:9.3f} s  Text: {rec.text}"  # type: ignore[union-attr]


def stream_lines(*, port: str | None = None, seconds: float | None = None, baudrate: int = BAUDRATE,
                 text: bool = True, out: TextIO | None = None,
                 on_status: StatusCallback | None = None) -> Summary:
    """Print every sample (and text line, unless ``text=False``) as it arrives.

    Args:
        port: device path or pyserial URL; default: the only connected board.
        seconds: stop after this many seconds (default: until Ctrl-C).
        out: where the lines go (default: stdout).
    """
    dest = out if out is not None else sys.stdout

    def sink(records: list[Sample | TextEvent]) -> None:
        lines = [format_record(r) for r in records if text or r.__class__ is Sample]
        if lines:
            dest.write("\n".join(lines) + "\n")
            dest.flush()

    with open_stream(port=port, baudrate=baudrate, on_status=on_status) as stream:
        _status(on_status, f"Verbunden mit {stream.url}. Strg+C beendet.")
        elapsed, interrupted = _run(stream, seconds, sink)
        return _summary(stream, elapsed, interrupted)


def log_csv(*, output: Path | str, port: str | None = None, seconds: float | None = None,
            excel_de: bool = False, baudrate: int = BAUDRATE,
            on_status: StatusCallback | None = None) -> Summary:
    """Write every sample as a row of the CSV file ``output`` (header ``time_s,<names>``).

    Args:
        output: the CSV file (replaced if it exists).
        port: device path or pyserial URL; default: the only connected board.
        seconds: stop after this many seconds, also while waiting for an unplugged board.
        excel_de: ``;`` and decimal comma for German spreadsheet programs.
    """
    with open_stream(port=port, baudrate=baudrate, on_status=on_status) as stream, \
            CsvLogger(output, excel_de=excel_de) as logger:
        _status(on_status, f"Verbunden mit {stream.url}. Schreibe nach {output}. Strg+C beendet.")
        elapsed, interrupted = _run(stream, seconds, logger.write)
        return _summary(stream, elapsed, interrupted, rows=logger.rows)


def _status(on_status: StatusCallback | None, message: str) -> None:
    if on_status is not None:
        on_status(message)
    else:
        print(message, file=sys.stderr, flush=True)
