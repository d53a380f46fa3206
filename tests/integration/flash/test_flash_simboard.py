"""The REPL path end to end: `schuelerlab flash --port <symlink>` onto the simulated Calliope.

The simulated board (``schuelerlab.hardware.sim``) runs real MicroPython behind a pty; after the flash
the program must run from ``main.py`` after the reset, and its output must appear on the port.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import serial
from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard

EXE = Path(sys.executable).with_name("schuelerlab")
PROGRAM = ('from calliopemini import *\nprint("Grüße vom Calliope")\nn = 0\nwhile True:\n'
           '    n += 1\n    print("temp:%d" % n)\n    sleep(100)\n')


def read_lines(url: str, count: int, timeout: float = 10.0) -> list[str]:
    """Open the port like a reader and return ``count`` complete lines."""
    lines: list[str] = []
    port = serial.serial_for_url(url, baudrate=115200, timeout=0.2)
    try:
        deadline = time.monotonic() + timeout
        while len(lines) < count and time.monotonic() < deadline:
            line = port.readline()
            if line.endswith(b"\r\n"):
                lines.append(line.decode("utf-8", "replace").strip())
    finally:
        port.close()
    return lines


@pytest.mark.parametrize("board", ["mini3", "mini2"])
def test_flash_over_the_port_and_the_program_runs_after_reset(board, tmp_path):
    program = tmp_path / "zaehler.py"
    program.write_text(PROGRAM, encoding="utf-8")
    with SimulatedSerialBoard(board=board, link=tmp_path / "calliope") as sim:
        assert sim.wait_idle(20)
        env = {**os.environ, "SCHUELERLAB_CACHE_DIR": str(tmp_path / "empty-cache")}
        proc = subprocess.run([str(EXE), "flash", str(program), "--port", sim.path, "--listen", "2"],
                              capture_output=True, text=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
        title = "Calliope mini 3" if board == "mini3" else "Calliope mini 1.x/2.x"
        assert f"ist auf dem {title} an {sim.path}" in proc.stdout
        assert "Grüße vom Calliope" in proc.stdout
        assert sim.fs.read("main.py") == PROGRAM.encode("utf-8")
        lines = read_lines(sim.path, 3)
        assert len(lines) == 3 and all(line.startswith("temp:") for line in lines[1:]), lines


def test_program_the_board_lacks_is_refused_before_writing(tmp_path):
    program = tmp_path / "mikro.py"
    program.write_text("from calliopemini import *\nprint(microphone.sound_level())\n", encoding="utf-8")
    with SimulatedSerialBoard(board="mini2", link=tmp_path / "calliope") as sim:
        assert sim.wait_idle(20)
        proc = subprocess.run([str(EXE), "flash", str(program), "--port", sim.path],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1 and proc.stderr.startswith("schuelerlab: ")
        assert "`microphone` gibt es auf dem Calliope mini 1.x/2.x nicht" in proc.stderr
        assert not sim.fs.exists("main.py")


@pytest.mark.parametrize(("board", "paste"), [("mini3", True), ("mini2", False)])
def test_raw_paste_where_the_firmware_has_it(board, paste, tmp_path):
    from schuelerlab.hardware.flash.repl import RawRepl

    with SimulatedSerialBoard(board=board, link=tmp_path / "calliope") as sim:
        assert sim.wait_idle(20)
        with RawRepl(sim.path) as session:
            session.enter()
            assert session.exec("print(6 * 7)") == ("42\n", "")
            assert session.raw_paste is paste
            assert session.exec("x = 'ü' * 300\nprint(len(x))") == ("300\n", "")
