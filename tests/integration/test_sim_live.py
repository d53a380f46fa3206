"""LiveVM: the persistent, real-time MicroPython VM behind the simulator's serial face and widgets."""

from __future__ import annotations

import threading

import pytest
from schuelerlab.hardware.sim.live import LiveVM


@pytest.fixture
def live(tmp_path):
    out: list[str] = []
    vm = LiveVM(board="mini3", files_dir=tmp_path, on_output=out.append)
    vm.out = out
    yield vm
    vm.close()


def test_globals_persist_and_output_streams(live):
    assert live.execute("x = 20") is None
    assert live.execute("print(x + 1)\nprint('b')") is None
    assert "".join(live.out) == "21\nb\n"


def test_traceback_text_is_micropythons(live):
    assert live.execute("y") == ("Traceback (most recent call last):\n"
                                 "  File \"<stdin>\", line 1, in <module>\n"
                                 "NameError: name 'y' isn't defined\n")
    assert live.execute("import microbit").endswith("ImportError: no module named 'microbit'\n")
    assert live.execute("print('still alive')") is None


def test_files_are_the_board_file_system(live, tmp_path):
    assert live.execute("f = open('main.py', 'w')\nf.write('print(42)')\nf.close()") is None
    assert (tmp_path / "main.py").read_text() == "print(42)"
    (tmp_path / "data.txt").write_text("hallo")
    live.execute("import os\nprint(sorted(os.listdir()), os.size('data.txt'), os.stat('main.py')[0])")
    assert live.out[-1] == "['data.txt', 'main.py'] 5 32768\n"
    err = live.execute("os.remove('nope.txt')")
    assert err.endswith("OSError: [Errno 2] ENOENT\n")
    live.execute("os.remove('data.txt')")
    assert not (tmp_path / "data.txt").exists()


def test_interrupt_stops_a_sleeping_loop_and_keeps_globals(live):
    live.execute("from calliopemini import *\nkeep = 7")
    threading.Timer(0.3, live.interrupt).start()
    err = live.execute("while True:\n    sleep(50)")
    assert err.endswith("KeyboardInterrupt: \n") and 'line 2' in err
    assert live.execute("print(keep)") is None
    assert live.out[-1] == "7\n"


def test_interrupt_stops_a_loop_without_board_calls_by_restarting(live):
    live.execute("keep = 7")
    threading.Timer(0.2, live.interrupt).start()
    err = live.execute("while True:\n    pass")
    assert err.endswith("KeyboardInterrupt: \n")
    assert live.execute("print('neu')") is None  # the VM was restarted and works
    assert "NameError" in live.execute("keep")


def test_a_forced_stop_never_hits_the_next_run(live):
    """Two Ctrl-C (as mpremote sends them) stop a loop; code started right after must survive."""
    live.execute("from calliopemini import *\nkeep = 7")

    def two_ctrl_c() -> None:
        live.interrupt()
        live.interrupt()

    threading.Timer(0.2, two_ctrl_c).start()
    assert live.execute("while True:\n    sleep(50)").endswith("KeyboardInterrupt: \n")
    # runs across the moment the grace timers of both Ctrl-C expire
    err = live.execute("from calliopemini import sleep\nfor i in range(15):\n    sleep(100)\nprint(keep)")
    assert err is None and live.out[-1] == "7\n"


def test_ctrl_c_while_idle_does_nothing(live):
    live.execute("keep = 7")
    live.interrupt()
    assert live.execute("from calliopemini import sleep\nsleep(1300)\nprint(keep)") is None
    assert live.out[-1] == "7\n"


def test_an_early_ctrl_c_stops_the_run_that_starts_next_until_forgotten(live):
    """The REPL's Ctrl-C can arrive after it started executing but before the VM's run began."""
    live.interrupt(early=True)
    assert live.execute("while True:\n    pass").endswith("KeyboardInterrupt: \n")
    live.interrupt(early=True)
    live.forget_early()  # that execution ended without a run: the Ctrl-C is dropped
    assert live.execute("from calliopemini import sleep\nsleep(1300)\nprint('fertig')") is None
    assert live.out[-1] == "fertig\n"


def test_program_reset_restarts_the_board(live):
    live.execute("a = 1")
    assert live.execute("import machine\nmachine.reset()") is None
    assert live.resets == 1
    assert "NameError" in live.execute("a")


def test_reset_clears_globals_but_keeps_files(live, tmp_path):
    live.execute("a = 1\nopen('f.txt', 'w').write('x')")
    live.reset()
    assert "NameError" in live.execute("a")
    assert (tmp_path / "f.txt").exists()


def test_real_time_sleep_and_board_access(live):
    live.execute("from calliopemini import *\ndisplay.show(Image.HEART)\nt = running_time()\nsleep(200)\n"
                 "print(running_time() - t >= 200)")
    assert live.out[-1] == "True\n"
    assert live.display_rows() == ["09090", "99999", "99999", "09990", "00900"]
    live.set_sensor("temperature", 31)
    live.press("a", hold_ms=5000)
    live.execute("print(temperature(), button_a.is_pressed(), button_a.was_pressed())")
    assert live.out[-1] == "31 True True\n"


def test_virtual_live_vm_and_mini2_persona(tmp_path):
    out: list[str] = []
    with LiveVM(board="mini2", files_dir=tmp_path, on_output=out.append, realtime=False) as vm:
        vm.execute("from calliopemini import *\nsleep(60000)\nprint(running_time())")
        assert out[-1] == "60000\n"
        assert vm.execute("import os\nos.stat('x')").endswith(
            "AttributeError: module 'os' has no attribute 'stat'\n")
        vm.execute("print(os.uname().release)")
        assert out[-1] == "1.1.1\n"


def test_live_input_comes_from_the_serial_face(tmp_path):
    typed = iter(["Bob"])
    out: list[str] = []
    with LiveVM(files_dir=tmp_path, on_output=out.append, on_input=lambda: next(typed, None)) as vm:
        assert vm.execute("print('hi', input('wer? '))") is None
        assert "".join(out) == "wer? hi Bob\n"
        assert vm.execute("input()").endswith("EOFError: \n")
        assert vm.execute("1 + 1", mode="single") is None
        assert out[-1] == "2\n"
