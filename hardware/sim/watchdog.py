"""Real-time guards of a simulated run: a VM that makes no board call for too long (an endless loop
without any call), runs too long, or writes too much data is stopped with an epoch interrupt.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from schuelerlab.hardware.sim.vm import WasmVM


class Watchdog:
    """Stops a VM that makes no host call for ``stall_s`` (reason "stall"), runs ``total_s`` (reason
    "total") of real time, or writes more than ``max_bytes`` into its folders (reason "data": a
    hostile program can write files without any host call). ``poke()`` on every host call;
    ``stop()`` when the run is over."""

    def __init__(self, *, stall_s: float, total_s: float, folders: tuple[Path, ...] = (),
                 max_bytes: int = 8 * 1024 * 1024) -> None:
        self.stall_s = stall_s
        self.total_s = total_s
        self.folders = folders
        self.max_bytes = max_bytes
        self.reason: str | None = None
        self.last = self.start = time.monotonic()
        self._done = threading.Event()

    def watch(self, vm: WasmVM) -> None:
        """Start watching ``vm``."""
        self.vm = vm
        self.base_bytes = _folder_bytes(self.folders)  # files already there do not count
        self.last = self.start = time.monotonic()
        threading.Thread(target=self._watch, daemon=True, name="schuelerlab-watchdog").start()

    def poke(self) -> None:
        """The VM just made a host call."""
        self.last = time.monotonic()

    def stop(self) -> None:
        """The run is over: stop watching."""
        self._done.set()

    def _watch(self) -> None:
        while not self._done.wait(0.05):
            now = time.monotonic()
            if now - self.last > self.stall_s:
                self.reason = "stall"
            elif now - self.start > self.total_s:
                self.reason = "total"
            elif self.folders and _folder_bytes(self.folders) > self.base_bytes + self.max_bytes:
                self.reason = "data"
            else:
                continue
            self.vm.interrupt()
            return


def _folder_bytes(folders: tuple[Path, ...]) -> int:
    total = 0
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                total += sum(e.stat(follow_symlinks=False).st_size for e in entries if e.is_file())
        except OSError:
            pass
    return total
