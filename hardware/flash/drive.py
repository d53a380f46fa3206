"""The board's USB drive (``MINI``, ``MICROBIT``): find it, copy a hex onto it, wait until the board took it.

A Calliope 2.1 also shows a ``FLASH`` drive: that one is never a target. After a hex lands on a real board's
drive, the interface chip flashes it and remounts the drive (it disappears and comes back); we wait for that
and read ``FAIL.TXT`` if the chip wrote one. A plain folder (tests, a drive shared over the network) cannot
tell us whether a board took the file, and the message says so.

``SCHUELERLAB_DRIVE_ROOTS`` (folders separated by ``os.pathsep``) replaces the places searched for drives.
"""

from __future__ import annotations

import errno
import getpass
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from schuelerlab.hardware.boards import DRIVE_LABELS

from schuelerlab.errors import UserError

_LABEL = re.compile(r"^({})\d*$".format("|".join(DRIVE_LABELS)), re.IGNORECASE)
NOT_A_TARGET = ("FLASH", "MAINTENANCE")


@dataclass(frozen=True)
class CopyResult:
    """Where the hex went and what we know about the board taking it."""

    path: Path
    taken: bool | None  # True: the board remounted; False: timeout; None: plain folder, cannot know
    message: str  # German


def _unescape(field: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def mounted() -> dict[Path, bool]:
    """Mount points from the system mount table, mapped to True if mounted read-only (Linux only)."""
    result: dict[Path, bool] = {}
    try:
        text = Path("/proc/mounts").read_text()
    except OSError:
        return result
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 4:
            result[Path(_unescape(parts[1]))] = "ro" in parts[3].split(",")
    return result


def search_roots() -> list[Path]:
    """Folders whose sub-folders may be board drives."""
    if os.environ.get("SCHUELERLAB_DRIVE_ROOTS"):
        return [Path(p) for p in os.environ["SCHUELERLAB_DRIVE_ROOTS"].split(os.pathsep) if p]
    user = getpass.getuser()
    if sys.platform == "darwin":
        return [Path("/Volumes")]
    return [Path("/media") / user, Path("/run/media") / user, Path("/media"), Path("/mnt")]


def find_drives() -> list[Path]:
    """Every mounted ``MINI``/``MICROBIT`` drive (never ``FLASH``), most likely first."""
    found: list[Path] = []
    candidates: list[Path] = []
    if not os.environ.get("SCHUELERLAB_DRIVE_ROOTS"):
        candidates += list(mounted())
    for root in search_roots():
        try:
            candidates += [p for p in root.iterdir() if p.is_dir()]
        except OSError:
            continue
    for path in candidates:
        if _LABEL.match(path.name) and path not in found:
            found.append(path)
    if sys.platform == "win32" and not os.environ.get("SCHUELERLAB_DRIVE_ROOTS"):
        found += _windows_drives()
    return sorted(found, key=lambda p: (not _label(p).upper().startswith("MINI"), str(p)))


def _label(path: Path) -> str:
    return path.name or _volume_label(str(path))


def _volume_label(root: str) -> str:
    """The volume label of a Windows drive root such as ``E:\\`` ("" elsewhere or on failure)."""
    if sys.platform != "win32":
        return ""
    import ctypes

    buf = ctypes.create_unicode_buffer(261)
    ok = ctypes.windll.kernel32.GetVolumeInformationW(ctypes.c_wchar_p(root), buf, 261,
                                                      None, None, None, None, 0)
    return buf.value if ok else ""


def _windows_drives() -> list[Path]:
    """Windows drive letters whose volume label is MINI or MICROBIT (not tested on Windows yet)."""
    import ctypes
    import string

    mask = ctypes.windll.kernel32.GetLogicalDrives()
    roots = [f"{letter}:\\" for i, letter in enumerate(string.ascii_uppercase) if mask >> i & 1]
    return [Path(root) for root in roots if _LABEL.match(_volume_label(root))]


def is_read_only(path: Path) -> bool:
    """True if the file system at ``path`` is mounted read-only or we may not write there."""
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    return not os.access(path, os.W_OK)


def check_target(drive: Path) -> Path:
    """Validate a drive path given by the user; German UserError if it cannot take a hex."""
    drive = Path(drive)
    if _label(drive).upper() in NOT_A_TARGET:
        raise UserError(
            f"{drive} ist das Laufwerk {_label(drive)}, nicht das Programm-Laufwerk. Ziehe Programme auf das "
            "Laufwerk MINI (beim micro:bit MICROBIT)."
        )
    if not drive.is_dir():
        raise UserError(f"Das Laufwerk {drive} gibt es nicht. Ist der Calliope eingesteckt? "
                        "Prüfe den Pfad oder lass --drive weg, dann suche ich selbst.")
    if is_read_only(drive):
        raise UserError(
            f"Auf das Laufwerk {drive} kann nicht geschrieben werden (nur lesbar). Stecke den Calliope "
            "aus und wieder ein; hilft das nicht, frage deine Lehrkraft. Nichts wurde geschrieben."
        )
    return drive


def find_drive() -> Path:
    """The one drive to use; German UserError if there is none."""
    drives = find_drives()
    if not drives:
        raise UserError(
            "Ich finde kein Calliope-Laufwerk MINI. Stecke den Calliope mit einem Datenkabel ein und warte, "
            "bis das Laufwerk MINI erscheint, oder gib es mit --drive PFAD an. Mit --hex DATEI.hex "
            "speichere ich das Programm stattdessen als Datei. Nichts wurde geschrieben."
        )
    return drives[0]


def write_file(target: Path, data: bytes) -> None:
    """Write, flush and fsync ``data``; on failure remove the partial file and raise a German UserError."""
    try:
        with open(target, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as err:
        if err.errno != errno.EROFS:
            target.unlink(missing_ok=True)
        if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise UserError(f"Auf {target.parent} kann nicht geschrieben werden (nur lesbar). "
                            "Stecke den Calliope aus und wieder ein. Nichts wurde geschrieben.")
        if err.errno == errno.ENOSPC:
            raise UserError(f"Auf {target.parent} ist kein Platz mehr. Lösche dort alte .hex-Dateien "
                            "oder stecke den Calliope neu ein.")
        raise UserError(f"Das Schreiben nach {target} ist fehlgeschlagen ({err.strerror}). Wurde der "
                        "Calliope ausgesteckt? Stecke ihn ein und versuche es noch einmal.")


def wait_until_taken(drive: Path, timeout: float = 60.0, poll: float = 0.2) -> bool:
    """Wait until a board's drive has disappeared and come back (the interface chip flashed the file)."""
    deadline = time.monotonic() + timeout
    gone = False
    while time.monotonic() < deadline:
        present = drive.is_dir() and (drive in mounted() or not Path("/proc/mounts").exists())
        if not present:
            gone = True
        elif gone:
            return True
        time.sleep(poll)
    return False


def copy_hex(hex_text: str, drive: Path, filename: str, *, timeout: float = 60.0) -> CopyResult:
    """Copy a hex onto a board drive; for a real drive wait until the board has taken it."""
    drive = check_target(drive)
    target = drive / filename
    is_mount = drive in mounted() or os.path.ismount(drive)
    write_file(target, hex_text.encode("ascii"))
    if not is_mount:
        return CopyResult(target, None, (
            f"Die Datei liegt jetzt in {target}. Das ist ein normaler Ordner, kein Calliope-Laufwerk: "
            "ob ein Calliope sie übernimmt, sehe ich nicht."))
    if not wait_until_taken(drive, timeout):
        return CopyResult(target, False, (
            f"Die Datei liegt auf {drive}, aber der Calliope hat sie nach {timeout:.0f} Sekunden noch "
            "nicht übernommen. Drücke den Reset-Knopf oder stecke ihn aus und wieder ein."))
    fail = drive / "FAIL.TXT"
    if fail.is_file():
        reason = fail.read_text(errors="replace").strip()
        raise UserError(f"Der Calliope hat das Programm abgelehnt: {reason}. Passt die Firmware zum Board? "
                        "Probiere --board mini3 oder --board mini2.")
    return CopyResult(target, True, f"Der Calliope hat das Programm übernommen ({drive}).")
