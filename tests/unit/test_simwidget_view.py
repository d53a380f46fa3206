"""Presentation pieces of the simulator's notebook face without a VM: static pictures, the replay
widget's state from a hand-made trace, the magic's option parsing, reading a program."""

from __future__ import annotations

import pytest
from IPython.core.error import UsageError
from schuelerlab.hardware.sim.animation import TraceView
from schuelerlab.hardware.sim.boardview import board_html, board_text, grid_text, matrix_svg
from schuelerlab.hardware.sim.liverun import read_program
from schuelerlab.hardware.sim.magic import parse_options
from schuelerlab.hardware.sim.scenario import Press, Scenario
from schuelerlab.hardware.sim.trace import Trace

from schuelerlab.errors import UserError

HEART = ["09090", "99999", "99999", "09990", "00900"]


def test_grid_text_marks_dim_and_bright_leds():
    assert grid_text(["09090", "12345", "00000", "90000", "00009"]) == [
        ". # . # .", "+ + + + #", ". . . . .", "# . . . .", ". . . . #"]


def test_board_text_lists_display_serial_and_error():
    text = board_text(board="mini3", rows=HEART, serial=["hallo", "42"], error="Zeile 2: kaputt")
    assert text.splitlines() == ["Calliope mini 3 – Anzeige:", "  . # . # .", "  # # # # #", "  # # # # #",
                                 "  . # # # .", "  . . # . .", "Ausgabe:", "  hallo", "  42",
                                 "Fehler: Zeile 2: kaputt"]
    assert board_text(board="mini2", rows=["00000"] * 5, serial=[]).splitlines()[-1] == "Ausgabe: (keine)"


def test_board_text_keeps_only_the_last_lines():
    text = board_text(board="mini3", rows=HEART, serial=[str(i) for i in range(100)])
    assert "Ausgabe (letzte 30 Zeilen):" in text and "  99" in text and "  69" not in text


def test_html_escapes_program_output_and_draws_leds():
    html = board_html(board="mini3", rows=HEART, serial=["<script>alert(1)</script>"], error="a < b",
                      rgb=[[255, 0, 0]])
    assert "<script>" not in html and "&lt;script&gt;" in html and "a &lt; b" in html
    svg = matrix_svg(HEART, [[255, 0, 0]])
    assert svg.count("<rect") == 26 and svg.count("rgba(255,40,30,1.00)") == 16
    assert 'fill="rgb(255,0,0)"' in svg


def test_trace_view_state_comes_from_the_trace():
    trace = Trace(board="mini3", end_ms=2000,
                  display=[{"t": 0, "pixels": HEART}, {"t": 600, "pixels": ["00000"] * 5}],
                  serial=[{"t": 600, "line": "A"}],
                  rgb=[{"t": 10, "pin": "pin_RGB", "leds": [[1, 2, 3]]},
                       {"t": 20, "pin": "pin0", "leds": []}])
    view = TraceView(trace, Scenario(presses=[Press("a", 500)]))
    assert view.mode == "replay" and view.end_ms == 2000
    assert view.rows == ["00000"] * 5 and view.serial == ["A"]
    assert view.rgb_frames == [{"t": 10, "leds": [[1, 2, 3], [0, 0, 0], [0, 0, 0]]}]
    assert view.presses == [{"button": "a", "t": 500, "hold": 100}]
    assert view.status == "finished" and view.error == ""
    data, _ = view._repr_mimebundle_()
    assert data["text/plain"].startswith("Calliope mini 3 – Anzeige am Ende (nach 2000 ms):")


def test_trace_view_shows_the_error_message():
    trace = Trace(board="mini2", end_ms=5, error={"type": "NameError", "message": "Zeile 1: Den Namen …"})
    view = TraceView(trace)
    assert view.status == "error" and view.error == "Zeile 1: Den Namen …" and view.rgb == [[0, 0, 0]]


def test_magic_options_defaults_and_values():
    assert parse_options("") == {"board": "mini3", "seconds": None, "press": "", "gesture": "",
                                 "settings": (), "seed": 1, "live": False}
    assert parse_options("--live --board mini2")["live"] is True
    options = parse_options("--board mini2 --seconds 2.5 --press a@500,b@900 --set temperature=3 "
                            "--set light_level=9")
    assert options["board"] == "mini2" and options["seconds"] == 2.5
    assert options["settings"] == ("temperature=3", "light_level=9")


@pytest.mark.parametrize(("line", "german"), [
    ("--seconds lang", "Der Wert für --seconds passt nicht"),
    ("--seconds 9999", "Der Wert für --seconds passt nicht"),
    ("--board mini9", "mini3 oder mini2"),
    ("--farbe rot", "Die Option --farbe gibt es nicht"),
    ("--press", "Nach --press fehlt der Wert"),
    ("hallo", "Die Optionen stimmen nicht"),
    ('--press "a@1', "Die Optionen verstehe ich nicht"),
])
def test_bad_magic_options_are_german_usage_errors(line, german):
    with pytest.raises(UsageError, match=german):
        parse_options(line)


def test_read_program_text_path_and_missing_file(tmp_path):
    assert read_program("print(1)\n") == "print(1)\n"
    path = tmp_path / "p.py"
    path.write_text("print(2)", encoding="utf-8")
    assert read_program(path) == "print(2)"
    assert read_program(str(path)) == "print(2)"
    with pytest.raises(UserError, match="gibt es nicht"):
        read_program(tmp_path / "fehlt.py")


@pytest.mark.parametrize(("line", "german"), [
    ("--live --press a@100", "gehen nur ohne --live"),
    ("--live --seconds 3", "gehen nur ohne --live"),
    ("--live --set acc_z=100", "beim Live-Board geht --set nur"),
    ("--live --set temperature=1@0,2@500", "beim Live-Board geht --set nur"),
    ("--live --set temperature=warm", "der Wert muss eine Zahl sein"),
])
def test_live_board_options_that_make_no_sense_live(line, german):
    from schuelerlab.hardware.sim.magic import run_cell

    with pytest.raises(UsageError, match=german):
        run_cell(line, "print(1)")


def test_trace_view_cuts_very_long_lines():
    trace = Trace(board="mini3", end_ms=1, serial=[{"t": 0, "line": "y" * 5000}])
    view = TraceView(trace)
    assert len(view.serial[0]) == 300 and view.serial[0].endswith("…") and view.lines[0]["t"] == 0
