"""Write ``main.py`` through the MicroPython raw REPL and reset the board: seconds instead of a minute.

A small client of the documented raw REPL (``serial-and-repl.md`` §2), with timeouts everywhere (mpremote
blocks forever on a silent pty). Plain raw mode only, so it works on the Calliope 1/2 (MicroPython 1.9,
no raw-paste and no ``os.stat``) as well as on the mini 3: the file is written with ``open``/``write``.
The port is opened exclusively; a busy port gives a German message.
"""

from __future__ import annotations

import ast
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import serial
from schuelerlab.hardware.boards import BAUDRATE, FLASH_BOARDS, BoardProfile
from schuelerlab.hardware.flash.hexfile import fs_bytes_needed

from schuelerlab.errors import UserError

RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
CHUNK = 256  # payload bytes per write command
PLAIN_PIECE = 32  # bytes per write in plain raw mode, 10 ms apart (as microfs does for nRF51 boards)


class ReplUnavailable(UserError):
    """The port answers, but not with a MicroPython REPL (another firmware, or a busy program)."""


@dataclass(frozen=True)
class ReplResult:
    """What happened on the board."""

    port: str
    board: BoardProfile | None
    written: int  # bytes of main.py
    output: str  # what the board printed in the first moments after the reset


def find_board_ports() -> list[str]:
    """Serial ports of connected Calliope minis and micro:bits (both VID:PID pairs)."""
    from schuelerlab.hardware.ports import board_ports

    return [p.device for p in board_ports()]


def board_from_uname(text: str) -> BoardProfile | None:
    """Tell the board from ``os.uname()`` output (``machine`` names the chip and the board)."""
    calliope = "calliope" in text.lower()
    if "nRF52" in text:
        return FLASH_BOARDS["mini3"] if calliope else FLASH_BOARDS["microbit"]
    if "nRF51" in text:
        return FLASH_BOARDS["mini2"] if calliope else FLASH_BOARDS["microbit"]
    return None


