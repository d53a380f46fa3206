"""Live data from a Calliope: a port, a parser and a clock glued together, with reconnect.

Notebook use::

    from schuelerlab.hardware import open_stream, record
    with open_stream() as s:                 # the only connected board
        for rec in s.records(seconds=10):    # Sample(time, values) or TextEvent(time, text)
            print(rec)
    df = record(seconds=10)                  # pandas DataFrame: time_s, temp, light, ...

``time`` is seconds since the stream was opened (host clock, resolution ≈5 ms). When the cable is
pulled, the status callback gets a German message; with ``reconnect=True`` the stream waits for the
same board (same USB serial number, else the same path or symlink) and carries on. Status messages
go to ``on_status`` (default: printed to stderr), never into the data.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING

from schuelerlab.hardware import ports
from schuelerlab.hardware.boards import BAUDRATE
from schuelerlab.hardware.parse import LineParser, ParseStats
from schuelerlab.hardware.records import TIME_COLUMN, Sample, TextEvent, column_name
from schuelerlab.hardware.source import Source, choose_source
from schuelerlab.hardware.transport import Connection, Disconnected, PortBusy, reopen

from schuelerlab.errors import UserError

if TYPE_CHECKING:
    import pandas

Record = Sample | TextEvent
StatusCallback = Callable[[str], None]

#: seconds between attempts to reopen a vanished port
RECONNECT_POLL_S = 0.2
#: garbage bytes without any sample before the "wrong baud rate?" hint
GARBAGE_HINT_BYTES = 200


def print_status(message: str) -> None:
    """Default status callback: the message on stderr."""
    print(message, file=sys.stderr, flush=True)


class ConnectionLost(UserError):
    """The board went away and ``reconnect`` was off."""


class Stream:
    """An open live stream from one board; use :func:`open_stream` to create it."""

    def __init__(self, *, port: str | None, baudrate: int, reconnect: bool, on_status: StatusCallback | None,
                 batch_s: float = 0.005) -> None:
        self.url = port if port is not None else ports.find_port()
        self.baudrate = baudrate
        self.reconnect = reconnect
        self.batch_s = batch_s
        self._status = on_status or print_status
        self._serial_number = None if "://" in self.url else ports.serial_number_of(self.url)
        self.parser = LineParser()
        #: the chosen board (see :func:`open_stream`); closed with the stream
        self.source: Source | None = None
        self._conn: Connection | None = Connection(self.url, baudrate=baudrate, batch_s=batch_s)
        self._t0 = self._conn.opened_at
        self._hinted_garbage = False
        self._told_busy = False
        self.disconnects = 0

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> Stream:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release the port (so mpremote, a flasher or another program can use it)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self.reconnect = False
        if self.source is not None:
            self.source.close()

    @property
    def connected(self) -> bool:
        """True while the port is open."""
        return self._conn is not None

    @property
    def stats(self) -> ParseStats:
        """The parser's counters (samples, text lines, dropped lines …)."""
        return self.parser.stats

    def elapsed(self) -> float:
        """Seconds since the stream was opened."""
        return time.monotonic() - self._t0

    # ------------------------------------------------------------------ reading
    def read(self, timeout: float = 0.5) -> list[Record]:
        """Records from the bytes that arrived within ``timeout`` s (``[]`` if none).

        Handles an unplug: reports it, then (with ``reconnect``) tries to reopen the board on
        every call. Raises ConnectionLost if the board is gone and ``reconnect`` is off.
        """
        conn = self._conn
        if conn is None:
            return self._wait_for_board(timeout)
        try:
            data = conn.read_chunk(timeout)
        except Disconnected:
            self._lost()
            return []
        if not data:
            return []
        if conn.started_mid_line:
            conn.started_mid_line = False
            self.parser.skip_partial_line()
        long_before = self.parser.stats.dropped_long
        records = self.parser.feed(data, time.monotonic() - self._t0)
        if self.parser.stats.dropped_long and not long_before:
            self._status(
                f"Vom Calliope kam eine Zeile mit mehr als {self.parser.max_line} Zeichen ohne Zeilenende; "
                "sie wurde verworfen. Beendet dein Programm jede Ausgabe mit einer neuen Zeile (print)?"
            )
        if not self._hinted_garbage:
            self._maybe_hint_garbage()
        return records

    def records(self, *, seconds: float | None = None) -> Iterator[Record]:
        """Yield records as they arrive, for ``seconds`` s or until the stream is closed."""
        deadline = None if seconds is None else time.monotonic() + seconds
        while self.reconnect or self._conn is not None:
            timeout = 0.5
            if deadline is not None:
                timeout = deadline - time.monotonic()
                if timeout <= 0:
                    return
                timeout = min(timeout, 0.5)
            yield from self.read(timeout)

    def __iter__(self) -> Iterator[Record]:
        return self.records()

    def samples(self, *, seconds: float | None = None) -> Iterator[Sample]:
        """Like :meth:`records`, but only the samples (text lines are skipped)."""
        for rec in self.records(seconds=seconds):
            if rec.__class__ is Sample:
                yield rec  # type: ignore[misc]

    # ------------------------------------------------------------------ faults
    def _lost(self) -> None:
        assert self._conn is not None
        self._conn.close()
        self._conn = None
        self.parser.reset()
        self.disconnects += 1
        if not self.reconnect:
            raise ConnectionLost(
                f"Die Verbindung zum Calliope an {self.url} ist abgebrochen (Kabel gezogen?). "
                "Stecke ihn wieder ein und starte noch einmal."
            )
        self._status(
            f"Verbindung zum Calliope an {self.url} verloren (Kabel gezogen?). Alles bis hierher ist "
            "gespeichert. Ich warte, bis er wieder eingesteckt ist … (Strg+C beendet)"
        )

    def _wait_for_board(self, timeout: float) -> list[Record]:
        if not self.reconnect:
            raise ConnectionLost(f"Die Verbindung zum Calliope an {self.url} ist geschlossen.")
        deadline = time.monotonic() + timeout
        while True:
            url = self._current_url()
            conn, err = reopen(url, baudrate=self.baudrate, batch_s=self.batch_s) if url else (None, None)
            if isinstance(err, PortBusy) and not self._told_busy:
                self._told_busy = True  # e.g. MakeCode grabbed the board while it was away
                self._status(str(err))
            if conn is not None:
                self._told_busy = False
                self._conn = conn
                self.url = url
                self._status(f"Wieder verbunden mit {url}.")
                return []
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            time.sleep(min(RECONNECT_POLL_S, remaining))

    def _current_url(self) -> str | None:
        if self._serial_number:
            return ports.find_by_serial_number(self._serial_number)
        return self.url

    def _maybe_hint_garbage(self) -> None:
        stats = self.parser.stats
        if stats.samples == 0 and stats.text_lines == 0 and (
                stats.garbage_bytes + 1024 * stats.dropped_long >= GARBAGE_HINT_BYTES):
            self._hinted_garbage = True
            self._status(
                "Vom Calliope kommen nur unlesbare Zeichen. Stimmt die Geschwindigkeit? Der Calliope "
                f"sendet mit {BAUDRATE} Baud. Drücke sonst einmal den Reset-Knopf am Calliope."
            )


