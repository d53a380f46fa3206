"""PtyDevice against the real pyserial client: raw mode, both directions, unplug, replug, reopen."""

import time

import serial
from schuelerlab.hardware.ptydev import PtyDevice, PtyUnplugged


def _read_exact(port: serial.Serial, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = port.read(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def test_bytes_pass_unchanged_both_ways(tmp_path):
    with PtyDevice(link=tmp_path / "calliope") as dev:
        port = serial.serial_for_url(dev.path, baudrate=115200, timeout=2, exclusive=True)
        try:
            payload = b"temp:21\r\nlight\n\r\x03\x04\xff\x00"
            dev.write(payload)
            assert _read_exact(port, len(payload)) == payload  # raw: no echo, no CR/LF translation
            port.write(b"\r\x01print(1)\x04")
            assert dev.read_until(b"\x04", timeout=2) == b"\r\x01print(1)\x04"
            assert dev.read(10, timeout=0.05) == b""  # the device's own output was not echoed
        finally:
            port.close()


def test_unplug_is_seen_by_host_and_replug_reuses_the_link(tmp_path):
    link = tmp_path / "calliope"
    with PtyDevice(link=link) as dev:
        assert dev.path == str(link) and link.resolve() == __import__("pathlib").Path(dev.tty_path)
        port = serial.serial_for_url(dev.path, baudrate=115200, timeout=2)
        dev.unplug()
        assert not dev.plugged and not link.exists()
        try:
            port.read(1)
            raise AssertionError("a read after unplug must fail")
        except serial.SerialException:
            pass
        port.close()
        try:
            dev.write(b"x")
            raise AssertionError("writing while unplugged must fail")
        except PtyUnplugged:
            pass
        dev.replug()
        assert dev.plugged and link.is_symlink()
        port = serial.serial_for_url(dev.path, baudrate=115200, timeout=2)
        dev.write(b"wieder da\r\n")
        assert port.readline() == b"wieder da\r\n"
        port.close()


def test_host_can_close_and_reopen_without_the_device_noticing(tmp_path):
    with PtyDevice() as dev:
        for round_ in range(3):
            port = serial.serial_for_url(dev.path, baudrate=115200, timeout=2)
            line = f"runde {round_}\r\n".encode()
            dev.write(line)
            assert _read_exact(port, len(line)) == line
            port.close()
        assert dev.read(10, timeout=0) == b""  # master never saw EIO between host sessions


def test_write_times_out_when_nobody_reads():
    with PtyDevice() as dev:
        try:
            dev.write(b"x" * 1_000_000, timeout=0.2)
            raise AssertionError("the pty buffer is finite; the write must time out")
        except TimeoutError:
            pass


def test_pending_counts_unread_bytes_and_drain_waits_for_the_host():
    with PtyDevice() as dev:
        port = serial.serial_for_url(dev.path, baudrate=115200, timeout=2)
        dev.write(b"12345\r\n")
        deadline = time.monotonic() + 2
        while dev.pending() != 7 and time.monotonic() < deadline:
            time.sleep(0.001)  # the kernel queues written bytes asynchronously
        assert dev.pending() == 7
        assert not dev.drain(timeout=0.05)
        assert _read_exact(port, 7) == b"12345\r\n"
        assert dev.drain(timeout=1) and dev.pending() == 0
        port.close()
