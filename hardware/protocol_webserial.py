"""pyserial URL handler ``webserial://``: the Calliope on the browser's USB port, as a serial port.

Registered in ``serial.protocol_handler_packages`` by :mod:`schuelerlab.hardware` (STYLE R2), so
every path that opens ports by URL works unchanged: ``open_stream(port="webserial://")``, the raw-REPL
flasher (``flash(..., port="webserial://")``), ``serial.serial_for_url``. ``webserial://`` is the
newest port connected with the widget in this kernel; ``webserial://<token>`` one widget's port.
Modelled on pyserial's ``protocol_loop.py``; baud rate and lines are the browser's business.
"""

from __future__ import annotations

import errno
import time
import urllib.parse

from schuelerlab.hardware.webserial import BrowserPort, registry
from serial.serialutil import PortNotOpenError, SerialBase, SerialException

__all__ = ["Serial"]


def find_port(url: str) -> BrowserPort:
    """The browser port named by ``url``; SerialException (ENOENT) if none is connected."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "webserial":
        raise SerialException(f"expected a string in the form 'webserial://[TOKEN]', not {url!r}")
    port = registry.get(parts.netloc) if parts.netloc else registry.current()
    if port is None or not port.connected:
        raise SerialException(errno.ENOENT, "Im Browser ist kein Calliope verbunden (Web Serial).")
    return port


class Serial(SerialBase):
    """A serial port whose bytes come from (and go to) a browser tab."""

    #: seconds the round trip kernel → hub → browser → board → browser → kernel may take on a busy
    #: server; the raw-REPL client waits this much longer (see ``flash.repl.RawRepl.enter``)
    extra_latency_s = 3.0

    def open(self) -> None:
        """Take the browser port (exclusive: a second opener gets EBUSY, as a locked tty)."""
        if self._port is None:
            raise SerialException("Port must be configured before it can be used.")
        if self.is_open:
            raise SerialException("Port is already open.")
        port = find_port(self.portstr)
        if port.in_use:
            raise SerialException(errno.EBUSY, "Could not exclusively lock port: in use")
        port.open()
        self._browser = port
        self.is_open = True

    def close(self) -> None:
        """Release the browser port."""
        if self.is_open:
            self.is_open = False
            self._browser.close()

    def _reconfigure_port(self) -> None:
        """Nothing to set: the browser opened the port at the board's rate."""

    def _need(self) -> BrowserPort:
        if not self.is_open:
            raise PortNotOpenError()
        return self._browser

    @property
    def in_waiting(self) -> int:
        """Bytes received and not read yet."""
        return self._need().waiting

    def read(self, size: int = 1) -> bytes:
        """Read ``size`` bytes, or fewer when the timeout ends first (pyserial semantics)."""
        port = self._need()
        deadline = None if self._timeout is None else time.monotonic() + self._timeout
        data = bytearray()
        while len(data) < size:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                chunk = port.read(size - len(data), remaining)
            except ConnectionError as err:
                if data:
                    break
                raise SerialException(f"device disconnected: {err}") from None
            data += chunk
            if not chunk or (deadline is not None and time.monotonic() >= deadline):
                break
        return bytes(data)

    def write(self, data: bytes) -> int:
        """Send ``data`` to the board through the page."""
        port = self._need()
        try:
            return port.write(bytes(data))
        except ConnectionError as err:
            raise SerialException(f"device disconnected: {err}") from None

    def flush(self) -> None:
        """Nothing buffered here (the page writes at once)."""
        self._need()

    def reset_input_buffer(self) -> None:
        """Drop received bytes not read yet."""
        port = self._need()
        while port.waiting:
            port.read(port.waiting, 0)

    def reset_output_buffer(self) -> None:
        """Nothing buffered here."""

    @property
    def out_waiting(self) -> int:
        """Always 0: writes go to the page at once."""
        return 0

    def send_break(self, duration: float = 0.25) -> None:
        """Not supported through the browser; ignored."""

    def _update_break_state(self) -> None:
        pass

    def _update_rts_state(self) -> None:
        pass

    def _update_dtr_state(self) -> None:
        pass

    @property
    def cts(self) -> bool:
        """Always True: the browser handles flow control."""
        return True

    @property
    def dsr(self) -> bool:
        """Always True."""
        return True

    @property
    def ri(self) -> bool:
        """Always False (no ring indicator)."""
        return False

    @property
    def cd(self) -> bool:
        """Always True."""
        return True

