"""Trace recording and the grader helpers (pure Python, no VM)."""

from __future__ import annotations

from schuelerlab.hardware.sim.clock import BUSY_CALLS, StopSimulation, VirtualClock
from schuelerlab.hardware.sim.timeline import Sequence
from schuelerlab.hardware.sim.trace import Recorder, Trace, builtin_images, char_rows

HEART = "0909099999999990999000900"


def test_builtin_images_and_font_come_from_the_guest_data():
    assert builtin_images()["HEART"] == "09090:99999:99999:09990:00900"
    assert char_rows("A") == ["09900", "90090", "99990", "90090", "90090"]
    assert char_rows("1") == ["00900", "09900", "00900", "00900", "09990"]
    assert char_rows("\u00e4") == char_rows("?")


def test_recorder_coalesces_frames_within_a_millisecond():
    trace = Trace()
    rec = Recorder(trace)
    rec.display(0, "9" + "0" * 24)
    rec.display(5, "99" + "0" * 23)
    rec.display(5, HEART)  # replaces the frame at 5 ms
    rec.display(7, HEART)  # no change, not recorded
    assert [f["t"] for f in trace.display] == [0, 5]
    assert trace.frame_at(6) == ["09090", "99999", "99999", "09990", "00900"]
    assert trace.frame_at(3) == ["90000"] + ["00000"] * 4
    assert trace.shown("HEART") and trace.shown("Image.HEART") and not trace.shown("SAD")
    assert trace.first_shown("HEART") == 5
    assert not trace.shown("HEART", until=4)
    assert trace.image_at(6) == "HEART" and trace.image_at(3) is None
    assert trace.images_shown() == ["HEART"]


def test_serial_lines_with_times_and_partial_last_line():
    trace = Trace()
    rec = Recorder(trace)
    seen = []
    rec.output(0, "a\r\nb", seen.append)
    rec.output(10, "c\nd", seen.append)
    rec.flush(20)
    assert trace.serial == [{"t": 0, "line": "a"}, {"t": 10, "line": "bc"}, {"t": 20, "line": "d"}]
    assert seen == ["a\r\nb", "c\nd"]
    assert trace.lines_between(5, 20) == ["bc", "d"]


def test_trace_json_round_trip():
    trace = Trace(board="mini2", serial=[{"t": 1, "line": "x"}],
                  error={"type": "E", "message": "m", "line": 2})
    trace.music.append({"t": 0, "pin": "pin0", "note": "C4", "freq": 262, "ms": 500})
    text = trace.to_json()
    assert Trace.from_json(text) == trace
    assert trace.notes() == ["C4"]


def test_virtual_clock_sleeps_exactly_and_stops_at_until():
    clock = VirtualClock(until_ms=1000)
    clock.sleep_ms(400)
    assert clock.now_us() == 400_000
    try:
        clock.sleep_ms(700)
    except StopSimulation as stop:
        assert stop.reason == "until"
    assert clock.now_us() == 1_000_000


def test_busy_waiting_costs_time_only_after_many_calls():
    clock = VirtualClock()
    assert not any(clock.call() for _ in range(BUSY_CALLS))
    assert clock.now_us() == 0
    assert clock.call() and clock.now_us() == 1000
    clock.sleep_ms(5)
    assert not clock.call()


def test_sequence_plays_steps_on_time_and_loops():
    played = []
    seq = Sequence("display", 0, [(100, "a"), (100, "b")], False, lambda t, p: played.append((t, p)))
    seq.advance(150_000)
    assert played == [(0, "a"), (100, "b")] and seq.done() and seq.end_us() == 100_000
    looped = []
    loop = Sequence("m", 0, [(10, "x")], True, lambda t, p: looped.append(t))
    loop.advance(35_000)
    assert looped == [0, 10, 20, 30] and loop.end_us() is None
