"""Putting programs on the board: syntax check, hex files, Universal Hex, the MINI drive, the REPL.

``from schuelerlab.hardware.flash import flash`` is the notebook entry point (imported lazily, so the
pure modules such as ``ihex`` and ``universal`` stay light).
"""

from __future__ import annotations

from typing import Any

__all__ = ["flash", "FlashResult"]


def __getattr__(name: str) -> Any:
    if name == "flash":
        from schuelerlab.hardware.flash.api import flash

        return flash
    if name == "FlashResult":
        from schuelerlab.hardware.flash.result import FlashResult

        return FlashResult
    raise AttributeError(name)
