"""Scenario parsing and lookups of the simulator (pure Python, no VM)."""

from __future__ import annotations

import pytest
from schuelerlab.hardware.sim.inputs import Inputs, posture
from schuelerlab.hardware.sim.scenario import (
    Gesture,
    Press,
    RadioMessage,
    Scenario,
    from_cli,
    parse_gestures,
    parse_presses,
    parse_radio,
    parse_setting,
)

from schuelerlab.errors import UserError


def test_parse_presses_with_hold_and_both_buttons():
    assert parse_presses("a@1000,b@2000+500,ab@3000,logo@4000") == [
        Press("a", 1000), Press("b", 2000, 500), Press("a", 3000), Press("b", 3000), Press("logo", 4000)]


@pytest.mark.parametrize("spec", ["x@1", "a@soon", "a"])
def test_parse_presses_rejects_nonsense_in_german(spec):
    with pytest.raises(UserError, match="Taste|verstehe"):
        parse_presses(spec)


def test_parse_gestures_and_radio():
    assert parse_gestures("shake@100,face_down@200+50") == [Gesture("shake", 100),
                                                            Gesture("face down", 200, 50)]
    assert parse_radio("hallo@3000,5:ping@4000") == [RadioMessage(3000, "hallo", 0),
                                                     RadioMessage(4000, "ping", 5)]
    with pytest.raises(UserError, match="Unbekannte Geste"):
        parse_gestures("wobble@1")


def test_parse_setting_constant_and_series():
    assert parse_setting("temperature=21") == ("temperature", [(0, 21)])
    assert parse_setting("light_level=10@0,200@5000") == ("light_level", [(0, 10), (5000, 200)])
    assert parse_setting("pin1=800") == ("pin1", [(0, 800)])
    with pytest.raises(UserError, match="NAME=WERT"):
        parse_setting("humidity=3")


def test_series_is_a_step_function_with_defaults():
    s = Scenario().set("temperature", [(1000, 25), (0, 18)])
    assert [s.value("temperature", t) for t in (0, 999, 1000, 99999)] == [18, 18, 25, 25]
    assert s.value("light_level", 5) == 100  # default
    assert s.value("acc_z", 0) == -1024


def test_scenario_round_trips_as_dict():
    s = from_cli(press="a@1", gesture="left@2+3", settings=("sound_level=9",), radio="hi@4", seed=7)
    again = Scenario.from_dict(s.to_dict())
    assert again == s


def test_inputs_was_pressed_and_get_presses_reset_separately():
    inputs = Inputs(Scenario(presses=[Press("a", 100), Press("a", 300), Press("b", 350)]))
    assert inputs.pressed("a", 150) and not inputs.pressed("a", 250)
    assert inputs.presses_since("w", "a", 200) == 1
    assert inputs.presses_since("w", "a", 400) == 1
    assert inputs.presses_since("g", "a", 400) == 2  # get_presses has its own counter
    assert inputs.presses_since("g", "a", 500) == 0


def test_gestures_from_events_and_accelerometer():
    scenario = Scenario(gestures=[Gesture("shake", 1000)]).set("acc_x", [(0, 0), (3000, -900)])
    inputs = Inputs(scenario)
    assert inputs.gesture_now(500) == "face up"
    assert inputs.gesture_now(1200) == "shake"
    assert inputs.gesture_now(3500) == "left"
    assert inputs.gesture_history(4000) == ["shake", "face up", "left"]
    assert inputs.was_gesture("shake", 4100) is False  # consumed by the history read


@pytest.mark.parametrize(("xyz", "name"), [((0, 0, -1024), "face up"), ((0, 0, 1024), "face down"),
                                           ((-1000, 0, 0), "left"), ((1000, 0, 0), "right"),
                                           ((0, 1000, 0), "up"), ((0, -1000, 0), "down"),
                                           ((0, 0, 0), "freefall"), ((3500, 0, 0), "3g")])
def test_posture(xyz, name):
    assert posture(*xyz) == name


def test_radio_queue_respects_group_on_time_and_queue_length():
    msgs = [RadioMessage(t, f"m{t}", 1) for t in (100, 200, 300, 400)] + [RadioMessage(150, "other", 2)]
    inputs = Inputs(Scenario(radio=msgs))
    assert inputs.radio_receive(50, 1, on_since=120, queue=2) is None
    assert inputs.radio_receive(500, 1, on_since=120, queue=2) == ("s", "m200")  # m100 before radio.on
    assert inputs.radio_receive(500, 1, on_since=120, queue=2) == ("s", "m300")  # m400: queue was full
    assert inputs.radio_receive(500, 1, on_since=120, queue=2) is None
