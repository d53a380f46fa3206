"""The calliopemini API of the simulated board: images, display timing, sensors, board control."""

from __future__ import annotations

from schuelerlab.hardware.sim import Press, Scenario, simulate
from schuelerlab.hardware.sim.trace import builtin_images, char_rows

HEADER = "from calliopemini import *\n"


def lines(program: str, **kwargs) -> list[str]:
    trace = simulate(program=HEADER + program, **kwargs)
    assert trace.error is None, trace.error
    return trace.lines()


def test_image_api_matches_micropython():
    out = lines("img = Image('90009:09090:00900:09090:90009')\n"
                "print(repr(img), img.width(), img.get_pixel(1, 1))\n"
                "print(repr(img.shift_left(1)))\n"
                "print(repr(Image.HEART * 0.5))\n"
                "print(repr(Image(2, 2, bytearray([1, 2, 3, 4])).invert()))\n"
                "c = Image.HEART.copy()\nc.set_pixel(0, 0, 5)\n"
                "print(c.get_pixel(0, 0), len(Image.ALL_CLOCKS))\n"
                "try:\n    Image.HEART.set_pixel(0, 0, 1)\nexcept TypeError as e:\n    print(e)\n")
    assert out == ["Image('90009:09090:00900:09090:90009:') 5 9", "Image('00090:90900:09000:90900:00090:')",
                   "Image('05050:55555:55555:05550:00500:')", "Image('87:65:')", "5 12",
                   "image cannot be modified (try copying first)"]


def test_show_sequence_and_background_scroll_timing():
    trace = simulate(program=HEADER + "display.scroll('Hi', wait=False)\nprint(running_time())\nsleep(300)\n"
                     "display.show([Image.HEART, Image.HAPPY], delay=200)\nprint(running_time())\n"
                     "display.show('AB', delay=100, clear=True)\nprint(running_time())\n")
    assert trace.lines() == ["0", "700", "1000"]  # scroll did not block; show waited 2 x 200 ms
    times = [f["t"] for f in trace.display]
    assert times[:3] == [0, 150, 300]
    assert trace.frame_at(450) == builtin_images()["HEART"].split(":")
    assert trace.frame_at(550) == builtin_images()["HAPPY"].split(":")
    assert trace.frame_at(750) == char_rows("A") and trace.frame_at(850) == char_rows("B")
    assert trace.frame_at(950) == ["00000"] * 5  # clear=True


def test_scroll_loop_runs_on_until_the_end():
    trace = simulate(program=HEADER + "display.scroll('A', delay=100, loop=True)\n", until_ms=3000)
    assert trace.ended == "until" and trace.error is None
    assert trace.display[-1]["t"] >= 2900


def test_run_every_calls_back_during_sleep():
    out = lines("@run_every(ms=500)\ndef tick():\n    print('tick', running_time())\nsleep(1600)\n")
    assert out == ["tick 500", "tick 1000", "tick 1500"]


def test_reset_restarts_the_program_and_panic_shows_a_sad_face():
    trace = simulate(program=HEADER + "print('boot', running_time())\nsleep(500)\n"
                                      "if running_time() < 1000:\n    reset()\nprint('ende')\n")
    assert trace.lines() == ["boot 0", "boot 500", "ende"]
    panic = simulate(program=HEADER + "sleep(100)\npanic(42)\nprint('nie')\n")
    assert panic.error["type"] == "Panic" and "42" in panic.error["message"]
    assert panic.frame_at(100) == builtin_images()["SAD"].split(":") and panic.lines() == []


def test_power_off_ends_the_run():
    trace = simulate(program=HEADER + "import power\nsleep(100)\npower.off()\nprint('nie')\n")
    assert trace.ended == "off" and trace.end_ms == 100 and trace.error is None


