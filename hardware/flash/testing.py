"""Where the tests find the official Calliope firmware (``../shared/firmware``; never committed).

The REPL tests run against the simulated Calliope (``schuelerlab.hardware.sim.SimulatedSerialBoard``),
so no stand-in board ships in the package.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from schuelerlab.hardware.boards import BOARDS


def shared_firmware_dir(repo_root: Path) -> Path:
    """``../shared/firmware`` next to the repository: the official hexes for tests (never committed)."""
    return Path(repo_root).parent / "shared" / "firmware"


def official_firmware(repo_root: Path, board_id: str) -> tuple[Path | None, str]:
    """(path, "") for the official firmware of ``mini3``/``mini2``, or (None, reason naming the file)."""
    fw = BOARDS[board_id].firmware
    path = shared_firmware_dir(repo_root) / fw.filename
    if not path.is_file():
        return None, f"official firmware {path} is missing (see calliope.md §9)"
    if hashlib.sha256(path.read_bytes()).hexdigest() != fw.sha256:
        return None, f"official firmware {path} has the wrong sha256"
    return path, ""
