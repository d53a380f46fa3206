"""Test helpers for the flash area, shared by unit and integration tests (not used by the product).

``PtyBoard`` stands in for a physical MicroPython board on a real pty (friendly and raw REPL, a flat
file system); code runs in CPython because the host client, not the board, is under test. The simulated
Calliope (``schuelerlab.hardware.sim``) replaces it where the program itself must run.
"""

from __future__ import annotations

import hashlib
import io
import os
import select
import threading
import traceback
import tty
from pathlib import Path

from schuelerlab.hardware.boards import BOARDS


def shared_firmware_dir(repo_root: Path) -> Path:
    """``../shared/firmware`` next to the repository: the official hexes for tests (never committed)."""
    return Path(repo_root).parent / "shared" / "firmware"


def official_firmware(repo_root: Path, board_id: str) -> tuple[Path | None, str]:
    """(path, "") for the official firmware of ``mini3``/``mini2``, or (None, reason naming the file)."""
    fw = BOARDS[board_id].firmware
    path = shared_firmware_dir(repo_root) / fw.filename
    if not path.is_file():
        return None, f"official firmware {path} is missing (see calliope.md §9)"
    if hashlib.sha256(path.read_bytes()).hexdigest() != fw.sha256:
        return None, f"official firmware {path} has the wrong sha256"
    return path, ""


class _File(io.BytesIO):
    capacity = 20_000

    def __init__(self, fs: dict, name: str, mode: str) -> None:
        super().__init__(fs.get(name, b"") if "r" in mode else b"")
        self.fs, self.name_, self.mode_ = fs, name, mode
        if "w" in mode:
            fs[name] = b""

    def write(self, data: bytes) -> int:
        if len(b"".join(self.fs.values())) + len(data) > self.capacity:
            raise OSError(28, "ENOSPC")
        n = super().write(data)
        self.fs[self.name_] = self.getvalue()
        return n

    def close(self) -> None:
        if "w" in self.mode_:
            self.fs[self.name_] = self.getvalue()
        super().close()


class PtyBoard:
    """A stand-in for a physical MicroPython board on a real pty: friendly and raw REPL, flat file system."""

    UNAME = ("(sysname='microbit', nodename='microbit', release='2.1.2b', version='micro:bit v2.1.2b', "
             "machine='Calliope mini with nRF52833')")

    def __init__(self, *, silent: bool = False, capacity: int = 20_000) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self.files: dict[str, bytes] = {}
        self.silent, self.capacity = silent, capacity
        self.raw, self.buf = False, bytearray()
        self.ns: dict = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def close(self) -> None:
        """Stop the board and close both ends of the pty."""
        self.stop.set()
        self.thread.join(2)
        os.close(self.master)
        os.close(self.slave)

    def _send(self, data: bytes) -> None:
        os.write(self.master, data)

    def _run(self) -> None:
        while not self.stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(self.master, 4096)
            except OSError:
                return
            if not self.silent:
                for byte in data:
                    self._byte(byte)

    def _byte(self, b: int) -> None:
        if self.raw:
            if b == 0x04:
                code, self.buf = bytes(self.buf), bytearray()
                if not code:
                    self._send(b"OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>")
                    return
                out, err = self._exec(code.decode())
                self._send(b"OK" + out + b"\x04" + err + b"\x04>")
            elif b == 0x02:
                self.raw = False
                self._send(b"\r\nMicroPython fake; Calliope mini with nRF52833\r\n>>> ")
            elif b == 0x03:
                self.buf = bytearray()
            else:
                self.buf.append(b)
                if self.buf == b"\x05A\x01":  # raw-paste request: "understood, not supported"
                    self.buf = bytearray()
                    self._send(b"R\x00")
            return
        if b == 0x01:
            self.raw, self.buf = True, bytearray()
            self._send(b"\r\nraw REPL; CTRL-B to exit\r\n>")
        elif b == 0x04:
            self.ns = {}
            self._send(b"MPY: soft reboot\r\n")
            if "main.py" in self.files:
                out, err = self._exec(self.files["main.py"].decode())
                self._send(out + err)
            self._send(b"MicroPython fake\r\n>>> ")
        elif b in (0x03, 0x0D):
            self._send(b"\r\n>>> ")

    def _exec(self, code: str) -> tuple[bytes, bytes]:
        out = io.StringIO()
        board = self

        class _Os:
            @staticmethod
            def listdir():
                return list(board.files)

            @staticmethod
            def size(name):
                return len(board.files[name])

            @staticmethod
            def remove(name):
                del board.files[name]

            @staticmethod
            def uname():
                return board.UNAME

        def _open(name, mode="r"):
            f = _File(board.files, name, mode)
            f.capacity = board.capacity
            return f

        def _import(name, *args, **kwargs):
            return _Os if name == "os" else __import__(name, *args, **kwargs)

        builtins = dict(__builtins__ if isinstance(__builtins__, dict) else vars(__builtins__))
        builtins.update(open=_open, print=lambda *a, **k: print(*a, **k, file=out), __import__=_import)
        self.ns["__builtins__"] = builtins
        try:
            exec(code, self.ns)
        except Exception as exc:  # noqa: BLE001 - becomes a MicroPython-style traceback
            tb = "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
            if isinstance(exc, OSError) and exc.errno == 28:
                line = "OSError: [Errno 28] ENOSPC\n"
            else:
                line = "".join(traceback.format_exception_only(exc))
            return out.getvalue().replace("\n", "\r\n").encode(), (tb + line).replace("\n", "\r\n").encode()
        return out.getvalue().replace("\n", "\r\n").encode(), b""
