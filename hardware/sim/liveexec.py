"""The serial face's :class:`~schuelerlab.hardware.sim.repl.Executor`: the simulator's ``LiveVM``.

``LiveVM`` runs the full board model (``calliopemini``, sensors, display, the flat file system with
the board's ``os``) in real time. This adapter adds what a REPL needs on top, without changing the
simulator: it turns ``machine.reset()`` (the VM's reset counter) into
:class:`~schuelerlab.hardware.sim.repl.HardReset`, and, through the guest module
``guest/_serialface.py`` installed after every VM start, ``SystemExit`` into
:class:`~schuelerlab.hardware.sim.repl.SoftReset`.
"""

from __future__ import annotations

from collections.abc import Callable

from schuelerlab.hardware.boards import BoardProfile
from schuelerlab.hardware.sim.flatfs import FlatFS
from schuelerlab.hardware.sim.live import KEYBOARD_INTERRUPT, LiveVM
from schuelerlab.hardware.sim.scenario import Scenario
from schuelerlab.hardware.sim.uart import HardReset, SoftReset

# Runs in the user's scope right after a VM start; imports bypass the board's import rules.
_INSTALL = """import builtins, sys
__ss_boot = sys.modules['_simboot']
builtins.__import__ = __ss_boot._orig_import
try:
    import _serialface
    _serialface.install()
finally:
    builtins.__import__ = __ss_boot._import  # reading builtins.__import__ gives the built-in one
del __ss_boot, builtins, sys, _serialface
"""


class LiveExecutor:
    """Runs REPL code on a ``LiveVM`` whose files are ``fs`` (a flat file system in a host folder)."""

    def __init__(self, *, profile: BoardProfile, fs: FlatFS, on_output: Callable[[str], None],
                 scenario: Scenario | None = None) -> None:
        self.profile = profile
        self.fs = fs
        self._exit = False
        self._board = None
        #: the REPL's line input for a program's input() (set by the owner); None: input() waits
        self.input_provider: Callable[[], str | None] | None = None
        self.vm = LiveVM(board=profile.id, files_dir=fs.root, on_output=on_output, scenario=scenario)

    def _ensure_installed(self) -> bool:
        """After every VM start: the SystemExit hook (guest) and its host handler (board).

        Returns False when a Ctrl-C meant for the code stopped the install: the install is
        repeated, and the code must then not run (it was interrupted before it began).
        """
        interrupted = False
        for _ in range(3):
            board = self.vm.board
            if board is self._board:
                return not interrupted
            board.h_ssexit = self._on_exit
            board.input_provider = self._input_line
            error = self.vm.execute(_INSTALL)
            if not error:
                self._board = board
                return not interrupted
            if "KeyboardInterrupt" not in error:
                break
            interrupted = True
        raise RuntimeError(f"serial face guest install failed: {error}")

    def _input_line(self) -> str | None:
        if self.input_provider is None:
            return None
        try:
            return self.input_provider()
        except KeyboardInterrupt:
            return "\x01K"  # the host bridge's signal: KeyboardInterrupt in the program

    def _on_exit(self, payload: str) -> str:
        self._exit = True
        return ""

    # -- Executor protocol ---------------------------------------------------------------------
    def execute(self, code: str, *, filename: str = "<stdin>", single: bool = False) -> str | None:
        """Run code; return the board's traceback text, raise SoftReset/HardReset on exit/reset."""
        if not self._ensure_installed():
            return KEYBOARD_INTERRUPT
        self._exit = False
        resets = self.vm.resets
        error = self.vm.execute(code, filename=filename, mode="single" if single else "exec")
        if self.vm.resets != resets:
            raise HardReset
        if self._exit:
            raise SoftReset
        return error

    def interrupt(self) -> None:
        """Ctrl-C (thread-safe): KeyboardInterrupt at the next board call, else a VM restart.

        The REPL calls this only while it executes code; a Ctrl-C that arrives before the VM has
        started the run still stops it (``early``) until :meth:`execution_over`.
        """
        self.vm.interrupt(early=True)

    def execution_over(self) -> None:
        """The REPL's execution ended: an early Ctrl-C that found no run is dropped."""
        self.vm.forget_early()

    def reset(self) -> None:
        """Soft reset: a fresh VM (globals cleared), files kept."""
        self.vm.reset()

    def close(self) -> None:
        """Stop the VM."""
        self.vm.close()
