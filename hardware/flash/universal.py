"""Universal Hex: merge single-target hexes into one file for several boards, and split it again.

Format ("512 byte aligned sections", spec v0.4.0, https://tech.microbit.org/software/spec-universal-hex/):
each target section starts with ``:020000040000FA`` and a Block Start record ``:0400000A<id>C0DE<cs>``, then
extended-linear-address and data records (type 0x00 for the V1 board ids 0x9900/0x9901, Custom Data 0x0D for
every other id), then Padded Data records (0x0C) and one Block End record (0x0B) so that the section is a
multiple of 512 bytes long. One End Of File record ends the file. No PyPI library writes this format.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from schuelerlab.hardware.flash import ihex

SECTION_ALIGN = 512
V1_BOARD_IDS = frozenset({0x9900, 0x9901})
#: bytes DAPLink accepts in one record's data field
RECORD_WIDTH = 32
_NEWLINE = "\n"


@dataclass(frozen=True)
class Section:
    """One target's section of a Universal Hex, as read back."""

    board_id: int
    offset: int  # position of its first character in the file
    length: int  # characters including newlines
    records: tuple[ihex.Record, ...]  # its data and address records, data as standard type 0x00

    def image(self) -> dict[int, int]:
        """The memory image this section writes."""
        return ihex.image(self.records)


def _coalesce(chunks: Iterable[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
    """Join chunks that continue each other so records can be filled to ``RECORD_WIDTH``."""
    start, buf = None, bytearray()
    for address, data in chunks:
        if start is not None and address == start + len(buf):
            buf += data
            continue
        if start is not None:
            yield start, bytes(buf)
        start, buf = address, bytearray(data)
    if start is not None:
        yield start, bytes(buf)


def _padding(used: int) -> list[str]:
    """Padding records and the Block End record that make a section of ``used`` chars 512-aligned."""
    block_end_min = len(ihex.format_record(ihex.BLOCK_END, 0, b"")) + 1
    rest = (-(used + block_end_min)) % SECTION_ALIGN
    lines = []
    while rest > 2 * RECORD_WIDTH:
        n = min(RECORD_WIDTH, (rest - block_end_min) // 2)
        lines.append(ihex.format_record(ihex.PADDING, 0, b"\xff" * n))
        rest -= block_end_min + 2 * n
    lines.append(ihex.format_record(ihex.BLOCK_END, 0, b"\xff" * (rest // 2)))
    return lines


def section_lines(board_id: int, hex_text: str) -> list[str]:
    """Convert one single-target Intel HEX into the lines of a 512-byte aligned section."""
    if not 0 <= board_id <= 0xFFFF:
        raise ValueError(f"board id {board_id:#x} out of range")
    records = ihex.parse_records(hex_text)
    if any(r.type in ihex.UNIVERSAL_TYPES for r in records):
        raise ValueError("the input is already a Universal Hex")
    rtype = ihex.DATA if board_id in V1_BOARD_IDS else ihex.CUSTOM_DATA
    lines = [
        ihex.format_record(ihex.EXT_LINEAR, 0, b"\x00\x00"),
        ihex.format_record(ihex.BLOCK_START, 0, board_id.to_bytes(2, "big") + b"\xc0\xde"),
    ]
    chunks = _coalesce(ihex.absolute_chunks(records))
    lines += list(ihex.data_lines(chunks, rtype=rtype, width=RECORD_WIDTH, upper=0))
    used = sum(len(line) + len(_NEWLINE) for line in lines)
    return lines + _padding(used)


def merge(hexes: Iterable[tuple[int, str]]) -> str:
    """Build a Universal Hex from ``(board_id, single-target hex text)`` pairs, in the given order.

    Put the V1 (0x9900) hex first, as the specification recommends.
    """
    parts = list(hexes)
    if len(parts) < 2:
        raise ValueError("a Universal Hex needs at least two targets")
    lines: list[str] = []
    for board_id, text in parts:
        lines += section_lines(board_id, text)
    lines.append(ihex.format_record(ihex.EOF, 0, b""))
    return _NEWLINE.join(lines) + _NEWLINE


def is_universal(text: str) -> bool:
    """True if the second record of ``text`` is a Block Start record."""
    head = [line for line in text.splitlines()[:2] if line.strip()]
    return len(head) == 2 and head[1].strip().upper().startswith(":0400000A")


def sections(text: str) -> list[Section]:
    """Split a Universal Hex into its sections (validating every record's checksum)."""
    result: list[Section] = []
    offset = 0
    current: dict | None = None
    prev_is_ela, prev_raw = False, ""
    for lineno, raw in enumerate(text.splitlines(keepends=True), 1):
        line = raw.strip()
        rec = ihex.parse_line(line, lineno) if line else None
        if rec is not None and rec.type == ihex.BLOCK_START:
            start = offset - len(prev_raw) if prev_is_ela else offset
            current = {"id": int.from_bytes(rec.data[:2], "big"), "start": start, "records": []}
        elif rec is not None and current is not None:
            if rec.type in (ihex.DATA, ihex.CUSTOM_DATA):
                current["records"].append(ihex.Record(ihex.DATA, rec.offset, rec.data))
            elif rec.type in (ihex.EXT_LINEAR, ihex.EXT_SEGMENT):
                current["records"].append(rec)
            elif rec.type == ihex.BLOCK_END:
                end = offset + len(raw)
                result.append(Section(current["id"], current["start"], end - current["start"],
                                      tuple(current["records"])))
                current = None
        prev_is_ela = rec is not None and rec.type == ihex.EXT_LINEAR
        prev_raw = raw
        offset += len(raw)
    if current is not None:
        raise ihex.HexFormatError("a section has no Block End record")
    return result


def split(text: str) -> dict[int, str]:
    """Return ``{board_id: single-target Intel HEX}`` for every section of a Universal Hex."""
    result = {}
    for sec in sections(text):
        chunks = ihex.absolute_chunks(sec.records)
        lines = list(ihex.data_lines(_coalesce(chunks), width=16))
        lines.append(ihex.format_record(ihex.EOF, 0, b""))
        result[sec.board_id] = _NEWLINE.join(lines) + _NEWLINE
    return result
