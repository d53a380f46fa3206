"""`schuelerlab log` and `schuelerlab stream` as real processes on a pty fed like a board."""

import csv
import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest
import serial
from schuelerlab.hardware.ptydev import PtyDevice


class Cli:
    """A running `schuelerlab` process whose stdout/stderr lines are collected by threads."""

    def __init__(self, *args: str) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "schuelerlab", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=env)
        self.out: list[str] = []
        self.err: list[str] = []
        self._cond = threading.Condition()
        for stream, sink in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=self._collect, args=(stream, sink), daemon=True).start()

    def _collect(self, stream, sink) -> None:
        for line in stream:
            with self._cond:
                sink.append(line)
                self._cond.notify_all()

    def wait_err(self, text: str, timeout: float = 15.0) -> str:
        with self._cond:
            ok = self._cond.wait_for(lambda: any(text in line for line in self.err), timeout)
        assert ok, f"{text!r} not on stderr: {self.err}"
        return "".join(self.err)

    def wait_out(self, n: int, timeout: float = 15.0) -> list[str]:
        with self._cond:
            assert self._cond.wait_for(lambda: len(self.out) >= n, timeout), self.out
            return list(self.out)

    def stop(self, timeout: float = 15.0) -> int:
        self.proc.send_signal(signal.SIGINT)
        return self.wait(timeout)

    def wait(self, timeout: float = 15.0) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


def rows(path, delimiter=",", encoding="utf-8"):
    with open(path, newline="", encoding=encoding) as f:
        return list(csv.reader(f, delimiter=delimiter))


def wait_rows(path, n, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and len(rows(path)) >= n + 1:
            break
        time.sleep(0.02)
    return rows(path)


def makecode(name: str, value: int) -> bytes:
    return f"{name}:{value}".ljust(32).encode() + b"\r\n"


@pytest.fixture
def board(tmp_path):
    with PtyDevice(link=tmp_path / "calliope") as dev:
        yield dev


def test_log_keeps_every_line_through_unplug_and_resumes_after_replug(board, tmp_path):
    out = tmp_path / "messung.csv"
    cli = Cli("log", board.path, "-o", str(out))
    cli.wait_err("Verbunden mit")
    for i in range(20):
        board.write(makecode("temp", i))
    board.write(b"temp:99")  # an unfinished line: the cable is pulled before its end
    assert board.drain()
    board.unplug()
    err = cli.wait_err("verloren")
    assert "Kabel" in err and "Traceback" not in err
    before = rows(out)  # the logger is still running: everything received is already in the file
    assert before[0] == ["time_s", "temp"]
    assert [r[1] for r in before[1:]] == [str(i) for i in range(20)]
    board.replug()
    cli.wait_err("Wieder verbunden")
    for i in range(100, 110):
        board.write(makecode("temp", i))
    wait_rows(out, 30)
    assert cli.stop() == 0
    assert "Fertig" in cli.wait_err("Fertig") and "30 Messwerte" in "".join(cli.err)
    table = rows(out)
    assert [r[1] for r in table[1:]] == [str(i) for i in [*range(20), *range(100, 110)]]
    times = [float(r[0]) for r in table[1:]]
    assert times == sorted(times) and times[0] >= 0


def test_busy_port_is_a_german_message_without_traceback(board, tmp_path):
    holder = serial.serial_for_url(board.path, baudrate=115200, exclusive=True)
    try:
        proc = subprocess.run([sys.executable, "-m", "schuelerlab", "log", board.path, "-o",
                               str(tmp_path / "x.csv"), "--seconds", "1"], capture_output=True, text=True,
                              timeout=30)
    finally:
        holder.close()
    assert proc.returncode == 1
    assert "anderen Programm benutzt" in proc.stderr and "Traceback" not in proc.stderr


def test_excel_de_and_seconds_stop_by_themselves(board, tmp_path):
    out = tmp_path / "excel.csv"
    cli = Cli("log", board.path, "-o", str(out), "--seconds", "2", "--excel-de")
    cli.wait_err("Verbunden mit")
    board.write(b"Time (seconds),temp,light\r\n0.00,21.5,128\r\nHallo Welt\r\n1.00,22.25,130\r\n")
    assert cli.wait(30) == 0  # --seconds ends it, no signal needed
    assert "Calliope: Hallo Welt" in "".join(cli.err)
    assert rows(out, ";", "utf-8-sig") == [
        ["time_s", "Time (seconds)", "temp", "light"],
        [rows(out, ";", "utf-8-sig")[1][0], "0", "21,5", "128"],
        [rows(out, ";", "utf-8-sig")[2][0], "1", "22,25", "130"],
    ]
    assert "," in rows(out, ";", "utf-8-sig")[1][0]  # the time column has a decimal comma too


def test_seconds_also_ends_a_wait_for_an_unplugged_board(board, tmp_path):
    cli = Cli("log", board.path, "-o", str(tmp_path / "m.csv"), "--seconds", "1.5")
    cli.wait_err("Verbunden mit")
    board.unplug()
    cli.wait_err("verloren")
    assert cli.wait(30) == 0
    assert "Fertig" in "".join(cli.err)


def test_stream_prints_every_format(board):
    cli = Cli("stream", board.path)
    cli.wait_err("Verbunden mit")
    board.write(makecode("temp", 21) + b"(1, 2)\r\nHallo\r\nx:1,y:-2\r\n21 128\r\n")
    lines = cli.wait_out(5)
    assert cli.stop() == 0
    assert lines[0].split("s  ", 1)[1].strip() == "temp=21"
    assert [line.split(" s  ", 1)[1].strip() for line in lines[1:5]] == [
        "wert1=1  wert2=2", "Text: Hallo", "x=1  y=-2", "wert1=21  wert2=128"]


def test_flood_and_garbage_are_dropped_and_counted(board, tmp_path):
    out = tmp_path / "m.csv"
    cli = Cli("log", board.path, "-o", str(out))
    cli.wait_err("Verbunden mit")
    board.write(b"5" * 5000)  # a flood without newline
    board.write(b"\r\ntemp:1\r\n")
    rng = random.Random(3)
    board.write(bytes(rng.randrange(128, 256) for _ in range(300)) + b"\r\n")
    board.write(b"temp:2\r\ntemp:3\r\n")  # temp:2 is the resync line after the garbage
    wait_rows(out, 2)
    assert cli.stop() == 0
    assert [r[1] for r in rows(out)[1:]] == ["1", "3"]
    err = "".join(cli.err)
    assert "mehr als 1024 Zeichen" in err and "verworfen" in err


def test_wrong_baud_rate_garbage_gives_a_hint_and_no_rows(board, tmp_path):
    out = tmp_path / "m.csv"
    cli = Cli("log", board.path, "-o", str(out))
    cli.wait_err("Verbunden mit")
    # what a 115200-baud reader receives from a 9600-baud board (see test_stream_parse)
    board.write(b"\x00\x00\x00\xc0\x00\xfe\x00\xfe\x00\xfe\x00\xfe\x00\x00\xf0\x00\xfe\r\n" * 30)
    err = cli.wait_err("unlesbare Zeichen")
    assert "115200" in err
    assert cli.stop() == 0
    assert rows(out) == [["time_s"]]