def test_sensors_buttons_touch_and_pins_follow_the_scenario():
    scenario = Scenario(presses=[Press("a", 100), Press("a", 200), Press("logo", 0, 5000)])
    scenario.set("pin1", 700).set("pin2", 1).set("heading", 90).set("acc_x", -950)
    out = lines("sleep(300)\nprint(button_a.get_presses(), button_a.is_pressed(), pin_logo.is_touched())\n"
                "print(pin1.read_analog(), pin2.read_digital(), compass.heading())\n"
                "print(accelerometer.current_gesture(), accelerometer.get_x())\n", scenario=scenario)
    assert out == ["2 False True", "700 1 90", "left -950"]


def test_microphone_events_on_mini3():
    scenario = Scenario().set("sound_level", [(0, 10), (1000, 200), (2000, 10)])
    out = lines("sleep(1500)\n"
                "print(microphone.sound_level(), microphone.current_event() == SoundEvent.LOUD)\n"
                "print(microphone.was_event(SoundEvent.LOUD))\nsleep(1000)\n"
                "print(microphone.get_events())\n", scenario=scenario)
    assert out == ["200 True", "True", "(SoundEvent('quiet'),)"]


def test_output_without_print_keeps_its_order():
    out = lines("import sys\nsys.stdout.write('a\\n')\nprint('b')\nsys.stdout.write('c\\n')\nsleep(10)\n")
    assert out == ["a", "b", "c"]


def test_random_is_seeded_by_the_scenario():
    program = "import random\nprint([random.randint(1, 6) for _ in range(8)])\n"
    first = lines(program, scenario=Scenario(seed=1))
    assert first == lines(program, scenario=Scenario(seed=1))
    assert first != lines(program, scenario=Scenario(seed=2))


def test_files_dir_is_the_board_file_system(tmp_path):
    (tmp_path / "daten.txt").write_text("42")
    out = lines("import os\nprint(os.listdir(), open('daten.txt').read())\n"
                "with open('neu.txt', 'w') as f:\n    f.write('x')\n", files_dir=tmp_path)
    assert out == ["['daten.txt'] 42"]
    assert (tmp_path / "neu.txt").read_text() == "x"


def test_os_persona_per_board():
    program = "import os\nprint(os.uname().release, 'stat' in dir(os))\n"
    assert lines(program) == ["2.1.2b True"]
    assert lines(program, board="mini2") == ["1.1.1 False"]


def test_radio_needs_on_and_music_stop_cuts_a_tune():
    trace = simulate(program=HEADER + "import radio, music\ntry:\n    radio.send('x')\n"
                     "except ValueError as e:\n    print(e)\nmusic.play(music.BIRTHDAY, wait=False)\n"
                     "sleep(1000)\nmusic.stop()\nsleep(2000)\n")
    assert trace.lines() == ["radio is not enabled"]
    assert len(trace.music) == 4 and all(m["t"] <= 1000 for m in trace.music)


def test_flat_file_system_rules_and_capacity():
    out = lines("try:\n    open('log.txt', 'a')\nexcept ValueError as e:\n    print(e)\n"
                "try:\n    open('ordner/x.txt', 'w')\nexcept OSError as e:\n    print(e)\n"
                "f = open('voll.bin', 'wb')\ntry:\n    for i in range(1000):\n        f.write(b'x' * 100)\n"
                "except OSError as e:\n    print(i, e)\nf.close()\n", board="mini2")
    assert out == ["illegal mode", "[Errno 2] ENOENT", "272 [Errno 28] ENOSPC"]  # 216 x 126 bytes


def test_input_reads_lines_typed_on_serial_at_their_time():
    scenario = Scenario(serial_input=[(1000, "Anna"), (2000, "21")])
    trace = simulate(program="name = input('Name? ')\nprint('Hallo', name)\nprint(int(input()) * 2)\n"
                             "input()\nprint('nie')\n", scenario=scenario, until_ms=5000)
    assert trace.serial == [{"t": 1000, "line": "Name? Anna"}, {"t": 1000, "line": "Hallo Anna"},
                            {"t": 2000, "line": "21"}, {"t": 2000, "line": "42"}]
    assert trace.ended == "until"  # the last input() waits for ever, as on the board
