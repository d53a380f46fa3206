"""A live simulated board: one persistent MicroPython VM that runs code snippets in real time.

Used by the simulator's serial face (REPL, mpremote) and by notebook widgets. The VM runs in its
own thread; ``execute`` hands it code and waits. Ctrl-C (``interrupt``) is delivered cooperatively
at the next board call or sleep; code that makes no board calls is stopped after
``INTERRUPT_GRACE_S`` by an epoch trap, which restarts the VM (globals are lost, files stay).
"""

from __future__ import annotations

import queue
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from schuelerlab.hardware.boards import board_profile
from schuelerlab.hardware.sim.board import ResetRequested, SimBoard
from schuelerlab.hardware.sim.clock import RealClock, VirtualClock
from schuelerlab.hardware.sim.engine import BOOT_CODE
from schuelerlab.hardware.sim.scenario import Scenario
from schuelerlab.hardware.sim.trace import rows
from schuelerlab.hardware.sim.vm import Limits, VMTrap, WasmVM

INTERRUPT_GRACE_S = 1.0
KEYBOARD_INTERRUPT = ("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
                      "KeyboardInterrupt: \n")
_LIVE_LIMITS = Limits(fuel_slice=10**15)


class LiveVM:
    """A simulated board's MicroPython VM that persists globals between execute() calls."""

    def __init__(self, *, board: str = "mini3", files_dir: Path | None = None,
                 on_output: Callable[[str], None], realtime: bool = True,
                 scenario: Scenario | None = None,
                 on_input: Callable[[], str | None] | None = None) -> None:
        self.profile = board_profile(board)
        self._tmp = None
        if files_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="schuelerlab-board-")
        self.files_dir = Path(files_dir) if files_dir is not None else Path(self._tmp.name)
        self.on_output = on_output
        self.on_input = on_input  # blocking: the next line typed on serial, None = end of input (EOFError)
        self.scenario = scenario or Scenario()
        self.clock = RealClock() if realtime else VirtualClock()
        self._lock = threading.Lock()
        self._closed = False
        self._reset_pending = False
        self.resets = 0  # times the program restarted the board with reset() (the serial face reboots)
        self._runs = 0  # execute() calls so far; a Ctrl-C's forced stop applies to one run only
        self._running: int | None = None  # the number of the run in progress, None when idle
        self._early = False  # a Ctrl-C for the caller's span that no run has received yet
        self._interrupt_lock = threading.Lock()
        self._start()

    # VM thread ---------------------------------------------------------------------------------
    def _start(self) -> None:
        self._requests: queue.Queue[str] = queue.Queue()
        self._finished = threading.Event()
        self._dead = threading.Event()
        self.board = SimBoard(profile=self.profile, scenario=self.scenario, clock=self.clock, mode="live",
                              on_output=self.on_output)
        self.board.extra.update(next=self._next, done=self._done)
        self._vm = WasmVM(boot_code=BOOT_CODE, handler=self.board.dispatch, files_dir=self.files_dir,
                          limits=_LIVE_LIMITS)
        self.board.on_advance = self._vm.refuel
        self.board.drain = self._vm.stray_output
        self.board.input_provider = self.on_input
        self._thread = threading.Thread(target=self._main, args=(self._vm, self._dead), daemon=True,
                                        name="schuelerlab-livevm")
        self._thread.start()

    def _main(self, vm: WasmVM, dead: threading.Event) -> None:
        try:
            vm.run()
        except ResetRequested:
            self._reset_pending = True
        except VMTrap:
            pass
        except BaseException:  # noqa: BLE001 - a board handler failed: the board restarts
            pass
        finally:
            dead.set()
            self._finished.set()

    def _next(self, payload: str) -> str:
        request = self._requests.get()
        self._vm.refuel()
        return request

    def _done(self, payload: str) -> str:
        self._finished.set()
        return ""

    # public API --------------------------------------------------------------------------------
    def execute(self, code: str, filename: str = "<stdin>", mode: str = "exec") -> str | None:
        """Run ``code`` in the persistent globals; output goes to ``on_output`` live.

        ``mode="single"`` echoes expression values like the friendly REPL (``>>> 1+1`` prints 2);
        ``filename="main.py"`` makes tracebacks name main.py (for running it at boot).
        Returns the traceback text exactly as MicroPython prints it, or None.
        """
        if mode not in ("exec", "single"):
            raise ValueError("mode must be 'exec' or 'single'")
        with self._lock:
            if self._closed:
                raise RuntimeError("LiveVM is closed")
            if self._dead.is_set():
                self._restart()
            interrupt_event = getattr(self.clock, "interrupt_event", None)
            if interrupt_event is not None:
                interrupt_event.clear()
            self.board.error_text = None
            self._finished.clear()
            self._begin_run()
            try:
                self._requests.put(f"{filename}\x00{mode}\x00{code}")
                self._finished.wait()
            finally:
                self._running = None
            self._flush_stray()
            result = self.board.error_text
            if self._dead.is_set():
                self._restart()
                result = KEYBOARD_INTERRUPT
                if self._reset_pending:  # the program called reset(): the board restarted
                    self._reset_pending = False
                    self.resets += 1
                    result = None
            if result and result.rstrip().endswith("KeyboardInterrupt:"):
                self.forget_early()  # the span's Ctrl-C has arrived
            return result

    def _begin_run(self) -> None:
        with self._interrupt_lock:
            self._runs += 1
            self._running = self._runs
            if self._early:  # a Ctrl-C of the caller's span that has not arrived in any run yet
                self._interrupt_run(self._running)

    def interrupt(self, *, early: bool = False) -> None:
        """Thread-safe Ctrl-C: KeyboardInterrupt in the running code (VM restart if it does not stop).

        Only the run in progress is stopped: a Ctrl-C while idle does nothing, and the forced stop
        after ``INTERRUPT_GRACE_S`` never hits code started after the interrupted run ended.
        ``early=True`` is for a caller that runs several pieces of code as one span (the REPL: set-up,
        then the code): the Ctrl-C also stops the span's next runs until one of them ends with
        KeyboardInterrupt, or until :meth:`forget_early` ends the span.
        """
        with self._interrupt_lock:
            if early:
                self._early = True
            if self._running is not None:
                self._interrupt_run(self._running)

    def forget_early(self) -> None:
        """End the caller's span: an early Ctrl-C that has not arrived is dropped."""
        with self._interrupt_lock:
            self._early = False

    def _interrupt_run(self, run: int) -> None:
        event = getattr(self.clock, "interrupt_event", None)
        if event is not None:
            event.set()
        vm, finished = self._vm, self._finished

        def force() -> None:
            if self._running == run and not finished.is_set():
                vm.interrupt()

        timer = threading.Timer(INTERRUPT_GRACE_S, force)
        timer.daemon = True
        timer.start()

    def reset(self) -> None:
        """Soft reset: fresh VM state and globals, files kept."""
        self._stop()
        with self._lock:
            self._start()

    def close(self) -> None:
        """Stop the VM and free its resources."""
        if self._closed:
            return
        self._stop()
        self._closed = True
        if self._tmp is not None:
            self._tmp.cleanup()

    def _stop(self) -> None:
        if not self._finished.is_set():
            self.interrupt()
        with self._lock:
            self._requests.put("\x04")
            self._thread.join(timeout=5)
            if self._thread.is_alive():
                self._vm.interrupt()
                self._thread.join(timeout=5)
            self._vm.close()

    def _restart(self) -> None:
        self._thread.join(timeout=5)
        self._vm.close()
        self._start()

    def _flush_stray(self) -> None:
        text = self._vm.stray_output()
        if text:
            self.board.output(text)

    # board access for widgets ------------------------------------------------------------------
    def display_rows(self) -> list[str]:
        """The display now: five rows of brightness digits."""
        return rows(self.board.frame())

    def press(self, button: str, hold_ms: int = 100) -> None:
        """Press button "a", "b", "logo" or touch "pin0".."pin3" now."""
        self.board.inputs.press(button, self.board.ms(), hold_ms)

    def set_sensor(self, name: str, value: int) -> None:
        """Set a sensor (temperature, light_level, sound_level, acc_x, …, pin1) from now on."""
        series = [p for p in self.scenario.sensors.get(name, []) if p[0] < self.board.ms()]
        self.scenario.sensors[name] = series + [(self.board.ms(), int(value))]

    def gesture(self, name: str = "shake", hold_ms: int = 500) -> None:
        """Perform a gesture now."""
        from schuelerlab.hardware.sim.scenario import Gesture

        self.scenario.gestures.append(Gesture(name, self.board.ms(), hold_ms))

    def radio_send_to_board(self, message: str, group: int = 0) -> None:
        """A radio message arrives now."""
        from schuelerlab.hardware.sim.scenario import RadioMessage

        self.scenario.radio.append(RadioMessage(self.board.ms(), message, group))

    def __enter__(self) -> LiveVM:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
