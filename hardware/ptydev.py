"""A device-side pseudo-terminal: the cable end of a simulated or test board.

``PtyDevice`` plays the board: the host (``schuelerlab stream``, mpremote, a notebook) opens
``device.path`` with pyserial as if it were ``/dev/ttyACM0``; the device writes what the board would
print with :meth:`PtyDevice.write` and reads what the host sent with :meth:`PtyDevice.read`.

Pitfalls handled here (see ``serial-and-repl.md`` section 6):

* the slave is put into raw mode right after ``openpty()``; a fresh pty is cooked (echo, CR/LF
  translation) and would echo device output back;
* one slave fd stays open while plugged, so the host can close and reopen the port and the master
  never reads ``EIO`` between two host sessions;
* ``/dev/pts/N`` numbers are reused, so a stable symlink ``link`` can be given; :meth:`replug`
  creates a new pty behind the same symlink, like a board that comes back on the same path;
* :meth:`pending` / :meth:`drain` tell whether the host has read what the device wrote; bytes
  still unread at :meth:`unplug` are discarded by the kernel (as with a real USB unplug);
* :meth:`unplug` closes both ends: a host reading the port gets pyserial's
  ``SerialException('device reports readiness to read but returned no data …')`` and reopening the
  path fails with ``ENOENT`` until :meth:`replug`.

The master fd is non-blocking; :meth:`write` waits (bounded by ``timeout``) while the pty buffer is
full, which is the back-pressure of a host that is not reading. POSIX only.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import select
import struct
import termios
import time
import tty
from pathlib import Path
from types import TracebackType

#: how long the host's input queue must stay empty before :meth:`PtyDevice.drain` trusts it
_SETTLE_S = 0.02


class PtyUnplugged(OSError):
    """Raised when the device is used while it is unplugged (after :meth:`PtyDevice.unplug`)."""

    def __init__(self) -> None:
        super().__init__(errno.EIO, "the simulated board is unplugged")


class PtyDevice:
    """One simulated serial device on a pseudo-terminal.

    Args:
        link: optional symlink path that always points to the current slave tty; ``path`` then
            returns the symlink (stable across :meth:`replug`). An existing file or link there is
            replaced.
    """

    def __init__(self, *, link: Path | str | None = None) -> None:
        self._link = Path(link) if link is not None else None
        self._master: int | None = None
        self._slave: int | None = None
        self._tty_path = ""
        self._closed = False
        self.replug()

    # ----------------------------------------------------------------------------- state
    @property
    def path(self) -> str:
        """The path the host opens: the symlink when one was given, else the slave tty."""
        return str(self._link) if self._link is not None else self._tty_path

    @property
    def tty_path(self) -> str:
        """The current slave tty (``/dev/pts/N``); changes on every :meth:`replug`."""
        return self._tty_path

    @property
    def plugged(self) -> bool:
        """True while the pty exists (between :meth:`replug` and :meth:`unplug`)."""
        return self._master is not None

    def fileno(self) -> int:
        """The master fd (readable when the host sent bytes), for ``select`` loops."""
        if self._master is None:
            raise PtyUnplugged()
        return self._master

    # ----------------------------------------------------------------------------- plugging
    def replug(self) -> None:
        """Create a fresh pty (raw mode) and point the symlink at it; no-op while plugged."""
        if self._closed:
            raise ValueError("PtyDevice is closed")
        if self._master is not None:
            return
        master, slave = os.openpty()
        tty.setraw(slave)  # before anyone can open it: a new pty echoes and translates CR/LF
        os.set_blocking(master, False)
        self._master, self._slave = master, slave
        self._tty_path = os.ttyname(slave)
        if self._link is not None:
            tmp = self._link.with_name(f".{self._link.name}.{os.getpid()}.tmp")
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            tmp.symlink_to(self._tty_path)
            os.replace(tmp, self._link)  # atomic: the host never sees a half-made link

    def unplug(self) -> None:
        """Pull the cable: close both ends of the pty and remove the symlink."""
        if self._link is not None:
            with contextlib.suppress(FileNotFoundError):
                if self._link.is_symlink() and os.readlink(self._link) == self._tty_path:
                    self._link.unlink()
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = None

    def close(self) -> None:
        """Unplug for good; further :meth:`replug` calls fail."""
        self.unplug()
        self._closed = True

    def __enter__(self) -> PtyDevice:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ----------------------------------------------------------------------------- I/O
    def write(self, data: bytes, *, timeout: float | None = 10.0) -> None:
        """Send ``data`` to the host as the board would print it (no CR/LF translation).

        Blocks while the pty buffer is full (the host is not reading), at most ``timeout``
        seconds (``None``: forever). Raises ``TimeoutError`` then, ``PtyUnplugged`` if unplugged.
        """
        view = memoryview(data)
        deadline = None if timeout is None else time.monotonic() + timeout
        while view:
            master = self.fileno()
            try:
                sent = os.write(master, view)
                view = view[sent:]
                continue
            except BlockingIOError:
                pass
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise TimeoutError(f"host did not read; {len(view)} bytes not sent")
            select.select([], [master], [], remaining if remaining is None else min(remaining, 0.1))

    def read(self, n: int = 4096, *, timeout: float | None = 0.0) -> bytes:
        """Return up to ``n`` bytes the host sent, waiting at most ``timeout`` seconds.

        ``b""`` means nothing arrived in time (``timeout=None`` waits until something does).
        """
        master = self.fileno()
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(master, n)
        except BlockingIOError:
            return b""
        except OSError as err:
            if err.errno == errno.EIO:
                return b""
            raise

    def pending(self) -> int:
        """Bytes written by the device that the host has not read yet (0 when unplugged)."""
        if self._slave is None:
            return 0
        raw = fcntl.ioctl(self._slave, termios.FIONREAD, b"\0\0\0\0")
        return struct.unpack("i", raw)[0]

    def drain(self, *, timeout: float = 5.0) -> bool:
        """Wait until the host has read everything written (like USB delivering the last packet).

        Returns False if bytes are still pending after ``timeout`` seconds. Call it before
        :meth:`unplug` when a test needs "every line the host received": a pty discards unread
        bytes on hangup, exactly like a USB serial port that disappears. The kernel moves written
        bytes into the host's queue asynchronously, so "empty" must hold for a short settle time.
        """
        deadline = time.monotonic() + timeout
        empty_since: float | None = None
        while True:
            now = time.monotonic()
            if self.pending():
                empty_since = None
            elif empty_since is None:
                empty_since = now
            elif now - empty_since >= _SETTLE_S:
                return True
            if now >= deadline:
                return False
            time.sleep(0.002)

    def read_until(self, marker: bytes, *, timeout: float = 5.0) -> bytes:
        """Read host bytes until ``marker`` was seen or ``timeout`` passed; return all read."""
        buf = bytearray()
        deadline = time.monotonic() + timeout
        while marker not in buf:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            buf += self.read(4096, timeout=remaining)
        return bytes(buf)
