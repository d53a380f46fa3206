"""``flash()``: put a MicroPython program on a Calliope mini (or micro:bit), for the CLI and notebooks.

Order of ways: ``--hex`` writes a file; ``--drive`` copies the hex to the board's drive; ``--port`` writes
``main.py`` over the REPL. With none of them: a board on a serial port (REPL), else a ``MINI`` drive, else
(in a notebook on a hub server) a .hex file next to the notebook with a download link.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

from schuelerlab.hardware.boards import FLASH_BOARDS, MINI2, MINI3, BoardProfile
from schuelerlab.hardware.flash import build, repl
from schuelerlab.hardware.flash import drive as drives
from schuelerlab.hardware.flash.atomic import write_atomically
from schuelerlab.hardware.flash.check import check_program
from schuelerlab.hardware.flash.hexfile import main_py_bytes
from schuelerlab.hardware.flash.result import FlashResult

from schuelerlab.errors import UserError


def load_program(code_or_path: str | os.PathLike) -> tuple[str, str]:
    """Return ``(source, file name)`` for a path to a .py file or a string of code."""
    if isinstance(code_or_path, os.PathLike) or ("\n" not in code_or_path and code_or_path.endswith(".py")):
        path = Path(code_or_path)
        try:
            return path.read_bytes().decode("utf-8-sig"), path.name
        except FileNotFoundError:
            raise UserError(f"Die Datei {path} gibt es nicht. Prüfe den Namen und den Ordner.")
        except UnicodeDecodeError:
            raise UserError(f"{path.name} ist keine UTF-8-Textdatei. Speichere sie im Editor als UTF-8.")
        except OSError as err:
            raise UserError(f"{path} lässt sich nicht lesen ({err.strerror}).")
    return str(code_or_path), "programm.py"


def board_for(board: str | None) -> BoardProfile | None:
    """The profile for a board name (None stays None); German UserError for unknown names."""
    if board is None:
        return None
    try:
        return FLASH_BOARDS[board]
    except KeyError:
        raise UserError(f"Unbekanntes Board {board!r}. Möglich sind: {', '.join(FLASH_BOARDS)}.")


def hex_filename(name: str) -> str:
    """A safe ASCII file name for the hex on a FAT drive (``Grüße.py`` → ``Gruesse.hex``)."""
    stem = Path(name).stem.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    stem = stem.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_") or "programm"
    return stem[:40] + ".hex"


def write_hex_file(path: Path, text: str) -> Path:
    """Write a hex file atomically (temporary file, fsync, rename): never half a file."""
    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path} ist ein Ordner. Gib einen Dateinamen an, z. B. {path / 'programm.hex'}.")
    try:
        write_atomically(path, text.encode("ascii"), suffix=".hex")
    except OSError as err:
        raise UserError(f"In {path.parent} kann ich nicht schreiben ({err.strerror}). "
                        "Nichts wurde geschrieben.")
    return path


def in_notebook() -> bool:
    """True inside a Jupyter kernel."""
    shell = sys.modules.get("IPython")
    get = getattr(shell, "get_ipython", None)
    return bool(get and type(get()).__name__ == "ZMQInteractiveShell")


def _hex_boards(profile: BoardProfile | None) -> list[BoardProfile]:
    """Boards a hex is checked against: the chosen one, or both Calliope generations."""
    return [profile] if profile is not None else [MINI3, MINI2]


def flash(code_or_path: str | os.PathLike, *, board: str | None = None,
          runtime: str | os.PathLike | None = None,
          drive: str | os.PathLike | None = None, hex_out: str | os.PathLike | None = None,
          port: str | None = None, listen: float = 1.5, wait: float = 60.0,
          download: bool | None = None) -> FlashResult:
    """Check a program and put it on the board; returns what happened (German ``message``).

    Args:
        code_or_path: a ``.py`` file or the program text.
        board: ``mini3``, ``mini2`` or ``microbit``; None = a Universal Hex for every Calliope, or the
            board found on the port.
        runtime: a firmware hex to use instead of the cached official one.
        drive: the board's drive (``MINI``); hex_out: write the hex to this file instead.
        port: write ``main.py`` over the REPL on this serial port (path, symlink or pyserial URL).
        listen: seconds to collect the board's output after a REPL reset.
        wait: seconds to wait for a board to take a hex copied to its drive.
        download: write the hex next to the notebook and show a download link (None: only in a notebook
            when no board is reachable).

    Raises:
        UserError: bad program, missing firmware, no board, read-only drive, busy port … (German).
    """
    source, name = load_program(code_or_path)
    profile = board_for(board)
    content = main_py_bytes(source)
    if port is not None and hex_out is None and drive is None:
        if runtime is not None:
            raise UserError("Mit --port wird nur main.py geschrieben, keine Firmware. Für --runtime lass "
                            "--port weg: dann kommt die Firmware über das Laufwerk MINI.")
        return _via_repl(port, source, name, content, profile, listen)
    if hex_out is None and drive is None and runtime is None:
        ports = repl.find_board_ports()
        if len(ports) > 1:
            raise UserError(f"Es sind mehrere Boards angeschlossen ({', '.join(ports)}). Wähle eins mit "
                            "--port oder stecke die anderen aus.")
        if ports:
            try:
                return _via_repl(ports[0], source, name, content, profile, listen)
            except repl.ReplUnavailable:
                pass  # no MicroPython on the board yet: the full hex over the drive
    if runtime is None or profile is not None:
        check_program(source, _hex_boards(profile), filename=name)
    target_drive = _choose_drive(drive, hex_out, download)
    chosen = build.targets(profile, runtime)
    if runtime is not None and profile is None:
        check_program(source, [t.board for t in chosen], filename=name)
    built = build.build_hex(content, chosen)
    if target_drive is None and hex_out is None:
        path = write_hex_file(Path.cwd() / hex_filename(name), built.text)
        return FlashResult.download_offer(path, built.boards, built.describe())
    if hex_out is not None:
        path = write_hex_file(Path(hex_out), built.text)
        if target_drive is None:
            return FlashResult("hex", built.boards, f"Die Hex-Datei ist fertig: {path} ({built.describe()}). "
                               "Ziehe sie auf das Laufwerk MINI.", path=path)
    copied = drives.copy_hex(built.text, target_drive, hex_filename(name), timeout=wait)
    return FlashResult("drive", built.boards, copied.message, path=copied.path, taken=copied.taken)


def _choose_drive(drive: str | os.PathLike | None, hex_out: str | os.PathLike | None,
                  download: bool | None) -> Path | None:
    """The drive to copy to; None means no copy (``hex_out`` or a notebook download)."""
    if drive is not None:
        return drives.check_target(Path(drive))
    if hex_out is not None:
        return None
    found = drives.find_drives()
    if found:
        return drives.check_target(found[0])
    if download or (download is None and in_notebook()):
        return None
    return drives.find_drive()  # raises the German "no drive found" message


def _via_repl(port: str, source: str, name: str, content: bytes, profile: BoardProfile | None,
              listen: float) -> FlashResult:
    def precheck(found: BoardProfile | None) -> None:
        check_program(source, [found] if found else _hex_boards(None), filename=name)

    done = repl.write_main(port, content, board=profile, listen=listen, precheck=precheck)
    title = done.board.title if done.board else "Board"
    boards = (done.board.id,) if done.board else ()
    message = (f"main.py ({done.written} Bytes) ist auf dem {title} an {port}, das Board wurde neu "
               "gestartet und führt das Programm jetzt aus.")
    return FlashResult("repl", boards, message, port=port, output=done.output)
