"""The real MicroPython compilers (mpy-cross per firmware generation) and the German hints."""

from __future__ import annotations

import pytest
from schuelerlab.hardware.boards import MICROBIT, MINI2, MINI3
from schuelerlab.hardware.flash.check import check_program

from schuelerlab.errors import UserError


@pytest.mark.parametrize(("source", "line", "hint"), [
    ("x = 1\nif x\n    print(x)\n", 2, "Doppelpunkt"),
    ("x = (1,\ny = 2\n", 1, "Klammer"),
    ('print("Hallo)\n', 1, "Anführungszeichen"),
    ("def f():\nreturn 1\n", 2, "eingerückt"),
    ("x = 1\n    y = 2\n", 2, "zu weit eingerückt"),
    ('print "Hallo"\n', 1, "print braucht Klammern"),
    ("while True:\n    pass\nbreak\n", 3, "Schleife"),
])
def test_syntax_errors_name_line_and_hint(source, line, hint):
    for boards in ([MINI3], [MINI2]):
        with pytest.raises(UserError) as err:
            check_program(source, boards, filename="test.py")
        assert f"test.py, Zeile {line}" in str(err.value) and hint in str(err.value), str(err.value)


def test_f_strings_depend_on_the_micropython_generation():
    source = 'x = 3\nprint(f"x = {x}")\n'
    check_program(source, [MINI3])
    for board in (MINI2, MICROBIT):  # MicroPython 1.9 (mini 1/2, micro:bit V1) has no f-strings
        with pytest.raises(UserError, match="f-Strings"):
            check_program(source, [board])


def test_valid_program_with_umlauts_passes_everywhere():
    check_program('from calliopemini import *\ndisplay.scroll("Grüße")\n', [MINI3, MINI2])
    check_program('from microbit import *\ndisplay.scroll("Grüße")\n', [MICROBIT])
