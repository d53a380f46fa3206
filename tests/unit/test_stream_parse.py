"""LineParser: every classroom format, partial lines, garbage, floods, wrong baud rate."""

import random

import pytest
from schuelerlab.hardware.parse import LineParser, Sample, TextEvent


def values(records):
    return [r.values for r in records if isinstance(r, Sample)]


def texts(records):
    return [r.text for r in records if isinstance(r, TextEvent)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"temp:21\r\n", {"temp": 21.0}),
        (b"temp:21" + b" " * 23 + b"\r\n", {"temp": 21.0}),  # MakeCode pads to 32 bytes
        (b"Temperatur: -3.5  \r\n", {"Temperatur": -3.5}),
        (b"my temp:7\r\n", {"my temp": 7.0}),
        (b"temp:21,light:128\r\n", {"temp": 21.0, "light": 128.0}),  # Arduino labels
        (b"temp:21 light:128\n", {"temp": 21.0, "light": 128.0}),
        (b"temp:21\tlight:128\n", {"temp": 21.0, "light": 128.0}),
        (b"(21, 128)\r\n", {"wert1": 21.0, "wert2": 128.0}),  # Mu tuple
        (b"(5,)\r\n", {"wert1": 5.0}),
        (b"('a', 1.5)\r\n", {"wert1": 1.5}),  # Mu skips non-numeric fields
        (b"21 128\r\n", {"wert1": 21.0, "wert2": 128.0}),  # Arduino plotter
        (b"21\t128\r\n", {"wert1": 21.0, "wert2": 128.0}),
        (b"-123,456,-1020\r\n", {"wert1": -123.0, "wert2": 456.0, "wert3": -1020.0}),
        (b"1,2,3" + b" " * 27 + b"\r\n", {"wert1": 1.0, "wert2": 2.0, "wert3": 3.0}),  # writeNumbers
        (b"21,5;128\r\n", {"wert1": 21.5, "wert2": 128.0}),  # German CSV
        (b"1,,3\r\n", {"wert1": 1.0, "wert3": 3.0}),
        (b"42\n", {"wert1": 42.0}),
        (b"1e3\r", {"wert1": 1000.0}),
    ],
)
def test_formats(line, expected):
    parser = LineParser()
    assert values(parser.feed(line, 1.0)) == [expected]
    assert parser.stats.samples == 1 and parser.stats.dropped == 0


@pytest.mark.parametrize(
    "line",
    [b"Hallo\r\n", b">>> \r\n", b"OSError: [Errno 2] ENOENT\r\n", b"12:30 Uhr\r\n", b"Wert ist 21\r\n",
     b"temp:nan\r\n", b"inf\r\n", b"(a, b)\r\n", b"12:30\r\n"],
)
def test_text_lines_become_text_events(line):
    parser = LineParser()
    records = parser.feed(line, 0.5)
    assert values(records) == []
    assert texts(records) == [line.decode().strip()]
    assert records[0].time == 0.5


def test_csv_header_names_following_rows_v3_log_mirror():
    parser = LineParser()
    records = parser.feed(b"Time (seconds),temp,light\r\n0.00,21,128\r\n1.00,22,130\r\n", 2.0)
    assert values(records) == [
        {"Time (seconds)": 0.0, "temp": 21.0, "light": 128.0},
        {"Time (seconds)": 1.0, "temp": 22.0, "light": 130.0},
    ]
    assert parser.header == ("Time (seconds)", "temp", "light")
    # a row with another number of fields does not get the header's names
    assert values(parser.feed(b"5,6\r\n", 3.0)) == [{"wert1": 5.0, "wert2": 6.0}]


def test_course_convention_csv_and_header_change():
    parser = LineParser()
    records = parser.feed(b"t_ms,temp,light\n1234,21,128\nt_ms,x,y\n1,2,3\n", 0.0)
    assert values(records) == [
        {"t_ms": 1234.0, "temp": 21.0, "light": 128.0},
        {"t_ms": 1.0, "x": 2.0, "y": 3.0},
    ]


def test_chunks_split_anywhere_and_all_line_ends():
    stream = b"temp:1\r\ntemp:2\ntemp:3\rtemp:4\r\n(5, 6)\r\n"
    for size in (1, 2, 3, 7):
        parser = LineParser()
        got = []
        for i in range(0, len(stream), size):
            got += values(parser.feed(stream[i : i + size], 0.0))
        assert got == [
            {"temp": 1.0}, {"temp": 2.0}, {"temp": 3.0}, {"temp": 4.0}, {"wert1": 5.0, "wert2": 6.0},
        ]


