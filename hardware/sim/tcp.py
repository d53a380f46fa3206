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
                self._drop_client()

    def _drop_client(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(OSError):
                client.close()

    def _serve(self) -> None:
        sel = selectors.DefaultSelector()
        sel.register(self._server, selectors.EVENT_READ)
        try:
            while not self._closed:
                for key, _ in sel.select(timeout=0.2):
                    if key.fileobj is self._server:
                        self._accept(sel)
                    else:
                        self._receive(sel, key.fileobj)
        except (OSError, ValueError):
            pass  # server socket closed
        finally:
            sel.close()

    def _accept(self, sel: selectors.BaseSelector) -> None:
        conn, _ = self._server.accept()
        if self._client is not None:
            conn.close()  # busy: one client at a time
            return
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.settimeout(SEND_TIMEOUT_S)
        with self._lock:
            self._client = conn
        sel.register(conn, selectors.EVENT_READ)

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
                self._drop_client()

    def close(self) -> None:
        """Disconnect the client and stop listening."""
        self._closed = True
        with self._lock:
            self._drop_client()
        with contextlib.suppress(OSError):
            self._server.close()
        self._thread.join(timeout=2)
