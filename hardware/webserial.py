"""Bytes from a Calliope on the browser's USB port (Web Serial) into the kernel, even while a cell runs.

The board hangs on the child's computer, the kernel runs on the hub: pyserial in the kernel cannot
see the port, the browser can (Chrome/Edge ``navigator.serial``). The widget
(:mod:`.webserial_widget`) reads the port in the page and sends the bytes here.

The busy-kernel problem: widget (comm) messages travel on the kernel's *shell* channel, which is
handled only between cell executions, so a cell recording for 10 s would see nothing. The page
therefore opens its own kernel websocket and sends the bytes as ``schuelerlab_serial`` requests on
the *control* channel; ipykernel (≥ 6) handles the control channel in its own thread, also while a
cell runs (this is how interrupts and the debugger get through). :func:`install_control_handler`
registers the handler. The page batches bytes for 10 ms and keeps at most 8 requests unanswered
(back-pressure); the control channel handles them one at a time, in order.

:class:`BrowserPort` is the kernel side of one browser port: a byte queue that the pyserial URL
handler ``webserial://`` (:mod:`.protocol_webserial`) reads like any serial port, and a write path
back to the page. :data:`registry` knows the ports of this kernel; the newest connected one is
``webserial://``.
"""

from __future__ import annotations

import base64
import collections
import threading
import time
from collections.abc import Callable

#: the control-channel message type the page sends (and ``..._reply`` back)
MSG_TYPE = "schuelerlab_serial"
#: unread bytes kept at most while the kernel does not read (older ones are dropped and counted)
MAX_BACKLOG = 1 << 20
#: latency samples kept (seconds from the browser reading a chunk to the kernel handing it out)
MAX_LATENCIES = 100_000


