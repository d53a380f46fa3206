"""CalliopeWidget with a real LiveVM: state reaches the traitlets, clicks and sliders reach the program."""

from __future__ import annotations

import threading
import time

import pytest
from schuelerlab.hardware.sim.widget import CalliopeWidget

HEART = ["09090", "99999", "99999", "09990", "00900"]
COUNTER = """from calliopemini import *
display.show(Image.HEART)
n = 0
while True:
    if button_a.was_pressed():
        n += 1
        print("A", n)
    if button_b.is_pressed():
        display.show(Image.NO)
    sleep(20)
"""


def wait_for(check, timeout_s: float = 20.0) -> bool:
    """Poll ``check`` until it is true (bounded; returns the last result)."""
    deadline = time.monotonic() + timeout_s
    while not check() and time.monotonic() < deadline:
        time.sleep(0.02)
    return bool(check())


@pytest.fixture
def make(tmp_path):
    widgets: list[CalliopeWidget] = []

    def factory(program: str, **kwargs) -> CalliopeWidget:
        widget = CalliopeWidget(program, files_dir=tmp_path, **kwargs)
        widgets.append(widget)
        return widget

    yield factory
    for widget in widgets:
        widget.close()


def front_end(widget: CalliopeWidget, content: dict) -> None:
    """A custom message as the front-end's model.send() delivers it (ipywidgets' dispatch)."""
    widget._handle_custom_msg(content, [])


def test_display_and_rgb_reach_the_traitlets(make):
    w = make("from calliopemini import *\nimport neopixel\nnp = neopixel.NeoPixel(pin_RGB, 3)\n"
             "np[1] = (0, 255, 40)\nnp.show()\ndisplay.show(Image.HEART)\nprint('fertig')")
    assert wait_for(lambda: w.status == "finished")
    assert wait_for(lambda: w.rows == HEART)
    assert w.rgb == [[0, 0, 0], [0, 255, 40], [0, 0, 0]]
    assert w.serial == ["fertig"]
    assert w.status_text == "Programm zu Ende" and w.error == ""


def test_clicks_are_counted_by_the_program(make):
    w = make(COUNTER)
    assert wait_for(lambda: w.rows == HEART)
    for _ in range(2):
        front_end(w, {"type": "button", "button": "a", "down": True})
        front_end(w, {"type": "button", "button": "a", "down": False})
        time.sleep(0.15)  # two separate presses, as two clicks by hand
    assert wait_for(lambda: w.serial[-1:] == ["A 2"]), w.serial
    assert w.serial == ["A 1", "A 2"]


def test_held_button_stays_pressed_until_released(make):
    w = make(COUNTER)
    assert wait_for(lambda: w.rows == HEART)
    front_end(w, {"type": "button", "button": "b", "down": True})
    assert wait_for(lambda: w.rows != HEART)
    front_end(w, {"type": "button", "button": "b", "down": False})
    assert w.status == "running"


def test_slider_sets_the_temperature_the_program_reads(make):
    w = make("from calliopemini import *\nwhile True:\n    print(temperature(), display.read_light_level())\n"
             "    sleep(30)")
    assert wait_for(lambda: w.serial[-1:] == ["20 100"])
    w.set_state({"temperature": 35, "light_level": 7})  # what a slider's save_changes() delivers
    assert wait_for(lambda: w.serial[-1:] == ["35 7"]), w.serial[-3:]
    w.set_state({"temperature": 999})  # out of range: clamped to the slider's maximum
    assert wait_for(lambda: w.serial[-1:] == ["50 7"]), w.serial[-3:]
    assert w.temperature == 50  # the slider shows the value really used


def test_stop_really_stops_the_program_thread_and_close_the_vm(make):
    w = make(COUNTER)
    assert wait_for(lambda: w.status == "running" and w.rows == HEART)
    front_end(w, {"type": "control", "action": "stop"})
    assert not w.running
    assert w.status == "stopped" and w.status_text == "Gestoppt" and w.error == ""
    assert w.rows == HEART  # the display keeps its picture
    threads = [w._run._thread, w._run._vm._thread, w._pusher]
    assert all(t in threading.enumerate() for t in threads[1:])
    w.close()
    assert not any(t.is_alive() for t in threads)
    assert w._run._vm is None


