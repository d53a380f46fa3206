"""The notebook API on real ptys and a TCP socket: record(), iteration, status, mid-line start."""

import socket
import threading
import time

import pytest
from schuelerlab.hardware import Sample, TextEvent, open_stream, record
from schuelerlab.hardware.ptydev import PtyDevice
from schuelerlab.hardware.stream import ConnectionLost

from schuelerlab.errors import UserError


class Board(threading.Thread):
    """Prints numbered lines like a running program until stopped (writes are dropped while unplugged)."""

    def __init__(self, dev: PtyDevice, fmt: str = "temp:{i}\r\n", interval: float = 0.002) -> None:
        super().__init__(daemon=True)
        self.dev, self.fmt, self.interval = dev, fmt, interval
        self.running = threading.Event()
        self.running.set()
        self.sent = 0

    def run(self) -> None:
        i = 0
        while self.running.is_set():
            line = self.fmt.format(i=i).encode()
            try:
                for piece in (line[:5], line[5:-1], line[-1:]):  # like USB packets cutting a line
                    self.dev.write(piece, timeout=0.05)
                self.sent = i
            except (TimeoutError, OSError):
                pass
            i += 1
            time.sleep(self.interval)

    def stop(self) -> None:
        self.running.clear()
        self.join(5)


def test_record_returns_a_dataframe(tmp_path):
    with PtyDevice() as dev:
        board = Board(dev, fmt="({i}, {i}.5)\r\n", interval=0.01)
        board.start()
        try:
            frame = record(seconds=0.6, port=dev.path, on_status=lambda m: None)
        finally:
            board.stop()
    assert list(frame.columns) == ["time_s", "wert1", "wert2"]
    assert len(frame) >= 5
    assert (frame["wert2"] - frame["wert1"] == 0.5).all()
    assert frame["time_s"].is_monotonic_increasing and frame["time_s"].iloc[0] >= 0


def test_opening_in_the_middle_of_a_fast_stream_never_yields_a_cut_line():
    with PtyDevice() as dev:
        board = Board(dev, fmt="temperatur:{i}\r\n", interval=0.0002)
        board.start()
        try:
            for _ in range(8):  # every open flushes the input at a random point of the byte stream
                with open_stream(port=dev.path, on_status=lambda m: None) as stream:
                    got = [r for r in stream.records(seconds=0.15) if isinstance(r, Sample)]
                assert got, "no samples received"
                assert all(list(s.values) == ["temperatur"] for s in got), got[:3]
                numbers = [s.values["temperatur"] for s in got]
                assert numbers == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))
        finally:
            board.stop()


def test_status_callback_reports_unplug_and_replug(tmp_path):
    messages = []
    with PtyDevice(link=tmp_path / "mini") as dev, open_stream(port=dev.path, on_status=messages.append) as s:
        dev.write(b"Hallo\r\nlight:5\r\n")
        first = list(s.records(seconds=0.3))
        assert first == [TextEvent(first[0].time, "Hallo"), Sample(first[1].time, {"light": 5.0})]
        dev.unplug()
        assert list(s.records(seconds=0.3)) == []
        assert not s.connected and any("verloren" in m for m in messages)
        dev.replug()
        deadline = time.monotonic() + 5
        while not s.connected and time.monotonic() < deadline:
            s.read(0.1)
        assert any("Wieder verbunden" in m for m in messages)
        dev.write(b"light:6\r\n")
        assert [r.values for r in s.records(seconds=0.3)] == [{"light": 6.0}]
        assert s.disconnects == 1


def test_without_reconnect_an_unplug_raises_a_german_user_error():
    with PtyDevice() as dev, open_stream(port=dev.path, reconnect=False, on_status=lambda m: None) as s:
        dev.unplug()
        with pytest.raises(ConnectionLost, match="Kabel gezogen"):
            list(s.records(seconds=2))
    assert issubclass(ConnectionLost, UserError)


def test_socket_url_uses_the_same_path():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]

    def serve() -> None:
        conn, _ = server.accept()
        time.sleep(0.1)
        conn.sendall(b"temp:21\r\n(1, 2)\r\n")
        time.sleep(0.3)
        conn.close()

    threading.Thread(target=serve, daemon=True).start()
    messages = []
    with open_stream(port=f"socket://127.0.0.1:{port}", reconnect=False, on_status=messages.append) as s:
        got = []
        with pytest.raises(ConnectionLost):
            for rec in s.records(seconds=5):
                got.append(rec.values)
    server.close()
    assert got == [{"temp": 21.0}, {"wert1": 1.0, "wert2": 2.0}]


def test_reconnects_to_the_same_board_by_serial_number_under_a_new_path(monkeypatch):
    """The USB listing is the one stand-in (no physical board); the ports themselves are real ptys."""
    from serial.tools import list_ports
    from serial.tools.list_ports_common import ListPortInfo

    def usb(device, serial_number):
        info = ListPortInfo(device, skip_link_detection=True)
        info.vid, info.pid, info.serial_number = 0x0D28, 0x0204, serial_number
        return info

    with PtyDevice() as first, PtyDevice() as second, PtyDevice() as stranger:
        listing = [usb(first.tty_path, "SN-1")]
        monkeypatch.setattr(list_ports, "comports", lambda *a, **k: list(listing))
        messages = []
        with open_stream(on_status=messages.append) as s:  # no port: the only board
            assert s.url == first.tty_path
            first.write(b"temp:1\r\n")
            assert [r.values for r in s.records(seconds=0.3)] == [{"temp": 1.0}]
            first.unplug()
            listing[:] = [usb(stranger.tty_path, "SN-2")]  # another board is not taken
            assert list(s.records(seconds=0.5)) == [] and not s.connected
            listing[:] = [usb(stranger.tty_path, "SN-2"), usb(second.tty_path, "SN-1")]
            deadline = time.monotonic() + 5
            while not s.connected and time.monotonic() < deadline:
                s.read(0.1)
            assert s.url == second.tty_path
            second.write(b"temp:2\r\n")
            assert [r.values for r in s.records(seconds=0.3)] == [{"temp": 2.0}]
        assert any(second.tty_path in m and "Wieder verbunden" in m for m in messages)


def test_a_program_grabbing_the_port_during_the_unplug_is_reported_once(tmp_path):
    import serial

    messages = []
    with PtyDevice(link=tmp_path / "mini") as dev, open_stream(port=dev.path, on_status=messages.append) as s:
        dev.unplug()
        s.read(0.2)
        dev.replug()
        other = serial.serial_for_url(dev.path, exclusive=True)  # e.g. MakeCode in the browser
        try:
            for _ in range(3):
                s.read(0.3)
            assert not s.connected
            assert sum("anderen Programm" in m for m in messages) == 1
        finally:
            other.close()
        deadline = time.monotonic() + 5
        while not s.connected and time.monotonic() < deadline:
            s.read(0.1)
        assert s.connected


def test_live_plot_draws_what_the_board_sends():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from schuelerlab.hardware import live_plot

    with PtyDevice() as dev:
        board = Board(dev, fmt="temp:{i},light:7\r\n", interval=0.005)
        board.start()
        try:
            plot = live_plot(port=dev.path, seconds=0.8, window_s=5)
        finally:
            board.stop()
    temp = plot.series["temp"].line.get_ydata()
    assert len(temp) >= 10 and list(temp) == sorted(temp)  # consecutive numbers, in order
    assert set(plot.series["light"].line.get_ydata()) == {7.0}
    assert plot.full_draws >= 1 and plot.blits >= 1
    plt.close(plot.fig)
