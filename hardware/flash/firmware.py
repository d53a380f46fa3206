"""The official Calliope MicroPython firmware in a per-user cache: status, install, download, lookup.

Firmware hexes are never committed. The teacher installs a file (``firmware install PATH``) or downloads the
official one (``firmware download``) from the Calliope Python editor's repository; both are accepted only
when their sha256 matches the reference value in ``boards.py``. Writes go to a temporary file first and are
renamed into place after the check, so the cache never holds half a file.

Cache location: ``$SCHUELERLAB_CACHE_DIR/firmware``, else ``$XDG_CACHE_HOME/schuelerlab/firmware``, else the
platform's cache folder. ``SCHUELERLAB_FIRMWARE_URL`` replaces the download base (a mirror or a
``file://`` folder laid out like the repository).
"""

from __future__ import annotations

import hashlib
import os
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from schuelerlab.hardware.boards import BOARDS, CALLIOPE_EDITOR, BoardProfile, Firmware
from schuelerlab.hardware.flash.atomic import write_atomically

from schuelerlab.errors import UserError

#: refs of the editor repository tried in order; the sha256 check decides, so a moved branch is harmless
EDITOR_REFS = ("5b94267", "920103d", "main", "master")
RAW_BASE = "https://raw.githubusercontent.com/" + CALLIOPE_EDITOR + "/{ref}/"


@dataclass(frozen=True)
class FirmwareStatus:
    """One board's firmware in the cache."""

    board: BoardProfile
    path: Path
    present: bool
    valid: bool  # present and its sha256 matches

    def describe(self) -> str:
        """A German line for ``firmware status``."""
        fw = self.board.firmware
        assert fw is not None
        if self.valid:
            state = f"vorhanden (MicroPython {fw.version}, Prüfsumme stimmt)"
        elif self.present:
            state = "BESCHÄDIGT (Prüfsumme stimmt nicht) – `schuelerlab firmware download` ersetzt sie"
        else:
            state = "fehlt – `schuelerlab firmware download` oder `schuelerlab firmware install DATEI`"
        return f"{self.board.title}: {fw.filename} {state}"


def cache_root() -> Path:
    """The schuelerlab cache folder for this user (computed at call time, never at import)."""
    if os.environ.get("SCHUELERLAB_CACHE_DIR"):
        return Path(os.environ["SCHUELERLAB_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "schuelerlab"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "schuelerlab"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "schuelerlab" / "Cache"
    return Path.home() / ".cache" / "schuelerlab"


def firmware_dir() -> Path:
    """Folder holding the cached firmware hexes."""
    return cache_root() / "firmware"


def sha256_of(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def _official() -> list[tuple[BoardProfile, Firmware]]:
    return [(b, b.firmware) for b in BOARDS.values() if b.firmware is not None]


def status() -> list[FirmwareStatus]:
    """State of every official firmware in the cache."""
    result = []
    for board, fw in _official():
        path = firmware_dir() / fw.filename
        present = path.is_file()
        valid = present and sha256_of(path.read_bytes()) == fw.sha256
        result.append(FirmwareStatus(board, path, present, valid))
    return result


def _write_atomically(target: Path, data: bytes) -> None:
    """Write a firmware file into the cache completely or not at all."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    except OSError as err:
        raise UserError(f"Der Firmware-Ordner {target.parent} ist nicht beschreibbar ({err.strerror}). "
                        "Setze SCHUELERLAB_CACHE_DIR auf einen Ordner, in den du schreiben darfst.")


def install(path: Path) -> FirmwareStatus:
    """Copy an official firmware file into the cache after checking its sha256."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise UserError(f"Die Datei {path} lässt sich nicht lesen ({err.strerror}).")
    digest = sha256_of(data)
    for board, fw in _official():
        if digest == fw.sha256:
            _write_atomically(firmware_dir() / fw.filename, data)
            return next(s for s in status() if s.board is board)
    names = " oder ".join(fw.filename for _, fw in _official())
    raise UserError(
        f"Die Prüfsumme von {path.name} passt zu keiner offiziellen Calliope-Firmware ({names}). "
        "Die Datei ist verändert, beschädigt oder eine andere Version. Nichts wurde installiert. "
        "Lade sie neu mit `schuelerlab firmware download` oder aus dem Calliope-Python-Editor."
    )


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as resp:  # noqa: S310 - fixed https or user-set base
        return resp.read()


def download(*, refs: tuple[str, ...] = EDITOR_REFS) -> list[FirmwareStatus]:
    """Fetch every official firmware, check its sha256, and store it in the cache."""
    base_override = os.environ.get("SCHUELERLAB_FIRMWARE_URL")
    bases = [base_override.rstrip("/") + "/"] if base_override else [RAW_BASE.format(ref=r) for r in refs]
    for _board, fw in _official():
        data, errors = None, []
        for base in bases:
            try:
                candidate = _fetch(base + fw.url_path)
            except (urllib.error.URLError, OSError, ValueError) as err:
                errors.append(str(getattr(err, "reason", err)))
                continue
            if sha256_of(candidate) == fw.sha256:
                data = candidate
                break
            errors.append("Prüfsumme stimmt nicht")
        if data is None:
            if errors and all(e != "Prüfsumme stimmt nicht" for e in errors):
                raise UserError(
                    f"{fw.filename} ließ sich nicht herunterladen ({errors[-1]}). Prüfe die "
                    "Internetverbindung und versuche es noch einmal. Nichts wurde gespeichert."
                )
            raise UserError(
                f"Die heruntergeladene {fw.filename} hat nicht die erwartete Prüfsumme und wurde verworfen. "
                "Vielleicht gibt es eine neue Version: frage deine Lehrkraft oder aktualisiere schuelerlab."
            )
        _write_atomically(firmware_dir() / fw.filename, data)
    return status()


def load(board: BoardProfile) -> str:
    """The verified official firmware hex text for a Calliope board, from the cache."""
    fw = board.firmware
    if fw is None:
        raise ValueError(f"{board.id} has no official Calliope firmware record")
    path = firmware_dir() / fw.filename
    if not path.is_file():
        raise UserError(
            f"Die Firmware für den {board.title} ({fw.filename}) fehlt. Lade sie mit "
            "`schuelerlab firmware download` oder gib sie mit --runtime DATEI an."
        )
    data = path.read_bytes()
    if sha256_of(data) != fw.sha256:
        raise UserError(
            f"Die gespeicherte Firmware {path} ist beschädigt (Prüfsumme stimmt nicht). "
            "Lade sie neu: `schuelerlab firmware download`."
        )
    return data.decode("ascii")


def bundled_microbit(version: int) -> str:
    """The micro:bit MicroPython hex (1 → v1.1.1, 2 → v2.1.2) shipped in micropython-microbit-fs."""
    import micropython_microbit_fs as mbfs

    return mbfs.get_bundled_hex(version).content
