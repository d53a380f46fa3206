"""The simulated board's TCP face: ``socket://127.0.0.1:PORT`` for systems without ptys.

One client at a time (a second one is turned away, as a serial port that is already open);
``TCP_NODELAY`` is set, because without it a 13.9 KB ``mpremote fs cp`` took 3.8 s instead of 1.3 s
(``serial-and-repl.md`` §6). Output while no client is connected is dropped, as a USB serial port
does when no program has it open.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from collections.abc import Callable

SEND_TIMEOUT_S = 5.0


class TcpDevice:
    """A TCP server on 127.0.0.1 that feeds received bytes to ``on_receive``.

    Args:
        on_receive: called (from the server thread) with every chunk a client sends.
        port: TCP port; 0 picks a free one (see :attr:`port`).
    """

    def __init__(self, *, on_receive: Callable[[bytes], None], port: int = 0) -> None:
        self._on_receive = on_receive
        self._server = socket.create_server(("127.0.0.1", port))
        self.port: int = self._server.getsockname()[1]
        self._client: socket.socket | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._serve, name="simserial-tcp", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The pyserial/mpremote URL of this device."""
        return f"socket://127.0.0.1:{self.port}"

    @property
    def connected(self) -> bool:
        """True while a client is connected."""
        return self._client is not None

    def send(self, data: bytes) -> None:
        """Send device output to the client (dropped when none is connected or it stalls)."""
        with self._lock:
            client = self._client
            if client is None:
                return
            try:
                client.sendall(data)
            except OSError:
                # the server thread sees the shutdown as end of stream and cleans up
                with contextlib.suppress(OSError):
                    client.shutdown(socket.SHUT_RDWR)

    def _serve(self) -> None:
        sel = selectors.DefaultSelector()
        sel.register(self._server, selectors.EVENT_READ)
        try:
            while not self._closed:
                try:
                    events = sel.select(timeout=0.2)
                except (OSError, ValueError):
                    return  # server socket closed
                for key, _ in events:
                    if key.fileobj is self._server:
                        self._accept(sel)
                    else:
                        self._receive(sel, key.fileobj)
        finally:
            sel.close()

    def _accept(self, sel: selectors.BaseSelector) -> None:
        try:
            conn, _ = self._server.accept()
        except OSError:
            return
        if self._client is not None:
            conn.close()  # busy: one client at a time
            return
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.settimeout(SEND_TIMEOUT_S)
        sel.register(conn, selectors.EVENT_READ)
        with self._lock:
            self._client = conn

    def _receive(self, sel: selectors.BaseSelector, conn: socket.socket) -> None:
        try:
            data = conn.recv(4096)
        except OSError:
            data = b""
        if data:
            self._on_receive(data)
            return
        sel.unregister(conn)
        with self._lock:
            if self._client is conn:
                self._client = None
        with contextlib.suppress(OSError):
            conn.close()

    def close(self) -> None:
        """Disconnect the client and stop listening."""
        self._closed = True
        self._thread.join(timeout=2)
        with self._lock:
            client, self._client = self._client, None
        for sock in (client, self._server):
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.close()
