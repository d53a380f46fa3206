"""How long the two ways of putting a program on a board take (hex build vs. REPL write).

Hex path: check + build a Universal Hex from both official firmwares (needs ../shared/firmware or the
cache); the copy to a real MINI drive then takes about a minute on the board and is not measured here.
REPL path: write a 5 KB main.py onto the simulated Calliope (mini 3 with raw REPL, mini 2 persona) and
reset it. Last line: key=value pairs.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from schuelerlab.hardware.boards import MINI2, MINI3
from schuelerlab.hardware.flash import build, firmware, repl
from schuelerlab.hardware.flash.check import check_program
from schuelerlab.hardware.flash.hexfile import main_py_bytes
from schuelerlab.hardware.flash.testing import official_firmware
from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard

REPO = Path(__file__).resolve().parents[1]
SOURCE = "from calliopemini import *\n" + "".join(f"x{i} = {i}  # Grüße {i:04d}\n" for i in range(220))


def hex_build_seconds() -> float | None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SCHUELERLAB_CACHE_DIR"] = tmp
        for board in ("mini3", "mini2"):
            path, reason = official_firmware(REPO, board)
            if path is None:
                print(f"hex build skipped: {reason}")
                return None
            firmware.install(path)
        start = time.perf_counter()
        check_program(SOURCE, [MINI3, MINI2])
        build.build_hex(main_py_bytes(SOURCE), build.targets(None, None))
        return time.perf_counter() - start


def repl_seconds(board: str) -> float:
    with tempfile.TemporaryDirectory() as tmp, SimulatedSerialBoard(board=board, link=Path(tmp) / "c") as sim:
        sim.wait_idle(30)
        start = time.perf_counter()
        repl.write_main(sim.path, main_py_bytes(SOURCE), listen=0.0)
        return time.perf_counter() - start


def main() -> None:
    size = len(main_py_bytes(SOURCE))
    hex_s = hex_build_seconds()
    mini3, mini2 = repl_seconds("mini3"), repl_seconds("mini2")
    print(f"program {size} B: hex build {hex_s}, REPL write mini3 {mini3:.2f} s, mini2 {mini2:.2f} s")
    hex_text = f"{hex_s:.2f}" if hex_s is not None else "nan"
    print(f"program_bytes={size} universal_hex_build_s={hex_text} repl_write_mini3_s={mini3:.2f} "
          f"repl_write_mini2_s={mini2:.2f}")


if __name__ == "__main__":
    main()