class BrowserPort:
    """The kernel side of one serial port opened in the browser.

    Args:
        token: the secret the page sends with its data (routes it to this port).
        send: sends a message to the page (the widget's comm), used for writing to the board.
    """

    def __init__(self, token: str, send: Callable[[dict], None]) -> None:
        self.token = token
        self._send = send
        self._cond = threading.Condition()
        self._chunks: collections.deque[tuple[bytes, float]] = collections.deque()
        self._size = 0
        self.connected = False
        self.in_use = False
        self.dropped_bytes = 0
        self.bytes_received = 0
        self.latencies: collections.deque[float] = collections.deque(maxlen=MAX_LATENCIES)
        #: seconds from the browser reading a chunk to its arrival in the kernel (before any reader)
        self.transit: collections.deque[float] = collections.deque(maxlen=MAX_LATENCIES)

    # -- from the page (control thread) -------------------------------------------------------
    def deliver(self, content: dict) -> None:
        """One request from the page: ``{"event": "data", "data": b64, "t": ms}``, ``open`` or ``close``."""
        event = content.get("event")
        if event == "open":
            self.connected = True
        elif event == "close":
            with self._cond:
                self.connected = False
                self._cond.notify_all()
        elif event == "data":
            self.connected = True
            self.feed(base64.b64decode(content.get("data") or ""), float(content.get("t") or 0) / 1000)

    def feed(self, data: bytes, sent_at: float = 0.0) -> None:
        """Queue bytes read by the browser at wall-clock time ``sent_at`` (0: unknown)."""
        if not data:
            return
        with self._cond:
            self.bytes_received += len(data)
            if sent_at:
                self.transit.append(time.time() - sent_at)
            if not self.in_use:  # nobody has the port open: dropped, as a USB port does
                return
            self._chunks.append((data, sent_at))
            self._size += len(data)
            while self._size > MAX_BACKLOG:
                old, _ = self._chunks.popleft()
                self._size -= len(old)
                self.dropped_bytes += len(old)
            self._cond.notify_all()

    # -- for the pyserial handler (kernel threads) ----------------------------------------------
    def open(self) -> None:
        """Start taking bytes (earlier ones are gone, as on a port nobody had open)."""
        with self._cond:
            self.in_use = True
            self._chunks.clear()
            self._size = 0

    def close(self) -> None:
        """Stop taking bytes."""
        with self._cond:
            self.in_use = False
            self._chunks.clear()
            self._size = 0
            self._cond.notify_all()

    @property
    def waiting(self) -> int:
        """Bytes queued for reading."""
        return self._size

    def read(self, size: int, timeout: float | None) -> bytes:
        """Up to ``size`` queued bytes, waiting at most ``timeout`` s for the first (None: forever).

        Raises ConnectionError when the page closed the port (or the page is gone) and nothing is left.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while not self._chunks:
                if not self.connected:
                    raise ConnectionError("Web-Serial-Anschluss im Browser geschlossen")
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return b""
                self._cond.wait(remaining)
            out = bytearray()
            now = time.time()
            while self._chunks and len(out) < size:
                data, sent_at = self._chunks.popleft()
                take = size - len(out)
                whole = len(data) <= take
                if not whole:
                    self._chunks.appendleft((data[take:], sent_at))
                    data = data[:take]
                out += data
                self._size -= len(data)
                if sent_at and whole:  # a chunk's latency counts once, when its last byte is handed out
                    self.latencies.append(now - sent_at)
            return bytes(out)

    def write(self, data: bytes) -> int:
        """Send ``data`` to the board through the page; raises ConnectionError if it is not connected."""
        if not self.connected:
            raise ConnectionError("Web-Serial-Anschluss im Browser geschlossen")
        self._send({"type": "write", "data": base64.b64encode(data).decode("ascii")})
        return len(data)


class Registry:
    """The browser ports of this kernel; the newest connected one is the default."""

    def __init__(self) -> None:
        self._ports: dict[str, BrowserPort] = {}
        self._lock = threading.Lock()
        #: the child chose the simulator in the widget (a browser without Web Serial)
        self.simulator_wanted = False

    def add(self, port: BrowserPort) -> None:
        """Know ``port`` (its page can now send data)."""
        with self._lock:
            self._ports[port.token] = port

    def remove(self, port: BrowserPort) -> None:
        """Forget ``port`` (its widget was closed)."""
        with self._lock:
            self._ports.pop(port.token, None)
        port.close()

    def get(self, token: str | None) -> BrowserPort | None:
        """The port with this token."""
        with self._lock:
            return self._ports.get(token or "")

    def current(self) -> BrowserPort | None:
        """The newest port whose page has a board connected, or None."""
        with self._lock:
            connected = [p for p in self._ports.values() if p.connected]
        return connected[-1] if connected else None


registry = Registry()


def handle_request(content: dict) -> dict:
    """Route one request from a page to its port; the reply's content."""
    port = registry.get(content.get("token"))
    if port is None:
        return {"status": "error", "reason": "unknown token"}
    port.deliver(content)
    return {"status": "ok"}


def install_control_handler(kernel: object | None = None) -> bool:
    """Register the ``schuelerlab_serial`` handler on the kernel's control channel (idempotent).

    Returns False outside an ipykernel (plain Python, terminal IPython).
    """
    if kernel is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
        kernel = getattr(shell, "kernel", None)
    handlers = getattr(kernel, "control_handlers", None)
    if not isinstance(handlers, dict):
        return False
    if MSG_TYPE not in handlers:
        def handler(stream, idents, msg) -> None:
            reply = handle_request(msg.get("content") or {})
            kernel.session.send(stream, MSG_TYPE + "_reply", reply, parent=msg, ident=idents)

        handlers[MSG_TYPE] = handler
    return True


def kernel_id() -> str:
    """The id of the running kernel (from its connection file ``kernel-<id>.json``), or ``""``."""
    try:
        from ipykernel.connect import get_connection_file

        name = get_connection_file().rsplit("/", 1)[-1]
    except Exception:  # noqa: BLE001 - not in a kernel
        return ""
    if name.startswith("kernel-") and name.endswith(".json"):
        return name[len("kernel-"):-len(".json")]
    return ""
