"""Run one student program on a simulated Calliope in virtual time and return its Trace.

``simulate(program=..., board="mini3", until_ms=..., scenario=...)`` is the API the ``simulate``
command and the graders use. The program runs as ``main.py`` in real MicroPython (WebAssembly).
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable
from pathlib import Path

from schuelerlab.hardware.boards import board_profile
from schuelerlab.hardware.sim import errors
from schuelerlab.hardware.sim.board import Panic, ResetRequested, SimBoard
from schuelerlab.hardware.sim.clock import StopSimulation, VirtualClock
from schuelerlab.hardware.sim.scenario import Scenario, from_cli
from schuelerlab.hardware.sim.trace import Trace
from schuelerlab.hardware.sim.vm import Limits, VMTrap, WasmVM
from schuelerlab.hardware.sim.watchdog import Watchdog

from schuelerlab.errors import UserError

BOOT_CODE = "import sys\nsys.path[:] = ['/sim', '', '.frozen']\nimport _simboot\n"
DEFAULT_UNTIL_MS = 10_000
MAX_RESETS = 20
#: Real seconds without any board call after which a run counts as an endless loop (fuel is the
#: deterministic limit; this guarantees the stop on slow or busy machines).
STALL_S = 1.0


def _board_profile(board: str):
    try:
        return board_profile(board)
    except ValueError as err:
        raise UserError(str(err)) from None


def simulate(*, program: str, board: str = "mini3", until_ms: int = DEFAULT_UNTIL_MS,
             scenario: Scenario | None = None, files_dir: Path | None = None,
             on_output: Callable[[str], None] | None = None, limits: Limits | None = None,
             wall_timeout_s: float = 30.0) -> Trace:
    """Run ``program`` (MicroPython source) until it ends or ``until_ms`` of board time passed.

    ``files_dir`` is the board's file system (default: an empty temporary folder);
    ``on_output`` gets serial output as it is printed. A failing program is not an exception:
    its error is in ``trace.error`` (German message, line).
    """
    profile = _board_profile(board)
    limits = limits or Limits()
    clock = VirtualClock(until_ms)
    sim = SimBoard(profile=profile, scenario=scenario or Scenario(), clock=clock, program=program,
                   on_output=on_output)
    with tempfile.TemporaryDirectory(prefix="schuelerlab-board-") as tmp:
        folder = Path(files_dir) if files_dir is not None else Path(tmp)
        _run(sim, folder, limits, wall_timeout_s)
    trace = sim.trace
    end_us = clock.now_us()
    if trace.ended == "finished":
        end_us = min(clock.until_us, max(end_us, sim.sequences_end_us()))
    elif trace.ended == "until":
        end_us = clock.until_us
    sim.finish(end_us)
    trace.end_ms = end_us // 1000
    if sim.error_text:  # the program's own error wins over what happened after it (e.g. a trap)
        trace.error = errors.describe(sim.error_text, profile)
        trace.ended = "error"
    return trace


def _run(sim: SimBoard, folder: Path, limits: Limits, wall_timeout_s: float) -> None:
    """Run the VM (again after each reset()) and record how it ended in the trace."""
    for _ in range(MAX_RESETS):
        watchdog = Watchdog(stall_s=STALL_S, total_s=wall_timeout_s)
        handler = functools.partial(_dispatch, watchdog, sim)
        vm = WasmVM(boot_code=BOOT_CODE, handler=handler, files_dir=folder, limits=limits)
        watchdog.folders = (folder, vm.output_dir)
        sim.on_advance = vm.refuel
        sim.drain = vm.stray_output
        watchdog.watch(vm)
        try:
            restart = _run_once(sim, vm, watchdog)
        finally:
            watchdog.stop()
            text = vm.stray_output() + vm.error_output()  # the board has one serial line for both
            if text:
                sim.output(text, throttle=False)  # the run is over: no more board time
            vm.close()
        if not restart:
            return


def _dispatch(watchdog: Watchdog, sim: SimBoard, name: str, payload: str) -> str:
    watchdog.poke()
    return sim.dispatch(name, payload)


def _run_once(sim: SimBoard, vm: WasmVM, watchdog: Watchdog) -> bool:
    """One boot of the board; True if the program asked for a reset."""
    trace = sim.trace
    try:
        if vm.run() != 0:  # the boot code itself failed (a simulator bug): say so, keep the trace
            trace.ended = "error"
            trace.error = errors.special("Crash", sim.profile, detail=vm.error_output())
            return False
        trace.ended = "finished"
    except ResetRequested:
        return True
    except StopSimulation as stop:
        trace.ended = stop.reason
    except Panic as panic:
        trace.ended = "error"
        trace.error = errors.special("Panic", sim.profile, code=panic.code)
    except VMTrap as trap:
        trace.ended = "error"
        kind = {"fuel": "EndlessLoop", "interrupt": "Timeout"}.get(trap.kind, "Crash")
        if trap.kind == "interrupt" and watchdog.reason == "stall":
            kind = "EndlessLoop"
        elif trap.kind == "interrupt" and watchdog.reason == "data":
            kind = "TooMuchData"
        if trap.kind == "trap" and "memory" in trap.detail:
            kind = "MemoryError"
        line = errors.endless_loop_line(sim.program) if kind == "EndlessLoop" else None
        trace.error = errors.special(kind, sim.profile, line=line, detail=trap.detail)
    return False


def simulate_file(*, program: Path, board: str = "mini3", until_ms: int = DEFAULT_UNTIL_MS, press: str = "",
                  gesture: str = "", settings: tuple[str, ...] = (), radio: str = "", typed: str = "",
                  scenario_file: Path | None = None, seed: int = 1, trace_path: Path | None = None,
                  echo: Callable[[str], None] | None = None) -> Trace:
    """Simulate the program in file ``program`` with a scenario from command-line style specs.

    Writes the trace as JSON to ``trace_path`` if given; ``echo`` receives serial output live.
    """
    source = _read_program(Path(program))
    base = None
    if scenario_file is not None:
        base = Scenario.from_dict(_read_json(Path(scenario_file)))
    scenario = from_cli(press=press, gesture=gesture, settings=tuple(settings), radio=radio, typed=typed,
                        seed=seed, base=base)
    trace = simulate(program=source, board=board, until_ms=until_ms, scenario=scenario, on_output=echo)
    if trace_path is not None:
        try:
            trace.to_json(Path(trace_path))
        except OSError as err:
            raise UserError(f"Die Spur konnte nicht nach {trace_path} geschrieben werden ({err.strerror}). "
                            f"Prüfe den Ordner und die Schreibrechte.") from None
    return trace


def _read_program(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"Die Datei {path} gibt es nicht. Prüfe den Namen und den Ordner.") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} ist keine Textdatei (UTF-8). Speichere das Programm als .py-Datei.") \
            from None
    except OSError as err:
        raise UserError(f"{path} kann nicht gelesen werden ({err.strerror}).") from None


def _read_json(path: Path) -> dict:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise UserError(f"Das Szenario {path} kann nicht gelesen werden ({err}). "
                        f"Es muss eine JSON-Datei sein.") from None
    if not isinstance(data, dict):
        raise UserError(f"Das Szenario {path} muss ein JSON-Objekt sein ({{\"presses\": …}}).")
    return data
