"""German error messages of the simulator (pure Python, no VM)."""

from __future__ import annotations

from schuelerlab.hardware.boards import MINI2, MINI3
from schuelerlab.hardware.sim.errors import clean_traceback, describe, endless_loop_line, special

TB = ('Traceback (most recent call last):\n  File "/sim/_simboot.py", line 57, in _run_code\n'
      '  File "main.py", line 4, in <module>\n  File "/sim/_simdisplay.py", line 30, in set_pixel\n'
      "ValueError: index out of bounds\n")


def test_clean_traceback_drops_simulator_frames():
    assert clean_traceback(TB) == ('Traceback (most recent call last):\n'
                                   '  File "main.py", line 4, in <module>\n'
                                   "ValueError: index out of bounds\n")


def test_describe_value_error():
    error = describe(TB, MINI3)
    assert error["type"] == "ValueError" and error["line"] == 4
    assert error["message"].startswith("Zeile 4: Ein Wert passt nicht")
    assert error["detail"] == "ValueError: index out of bounds"


def test_describe_syntax_error_without_in_module():
    tb = 'Traceback (most recent call last):\n  File "main.py", line 7\nSyntaxError: invalid syntax\n'
    error = describe(tb, MINI3)
    assert (error["type"], error["line"]) == ("SyntaxError", 7)


def test_name_missing_on_the_chosen_board_gets_a_board_hint():
    tb = ('Traceback (most recent call last):\n  File "main.py", line 2, in <module>\n'
          "NameError: name 'microphone' isn't defined\n")
    assert "nur auf dem Calliope mini 3" in describe(tb, MINI2)["message"]
    plain = describe(tb.replace("microphone", "zahl"), MINI2)["message"]
    assert "Tippfehler" in plain and "Calliope mini 3" not in plain


def test_special_errors_are_german():
    assert "Endlosschleife" in special("EndlessLoop", MINI3)["message"]
    assert "panic(42)" in special("Panic", MINI3, code=42)["message"]


def test_endless_loop_line_finds_the_loop_without_pause():
    program = ("from calliopemini import *\nwhile not button_a.is_pressed():\n    sleep(10)\n"
               "def f():\n    while True:\n        sleep(1)\nwhile True:\n    x = 1\n")
    assert endless_loop_line(program) == 7
    assert endless_loop_line("while True:\n    sleep(100)\n") is None
    assert endless_loop_line("while True\n") is None  # not parseable: no guess
