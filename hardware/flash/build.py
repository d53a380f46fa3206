"""Build the hex for a program: pick the firmware(s), embed ``main.py``, merge into a Universal Hex."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from schuelerlab.hardware.boards import BOARDS, FLASH_BOARDS, MINI2, MINI3, BoardProfile
from schuelerlab.hardware.flash import firmware, hexfile, universal

from schuelerlab.errors import UserError

BOARD_ID = {"V1": 0x9900, "V2": 0x9903}


@dataclass(frozen=True)
class Target:
    """One firmware to build for."""

    board: BoardProfile
    firmware_hex: str
    board_id: int  # Universal Hex block type: 0x9900 (nRF51) or 0x9903 (nRF52)
    official: bool = True  # False: a --runtime whose sha256 matches no official firmware


@dataclass(frozen=True)
class BuiltHex:
    """A finished hex and the boards it runs on."""

    text: str
    boards: tuple[str, ...]
    official: bool = True

    def describe(self) -> str:
        """German: which boards the file is for (and whether the firmware is an own build)."""
        titles = sorted({FLASH_BOARDS[b].title for b in self.boards})
        text = "Universal-Hex für " + " und ".join(titles) if len(self.boards) > 1 else "für den " + titles[0]
        return text + ("" if self.official else ", mit eigener, nicht offizieller Firmware")


def _runtime_target(runtime: str | os.PathLike, profile: BoardProfile | None) -> list[Target]:
    path = Path(runtime)
    try:
        raw = path.read_bytes()
        text = raw.decode("ascii")
    except (OSError, UnicodeDecodeError) as err:
        raise UserError(f"Die Firmware-Datei {path} lässt sich nicht lesen ({err}).")
    if universal.is_universal(text):
        raise UserError(f"{path.name} ist eine Universal-Hex. Nimm als --runtime die einzelne Firmware "
                        "(calliope-v3.hex oder calliope-v1v2.hex).")
    info = hexfile.firmware_info(text, path.name)
    if profile is None:
        profile = MINI3 if info.device_version == "V2" else MINI2
    expected = {"mini3": "V2", "mini2": "V1"}.get(profile.id, info.device_version)
    if info.device_version != expected:
        raise UserError(f"{path.name} ist keine Firmware für den {profile.title}. "
                        "Prüfe --board und --runtime.")
    official = firmware.sha256_of(raw) in {b.firmware.sha256 for b in BOARDS.values() if b.firmware}
    return [Target(profile, text, BOARD_ID[info.device_version], official)]


def targets(profile: BoardProfile | None, runtime: str | os.PathLike | None) -> list[Target]:
    """The firmware(s) to build for; V1 (0x9900) first as the Universal Hex spec recommends."""
    if runtime is not None:
        return _runtime_target(runtime, profile)
    if profile is not None and profile.id == "microbit":
        return [Target(profile, firmware.bundled_microbit(1), 0x9900),
                Target(profile, firmware.bundled_microbit(2), 0x9903)]
    boards = [profile] if profile is not None else [MINI2, MINI3]
    return [Target(b, firmware.load(b), b.firmware.board_id) for b in boards if b.firmware]


def build_hex(content: bytes, chosen: list[Target]) -> BuiltHex:
    """Embed ``content`` as ``main.py`` into every target firmware (verified) and merge if several."""
    parts = []
    for target in chosen:
        info = hexfile.firmware_info(target.firmware_hex)
        if hexfile.fs_bytes_needed(content) > info.fs_size:
            raise UserError(hexfile.too_large_message(len(content), info.fs_size, target.board.title))
        built = hexfile.embed(target.firmware_hex, content, board_title=target.board.title)
        parts.append((target.board_id, built))
    text = parts[0][1] if len(parts) == 1 else universal.merge(parts)
    return BuiltHex(text, tuple(dict.fromkeys(t.board.id for t in chosen)), all(t.official for t in chosen))
