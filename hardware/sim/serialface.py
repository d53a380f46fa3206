"""The simulated Calliope as a serial device: a pty (stable symlink) and/or a TCP port.

``SimulatedSerialBoard`` wires the REPL (:mod:`.repl`), the simulator's live MicroPython VM
(:mod:`.liveexec`), the flat file system (:mod:`.flatfs`) and the devices
(:class:`~schuelerlab.hardware.ptydev.PtyDevice`, :class:`.tcp.TcpDevice`).
``schuelerlab stream``, mpremote and pyserial talk to it unchanged::

    with SimulatedSerialBoard(program=Path("main.py"), link=Path("/tmp/calliope")) as board:
        subprocess.run(["mpremote", "connect", board.path, "exec", "print(1+2)"], timeout=30)
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType

from schuelerlab.hardware.boards import board_profile
from schuelerlab.hardware.sim.flatfs import FlatFS
from schuelerlab.hardware.sim.liveexec import LiveExecutor
from schuelerlab.hardware.sim.repl import Repl
from schuelerlab.hardware.sim.scenario import Scenario
from schuelerlab.hardware.sim.tcp import TcpDevice

from schuelerlab.errors import UserError

#: unread bytes in the pty above which nobody is reading: output is dropped like on a real board
PTY_BACKLOG_LIMIT = 8192
PTY_WRITE_TIMEOUT_S = 2.0


def pty_supported() -> bool:
    """True where pseudo-terminals exist (Linux, macOS); elsewhere only TCP is offered."""
    return hasattr(os, "openpty")


def _open_pty(link: Path | str | None):  # -> PtyDevice (imported lazily: POSIX only)
    from schuelerlab.hardware.ptydev import PtyDevice

    if link is not None and Path(link).exists() and not Path(link).is_symlink():
        raise UserError(f"{link} ist eine echte Datei. Wähle für --link einen anderen Namen, "
                        "z. B. /tmp/calliope.")
    return PtyDevice(link=link)


def _open_tcp(on_receive, port: int) -> TcpDevice:
    try:
        return TcpDevice(on_receive=on_receive, port=port)
    except OSError as err:
        raise UserError(f"Der TCP-Port {port} ist nicht frei ({err.strerror}). Lass --tcp ohne Zahl, "
                        "dann wird ein freier Port gewählt.") from None


class SimulatedSerialBoard:
    """A simulated Calliope on a serial port (context manager; starts at once).

    Args:
        program: a MicroPython file stored as ``main.py`` in the board's file system (runs at boot).
        board: ``mini3`` or ``mini2`` (persona: banner, raw-paste, ``os`` functions, fs size).
        link: symlink path for the pty (a stable name, e.g. ``/tmp/calliope``).
        pty: provide a pseudo-terminal (POSIX only).
        tcp_port: also serve ``socket://127.0.0.1:PORT`` (0 = any free port; None = no TCP).
        files_dir: host folder holding the board's files (default: a temporary folder).
        scenario: sensor values, button presses, ... of the simulator (times count from each boot).
    """

    def __init__(self, *, program: Path | str | None = None, board: str = "mini3",
                 link: Path | str | None = None, pty: bool = True, tcp_port: int | None = None,
                 files_dir: Path | str | None = None, scenario: Scenario | None = None) -> None:
        try:
            self.profile = board_profile(board)
        except ValueError as err:
            raise UserError(str(err)) from None
        self._tmp = None if files_dir else Path(tempfile.mkdtemp(prefix="simserial-fs-"))
        self.fs = FlatFS(Path(files_dir or self._tmp), capacity_bytes=self.profile.fs_bytes)
        if program is not None:
            self._install_program(Path(program))
        self._closed = False
        self.pty = _open_pty(link) if pty else None
        self.tcp: TcpDevice | None = None
        self.repl: Repl | None = None
        self.executor: LiveExecutor | None = None
        try:
            self.tcp = _open_tcp(self._feed, tcp_port) if tcp_port is not None else None
            self.executor = LiveExecutor(profile=self.profile, fs=self.fs, on_output=self._output,
                                         scenario=scenario)
            self.repl = Repl(self.profile, self.executor, write=self._send, main_source=self._main_source)
        except BaseException:
            self.close()
            raise
        self._pump = threading.Thread(target=self._pty_pump, name="simserial-pty", daemon=True)
        self._pump.start()
        self.repl.start()

    # -- public ------------------------------------------------------------------------------
    @property
    def path(self) -> str | None:
        """The pty path a host opens (the symlink if one was given), or None."""
        return self.pty.path if self.pty else None

    @property
    def url(self) -> str:
        """A URL for pyserial's ``serial_for_url`` and mpremote: the pty path, else the TCP URL."""
        if self.pty:
            return self.pty.path
        assert self.tcp is not None
        return self.tcp.url

    def describe(self) -> str:
        """Where the board is, e.g. ``/tmp/calliope (socket://127.0.0.1:4711)``."""
        parts = [self.pty.path] if self.pty else []
        if self.tcp:
            parts.append(f"({self.tcp.url})" if parts else self.tcp.url)
        return " ".join(parts)

    def reset(self) -> None:
        """Press the reset button: the board boots again and runs ``main.py``."""
        if self.repl:
            self.repl.hard_reset()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until the board waits for input (no program running, nothing queued)."""
        return self.repl.wait_idle(timeout) if self.repl else False

    def close(self) -> None:
        """Switch the board off: stop the REPL and VM, remove the pty and its symlink."""
        if self._closed:
            return
        self._closed = True
        for part in (self.repl, self.executor, self.tcp, self.pty):
            if part is not None:
                part.close()
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self) -> SimulatedSerialBoard:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- wiring ------------------------------------------------------------------------------
    def _install_program(self, program: Path) -> None:
        try:
            source = program.read_bytes()
        except OSError:
            raise UserError(f"Das Programm {program} gibt es nicht. Prüfe den Dateinamen.") from None
        self.fs.create("main.py")
        try:
            self.fs.append("main.py", source)
        except Exception:
            raise UserError(f"Das Programm {program} ist zu groß für den Speicher des "
                            f"{self.profile.title} ({self.profile.fs_bytes} Bytes).") from None

    def _main_source(self) -> str | None:
        if not self.fs.exists("main.py"):
            return None
        return self.fs.read("main.py").decode("utf-8", "replace")

    def _feed(self, data: bytes) -> None:
        if self.repl is not None:
            self.repl.feed(data)

    def _output(self, text: str) -> None:
        if self.repl is not None:
            self.repl.output(text)

    def _send(self, data: bytes) -> None:
        if self.tcp is not None:
            self.tcp.send(data)
        if self.pty is not None and not self._closed:
            try:
                if self.pty.pending() < PTY_BACKLOG_LIMIT:
                    self.pty.write(data, timeout=PTY_WRITE_TIMEOUT_S)
            except (TimeoutError, OSError):
                pass  # nobody reads the port: a real board drops its output too

    def _pty_pump(self) -> None:
        while not self._closed and self.pty is not None:
            try:
                data = self.pty.read(4096, timeout=0.1)
            except (OSError, ValueError):
                if self._closed:
                    return
                time.sleep(0.1)
                continue
            if data:
                self._feed(data)
