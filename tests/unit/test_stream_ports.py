"""Board detection from USB identities (constructed ListPortInfo: the stand-in for a physical board)."""

import pytest
from schuelerlab.hardware.ports import board_ports, find_by_serial_number, find_port, serial_number_of
from serial.tools.list_ports_common import ListPortInfo

from schuelerlab.errors import UserError


def port(device, vid=None, pid=None, serial=None, product=None):
    info = ListPortInfo(device, skip_link_detection=True)
    info.vid, info.pid, info.serial_number, info.product = vid, pid, serial, product
    return info


MINI3 = port("/dev/ttyACM0", 0x0D28, 0x0204, "9906360200052820a4c8", "Calliope mini V3 CMSIS-DAP")
MINI2 = port("/dev/ttyACM1", 0x1366, 0x1025, "000771234567", "J-Link")
MINI1 = port("/dev/ttyACM2", 0x0D28, 0x0204, "99000000123456789", "DAPLink CMSIS-DAP")
MICROBIT = port("/dev/ttyACM3", 0x0D28, 0x0204, "9904360251974e450034", "BBC micro:bit CMSIS-DAP")
OTHER = port("/dev/ttyUSB0", 0x0403, 0x6001, "A50285BI", "FT232R USB UART")
NO_USB = port("/dev/ttyS0")


def test_both_usb_ids_are_matched_and_guessed():
    found = {p.device: p for p in board_ports([MINI3, MINI2, MINI1, MICROBIT, OTHER, NO_USB])}
    assert sorted(found) == ["/dev/ttyACM0", "/dev/ttyACM1", "/dev/ttyACM2", "/dev/ttyACM3"]
    assert found["/dev/ttyACM0"].guess == "Calliope mini 3"
    assert found["/dev/ttyACM1"].guess == "Calliope mini 2"
    assert found["/dev/ttyACM1"].usb_id == "1366:1025"
    assert found["/dev/ttyACM2"].guess == "Calliope mini 1"
    assert found["/dev/ttyACM3"].guess.startswith("micro:bit")


def test_find_port_picks_the_only_board():
    assert find_port([OTHER, MINI2, NO_USB]) == "/dev/ttyACM1"


def test_find_port_without_board_names_next_steps_in_german():
    with pytest.raises(UserError) as err:
        find_port([OTHER, NO_USB])
    text = str(err.value)
    assert "Kein Calliope" in text and "Kabel" in text and "Daten" in text
    assert "dialout" in text and "anderes Notebook" in text


def test_find_port_with_several_boards_lists_them():
    with pytest.raises(UserError) as err:
        find_port([MINI3, MINI2])
    text = str(err.value)
    assert "2 Boards" in text and "/dev/ttyACM0" in text and "/dev/ttyACM1" in text


def test_serial_number_lookup_both_ways():
    assert serial_number_of("/dev/ttyACM0", [MINI3, MINI2]) == MINI3.serial_number
    assert serial_number_of("/dev/pts/3", [MINI3]) is None
    assert find_by_serial_number(MINI2.serial_number, [MINI3, MINI2]) == "/dev/ttyACM1"
    assert find_by_serial_number("nope", [MINI3]) is None