def test_unfinished_line_waits_for_its_end():
    parser = LineParser()
    assert parser.feed(b"temp:2", 0.0) == []
    assert values(parser.feed(b"3\r\n", 0.1)) == [{"temp": 23.0}]


def test_partial_first_line_is_skipped_when_asked():
    parser = LineParser(skip_partial_first_line=True)
    assert parser.feed(b"mp:21\r\ntemp:22\r\n", 0.0) and values(parser.feed(b"", 0)) == []
    parser = LineParser(skip_partial_first_line=True)
    assert values(parser.feed(b"mp:21\r\ntemp:22\r\n", 0.0)) == [{"temp": 22.0}]
    parser.skip_partial_line()  # e.g. after reconnecting
    assert values(parser.feed(b"ght:1\r\nlight:2\r\n", 0.0)) == [{"light": 2.0}]


def test_flood_without_newline_is_dropped_and_counted_then_parsing_resumes():
    parser = LineParser()
    records = []
    flood = b"7" * 5000
    for i in range(0, len(flood), 512):
        records += parser.feed(flood[i : i + 512], 0.0)
    records += parser.feed(b"777\r\ntemp:21\r\n", 1.0)
    assert values(records) == [{"temp": 21.0}]  # the flood's tail "777" is not a sample
    assert parser.stats.dropped_long == 1


def test_long_complete_line_is_dropped():
    parser = LineParser()
    assert values(parser.feed(b"1," * 600 + b"1\r\ntemp:1\r\n", 0.0)) == [{"temp": 1.0}]
    assert parser.stats.dropped_long == 1


def test_random_binary_garbage_gives_no_samples_and_no_crash():
    rng = random.Random(1234)
    parser = LineParser()
    records = []
    for _ in range(200):
        chunk = bytes(rng.choice(range(128, 256)) if rng.random() < 0.7 else rng.randrange(256)
                      for _ in range(rng.randrange(1, 200)))
        records += parser.feed(chunk, 0.0)
    assert parser.stats.garbage_lines > 0 and parser.stats.invalid_utf8 > 0
    assert all(isinstance(r, TextEvent | Sample) for r in records)
    # then a good stream: the first line after garbage is the resync line, the rest is parsed
    good = values(parser.feed(b"\r\ntemp:1\r\ntemp:2\r\ntemp:3\r\n", 1.0))
    assert good[-2:] == [{"temp": 2.0}, {"temp": 3.0}]


def test_garbage_line_does_not_swallow_text_lines():
    parser = LineParser()
    records = parser.feed(b"\x00\x01\x02\r\nHallo\r\ntemp:5\r\n", 0.0)
    assert texts(records) == ["Hallo"] and values(records) == [{"temp": 5.0}]
    assert parser.stats.garbage_lines == 1


def uart_resample(data: bytes, *, sent_baud: int, read_baud: int) -> bytes:
    """What a UART reading at ``read_baud`` receives from a line sending ``data`` at ``sent_baud`` (8N1)."""
    bits = []
    for byte in data:
        bits += [0] + [(byte >> i) & 1 for i in range(8)] + [1]
    bits += [1] * 20
    ratio = sent_baud / read_baud  # sent bits per received bit
    out, pos = bytearray(), 0.0
    while pos < len(bits) - 10 * ratio:
        if bits[int(pos)] == 1:  # idle: look for a start bit at 16x oversampling
            pos += ratio / 16
            continue
        value = 0
        for i in range(8):  # middle of data bit i
            value |= bits[min(int(pos + (1.5 + i) * ratio), len(bits) - 1)] << i
        out.append(value)
        pos += 9.5 * ratio  # middle of the stop bit (framing errors are ignored, like most drivers)
    return bytes(out)


@pytest.mark.parametrize(("sent", "read"), [(115200, 9600), (9600, 115200), (115200, 57600)])
def test_wrong_baud_rate_invents_no_samples(sent, read):
    lines = b"".join(f"temp:{20 + i % 10}.5\r\n".encode() for i in range(400))
    received = uart_resample(lines, sent_baud=sent, read_baud=read)
    assert received and received != lines
    parser = LineParser()
    records = parser.feed(received, 0.0)
    assert values(records) == []
    assert parser.stats.garbage_bytes > 0 or parser.stats.dropped_long > 0


def test_resample_helper_is_identity_at_the_right_baud():
    data = b"temp:21\r\n"
    assert uart_resample(data, sent_baud=115200, read_baud=115200) == data
