"""Bytes in from a serial port: open by URL or path, read in chunks, notice an unplug, reopen.

Every port opens the same way, ``serial.serial_for_url(url, exclusive=True)``: a device path
(``/dev/ttyACM0``, ``COM3``, a pty or its symlink), ``socket://host:port`` (the TCP simulator),
``rfc2217://``, ``loop://``. Opening errors become German ``UserError`` messages naming the next step.

Reading is chunked, never ``readline()`` (pyserial does one select+read per byte there): on native
POSIX ports ``select`` + ``os.read`` on the fd, elsewhere ``read(in_waiting or 1)``. When a wake-up
brings only a little data, the reader waits ``batch_s`` (5 ms) and takes what arrived meanwhile:
at the board's 1047 lines/s that is ~5 lines per wake-up instead of one, which keeps the CPU cost of
a live stream low; during a flood every read is full anyway.
"""

from __future__ import annotations

import errno
import os
import select
import sys
import time

import serial
from schuelerlab.hardware.boards import BAUDRATE

from schuelerlab.errors import UserError

#: a wake-up bringing fewer bytes than this waits ``batch_s`` for more
_SMALL_READ = 512
#: data arriving this soon after opening may be the tail of a line cut by the open
_MID_LINE_S = 0.01


class Disconnected(Exception):
    """The port went away while open (cable pulled, board reset, simulator stopped)."""


def _busy_message(url: str) -> str:
    return (
        f"Der Calliope an {url} wird gerade von einem anderen Programm benutzt. Schließe das andere "
        "Programm oder Notebook (MakeCode, Mu, Thonny, ein zweites 'schuelerlab stream') und versuche "
        "es noch einmal."
    )


def open_error(url: str, err: Exception) -> UserError:
    """Translate a pyserial/OS error from opening ``url`` into a German UserError."""
    code = getattr(err, "errno", None)
    text = str(err)
    if code in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EBUSY) or "exclusively lock" in text:
        return UserError(_busy_message(url))
    if code in (errno.EACCES, errno.EPERM):
        hint = (
            " Unter Linux muss dein Benutzer in der Gruppe 'dialout' sein "
            "(sudo usermod -aG dialout $USER, danach ab- und wieder anmelden)."
            if sys.platform.startswith("linux") else ""
        )
        return UserError(f"Keine Berechtigung, {url} zu öffnen.{hint}")
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        return UserError(
            f"Den Anschluss {url} gibt es nicht. Ist der Calliope eingesteckt? "
            "'schuelerlab ports' zeigt die angeschlossenen Boards."
        )
    if code == errno.ENOTTY or "Inappropriate ioctl" in text:
        return UserError(f"{url} ist kein serieller Anschluss. 'schuelerlab ports' zeigt die Boards.")
    if "Connection refused" in text or code == errno.ECONNREFUSED:
        return UserError(f"Unter {url} antwortet niemand. Läuft der Simulator? Prüfe Adresse und Port.")
    return UserError(f"Der Anschluss {url} ließ sich nicht öffnen ({text}). Prüfe Kabel und Namen.")


def open_serial(url: str, *, baudrate: int = BAUDRATE, timeout: float | None = 0.5) -> serial.SerialBase:
    """Open ``url`` exclusively at ``baudrate`` (8N1); raise a German UserError if that fails."""
    try:
        port = serial.serial_for_url(url, do_not_open=True, baudrate=baudrate, exclusive=True,
                                     timeout=timeout)
    except (ValueError, serial.SerialException) as err:
        raise UserError(f"'{url}' ist kein gültiger Anschluss ({err}).") from err
    try:
        port.open()
    except (serial.SerialException, OSError) as err:
        raise open_error(url, err) from err
    return port


class Connection:
    """One open port with a chunked, low-CPU reader.

    Args:
        url: what to open (path or pyserial URL).
        baudrate: 115200 for the Calliope.
        batch_s: how long a small wake-up waits for more bytes (0 disables batching).
    """

    def __init__(self, url: str, *, baudrate: int = BAUDRATE, batch_s: float = 0.005) -> None:
        self.url = url
        self.batch_s = batch_s
        self.port = open_serial(url, baudrate=baudrate)
        self.opened_at = time.monotonic()
        fd = getattr(self.port, "fd", None)
        self._fd: int | None = fd if isinstance(self.port, serial.Serial) and isinstance(fd, int) else None
        self._first = True
        #: True when the first bytes were already waiting at the open (a line may have been cut)
        self.started_mid_line = False
        self.bytes_read = 0

    def close(self) -> None:
        """Close the port (errors of a vanished device are ignored)."""
        try:
            self.port.close()
        except (OSError, serial.SerialException):
            pass

    def read_chunk(self, timeout: float) -> bytes:
        """Bytes that arrived, waiting at most ``timeout`` s; ``b""`` if none. Raises Disconnected."""
        try:
            data = self._read_fd(timeout) if self._fd is not None else self._read_generic(timeout)
        except (serial.SerialException, OSError) as err:
            raise Disconnected(str(err)) from err
        self.bytes_read += len(data)
        return data

    def _note_first(self, ready_immediately: bool) -> None:
        if self._first:
            self._first = False
            self.started_mid_line = ready_immediately or time.monotonic() - self.opened_at < _MID_LINE_S

    def _read_fd(self, timeout: float) -> bytes:
        fd = self._fd
        assert fd is not None
        ready, _, _ = select.select([fd], [], [], 0)
        immediately = bool(ready)
        if not ready:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                return b""
        self._note_first(immediately)
        data = os.read(fd, 65536)
        if not data:
            raise Disconnected("device reports readiness to read but returned no data")
        if len(data) < _SMALL_READ and self.batch_s:
            time.sleep(self.batch_s)
            ready, _, _ = select.select([fd], [], [], 0)
            if ready:
                more = os.read(fd, 65536)
                if not more:
                    raise Disconnected("device disconnected")
                data += more
        return data

    def _read_generic(self, timeout: float) -> bytes:
        port = self.port
        waiting = port.in_waiting
        immediately = waiting > 0
        if not waiting:
            port.timeout = timeout
            data = port.read(1)
            if not data:
                return b""
            if len(data) < _SMALL_READ and self.batch_s:
                time.sleep(self.batch_s)
            waiting = port.in_waiting
        else:
            data = b""
        self._note_first(immediately)
        if waiting:
            data += port.read(waiting)
        return data


def reopen(url: str, *, baudrate: int = BAUDRATE, batch_s: float = 0.005) -> Connection | None:
    """Try once to open ``url`` again after an unplug; None while it is not (yet) usable."""
    try:
        return Connection(url, baudrate=baudrate, batch_s=batch_s)
    except UserError:
        return None