class RawRepl:
    """A raw-REPL session on one serial port (a path, a pty symlink or a pyserial URL)."""

    def __init__(self, port: str, *, timeout: float = 5.0) -> None:
        self.port = port
        self.timeout = timeout
        self._pending = bytearray()
        self.raw_paste: bool | None = None  # None: not tried yet
        try:
            self.serial = serial.serial_for_url(port, baudrate=BAUDRATE, timeout=0.05, exclusive=True)
        except serial.SerialException as err:
            raise UserError(_open_error(port, err))
        except (OSError, ValueError) as err:
            raise UserError(_open_error(port, err))

    def close(self) -> None:
        """Close the port (errors from a vanished device are ignored)."""
        try:
            self.serial.close()
        except (OSError, serial.SerialException):
            pass

    def __enter__(self) -> RawRepl:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, data: bytes) -> None:
        try:
            self.serial.write(data)
        except (OSError, serial.SerialException):
            raise UserError(_lost(self.port))

    def _read_until(self, ending: bytes, timeout: float | None = None) -> bytes:
        """Read up to and including ``ending``; bytes after it stay buffered for the next read."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while (pos := self._pending.find(ending)) < 0:
            if time.monotonic() > deadline:
                raise TimeoutError(bytes(self._pending))
            try:
                self._pending += self.serial.read(max(1, min(self.serial.in_waiting, 4096)))
            except (OSError, serial.SerialException):
                raise UserError(_lost(self.port))
        data = bytes(self._pending[:pos + len(ending)])
        del self._pending[:pos + len(ending)]
        return data

    def _drain(self, quiet: float = 0.1, limit: float | None = None) -> bytes:
        """Read until the board is ``quiet`` for a moment, at most ``limit`` seconds (default: 0.5 s or
        twice ``quiet``; a program whose Ctrl-C got lost, e.g. during boot, never falls quiet)."""
        limit = max(0.5, 2 * quiet) if limit is None else limit
        data, self._pending = self._pending, bytearray()
        start = last = time.monotonic()
        while time.monotonic() - last < quiet and time.monotonic() - start < limit:
            chunk = self.serial.read(4096)
            if chunk:
                data += chunk
                last = time.monotonic()
        return bytes(data)

    def enter(self) -> None:
        """Stop the running program and enter the raw REPL (two tries).

        A port with a slow round trip (``webserial://`` through the browser and the hub) names it in
        ``extra_latency_s``; the waits grow by that much, so a late banner never meets a second try.
        """
        extra = float(getattr(self.serial, "extra_latency_s", 0.0) or 0.0)
        for _ in range(2):
            self._write(b"\r\x03\x03")
            time.sleep(0.05)
            self._drain(0.1 + extra / 4)
            self._write(b"\r\x01")
            try:
                self._read_until(RAW_BANNER, timeout=min(self.timeout, 1.5) + extra)
                self._drain(0.1 + extra / 4)  # a Ctrl-A queued by the first try prints the banner once more
                return
            except TimeoutError:
                continue
        raise ReplUnavailable(
            f"An {self.port} antwortet kein MicroPython. Läuft auf dem Board noch ein anderes Programm "
            "(z. B. aus MakeCode)? Dann einmal mit der Firmware flashen: `schuelerlab flash PROGRAMM.py` "
            "ohne --port, über das Laufwerk MINI."
        )

    def exec(self, code: str, timeout: float | None = None) -> tuple[str, str]:
        """Run ``code``; return (stdout, traceback text). The prompt ``>`` must already have been read.

        Uses raw-paste mode (flow-controlled) where the board has it, else plain raw mode in small
        paced pieces (the nRF51 boards have a tiny UART buffer).
        """
        data = code.encode("utf-8")
        try:
            if not (self.raw_paste is not False and self._paste(data, timeout)):
                for i in range(0, len(data), PLAIN_PIECE):
                    self._write(data[i:i + PLAIN_PIECE])
                    time.sleep(0.01)
                self._write(b"\x04")
                if self._read_until(b"OK", timeout=timeout)[-2:] != b"OK":
                    raise TimeoutError(b"")
            out = self._read_until(b"\x04", timeout=timeout)[:-1]
            err = self._read_until(b"\x04", timeout=timeout)[:-1]
            self._read_until(b">", timeout=timeout)
        except TimeoutError:
            raise UserError(f"Das Board an {self.port} antwortet nicht mehr. Drücke den Reset-Knopf und "
                            "versuche es noch einmal.")
        return _text(out), _text(err)

    def _read_exact(self, n: int, timeout: float | None) -> bytes:
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while len(self._pending) < n:
            if time.monotonic() > deadline:
                raise TimeoutError(bytes(self._pending))
            self._pending += self.serial.read(max(1, min(self.serial.in_waiting, n - len(self._pending))))
        data = bytes(self._pending[:n])
        del self._pending[:n]
        return data

    def _paste(self, data: bytes, timeout: float | None) -> bool:
        """Send ``data`` in raw-paste mode; False (and remember it) if the board has no raw-paste."""
        self._write(b"\x05A\x01")
        answer = self._read_exact(2, timeout)
        if answer != b"R\x01":
            self.raw_paste = False
            if answer != b"R\x00":  # MicroPython 1.9 re-prints the raw banner instead
                self._read_until(b"w REPL; CTRL-B to exit\r\n>", timeout)
            return False
        self.raw_paste = True
        window = int.from_bytes(self._read_exact(2, timeout), "little")
        credit, pos = window, 0
        while pos < len(data):
            while credit == 0 or self._pending or self.serial.in_waiting:
                flow = self._read_exact(1, timeout)
                if flow == b"\x01":
                    credit += window
                elif flow == b"\x04":  # the board ended the transfer (e.g. out of memory)
                    self._write(b"\x04")
                    raise UserError("Das Board hat die Übertragung abgebrochen (zu wenig Speicher?).")
                else:
                    raise TimeoutError(flow)
            piece = data[pos:pos + credit]
            self._write(piece)
            pos += len(piece)
            credit -= len(piece)
        self._write(b"\x04")
        self._read_until(b"\x04", timeout)
        return True

    def reset_and_listen(self, seconds: float) -> str:
        """Leave the raw REPL, soft-reset in friendly mode (so ``main.py`` runs), collect the output."""
        self._write(b"\x02")
        try:
            self._read_until(b">>> ", timeout=3.0)
        except TimeoutError:
            pass
        self._write(b"\x04")
        deadline = time.monotonic() + seconds
        data, self._pending = self._pending, bytearray()
        while time.monotonic() < deadline:
            try:
                data += self.serial.read(4096)
            except (OSError, serial.SerialException):
                break
        return clean_output(_text(bytes(data)))


def clean_output(text: str) -> str:
    """Drop the REPL's own chatter (soft-reboot line, banner, prompt) around the program's output."""
    lines = text.split("\n")
    while lines and (not lines[0].strip() or lines[0].strip().endswith("soft reboot")):
        lines.pop(0)
    chatter = ("MicroPython ", 'Type "help()"', ">>>")
    while lines and (not lines[-1].strip() or lines[-1].strip().startswith(chatter)):
        lines.pop()
    return "\n".join(lines) + ("\n" if lines else "")


def _lost(port: str) -> str:
    return f"Die Verbindung zu {port} ist abgerissen. Ist das Kabel noch eingesteckt?"


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").replace("\r\n", "\n")


def _open_error(port: str, err: Exception) -> str:
    text = str(err)
    if "exclusively lock" in text or "Resource temporarily unavailable" in text or "busy" in text.lower():
        return (f"Der Calliope an {port} wird gerade von einem anderen Programm benutzt. Schließe das andere "
                "Notebook oder Programm (z. B. `schuelerlab stream`) und versuche es noch einmal.")
    return (f"Ich kann {port} nicht öffnen ({text}). Ist der Calliope eingesteckt? "
            "`schuelerlab ports` zeigt die angeschlossenen Boards.")


def _check(session: RawRepl, code: str) -> str:
    out, err = session.exec(code)
    if err:
        last = err.strip().splitlines()[-1] if err.strip() else err
        if re.search(r"ENOSPC|Errno 28|OSError: 28\b", err):
            raise UserError("Auf dem Calliope ist kein Platz mehr für das Programm.")
        raise UserError(f"Der Calliope meldet einen Fehler: {last}")
    return out


def _free_check(session: RawRepl, content: bytes, board: BoardProfile) -> None:
    listing = _check(session, "import os\nprint([(n, os.size(n)) for n in os.listdir()])")
    try:
        files = ast.literal_eval(listing.strip())
    except (ValueError, SyntaxError):
        return
    others = sum(fs_bytes_needed(b"x" * size, name) for name, size in files if name != "main.py")
    capacity = board.fs_bytes // 126 * 128
    if others + fs_bytes_needed(content) > capacity:
        names = ", ".join(n for n, _ in files if n != "main.py")
        raise UserError(
            f"Auf dem {board.title} ist nicht genug Platz: Dein Programm braucht "
            f"{len(content) / 1000:.1f} KB, "
            f"andere Dateien ({names}) belegen schon {others / 1000:.1f} KB. Nichts wurde geschrieben."
        )


def write_main(port: str, content: bytes, *, board: BoardProfile | None = None, listen: float = 1.5,
               timeout: float = 5.0, precheck: Callable[[BoardProfile | None], None] | None = None
               ) -> ReplResult:
    """Write ``content`` as ``main.py`` over the raw REPL, soft-reset, and return the first output.

    ``precheck`` is called with the detected (or given) board before anything is written; it raises a
    UserError to stop.
    """
    with RawRepl(port, timeout=timeout) as session:
        session.enter()
        uname = _check(session, "import os\nprint(os.uname())")
        found = board_from_uname(uname)
        target = found or board
        if board is not None and found is not None and found.id != board.id:
            raise UserError(f"An {port} hängt ein {found.title}, nicht der gewählte {board.title}. "
                            f"Nimm --board {found.id} oder lass --board weg.")
        if precheck is not None:
            precheck(target)
        if target is not None:
            _free_check(session, content, target)
        _write_chunks(session, content)
        size = _check(session, "import os\nprint(os.size('main.py'))").strip()
        if size != str(len(content)):
            raise UserError(f"main.py kam auf dem Calliope nicht vollständig an ({size} von {len(content)} "
                            "Bytes). "
                            "Versuche es noch einmal.")
        output = session.reset_and_listen(listen)
    return ReplResult(port, target, len(content), output)


def _write_chunks(session: RawRepl, content: bytes) -> None:
    _check(session, "f=open('main.py','wb')\nw=f.write")
    try:
        for i in range(0, len(content), CHUNK):
            _check(session, f"w({content[i:i + CHUNK]!r})")
        _check(session, "f.close()")
    except UserError:
        try:
            session.exec("f.close()\nimport os\nos.remove('main.py')")
        except UserError:
            pass
        raise
