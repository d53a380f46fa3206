"""Web Serial figures: latency browser→kernel and sustained line rate without loss, measured end to end.

Runs the e2e test ``tests/integration/test_webserial_browser.py`` (demo hub, JupyterLab in headless
Chromium, a fake ``navigator.serial`` bridged to a real simulated board printing 11-byte numbered lines
at 1047 lines/s, the 115200-baud line rate) and prints what its figures cell measured in the kernel
while a cell was running ``open_stream().samples(seconds=5)``:

* ``latency_p50_ms``/``latency_p95_ms``: from the page's reader getting a chunk (``Date.now()``) to
  the stream's reader in the kernel taking its last byte (then parsed into a Sample at once);
* ``transit_*``: the same up to the chunk's arrival in the kernel's control thread;
* ``rate_lines_s``, ``lost`` (gaps in the numbering), ``out_of_order``, ``lines``, ``chunks``.

Usage: ``.venv/bin/python benchmarks/webserial.py`` (about a minute). The last line prints ``key=value``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    figures = REPO / "test-artifacts" / "webserial-figures.txt"
    figures.unlink(missing_ok=True)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/integration/test_webserial_browser.py"], cwd=REPO, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0 or not figures.exists():
        print(proc.stdout[-3000:], proc.stderr[-2000:], sep="\n")
        raise SystemExit("the e2e run failed; no figures")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{figures.read_text().strip()} loadavg_1min={load:.1f} cpus={os.cpu_count()}")


if __name__ == "__main__":
    main()
