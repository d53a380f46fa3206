"""The raw-REPL client against a real pty whose far end speaks the MicroPython REPL."""

from __future__ import annotations

import pytest
import serial
from schuelerlab.hardware.boards import MINI2, MINI3
from schuelerlab.hardware.flash import repl

from schuelerlab.errors import UserError

PROGRAM = 'print("Grüße vom Calliope")\n'.encode()


def test_writes_main_py_and_the_program_runs_after_reset(pty_board):
    pty_board.files["data.txt"] = b"old"
    result = repl.write_main(pty_board.path, PROGRAM, listen=0.5)
    assert pty_board.files["main.py"] == PROGRAM
    assert pty_board.files["data.txt"] == b"old"
    assert result.board is MINI3 and result.written == len(PROGRAM)
    assert "Grüße vom Calliope" in result.output


def test_large_program_is_written_in_chunks(pty_board):
    content = b"".join(b"x%d = %d  # \xc3\xa4\n" % (i, i) for i in range(150))
    repl.write_main(pty_board.path, content, listen=0.1)
    assert pty_board.files["main.py"] == content


def test_precheck_stops_before_anything_is_written(pty_board):
    pty_board.files["main.py"] = b"print('alt')\n"

    def refuse(board):
        raise UserError(f"nicht auf {board.title}")

    with pytest.raises(UserError, match="nicht auf Calliope mini 3"):
        repl.write_main(pty_board.path, PROGRAM, precheck=refuse)
    assert pty_board.files == {"main.py": b"print('alt')\n"}


def test_wrong_board_is_named(pty_board):
    with pytest.raises(UserError, match="Calliope mini 3, nicht der gewählte Calliope mini 1"):
        repl.write_main(pty_board.path, PROGRAM, board=MINI2)
    assert "main.py" not in pty_board.files


def test_full_file_system_is_refused_before_writing(pty_board):
    pty_board.files["log.csv"] = b"1,2\n" * 4500  # 18 KB of the 20 KB
    with pytest.raises(UserError, match="nicht genug Platz.*log.csv"):
        repl.write_main(pty_board.path, b"# x\n" * 1000)
    assert set(pty_board.files) == {"log.csv"}


def test_out_of_space_while_writing_leaves_no_half_file(pty_board):
    pty_board.capacity = 3000  # the board runs out although the host estimate says it fits
    with pytest.raises(UserError, match="kein Platz"):
        repl.write_main(pty_board.path, b"# x\n" * 1000)
    assert "main.py" not in pty_board.files


def test_busy_port_gives_a_german_message(pty_board):
    holder = serial.Serial(pty_board.path, exclusive=True)
    try:
        with pytest.raises(UserError, match="von einem anderen Programm benutzt"):
            repl.write_main(pty_board.path, PROGRAM)
    finally:
        holder.close()
    assert "main.py" not in pty_board.files


def test_silent_device_is_not_micropython(silent_pty):
    with pytest.raises(repl.ReplUnavailable, match="antwortet kein MicroPython"):
        repl.write_main(silent_pty.path, PROGRAM, timeout=0.5)


def test_missing_port():
    with pytest.raises(UserError, match="nicht öffnen"):
        repl.write_main("/dev/does-not-exist-schuelerlab", PROGRAM)


def test_board_from_uname():
    assert repl.board_from_uname("machine='Calliope mini with nRF51822'") is MINI2
    assert repl.board_from_uname("machine='micro:bit with nRF52833'").id == "microbit"
    assert repl.board_from_uname("machine='unix'") is None


def test_clean_output_keeps_only_the_program():
    raw = ("\nMPY: soft reboot\nhallo\nTraceback (most recent call last):\nNameError: x\n"
           "MicroPython b7ce7a8 on 2024-11-05; Calliope mini v2.1.2b with nRF52833\n"
           'Type "help()" for more information.\n>>> ')
    assert repl.clean_output(raw) == "hallo\nTraceback (most recent call last):\nNameError: x\n"
    assert repl.clean_output("soft reboot\n") == ""
