"""The raw-REPL client against the simulated Calliope: real MicroPython behind a pty, its flat file system."""

from __future__ import annotations

import dataclasses

import pytest
import serial
from schuelerlab.hardware import boards
from schuelerlab.hardware.boards import MINI2, MINI3
from schuelerlab.hardware.flash import repl

from schuelerlab.errors import UserError

PROGRAM = 'print("Grüße vom Calliope")\n'.encode()


def put(board, name: str, content: bytes) -> None:
    """Store a file on the board before the host connects."""
    board.fs.create(name)
    board.fs.append(name, content)


def test_writes_main_py_and_the_program_runs_after_reset(sim_board):
    put(sim_board, "data.txt", b"old")
    put(sim_board, "main.py", b"from calliopemini import *\nwhile True:\n    print('alt')\n    sleep(50)\n")
    sim_board.reset()  # the old program runs and prints until the host stops it
    result = repl.write_main(sim_board.path, PROGRAM, listen=1.0)
    assert sim_board.fs.read("main.py") == PROGRAM
    assert sim_board.fs.read("data.txt") == b"old"
    assert result.board is MINI3 and result.written == len(PROGRAM)
    assert "Grüße vom Calliope" in result.output and "alt" not in result.output


def test_program_that_swallows_ctrl_c_leaves_stale_input_but_is_replaced(sim_board):
    """The first try's Ctrl-C and Ctrl-A wait in the board's input while the program keeps printing.

    The host must stop draining after a while and skip the second raw banner that the queued Ctrl-A
    prints. (The simulator stops a program 1 s after a Ctrl-C it ignores; a real board keeps it running
    and the host then says "antwortet kein MicroPython".)
    """
    put(sim_board, "main.py", b"from calliopemini import *\nwhile True:\n    try:\n        print('alt')\n"
                              b"        sleep(50)\n    except KeyboardInterrupt:\n        pass\n")
    sim_board.reset()
    result = repl.write_main(sim_board.path, PROGRAM, listen=1.0)
    assert sim_board.fs.read("main.py") == PROGRAM and "Grüße vom Calliope" in result.output


@pytest.mark.parametrize("sim_board", ["mini3", "mini2"], indirect=True)
def test_large_program_is_written_in_chunks(sim_board):
    content = b"".join(b"x%d = %d  # \xc3\xa4\n" % (i, i) for i in range(150)) + b"print(x149 + 1)\n"
    assert len(content) > 4 * repl.CHUNK
    result = repl.write_main(sim_board.path, content, listen=1.0)
    assert sim_board.fs.read("main.py") == content
    assert result.board.id == sim_board.profile.id and "150" in result.output


def test_precheck_stops_before_anything_is_written(sim_board):
    put(sim_board, "main.py", b"print('alt')\n")

    def refuse(board):
        raise UserError(f"nicht auf {board.title}")

    with pytest.raises(UserError, match="nicht auf Calliope mini 3"):
        repl.write_main(sim_board.path, PROGRAM, precheck=refuse)
    assert sim_board.fs.names() == ["main.py"] and sim_board.fs.read("main.py") == b"print('alt')\n"


def test_wrong_board_is_named(sim_board):
    with pytest.raises(UserError, match="Calliope mini 3, nicht der gewählte Calliope mini 1"):
        repl.write_main(sim_board.path, PROGRAM, board=MINI2)
    assert not sim_board.fs.exists("main.py")


def test_full_file_system_is_refused_before_writing(sim_board):
    log = b"1,2\n" * ((sim_board.profile.fs_bytes - 3000) // 4)
    put(sim_board, "log.csv", log)
    with pytest.raises(UserError, match="nicht genug Platz.*log.csv"):
        repl.write_main(sim_board.path, b"# x\n" * 1000)
    assert sim_board.fs.names() == ["log.csv"] and sim_board.fs.read("log.csv") == log


def test_out_of_space_while_writing_leaves_no_half_file(monkeypatch, tmp_path):
    """The board's own ENOSPC mid-write: its file system is smaller than the host's estimate assumes.

    Host estimate and simulated board both count 128-byte chunks (the host one byte more), so on a
    board of the model's size the precheck always stops first; a board with only 3 KB of file system
    makes the real write fail after a few chunks.
    """
    from schuelerlab.hardware.sim import SimulatedSerialBoard

    monkeypatch.setitem(boards.BOARDS, "mini3", dataclasses.replace(MINI3, fs_bytes=24 * 126))
    with SimulatedSerialBoard(board="mini3", link=tmp_path / "calliope") as sim:
        assert sim.wait_idle(20)
        with pytest.raises(UserError, match="kein Platz"):
            repl.write_main(sim.path, b"# x\n" * 1000)
        assert sim.fs.names() == []


def test_busy_port_gives_a_german_message(sim_board):
    holder = serial.Serial(sim_board.path, exclusive=True)
    try:
        with pytest.raises(UserError, match="von einem anderen Programm benutzt"):
            repl.write_main(sim_board.path, PROGRAM)
    finally:
        holder.close()
    assert not sim_board.fs.exists("main.py")


def test_silent_device_is_not_micropython(silent_device):
    with pytest.raises(repl.ReplUnavailable, match="antwortet kein MicroPython"):
        repl.write_main(silent_device.path, PROGRAM, timeout=0.5)


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
