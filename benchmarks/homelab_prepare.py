"""How long ``schuelerlab lab`` needs before JupyterLab starts: the first run (student versions built with
nbgrader's preprocessors, all courses copied) against a later run (cache reused, nothing to copy).

Promise: the first run takes under 30 s, a later run under 1 s (baseline: one ``nbgrader
generate_assignment`` app start for a single course, measured here too).
Usage: .venv/bin/python benchmarks/homelab_prepare.py   (last line: key=value pairs)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from schuelerlab.courses import courses_root

from schuelerlab.home import prepare_home


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _nbgrader_one_course(tmp: Path) -> float:
    root = tmp / "daten"
    shutil.copytree(courses_root() / "daten", root, ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp / "jupyter"),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    cmd = [sys.executable, "-m", "nbgrader", "generate_assignment", "*", f"--CourseDirectory.root={root}"]
    return _timed(lambda: subprocess.run(cmd, cwd=root, env=env, capture_output=True, check=True))


def main() -> None:
    """Print first-run and cached-run times of ``prepare_home``."""
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder, cache = tmp / "Schuelerlab", tmp / "cache"
        first = _timed(lambda: prepare_home(folder=folder, cache=cache))
        again = _timed(lambda: prepare_home(folder=folder, cache=cache))
        baseline = _nbgrader_one_course(tmp)
    print(f"first run (generate 19 notebooks + copy): {first:.2f} s; later run: {again:.3f} s; "
          f"nbgrader generate_assignment for one course (6 notebooks): {baseline:.2f} s")
    print(f"first_s={first:.2f} cached_s={again:.3f} nbgrader_one_course_s={baseline:.2f} "
          f"first_vs_nbgrader_ratio={first / baseline:.2f} cached_speedup={first / again:.0f}")


if __name__ == "__main__":
    main()
