"""Board knowledge: imports and names a board lacks, found without running anything."""

from __future__ import annotations

from schuelerlab.hardware.boards import MICROBIT, MINI2, MINI3
from schuelerlab.hardware.flash.check import module_problem, scan_uses


def problems(source: str, profile) -> list[str]:
    return [p for p in (module_problem(u, profile) for u in scan_uses(source, profile.module)) if p]


def test_log_and_microphone_are_mini3_only():
    source = "import log\nfrom calliopemini import *\nx = microphone.sound_level()\n"
    assert problems(source, MINI3) == []
    found = problems(source, MINI2)
    assert len(found) == 2
    assert "Zeile 1" in found[0] and "`log`" in found[0] and "Calliope mini 3" in found[0]
    assert "Zeile 3" in found[1] and "`microphone`" in found[1]


def test_names_via_module_attribute_and_from_import():
    assert problems("import calliopemini as c\nc.speaker.off()\n", MINI2)
    assert problems("from calliopemini import Sound\n", MINI2)
    assert not problems("from calliopemini import display\n", MINI2)


def test_own_definitions_are_not_board_names():
    assert problems("from calliopemini import *\nspeaker = 3\nprint(speaker)\n", MINI2) == []


def test_microbit_on_a_calliope_gets_the_calliopemini_hint():
    found = problems("from microbit import *\n", MINI3)
    assert found and "calliopemini" in found[0]
    assert problems("from microbit import *\n", MICROBIT) == []
    assert "microbit" in problems("from calliopemini import *\n", MICROBIT)[0]


def test_unknown_module_is_named():
    found = problems("import requests\n", MINI3)
    assert found and "`requests`" in found[0]


def test_pins_the_board_lacks_when_the_profile_lists_pins():
    from types import SimpleNamespace

    board = SimpleNamespace(id="x", title="Testboard", module="calliopemini", modules=frozenset(),
                            missing=frozenset(), pins={"pin0": "analog", "pin_RGB": "digital"})
    found = problems("from calliopemini import *\npin16.write_digital(1)\npin0.read_analog()\n", board)
    assert len(found) == 1 and "`pin16`" in found[0] and "Zeile 2" in found[0]


def test_pin_names_of_the_real_profiles():
    source = "from calliopemini import *\npin16.write_digital(1)\nx = pin_A1_RX.read_analog()\n"
    assert [("pin16" in p, "Zeile 2" in p) for p in problems(source, MINI3)] == [(True, True)]
    assert [("pin_A1_RX" in p, "Zeile 3" in p) for p in problems(source, MINI2)] == [(True, True)]
