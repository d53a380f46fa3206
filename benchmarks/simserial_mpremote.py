"""mpremote against the simulated Calliope's serial face: per-command wall time, pty vs TCP.

Runs the real ``mpremote`` CLI (as a subprocess, like a user) against one ``SimulatedSerialBoard``
(mini3 persona, raw-paste) on its pty symlink and on ``socket://127.0.0.1:PORT``: ``exec
"print(1+2)"``, ``fs cp`` of a 5 KB file and ``fs ls``; median of ``--repeat`` runs. Baseline for
comparison (``serial-and-repl.md`` §4): mpremote ``exec`` ≈0.09 s and each ``fs`` command ≈0.1 s on a
pty stand-in; TCP 0.44-0.6 s per call.

Run: ``.venv/bin/python benchmarks/simserial_mpremote.py``. The last line prints ``key=value`` pairs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard

MPREMOTE = str(Path(sys.executable).parent / "mpremote")


def timed(url: str, *args: str) -> float:
    start = time.perf_counter()
    proc = subprocess.run([MPREMOTE, "connect", url, *args], capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"mpremote {' '.join(args)} failed: {proc.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp) / "five_kb.py"
        local.write_text("x = 1  # padding line to make a five kilobyte program file\n" * 85)
        results: dict[str, float] = {}
        with SimulatedSerialBoard(link=Path(tmp) / "calliope", tcp_port=0) as sim:
            for face, url in (("pty", sim.path), ("tcp", sim.tcp.url)):
                for name, args in (("exec", ["exec", "print(1+2)"]),
                                   ("cp5k", ["fs", "cp", str(local), ":five_kb.py"]),
                                   ("ls", ["fs", "ls"])):
                    runs = [timed(url, *args) for _ in range(opts.repeat)]
                    results[f"{face}_{name}_s"] = statistics.median(runs)
                    print(f"{face:3} {name:5} median {results[f'{face}_{name}_s']:.3f} s  runs {runs}")
        print(f"file size {local.stat().st_size} B")
    print(" ".join(f"{k}={v:.3f}" for k, v in results.items()))


if __name__ == "__main__":
    main()
