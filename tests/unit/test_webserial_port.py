"""The kernel side of a browser port: byte queue, pyserial URL handler ``webserial://``, stream on top."""

from __future__ import annotations

import base64
import errno
import threading

import pytest
import schuelerlab.hardware  # noqa: F401 - registers the webserial:// handler
import serial
from schuelerlab.hardware.stream import open_stream
from schuelerlab.hardware.transport import PortBusy, open_serial
from schuelerlab.hardware.webserial import BrowserPort, handle_request, registry

from schuelerlab.errors import UserError


@pytest.fixture
def port():
    """A browser port whose page 'connected' a board; messages to the page are collected."""
    sent: list[dict] = []
    bp = BrowserPort("tok-test", sent.append)
    bp.sent = sent
    registry.add(bp)
    assert handle_request({"token": "tok-test", "event": "open"}) == {"status": "ok"}
    yield bp
    registry.remove(bp)


def _data(text: bytes, t: float = 0) -> dict:
    return {"token": "tok-test", "event": "data", "data": base64.b64encode(text).decode(), "t": t}


def test_bytes_before_open_are_dropped_then_pass_unchanged_across_chunks(port):
    handle_request(_data(b"old line\n"))
    port.open()
    assert port.waiting == 0
    payload = [b"temp:2", b"1\r\nli", bytes(range(256))]
    for chunk in payload:
        handle_request(_data(chunk, t=1))
    assert port.waiting == sum(map(len, payload))
    assert port.read(4, 0) == b"temp"
    assert port.read(10_000, 0) == b"".join(payload)[4:]
    assert port.read(10, 0.01) == b""  # nothing left: the timeout ends the wait
    assert len(port.latencies) == 3


def test_unknown_token_is_refused():
    assert handle_request({"token": "nope", "event": "data", "data": "AA=="})["status"] == "error"


def test_close_from_the_page_ends_reading_after_the_rest(port):
    port.open()
    handle_request(_data(b"last\n"))
    handle_request({"token": "tok-test", "event": "close"})
    assert port.read(100, 0) == b"last\n"
    with pytest.raises(ConnectionError):
        port.read(100, 0.5)
    assert registry.current() is None


def test_url_handler_reads_writes_and_is_exclusive(port):
    ser = serial.serial_for_url("webserial://", baudrate=115200, timeout=0.2, exclusive=True)
    try:
        threading.Timer(0.05, handle_request, args=(_data(b"abc"),)).start()
        assert ser.read(3) == b"abc"
        assert ser.write(b"\r\x01print(1)\x04") == 11
        assert base64.b64decode(port.sent[-1]["data"]) == b"\r\x01print(1)\x04"
        assert port.sent[-1]["type"] == "write"
        with pytest.raises(PortBusy, match="anderen Programm"):
            open_serial("webserial://tok-test")
    finally:
        ser.close()
    assert not port.in_use


def test_url_handler_without_a_connected_browser_port():
    with pytest.raises(serial.SerialException) as info:
        serial.serial_for_url("webserial://")
    assert info.value.errno == errno.ENOENT
    with pytest.raises(UserError, match="gibt es nicht"):
        open_serial("webserial://")


def test_stream_chooses_the_browser_port_and_parses_its_lines(port):
    messages: list[str] = []
    with open_stream(on_status=messages.append, reconnect=False) as stream:
        assert stream.source.kind == "browser"
        for i in range(5):
            threading.Timer(0.05 * (i + 1), handle_request, args=(_data(b"temp:%d\n" % (20 + i)),)).start()
        got = [s.values["temp"] for s in stream.samples(seconds=1)]
    assert got[-4:] == [21.0, 22.0, 23.0, 24.0]  # the first line may be cut by the open
    assert messages[0] == "Ich lese vom Calliope im Browser (Web Serial)."
