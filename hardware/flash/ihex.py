"""Intel HEX records: parse with checksum validation, format, and turn into an address image.

Pure functions, no I/O. Used to validate every hex we build and by the Universal Hex merger.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

DATA = 0x00
EOF = 0x01
EXT_SEGMENT = 0x02
START_SEGMENT = 0x03
EXT_LINEAR = 0x04
START_LINEAR = 0x05
BLOCK_START = 0x0A
BLOCK_END = 0x0B
PADDING = 0x0C
CUSTOM_DATA = 0x0D
OTHER_DATA = 0x0E

#: record types a Universal Hex may contain besides the standard ones
UNIVERSAL_TYPES = frozenset({BLOCK_START, BLOCK_END, PADDING, CUSTOM_DATA, OTHER_DATA})


class HexFormatError(ValueError):
    """A line is not a valid Intel HEX record (bad syntax, length or checksum)."""


@dataclass(frozen=True)
class Record:
    """One Intel HEX record: type, 16-bit address field and data bytes."""

    type: int
    offset: int
    data: bytes

    def line(self) -> str:
        """Return the record as a line of text (without newline)."""
        return format_record(self.type, self.offset, self.data)


def checksum(body: bytes) -> int:
    """Two's complement of the byte sum, as Intel HEX requires."""
    return (-sum(body)) & 0xFF


def format_record(rtype: int, offset: int, data: bytes) -> str:
    """Format one record as ``:LLAAAATT<data>CC`` in upper-case hex."""
    if len(data) > 0xFF or not 0 <= offset <= 0xFFFF:
        raise ValueError("record too long or offset out of range")
    body = bytes([len(data), offset >> 8, offset & 0xFF, rtype]) + data
    return ":" + (body + bytes([checksum(body)])).hex().upper()


def parse_line(line: str, lineno: int = 0) -> Record:
    """Parse one record line and verify its length and checksum."""
    text = line.strip()
    if not text.startswith(":"):
        raise HexFormatError(f"line {lineno}: does not start with ':'")
    try:
        raw = bytes.fromhex(text[1:])
    except ValueError:
        raise HexFormatError(f"line {lineno}: not hexadecimal")
    if len(raw) < 5 or len(raw) != raw[0] + 5:
        raise HexFormatError(f"line {lineno}: wrong length")
    if checksum(raw[:-1]) != raw[-1]:
        raise HexFormatError(f"line {lineno}: checksum mismatch")
    return Record(type=raw[3], offset=(raw[1] << 8) | raw[2], data=raw[4:-1])


def parse_records(text: str) -> list[Record]:
    """Parse a whole hex file; every non-empty line must be a valid record and EOF must end it."""
    records = [parse_line(line, n) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not records or records[-1].type != EOF:
        raise HexFormatError("the file does not end with an end-of-file record")
    if any(r.type == EOF for r in records[:-1]):
        raise HexFormatError("end-of-file record before the end of the file")
    return records


def absolute_chunks(records: Iterable[Record], data_types: frozenset[int] = frozenset({DATA})
                    ) -> Iterator[tuple[int, bytes]]:
    """Yield ``(absolute address, data)`` for each data record, resolving address records."""
    base = 0
    for rec in records:
        if rec.type == EXT_LINEAR:
            base = int.from_bytes(rec.data, "big") << 16
        elif rec.type == EXT_SEGMENT:
            base = int.from_bytes(rec.data, "big") << 4
        elif rec.type in data_types:
            yield base + rec.offset, rec.data


def image(records: Iterable[Record], data_types: frozenset[int] = frozenset({DATA})) -> dict[int, int]:
    """Return the memory image ``{address: byte}``; a later record overwrites an earlier one."""
    result: dict[int, int] = {}
    for address, data in absolute_chunks(records, data_types):
        for i, byte in enumerate(data):
            result[address + i] = byte
    return result


def image_of(text: str) -> dict[int, int]:
    """Parse ``text`` and return its memory image (standard data records only)."""
    return image(parse_records(text))


def data_lines(chunks: Iterable[tuple[int, bytes]], rtype: int = DATA, width: int = 16,
               upper: int | None = None) -> Iterator[str]:
    """Format absolute data chunks as records, with extended-linear-address records as needed.

    Records never cross a 64 KB boundary and hold at most ``width`` bytes; ``upper`` is the upper
    address half already in effect (``None``: emit an address record before the first data record).
    """
    for address, data in chunks:
        pos = 0
        while pos < len(data):
            addr = address + pos
            room = 0x10000 - (addr & 0xFFFF)
            part = data[pos:pos + min(width, room)]
            if addr >> 16 != upper:
                upper = addr >> 16
                yield format_record(EXT_LINEAR, 0, upper.to_bytes(2, "big"))
            yield format_record(rtype, addr & 0xFFFF, part)
            pos += len(part)
