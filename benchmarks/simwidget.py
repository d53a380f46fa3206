"""Figures of the simulator's notebook face (no kernel, no browser: the widget's Python side).

    .venv/bin/python benchmarks/simwidget.py

start_s: CalliopeWidget(program) until its traitlets show the heart; click_to_line_s: a click until the
program's printed line is in the widget (includes the pusher's 50 ms period); pushes_per_s: display
updates sent for a program that changes the display every 5 ms (bound: 20); idle_cpu_percent: CPU of
the whole process while a live program sleeps in a loop; magic_s: %%calliope of a 10 s program.
"""

from __future__ import annotations

import statistics
import time

from schuelerlab.hardware.sim.magic import run_cell
from schuelerlab.hardware.sim.widget import CalliopeWidget

HEART = ["09090", "99999", "99999", "09990", "00900"]
COUNTER = ("from calliopemini import *\ndisplay.show(Image.HEART)\nn = 0\nwhile True:\n"
           "    if button_a.was_pressed():\n        n += 1\n        print(n)\n    sleep(20)\n")
FAST = "from calliopemini import *\ni = 0\nwhile True:\n    display.show(i % 7)\n    i += 1\n    sleep(5)\n"
IDLE = "from calliopemini import *\ndisplay.show(Image.HEART)\nwhile True:\n    sleep(100)\n"


def wait_for(check, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError("timeout")
        time.sleep(0.001)


def start_and_clicks() -> tuple[float, float]:
    t = time.perf_counter()
    w = CalliopeWidget(COUNTER)
    wait_for(lambda: w.rows == HEART)
    start = time.perf_counter() - t
    delays = []
    for i in range(1, 11):
        t = time.perf_counter()
        w.handle_message({"type": "button", "button": "a", "down": True})
        w.handle_message({"type": "button", "button": "a", "down": False})
        wait_for(lambda i=i: w.serial[-1:] == [str(i)])
        delays.append(time.perf_counter() - t)
        time.sleep(0.05)
    w.close()
    return start, statistics.median(delays)


def pushes_per_second() -> float:
    w = CalliopeWidget(FAST)
    pushes = []
    w.observe(lambda change: pushes.append(time.perf_counter()), names=["rows"])
    time.sleep(0.5)
    pushes.clear()
    time.sleep(2.0)
    w.close()
    return len(pushes) / 2.0


def idle_cpu() -> float:
    w = CalliopeWidget(IDLE)
    wait_for(lambda: w.rows == HEART)
    cpu, wall = time.process_time(), time.perf_counter()
    time.sleep(3.0)
    percent = 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)
    w.close()
    return percent


def main() -> None:
    run_cell("--seconds 1", "print(1)")  # warm the module cache
    start, click = start_and_clicks()
    print(f"start until the heart shows: {start:.3f} s; click until the line shows (median): {click:.3f} s")
    pushes = pushes_per_second()
    print(f"display pushes for a 200 Hz display program: {pushes:.1f}/s (bound 20/s)")
    cpu = idle_cpu()
    print(f"CPU while a live program sleeps in a loop: {cpu:.1f} %")
    t = time.perf_counter()
    run_cell("--seconds 10 --press a@1000,a@2000", COUNTER)
    magic = time.perf_counter() - t
    print(f"%%calliope of a 10 s program: {magic:.3f} s")
    print(f"start_s={start:.3f} click_to_line_s={click:.3f} pushes_per_s={pushes:.1f} "
          f"idle_cpu_percent={cpu:.1f} magic_s={magic:.3f}")


if __name__ == "__main__":
    main()
