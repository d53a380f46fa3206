"""Byte-level tests of the simulated board's REPL (serial-and-repl.md §1-§5), real MicroPython behind it."""

import threading
import time

import pytest
from schuelerlab.hardware.boards import MINI2, MINI3
from schuelerlab.hardware.sim.flatfs import FlatFS
from schuelerlab.hardware.sim.liveexec import LiveExecutor
from schuelerlab.hardware.sim.repl import Repl

BANNER3 = (b"MicroPython b7ce7a8 on 2024-11-05; Calliope mini v2.1.2b with nRF52833\r\n"
           b'Type "help()" for more information.\r\n')
BANNER2 = (b"MicroPython v1.9.2-34-gd64154c73 on 2017-09-01; Calliope mini v1.1.1 with nRF51822\r\n"
           b'Type "help()" for more information.\r\n')
RAW = b"raw REPL; CTRL-B to exit\r\n>"
TICKER = "import time\nn = 0\nwhile True:\n    n += 1\n    print('temp:%d' % n)\n    time.sleep_ms(20)\n"


class Device:
    """A REPL with its bytes captured: ``send`` returns what the board answered."""

    def __init__(self, profile, tmp_path, main=None):
        self.fs = FlatFS(tmp_path / "fs", capacity_bytes=profile.fs_bytes)
        if main is not None:
            self.fs.create("main.py")
            self.fs.append("main.py", main.encode())
        self._out = bytearray()
        self._lock = threading.Lock()
        self._seen = 0
        self.executor = LiveExecutor(profile=profile, fs=self.fs, on_output=lambda t: self.repl.output(t))
        self.repl = Repl(profile, self.executor, write=self._write, main_source=self._main)
        self.executor.input_provider = self.repl.program_input
        self.repl.start()

    def _main(self):
        return self.fs.read("main.py").decode() if self.fs.exists("main.py") else None

    def _write(self, data):
        with self._lock:
            self._out += data

    def take(self):
        with self._lock:
            data = bytes(self._out[self._seen:])
            self._seen = len(self._out)
        return data

    def send(self, data=b""):
        if data:
            self.repl.feed(data)
        assert self.repl.wait_idle(60), "the board did not come back to its prompt"
        return self.take()

    def read_until(self, marker, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if marker in self._out[self._seen:]:
                    break
            time.sleep(0.01)
        return self.take()

    def close(self):
        self.repl.close()
        self.executor.close()


@pytest.fixture
def mini3(tmp_path):
    dev = Device(MINI3, tmp_path)
    yield dev
    dev.close()


@pytest.fixture
def mini2(tmp_path):
    dev = Device(MINI2, tmp_path)
    yield dev
    dev.close()


def test_boot_prints_banner_once(mini3):
    assert mini3.send() == BANNER3 + b">>> "
    assert mini3.send(b"\r") == b"\r\n>>> "


def test_captured_mpremote_startup_byte_for_byte(mini3):
    mini3.send()
    assert mini3.send(b"\r") == b"\r\n>>> "
    assert mini3.send(b"\x03") == b"\r\n>>> "
    assert mini3.send(b"\r") == b"\r\n>>> "
    assert mini3.send(b"\x01") == b"\r\n" + RAW
    assert mini3.send(b"\x04") == b"OK\r\nMPY: soft reboot\r\n" + RAW
    mini3.repl.feed(b"\x05A\x01")
    assert mini3.send() == b"R\x01\x80\x00\x01"
    assert mini3.send(b"print(1+2)\x04") == b"\x043\r\n\x04\x04>"
    assert mini3.send(b"\r\x02") == b"\r\n" + BANNER3 + b">>> "


def test_friendly_mode_echoes_and_cooks_output(mini3):
    mini3.send()
    assert mini3.send(b"print('a\\nb')\r") == b"print('a\\nb')\r\na\r\nb\r\n>>> "
    assert mini3.send(b"1+2\r") == b"1+2\r\n3\r\n>>> "
    assert mini3.send(b"x = 7\r") == b"x = 7\r\n>>> "
    assert mini3.send(b"x\x7f\x7fx\r") == b"x\b \bx\r\n7\r\n>>> "


def test_friendly_traceback_and_block_with_continuation(mini3):
    mini3.send()
    assert mini3.send(b"1/0\r") == (b"1/0\r\nTraceback (most recent call last):\r\n"
                                    b'  File "<stdin>", line 1, in <module>\r\n'
                                    b"ZeroDivisionError: divide by zero\r\n>>> ")
    assert mini3.send(b"for i in range(2):\r") == b"for i in range(2):\r\n... "
    assert mini3.send(b"  print(i)\r") == b"  print(i)\r\n... "
    assert mini3.send(b"\r") == b"\r\n0\r\n1\r\n>>> "
    assert mini3.send(b"if 1:\r\x03") == b"if 1:\r\n... \r\n>>> "


def test_raw_exec_separates_stdout_and_traceback(mini3):
    mini3.send(b"\x01")
    assert mini3.send(b"print(5)\nimport os\nos.remove('nix')\x04") == (
        b"OK5\r\n\x04Traceback (most recent call last):\r\n"
        b'  File "<stdin>", line 3, in <module>\r\nOSError: [Errno 2] ENOENT\r\n\x04>')
    assert mini3.send(b"garbage\x03print(1)\x04") == b"OK1\r\n\x04\x04>"


def test_raw_soft_reboot_clears_globals_and_skips_main(tmp_path):
    dev = Device(MINI3, tmp_path, main="print('main ran')\n")
    try:
        assert dev.send() == b"main ran\r\n" + BANNER3 + b">>> "
        dev.send(b"\x01")
        dev.send(b"x = 1\x04")
        assert dev.send(b"\x04") == b"OK\r\nMPY: soft reboot\r\n" + RAW
        assert b"NameError" in dev.send(b"print(x)\x04")
    finally:
        dev.close()


def test_raw_paste_flow_control_credits(mini3):
    mini3.send(b"\x01")
    code = b"x = 0\n" + b"x += 1\n" * 60 + b"print(x)"  # 433 bytes: three windows of 128 consumed
    mini3.repl.feed(b"\x05A\x01")
    assert mini3.send() == b"R\x01\x80\x00\x01"
    assert mini3.send(code + b"\x04") == b"\x01" * (len(code) // 128) + b"\x0460\r\n\x04\x04>"


def test_unknown_raw_paste_command_is_refused(mini3):
    mini3.send(b"\x01")
    assert mini3.send(b"\x05B\x01") == b"R\x00>"


def test_mini2_has_no_raw_paste_and_old_reboot_text(mini2):
    assert mini2.send() == BANNER2 + b">>> "
    assert mini2.send(b"\r\x01") == b"\r\n>>> \r\n" + RAW
    assert mini2.send(b"\x05A\x01") == RAW
    assert mini2.send(b"\x04") == b"OK\r\nsoft reboot\r\n" + RAW
    assert mini2.send(b"print(2)\x04") == b"OK2\r\n\x04\x04>"


def test_friendly_ctrl_d_soft_reset_runs_main(tmp_path):
    dev = Device(MINI3, tmp_path, main="print('hello')\n")
    try:
        dev.send()
        assert dev.send(b"\x04") == b"\r\nMPY: soft reboot\r\nhello\r\n" + BANNER3 + b">>> "
    finally:
        dev.close()


def test_one_ctrl_c_stops_running_main(tmp_path):
    dev = Device(MINI3, tmp_path, main=TICKER)
    try:
        assert b"temp:3\r\n" in dev.read_until(b"temp:3\r\n")
        out = dev.send(b"\r\x03")
        assert b"KeyboardInterrupt: \r\n" + BANNER3 + b">>> " in out
        assert b'  File "main.py", line 6, in <module>\r\n' in out
        assert out.endswith(b">>> \r\n>>> ")  # the \r queued while main.py ran
    finally:
        dev.close()


def test_paste_mode(mini3):
    mini3.send()
    assert mini3.send(b"\x05") == b"\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== "
    assert mini3.send(b"a = 1\rprint(a + 1)") == b"a = 1\r\n=== print(a + 1)"
    assert mini3.send(b"\x04") == b"\r\n2\r\n>>> "
    mini3.send(b"\x05print(9)")
    assert mini3.send(b"\x03") == b"\r\n>>> "


def test_system_exit_soft_reboots_from_raw(mini3):
    mini3.send(b"\x01")
    assert mini3.send(b"import sys\nsys.exit()\x04") == b"OK\x04MPY: soft reboot\r\n" + RAW


def test_machine_reset_boots_again_and_runs_main(tmp_path):
    dev = Device(MINI3, tmp_path, main="print('booted')\n")
    try:
        dev.send(b"\x01")
        out = dev.send(b"import machine\nmachine.reset()\x04")
        assert out == b"OKbooted\r\n" + BANNER3 + b">>> "
    finally:
        dev.close()


def test_reset_button_interrupts_program(tmp_path):
    dev = Device(MINI3, tmp_path, main=TICKER)
    try:
        dev.read_until(b"temp:2\r\n")
        dev.repl.hard_reset()
        out = dev.read_until(b"temp:1\r\n")
        assert b"temp:1\r\n" in out  # the counter starts again: main.py runs after the reset
        assert b"Traceback" not in out and b">>> " not in out
    finally:
        dev.close()


def test_one_ctrl_c_stops_a_busy_loop_without_sleep(mini3):
    mini3.send(b"\x01")
    mini3.repl.feed(b"x = 1\nwhile True:\n    x += 1\x04")
    assert mini3.read_until(b"OK") == b"OK"
    out = mini3.send(b"\x03")
    assert out.startswith(b"\x04Traceback (most recent call last):\r\n")
    assert out.endswith(b"KeyboardInterrupt: \r\n\x04>")
    assert mini3.send(b"print('still alive')\x04") == b"OKstill alive\r\n\x04\x04>"


def test_garbage_and_memory_bombs_do_not_kill_the_board(mini3):
    mini3.send()
    mini3.send(bytes(range(256)) * 2)
    assert mini3.send(b"\x03\x02").endswith(BANNER3 + b">>> ")
    out = mini3.send(b"x = 'a' * 10**9\r")
    assert b"\r\nMemoryError: memory allocation failed" in out and out.endswith(b"\r\n>>> ")
    assert mini3.send(b"print(1)\r") == b"print(1)\r\n1\r\n>>> "


def test_program_input_reads_an_echoed_line_from_the_host(mini3):
    mini3.send()
    mini3.repl.feed(b"name = input('Name? ')\r")
    assert mini3.read_until(b"\r\nName? ") == b"name = input('Name? ')\r\nName? "
    assert mini3.send(b"Ada\r") == b"Ada\r\n>>> "
    assert mini3.send(b"print(name * 2)\r") == b"print(name * 2)\r\nAdaAda\r\n>>> "
    mini3.repl.feed(b"input()\r")
    mini3.read_until(b"input()\r\n")
    assert mini3.send(b"\x03").endswith(b"KeyboardInterrupt: \r\n>>> ")


def test_microfs_style_handshake_and_commands(mini3):
    """microfs2 (`ufs`): Ctrl-B, (CR, Ctrl-C) x3, CR Ctrl-A, soft reboot, then plain raw commands."""
    mini3.send()
    mini3.send(b"\x02" + b"\r\x03" * 3)
    assert mini3.send(b"\r\x01").endswith(b"\r\n" + RAW)
    assert mini3.send(b"\x04") == b"OK\r\nMPY: soft reboot\r\n" + RAW
    assert mini3.send(b"import os\x04") == b"OK\x04\x04>"
    assert mini3.send(b"print(os.listdir(), end='')\x04") == b"OK[]\x04\x04>"
