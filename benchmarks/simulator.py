"""Benchmark of the simulated Calliope (real MicroPython in WebAssembly, virtual time).

Prints one line per measurement and, last, ``key=value`` pairs:
- ``virtual_speedup``: board time / real time for a 60 s program looping with sleep(100) (goal >= 200);
  ``virtual_speedup_cpu`` divides by the process's CPU time instead (not skewed by other load)
- ``cold_start_s``: new Python process, compiled module already cached: import + first run (goal <= 0.5)
- ``grade_run_s``: median of one typical exercise check (button counter, 10 s, presses) (goal <= 0.5)
- ``endless_loop_stop_s``: real time until a loop without sleep is stopped (goal <= 2)
- ``first_compile_s``: compiling the MicroPython module once per machine (then cached)
Run: ``.venv/bin/python benchmarks/simulator.py``
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

LOOP_PROGRAM = """
from calliopemini import *
i = 0
while True:
    display.show(i % 10)
    print("temp:", temperature())
    i += 1
    sleep(100)
"""

COUNTER_PROGRAM = """
from calliopemini import *
count = 0
while True:
    if button_a.was_pressed():
        count += 1
        display.show(count)
        print(count)
    sleep(20)
"""

COLD = """
import time
t = time.perf_counter()
from schuelerlab.hardware.sim import simulate
trace = simulate(program="from calliopemini import *\\ndisplay.show(Image.HEART)\\nprint(1)")
assert trace.lines() == ["1"], trace
print(time.perf_counter() - t)
"""


def first_compile_s() -> float:
    """Compile the module in a fresh process with an empty cache directory."""
    with tempfile.TemporaryDirectory() as cache:
        code = ("import time; t = time.perf_counter()\n"
                "from schuelerlab.hardware.sim.vm import warm_up\nwarm_up()\nprint(time.perf_counter() - t)")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"XDG_CACHE_HOME": cache, "PATH": "/usr/bin:/bin", "HOME": cache})
    return float(out.stdout.split()[-1])


def cold_start_s() -> float:
    from schuelerlab.hardware.sim.vm import warm_up

    warm_up()  # make sure the compiled module is in the user cache
    runs = [float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True,
                                 check=True).stdout.split()[-1]) for _ in range(3)]
    return statistics.median(runs)


def main() -> None:
    from schuelerlab.hardware.sim import Press, Scenario, simulate
    from schuelerlab.hardware.sim.trace import char_rows
    from schuelerlab.hardware.sim.vm import warm_up

    compile_s = first_compile_s()
    print(f"first compile (empty cache): {compile_s:.3f} s")
    warm_up()
    simulate(program="print(1)")  # first run in this process (lazy imports)
    loop_runs, cpu_runs = [], []
    for _ in range(5):
        t, c = time.perf_counter(), time.process_time()
        trace = simulate(program=LOOP_PROGRAM, until_ms=60_000)
        loop_runs.append(time.perf_counter() - t)
        cpu_runs.append(time.process_time() - c)
        assert len(trace.serial) == 601 and trace.error is None, trace.error
    loop_s = statistics.median(loop_runs)
    speedup = 60.0 / loop_s
    cpu_speedup = 60.0 / statistics.median(cpu_runs)  # CPU time: independent of other load on the machine
    print(f"60 s program with sleep(100), median of 5: {loop_s:.3f} s real, {speedup:.0f}x "
          f"({cpu_speedup:.0f}x by CPU time), {len(trace.display)} frames")

    cold = cold_start_s()
    print(f"cold start (new process, cached module, import + first run): {cold:.3f} s")

    presses = Scenario(presses=[Press("a", t) for t in (1000, 2000, 3500, 5000, 8000)])
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        trace = simulate(program=COUNTER_PROGRAM, until_ms=10_000, scenario=presses)
        assert trace.lines() == ["1", "2", "3", "4", "5"] and trace.frame_at(9000) == char_rows("5")
        runs.append(time.perf_counter() - t)
    grade = statistics.median(runs)
    print(f"grade run (button counter, 10 s board time), median of 5: {grade:.3f} s")

    t = time.perf_counter()
    trace = simulate(program="while True:\n    pass\n", until_ms=60_000)
    endless = time.perf_counter() - t
    assert trace.error["type"] == "EndlessLoop"
    print(f"endless loop stopped after {endless:.3f} s")

    print(f"virtual_speedup={speedup:.0f} virtual_speedup_cpu={cpu_speedup:.0f} cold_start_s={cold:.3f} "
          f"grade_run_s={grade:.3f} "
          f"endless_loop_stop_s={endless:.3f} first_compile_s={compile_s:.3f}")


if __name__ == "__main__":
    main()