def open_stream(*, port: str | None = None, baudrate: int = BAUDRATE, reconnect: bool = True,
                on_status: StatusCallback | None = None, simulator: bool | None = None) -> Stream:
    """Open a live stream from a board.

    Args:
        port: device path or pyserial URL (``webserial://``: the board connected in the browser);
            default: the only Calliope/micro:bit on this computer, else the one connected in the
            browser with ``SerialWidget``, else (in a notebook) a simulated board; the choice is
            announced through ``on_status``.
        baudrate: 115200 for the Calliope.
        reconnect: after an unplug, wait for the same board and carry on (else ConnectionLost).
        on_status: called with German status messages (default: print to stderr).
        simulator: without a board, read a simulated one (None: only in a notebook).

    Raises:
        UserError: no board, several boards, port busy or not permitted (German message).
    """
    source = choose_source(port, simulator=simulator, on_status=on_status or print_status)
    try:
        stream = Stream(port=source.url, baudrate=baudrate, reconnect=reconnect, on_status=on_status)
    except BaseException:
        source.close()
        raise
    stream.source = source
    return stream


def record(*, seconds: float, port: str | None = None, baudrate: int = BAUDRATE, reconnect: bool = True,
           on_status: StatusCallback | None = None) -> pandas.DataFrame:
    """Record ``seconds`` s of samples into a DataFrame with columns ``time_s`` and the value names.

    Ctrl-C (or the notebook's stop button) ends the recording early and returns what came so far.
    """
    rows: list[Sample] = []
    with open_stream(port=port, baudrate=baudrate, reconnect=reconnect, on_status=on_status) as stream:
        try:
            rows.extend(stream.samples(seconds=seconds))
        except KeyboardInterrupt:
            pass
    return samples_to_frame(rows)


def samples_to_frame(samples: list[Sample]) -> pandas.DataFrame:
    """A DataFrame with ``time_s`` and one column per value name (in order of first appearance)."""
    import pandas

    columns: dict[str, None] = {}
    for s in samples:
        columns.update(dict.fromkeys(s.values))
    frame = pandas.DataFrame([s.values for s in samples], columns=list(columns), dtype=float)
    frame.columns = [column_name(c) for c in frame.columns]
    frame.insert(0, TIME_COLUMN, [s.time for s in samples])
    return frame
