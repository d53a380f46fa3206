"""The real mpremote CLI and pyserial against the simulated board's serial face (pty symlink and TCP).

mpremote is connected through the symlink, never /dev/pts/N: on a pts path it reads without a
timeout and would hang forever on a silent device (serial-and-repl.md §3).
"""

import subprocess
import sys
import time
from pathlib import Path

import pytest
import serial
from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard

from schuelerlab.errors import UserError

MPREMOTE = str(Path(sys.executable).parent / "mpremote")
TICKER = "import time\nn = 0\nwhile True:\n    n += 1\n    print('temp:%d' % n)\n    time.sleep_ms(100)\n"


def mpremote(url, *args):
    return subprocess.run([MPREMOTE, "connect", url, *args], capture_output=True, text=True, timeout=60)


def read_lines(url, count, timeout=10.0):
    """Open the port like a reader would and return the first ``count`` complete lines."""
    lines = []
    port = serial.serial_for_url(url, baudrate=115200, timeout=0.2)
    try:
        deadline = time.monotonic() + timeout
        while len(lines) < count and time.monotonic() < deadline:
            line = port.readline()
            if line.endswith(b"\r\n"):
                lines.append(line)
    finally:
        port.close()
    return lines


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    link = tmp_path_factory.mktemp("dev") / "calliope"
    with SimulatedSerialBoard(board="mini3", link=link, tcp_port=0) as sim:
        yield sim


@pytest.fixture(params=["pty", "tcp"])
def url(request, board):
    return board.path if request.param == "pty" else board.tcp.url


def test_exec(url):
    proc = mpremote(url, "exec", "print(1+2)")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "3\n"


def test_exec_error_reaches_the_host(url):
    proc = mpremote(url, "exec", "import os\nos.remove('nix')")
    assert proc.returncode == 1
    assert "OSError: [Errno 2] ENOENT" in proc.stdout + proc.stderr


def test_fs_ls_cp_cat_rm(url, board, tmp_path):
    local = tmp_path / "hello.py"
    local.write_text("print('hallo')\n" * 20)
    assert mpremote(url, "fs", "cp", str(local), ":hello.py").returncode == 0
    assert board.fs.read("hello.py") == local.read_bytes()
    listing = mpremote(url, "fs", "ls")
    assert listing.returncode == 0, listing.stderr
    assert "0 hello.py" in listing.stdout  # the board's ilistdir has no size (3-tuples): mpremote shows 0
    cat = mpremote(url, "fs", "cat", ":hello.py")
    assert cat.stdout == local.read_text()
    back = tmp_path / "back.py"
    assert mpremote(url, "fs", "cp", ":hello.py", str(back)).returncode == 0
    assert back.read_bytes() == local.read_bytes()
    assert mpremote(url, "fs", "rm", ":hello.py").returncode == 0
    assert not board.fs.exists("hello.py")
    missing = mpremote(url, "fs", "cat", ":hello.py")
    assert missing.returncode == 1 and "No such file" in missing.stderr


def test_copied_main_runs_after_reset(url, board, tmp_path):
    local = tmp_path / "main.py"
    local.write_text(TICKER)
    try:
        assert mpremote(url, "fs", "cp", str(local), ":main.py").returncode == 0
        assert mpremote(url, "reset").returncode == 0
        lines = read_lines(url, 3)
        assert len(lines) == 3 and all(line.startswith(b"temp:") for line in lines)
        numbers = [int(line[5:]) for line in lines]
        assert numbers == list(range(numbers[0], numbers[0] + 3))
        # mpremote stops the running main.py with one Ctrl-C and works as before
        proc = mpremote(url, "exec", "print('still here')")
        assert proc.stdout == "still here\n", proc.stderr
    finally:
        board.fs.remove("main.py")


def test_host_can_disconnect_and_reconnect(board):
    for url in (board.path, board.tcp.url, board.path):
        port = serial.serial_for_url(url, baudrate=115200, timeout=2)
        port.write(b"\x03\x02")  # stop whatever runs, friendly REPL
        port.write(b"print(6*7)\r")
        answer = port.read_until(b"42\r\n>>> ")
        port.close()
        assert answer.endswith(b"42\r\n>>> ")


def test_mini2_exec_falls_back_and_fs_needs_stat(tmp_path):
    with SimulatedSerialBoard(board="mini2", link=tmp_path / "mini2") as sim:
        proc = mpremote(sim.path, "exec", "print(1+2)")
        assert proc.returncode == 0 and proc.stdout == "3\n", proc.stderr
        listing = mpremote(sim.path, "fs", "ls")
        assert listing.returncode == 1
        assert "has no attribute 'ilistdir'" in listing.stdout + listing.stderr


def test_link_must_not_replace_a_real_file(tmp_path):
    precious = tmp_path / "notes.txt"
    precious.write_text("keep")
    with pytest.raises(UserError, match="echte Datei"):
        SimulatedSerialBoard(link=precious)
    assert precious.read_text() == "keep"
