"""Twelve classroom programs on the simulated Calliope (real MicroPython), on both boards where they apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from schuelerlab.hardware.sim import Gesture, Press, RadioMessage, Scenario, simulate
from schuelerlab.hardware.sim.trace import builtin_images, char_rows

PROGRAMS = Path(__file__).parent / "sim_programs"
BOARDS = ["mini3", "mini2"]


def run(name: str, board: str = "mini3", until_ms: int = 6000, scenario: Scenario | None = None):
    return simulate(program=(PROGRAMS / f"{name}.py").read_text(), board=board, until_ms=until_ms,
                    scenario=scenario)


def rows_of(image: str) -> list[str]:
    return builtin_images()[image].split(":")


@pytest.mark.parametrize("board", BOARDS)
def test_scrolling_name_moves_one_column_per_150_ms(board):
    trace = run("scrolling_name", board)
    assert trace.error is None
    first = trace.display[0]
    assert first["t"] == 0
    # the first column of "A" enters at the right edge
    assert [r[4] for r in first["pixels"]] == [r[0] for r in char_rows("A")]
    assert all(r[:4] == "0000" for r in first["pixels"])
    assert trace.frame_at(150) != first["pixels"]
    # after four shifts "A" stands whole at the left, followed by one blank column
    assert trace.frame_at(600) == char_rows("A")
    times = [f["t"] for f in trace.display]
    assert all(t % 150 == 0 for t in times)
    assert trace.frame_at(times[-2]) == ["00000"] * 5  # scrolled out completely ...
    assert trace.display[-1]["pixels"] == rows_of("HAPPY")  # ... then the smile
    assert trace.shown("HAPPY") and not trace.shown("SAD")


@pytest.mark.parametrize("board", BOARDS)
def test_button_counter_counts_presses_and_resets(board):
    presses = [Press("a", 1000), Press("a", 2000), Press("a", 2500), Press("b", 4000), Press("a", 4500)]
    trace = run("button_counter", board, scenario=Scenario(presses=presses))
    assert trace.lines() == ["Zaehler: 1", "Zaehler: 2", "Zaehler: 3", "Zurueck auf 0", "Zaehler: 1"]
    assert [e["t"] for e in trace.serial] == [1000, 2000, 2500, 4000, 4500]
    assert trace.frame_at(2600) == char_rows("3")
    assert trace.frame_at(4200) == char_rows("0")
    assert trace.frame_at(5999) == char_rows("1")


@pytest.mark.parametrize("board", BOARDS)
def test_dice_rolls_one_to_six_on_every_shake(board):
    shakes = [Gesture("shake", t) for t in (1000, 2000, 3000, 4000, 5000)]
    trace = run("dice", board, scenario=Scenario(gestures=shakes))
    values = [int(line.split()[1]) for line in trace.lines()]
    assert len(values) == 5
    assert all(1 <= v <= 6 for v in values)
    assert [e["t"] for e in trace.serial] == [1000, 2000, 3000, 4000, 5000]
    assert trace.frame_at(5050) == char_rows(str(values[-1]))
    # seeded: the same seed rolls the same numbers, the trace is reproducible
    again = run("dice", board, scenario=Scenario(gestures=shakes))
    assert again.lines() == trace.lines()


def test_dice_without_shake_shows_question_mark():
    trace = run("dice", until_ms=3000)
    assert trace.lines() == []
    assert trace.frame_at(2999) == char_rows("?")


@pytest.mark.parametrize("board", BOARDS)
def test_thermometer_follows_the_temperature_series(board):
    trace = run("thermometer", board, scenario=Scenario().set("temperature", [(0, 20), (3000, 27)]))
    assert trace.serial[:5] == [{"t": 0, "line": "temp:20"}, {"t": 1000, "line": "temp:20"},
                                {"t": 2000, "line": "temp:20"}, {"t": 3000, "line": "temp:27"},
                                {"t": 4000, "line": "temp:27"}]
    assert trace.frame_at(2500) == rows_of("HAPPY")
    assert trace.frame_at(3500) == rows_of("SAD")


@pytest.mark.parametrize("board", BOARDS)
def test_light_plotter_prints_mu_tuples_ten_per_second(board):
    trace = run("light_plotter", board, until_ms=1000,
                scenario=Scenario().set("light_level", [(0, 10), (500, 200)]))
    assert trace.lines_between(0, 400) == ["(10,)"] * 5
    assert trace.lines_between(500, 1000) == ["(200,)"] * 6
    assert [e["t"] for e in trace.serial][:3] == [0, 100, 200]


@pytest.mark.parametrize("board", BOARDS)
def test_tilt_game_moves_the_dot(board):
    tilt = Scenario().set("acc_x", [(0, 0), (1000, -800), (2000, 0), (3000, 900)])
    trace = run("tilt_game", board, scenario=tilt)
    dot = {t: trace.frame_at(t)[2].index("9") for t in (800, 1500, 2900, 3500, 5000)}
    assert dot == {800: 2, 1500: 0, 2900: 0, 3500: 3, 5000: 4}  # one step per 200 ms loop
    assert all(trace.frame_at(5000)[r] == "00000" for r in (0, 1, 3, 4))


@pytest.mark.parametrize("board", BOARDS)
def test_radio_pair_sender_to_receiver(board):
    sender = run("radio_sender", board, scenario=Scenario(presses=[Press("a", 1000), Press("a", 2500)]))
    sent = [(r["t"], r["message"], r["group"]) for r in sender.radio]
    assert sent == [(1000, "ping", 7), (2500, "ping", 7)]
    assert sender.frame_at(1100) == rows_of("ARROW_E")
    # what the sender sent arrives at the receiver (plus one message in another group)
    arrivals = [RadioMessage(r["t"], r["message"], r["group"]) for r in sender.radio]
    receiver = run("radio_receiver", board,
                   scenario=Scenario(radio=arrivals + [RadioMessage(4000, "ping", 1)]))
    assert receiver.lines() == ["empfangen: ping", "empfangen: ping"]
    assert receiver.frame_at(1500) == rows_of("HEART")
    assert receiver.frame_at(2200) == ["00000"] * 5
    assert receiver.frame_at(3000) == rows_of("HEART")
    assert receiver.frame_at(4500) == ["00000"] * 5  # group 1 is not heard


@pytest.mark.parametrize("board", BOARDS)
def test_music_plays_notes_on_time(board):
    trace = run("melody", board)
    assert trace.notes() == ["C4", "E4", "G4", "C5", "B5", "E6"]
    assert [m["t"] for m in trace.music] == [0, 500, 1000, 1500, 2500, 2625]
    assert [m["freq"] for m in trace.music][:4] == [262, 330, 392, 523]
    assert trace.serial == [{"t": 3000, "line": "fertig"}]
    assert trace.first_shown("MUSIC_QUAVER") == 2500


def test_rgb_colours_on_mini3():
    trace = run("rgb_mini3")
    assert [(e["t"], e["leds"]) for e in trace.rgb] == [
        (0, [[255, 0, 0], [0, 0, 0], [0, 0, 0]]), (500, [[0, 0, 0], [0, 255, 0], [0, 0, 0]]),
        (1000, [[0, 0, 0], [0, 0, 0], [0, 0, 255]]), (1500, [[0, 0, 0]] * 3)]
    assert trace.rgb_at(700) == [[0, 0, 0], [0, 255, 0], [0, 0, 0]]


def test_rgb_ws2812_write_is_missing_on_mini2():
    trace = run("rgb_mini3", "mini2")
    assert trace.error["type"] == "NameError"
    assert trace.error["line"] == 11
    assert "Calliope mini 1.x/2.x" in trace.error["message"] and "mini 3" in trace.error["message"]


@pytest.mark.parametrize("board", BOARDS)
def test_rgb_with_neopixel(board):
    trace = run("rgb_neopixel", board)
    assert [(e["t"], e["leds"]) for e in trace.rgb] == [(0, [[255, 0, 0]]), (1000, [[0, 255, 0]]),
                                                        (2000, [[0, 0, 0]])]


@pytest.mark.parametrize("board", BOARDS)
def test_timer_counts_virtual_seconds_and_blinks_a_pin(board):
    trace = run("timer", board, until_ms=60_000)
    assert trace.lines()[:3] == ["Sekunden: 1", "Sekunden: 2", "Sekunden: 3"]
    assert trace.serial[59] == {"t": 60_000, "line": "Sekunden: 60"}
    assert trace.frame_at(5500) == char_rows("5")
    pin1 = [(p["t"], p["value"]) for p in trace.pins if p["pin"] == "pin1"]
    assert pin1[:4] == [(0, 0), (1000, 1), (2000, 0), (3000, 1)]
    assert trace.ended == "until" and trace.end_ms == 60_000


@pytest.mark.parametrize("board", BOARDS)
def test_reaction_game_measures_the_press(board):
    trace = run("reaction", board, until_ms=9000, scenario=Scenario(presses=[Press("a", 5000)]))
    heart = trace.first_shown("HEART")
    assert 1000 <= heart <= 3000
    (line,) = trace.lines()
    reaction = int(line.split()[1])
    assert abs(reaction - (5000 - heart)) <= 5  # busy waiting costs the board a few ms
    assert trace.frame_at(heart + 10) == rows_of("HEART")
    assert trace.frame_at(5100) != rows_of("HEART")  # the scroll of the time has begun


def test_datalogger_mini3_logs_and_mirrors():
    trace = run("datalogger_mini3")
    assert trace.lines() == ["Time (seconds),temp,licht", "0.00,20,100", "1.00,20,100", "2.00,20,100",
                             "3.00,20,100", "4.00,20,100"]
    assert [e["row"] for e in trace.log][-1] == "4.00,20,100"
    assert trace.log[0]["header"] == "Time (seconds),temp,licht"
    assert trace.display[-1] == {"t": 5000, "pixels": rows_of("YES")}


def test_datalogger_log_module_is_missing_on_mini2():
    trace = run("datalogger_mini3", "mini2")
    assert trace.error["type"] == "ImportError" and trace.error["line"] == 3
    assert "log" in trace.error["message"] and "Calliope mini 1.x/2.x" in trace.error["message"]


@pytest.mark.parametrize("board", BOARDS)
def test_datalogger_over_serial(board):
    trace = run("datalogger_serial", board, scenario=Scenario().set("temperature", [(0, 19), (2000, 22)]))
    assert trace.lines() == ["t_ms,temp,licht", "0,19,100", "1000,19,100", "2000,22,100", "3000,22,100",
                             "4000,22,100"]
    assert trace.ended == "finished"
