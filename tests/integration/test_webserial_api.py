"""Choosing the board (local pty, simulator, none) and writing main.py through ``webserial://``.

Real parts: a PtyDevice stands in for a USB board (only the USB enumeration is told its id), the
simulated board is real, and the flasher's raw-REPL session goes through the browser port's queue
to a real ``SimulatedSerialBoard`` (the page's part is played by a socket thread here; the browser
itself is in test_webserial_browser.py).
"""

from __future__ import annotations

import base64
import socket
import threading

import pytest
from schuelerlab.hardware.flash.repl import write_main
from schuelerlab.hardware.ptydev import PtyDevice
from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard
from schuelerlab.hardware.stream import open_stream
from schuelerlab.hardware.webserial import BrowserPort, handle_request, registry
from serial.tools import list_ports
from serial.tools.list_ports_common import ListPortInfo

from schuelerlab.errors import UserError


def _usb_listing(device: str | None):
    """comports() as it looks with a Calliope (DAPLink id) at ``device``, or with none."""
    def comports(*args, **kwargs):
        if device is None:
            return []
        info = ListPortInfo(device, skip_link_detection=True)
        info.vid, info.pid, info.serial_number = 0x0D28, 0x0204, "TEST123"
        return [info]
    return comports


def test_a_local_board_is_chosen_and_announced(tmp_path, monkeypatch):
    with PtyDevice(link=tmp_path / "calliope") as dev:
        monkeypatch.setattr(list_ports, "comports", _usb_listing(dev.path))
        messages: list[str] = []
        with open_stream(on_status=messages.append, reconnect=False) as stream:
            assert stream.source.kind == "local"
            threading.Timer(0.1, dev.write, args=(b"x\ntemp:21\n",)).start()
            got = [s.values for s in stream.samples(seconds=1)]
        assert got == [{"temp": 21.0}]
        assert messages[0] == f"Ich lese vom Calliope an {dev.path}."


def test_without_any_board_the_simulator_stands_in_and_says_so(monkeypatch):
    monkeypatch.setattr(list_ports, "comports", _usb_listing(None))
    messages: list[str] = []
    with open_stream(on_status=messages.append, simulator=True) as stream:
        board = stream.source.owned
        got = [s.values for s in stream.samples(seconds=1.5)]
    assert got and set(got[-1]) == {"temperatur", "licht"}
    assert "Kein Calliope gefunden" in messages[0] and "simuliert" in messages[0]
    assert board._closed  # the stream switched its simulated board off


def test_without_board_outside_a_notebook_the_error_stays(monkeypatch):
    monkeypatch.setattr(list_ports, "comports", _usb_listing(None))
    with pytest.raises(UserError, match="Kein Calliope"):
        open_stream()


def test_main_py_reaches_the_board_through_the_browser_port(tmp_path):
    """The flasher writes to webserial://; the 'page' (a socket thread) carries bytes both ways."""
    with SimulatedSerialBoard(pty=False, tcp_port=0) as board:
        sock = socket.create_connection(("127.0.0.1", board.tcp.port))
        port = BrowserPort("tok-flash", lambda msg: sock.sendall(base64.b64decode(msg["data"])))
        registry.add(port)

        def page() -> None:
            while data := sock.recv(4096):
                handle_request({"token": "tok-flash", "event": "data",
                                "data": base64.b64encode(data).decode()})

        threading.Thread(target=page, daemon=True).start()
        try:
            handle_request({"token": "tok-flash", "event": "open"})
            program = b'print("neu:%d" % 42)\n'
            result = write_main("webserial://tok-flash", program, listen=1.0)
            assert board.fs.read("main.py") == program
            assert "neu:42" in result.output
        finally:
            registry.remove(port)
            sock.close()