def test_restart_runs_the_program_on_a_fresh_board(make):
    w = make(COUNTER)
    assert wait_for(lambda: w.rows == HEART)
    w._run.click("a")
    assert wait_for(lambda: w.serial == ["A 1"])
    front_end(w, {"type": "control", "action": "restart"})
    assert w.running and w.serial == []
    w._run.click("a")
    assert wait_for(lambda: w.serial == ["A 1"]), w.serial
    front_end(w, {"type": "control", "action": "stop"})
    front_end(w, {"type": "control", "action": "start"})
    assert w.running


def test_program_error_is_german_text_in_the_widget(make):
    w = make("from calliopemini import *\ndisplay.show(Image.HEART)\nx = 1 / 0\n")
    assert wait_for(lambda: w.status == "error")
    assert w.error.startswith("Zeile 3: Hier wird durch 0 geteilt")
    assert w.status_text == "Fehler"
    bundle = w._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "Fehler: Zeile 3" in data["text/plain"] and ". # . # ." in data["text/plain"]


def test_program_from_a_file_and_mini2(make, tmp_path):
    path = tmp_path / "prog.py"
    path.write_text("from calliopemini import *\ndisplay.show(Image.HEART)\n", encoding="utf-8")
    w = make(path, board="mini2")
    assert wait_for(lambda: w.status == "finished" and w.rows == HEART)
    assert w.board == "mini2" and w.rgb == [[0, 0, 0]]


def test_starting_a_board_stops_the_other_live_boards(make):
    first = make(COUNTER)
    assert wait_for(lambda: first.status == "running")
    second = make(COUNTER)
    assert second.running and not first.running and first.status == "stopped"
    front_end(first, {"type": "control", "action": "start"})
    assert first.running and not second.running


def test_no_click_is_lost_to_a_fast_polling_program(make):
    # get_presses() counts every press (was_pressed() is one flag for all presses since the last query)
    w = make("from calliopemini import *\nn = 0\nwhile True:\n    k = button_a.get_presses()\n"
             "    if k:\n        n += k\n        print(n)\n    sleep(1)\n")
    assert wait_for(lambda: w.status == "running")
    for _ in range(25):
        w._run.click("a")
        time.sleep(0.03)
    assert wait_for(lambda: w.serial[-1:] == ["25"]), w.serial[-1:]


def test_a_board_that_cannot_start_says_so_in_german(tmp_path):
    not_a_folder = tmp_path / "datei"
    not_a_folder.write_text("x")
    w = CalliopeWidget("print(1)", files_dir=not_a_folder)
    try:
        assert w.status == "error" and not w.running
        assert w.error.startswith("Der simulierte Calliope konnte nicht starten")
    finally:
        w.close()


def test_output_flood_without_newline_stays_bounded_and_stops(make):
    w = make("while True:\n    print('x', end='')\n")
    assert wait_for(lambda: len(w.serial) >= 3)
    assert all(len(line) <= 300 for line in w.serial) and len(w.serial) <= 200
    w.stop()
    assert not w.running and w.status == "stopped"


def test_a_program_file_is_read_again_on_restart_and_a_missing_one_is_a_german_error(make, tmp_path):
    path = tmp_path / "prog.py"
    path.write_text("print('eins')\n", encoding="utf-8")
    w = make(path)
    assert wait_for(lambda: w.status == "finished" and w.serial == ["eins"])
    path.write_text("print('zwei')\n", encoding="utf-8")
    w.restart()
    assert wait_for(lambda: w.status == "finished" and w.serial == ["zwei"])
    missing = make(tmp_path / "fehlt.py")
    assert missing.status == "error" and not missing.running
    assert missing.error.startswith(f"Die Datei {tmp_path / 'fehlt.py'} gibt es nicht")


def test_board_files_stay_across_restarts():
    w = CalliopeWidget("try:\n    n = int(open('n.txt').read())\nexcept OSError:\n    n = 0\n"
                       "open('n.txt', 'w').write(str(n + 1))\nprint(n + 1)\n")
    try:
        assert wait_for(lambda: w.status == "finished" and w.serial == ["1"])
        w.restart()
        assert wait_for(lambda: w.status == "finished" and w.serial == ["2"]), w.serial
        folder = w._run.files_dir
        assert (folder / "n.txt").read_text() == "2"
    finally:
        w.close()
    assert not folder.exists()
