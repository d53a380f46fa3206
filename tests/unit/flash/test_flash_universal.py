"""Universal Hex merge, parsed back section by section and compared with the inputs."""

from __future__ import annotations

import micropython_microbit_fs as mbfs
import pytest
from schuelerlab.hardware.flash import hexfile, ihex, universal

PROGRAM = b'from calliopemini import *\ndisplay.scroll("Gr\xc3\xbc\xc3\x9fe")\n'


def _check_universal(parts: list[tuple[int, str]]) -> None:
    text = universal.merge(parts)
    lines = text.splitlines()
    assert lines[0] == ":020000040000FA"
    assert lines[1] == ihex.format_record(ihex.BLOCK_START, 0, parts[0][0].to_bytes(2, "big") + b"\xc0\xde")
    assert lines[-1] == ":00000001FF"
    for line in lines:
        raw = bytes.fromhex(line[1:])
        assert sum(raw) & 0xFF == 0 and len(raw) == raw[0] + 5
        assert raw[0] <= universal.RECORD_WIDTH
    found = universal.sections(text)
    assert [s.board_id for s in found] == [bid for bid, _ in parts]
    for section, (board_id, single) in zip(found, parts, strict=True):
        assert section.offset % 512 == 0 and section.length % 512 == 0
        assert section.image() == ihex.image_of(single)
        body = text[section.offset:section.offset + section.length].splitlines()
        data_types = {bytes.fromhex(ln[1:])[3] for ln in body} & {ihex.DATA, ihex.CUSTOM_DATA}
        assert data_types == ({ihex.DATA} if board_id == 0x9900 else {ihex.CUSTOM_DATA})
    assert found[-1].offset + found[-1].length == len(text) - len(":00000001FF\n")
    for board_id, single_text in universal.split(text).items():
        assert [f.content for f in mbfs.get_files(single_text)] == [PROGRAM]
        assert ihex.image_of(single_text) == ihex.image_of(dict(parts)[board_id])


def test_calliope_universal_hex_round_trips(official_text):
    parts = []
    for board, board_id in (("mini2", 0x9900), ("mini3", 0x9903)):
        firmware_hex = official_text(board)
        parts.append((board_id, hexfile.embed(firmware_hex, PROGRAM, board_title=board)))
    _check_universal(parts)


def test_microbit_universal_hex_round_trips():
    parts = [(0x9900 + 3 * (v - 1), hexfile.embed(mbfs.get_bundled_hex(v).content, PROGRAM, board_title="mb"))
             for v in (1, 2)]
    _check_universal(parts)


def test_padding_fills_any_remainder_exactly():
    for used in range(0, 1024, 2):
        pad = universal._padding(used)
        total = used + sum(len(line) + 1 for line in pad)
        assert total % 512 == 0
        assert ihex.parse_line(pad[-1]).type == ihex.BLOCK_END


def test_merge_refuses_bad_input():
    single = mbfs.get_bundled_hex(1).content
    with pytest.raises(ValueError, match="at least two"):
        universal.merge([(0x9900, single)])
    merged = universal.merge([(0x9900, single), (0x9903, mbfs.get_bundled_hex(2).content)])
    assert universal.is_universal(merged) and not universal.is_universal(single)
    with pytest.raises(ValueError, match="already a Universal Hex"):
        universal.merge([(0x9900, merged), (0x9903, single)])
