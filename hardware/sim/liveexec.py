"""The serial face's :class:`~schuelerlab.hardware.sim.repl.Executor`: the simulator's ``LiveVM``.

``LiveVM`` runs the full board model (``calliopemini``, sensors, display) in real time. This adapter
adds what a REPL needs on top, without changing the simulator: after every VM start it installs the
guest module ``guest/_serialface.py`` (flat-file-system ``open`` on :class:`.flatfs.FlatFS`, the
friendly REPL's ``single`` mode, ``SystemExit`` reporting) and host handlers on the VM's board, and
it turns ``machine.reset()`` into :class:`~schuelerlab.hardware.sim.repl.HardReset` and
``SystemExit`` into :class:`~schuelerlab.hardware.sim.repl.SoftReset`.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from schuelerlab.hardware.boards import BoardProfile
from schuelerlab.hardware.sim.board import ResetRequested
from schuelerlab.hardware.sim.flatfs import FlatFS
from schuelerlab.hardware.sim.live import LiveVM
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
        self._reset = False
        self._board = None
        self.vm = LiveVM(board=profile.id, files_dir=fs.root, on_output=on_output, scenario=scenario)

    # -- per VM start --------------------------------------------------------------------------
    def _ensure_installed(self) -> None:
        board = self.vm.board
        if board is self._board:
            return
        board.h_ssfs = self._fs_call
        board.h_ssexit = self._on_exit
        board.h_reset = self._on_reset
        error = self.vm.execute(_INSTALL)
        if error:
            raise RuntimeError(f"serial face guest install failed: {error}")
        self._board = board

    def _fs_call(self, payload: str) -> str:
        op, name, data = (payload.split("\x00") + ["", ""])[:3]
        return json.dumps(self.fs.call(op, name, data))

    def _on_exit(self, payload: str) -> str:
        self._exit = True
        return ""

    def _on_reset(self, payload: str) -> str:
        self._reset = True
        raise ResetRequested

    # -- Executor protocol ---------------------------------------------------------------------
    def execute(self, code: str, *, filename: str = "<stdin>", single: bool = False) -> str | None:
        """Run code; return the board's traceback text, raise SoftReset/HardReset on exit/reset."""
        self._ensure_installed()
        self._exit = self._reset = False
        error = self.vm.execute(code, filename=("\x02" if single else "") + filename)
        if self._reset:
            raise HardReset
        if self._exit:
            raise SoftReset
        return error

    def interrupt(self) -> None:
        """Ctrl-C (thread-safe): KeyboardInterrupt at the next board call, else a VM restart."""
        self.vm.interrupt()

    def reset(self) -> None:
        """Soft reset: a fresh VM (globals cleared), files kept."""
        self.vm.reset()

    def close(self) -> None:
        """Stop the VM."""
        self.vm.close()
