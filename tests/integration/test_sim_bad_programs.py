"""Bad programs on the simulated Calliope: clear German errors, and the simulator survives them."""

from __future__ import annotations

import pytest
from schuelerlab.hardware.sim import simulate


def test_error_scrolls_line_and_type_on_the_display_like_the_firmware():
    trace = simulate(program="from calliopemini import *\nsleep(500)\nx = nix\n", until_ms=60_000)
    assert trace.image_at(700) == "SAD" and trace.first_shown("SAD") == 500
    scroll = [f for f in trace.display if f["t"] >= 1500]
    assert len(scroll) > 100 and all((f["t"] - 1500) % 150 == 0 for f in scroll)
    # "line 3 NameError ...": the blank first column of "l" enters first, then its stem
    assert trace.frame_at(1500) == ["00000"] * 5
    assert [row[4] for row in trace.frame_at(1650)] == ["9", "9", "9", "9", "0"]


def test_syntax_error_reports_the_line_in_german():
    trace = simulate(program="from calliopemini import *\nprint('a')\nif True\n    print(1)\n")
    assert trace.error["type"] == "SyntaxError"
    assert trace.error["line"] == 3
    assert trace.error["message"].startswith("Zeile 3: Python versteht diese Zeile nicht")
    assert trace.lines()[-1] == "SyntaxError: invalid syntax"  # the board prints the traceback
    assert trace.ended == "error"


def test_indentation_error_is_explained():
    trace = simulate(program="x = 1\n  y = 2\n")
    assert trace.error["line"] == 2
    assert "Einrückung" in trace.error["message"]


def test_endless_loop_without_sleep_is_stopped_with_a_message():
    trace = simulate(program="from calliopemini import *\nprint('los')\nwhile True:\n    x = 1\n",
                     until_ms=60_000)
    assert trace.error["type"] == "EndlessLoop"
    assert "Endlosschleife" in trace.error["message"] and "sleep" in trace.error["message"]
    assert trace.error["line"] == 3 and trace.error["message"].startswith("Zeile 3:")
    assert trace.lines() == ["los"]  # output before the loop is kept
    assert trace.ended == "error"


def test_memory_hog_stops_with_memory_error():
    trace = simulate(program="data = []\nwhile True:\n    data.append('x' * 1000)\n")
    assert trace.error["type"] == "MemoryError"
    assert trace.error["line"] == 3
    assert "Speicher" in trace.error["message"]


def test_deep_recursion_stops():
    trace = simulate(program="def f(n):\n    return f(n + 1)\nf(0)\n")
    assert trace.error["type"] == "RuntimeError"
    assert "Rekursion" in trace.error["message"]


@pytest.mark.parametrize("board", ["mini3", "mini2"])
def test_import_microbit_fails_like_on_the_board(board):
    trace = simulate(program="from microbit import *\ndisplay.show(Image.HEART)\n", board=board)
    assert trace.error["detail"] == "ImportError: no module named 'microbit'"
    assert trace.error["line"] == 1
    assert "from calliopemini import *" in trace.error["message"]
    assert trace.display[0]["t"] == 0 and trace.image_at(500) == "SAD"  # as the firmware: a sad face ...
    assert trace.frame_at(1000) != trace.frame_at(500)  # ... then "line 1 ImportError ..." scrolls


@pytest.mark.parametrize("module", ["log", "power", "machine"])
def test_mini3_only_modules_fail_on_mini2(module):
    assert simulate(program=f"import {module}\n", board="mini3").error is None
    trace = simulate(program=f"import {module}\n", board="mini2")
    assert trace.error["detail"] == f"ImportError: no module named '{module}'"
    assert "nur auf dem Calliope mini 3" in trace.error["message"]


@pytest.mark.parametrize("module", ["json", "requests", "socket", "hashlib"])
def test_host_only_modules_are_not_on_the_board(module):
    trace = simulate(program=f"import {module}\n")
    assert trace.error["detail"] == f"ImportError: no module named '{module}'"


@pytest.mark.parametrize("name", ["microphone", "speaker", "Sound", "set_volume", "pin_logo"])
def test_mini3_names_are_missing_on_mini2(name):
    program = f"from calliopemini import *\nx = {name}\n"
    assert simulate(program=program, board="mini3").error is None
    trace = simulate(program=program, board="mini2")
    assert trace.error["detail"] == f"NameError: name '{name}' isn't defined"
    assert trace.error["line"] == 2
    assert "Calliope mini 1.x/2.x" in trace.error["message"]


def test_pin0_is_digital_only_on_mini2():
    program = "from calliopemini import *\nprint(pin0.read_digital())\nprint(pin0.read_analog())\n"
    ok = simulate(program=program, board="mini3")
    assert ok.error is None and ok.lines() == ["0", "0"]
    trace = simulate(program=program, board="mini2")
    assert trace.lines()[0] == "0"
    assert trace.error["detail"] == ("AttributeError: 'MicroBitDigitalPin' object has no attribute "
                                     "'read_analog'")
    assert trace.error["line"] == 3
    assert "pin1" in trace.error["message"]


def test_error_inside_board_call_shows_only_the_students_line():
    trace = simulate(program="from calliopemini import *\n\ndisplay.set_pixel(7, 0, 9)\n")
    assert trace.error["detail"] == "ValueError: index out of bounds"
    assert trace.error["line"] == 3
    assert "/sim/" not in trace.error["traceback"] and "/sim/" not in "\n".join(trace.lines())


def test_host_files_are_invisible():
    program = ("import os\nprint(os.listdir())\n"
               "try:\n    open('/etc/passwd')\nexcept OSError as e:\n    print('nein', e)\n"
               "try:\n    open('../../etc/passwd')\nexcept OSError as e:\n    print('nein', e)\n")
    trace = simulate(program=program)
    assert trace.error is None
    assert trace.lines()[0] == "[]"
    assert all(line.startswith("nein") for line in trace.lines()[1:])


def test_the_guest_library_is_read_only():
    trace = simulate(program="f = open('/sim/calliopemini.py', 'w')\n")
    assert trace.error["type"] == "OSError"


def test_printing_without_pause_is_limited_by_the_serial_line():
    trace = simulate(program="i = 0\nwhile True:\n    print('x' * 100, i)\n    i += 1\n", until_ms=10_000)
    assert trace.ended == "until" and trace.error is None
    sent = sum(len(line) + 2 for line in trace.lines())
    assert 100_000 < sent < 120_000  # 115200 baud carry about 11.5 KB per second
    assert isinstance(trace.serial[-1]["t"], int)


def test_writing_floods_are_stopped():
    flood = simulate(program="import sys\nwhile True:\n    sys.stdout.write('x' * 10000)\n")
    assert flood.error["type"] == "TooMuchData" and "zu viele Daten" in flood.error["message"]
    assert len("".join(flood.lines())) < 2_000_000  # what reached the trace is bounded
    disk = simulate(program="import _simos\nf = _simos._builtin_open('big', 'w')\n"
                            "while True:\n    f.write('x' * 100000)\n")
    assert disk.error["type"] == "TooMuchData"


def test_forged_board_calls_fail_inside_the_program():
    trace = simulate(program="import _simhost\n_simhost.call('sleep', 'abc')\n")
    assert trace.error["type"] == "RuntimeError" and trace.error["line"] == 2
    assert simulate(program="import io\n").error["detail"] == "ImportError: no module named 'io'"
