"""How long each course notebook (teacher version, solutions in) takes to run top to bottom.

Promise: every notebook runs in at most 60 s. Runs each source notebook with nbclient in a temporary
copy of its assignment folder (no board connected: the sample data is used).
Usage: .venv/bin/python benchmarks/courses_notebooks.py   (last line: key=value pairs)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
LIMIT_S = 60.0


def run(notebook: Path) -> tuple[float, int]:
    """Execute one notebook in a scratch copy of its folder; return (seconds, error outputs)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(shutil.copytree(notebook.parent, Path(tmp) / notebook.parent.name))
        nb = nbformat.read(folder / notebook.name, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=int(LIMIT_S), kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(folder)}}).execute()
        seconds = time.perf_counter() - start
    errors = sum(1 for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error")
    return seconds, errors


def main() -> int:
    """Time every notebook of the shipped courses."""
    times: dict[str, float] = {}
    errors = 0
    for notebook in sorted((REPO / "courses").glob("*/source/*/*.ipynb")):
        seconds, failed = run(notebook)
        times[f"{notebook.parts[-4]}/{notebook.stem}"] = seconds
        errors += failed
        print(f"{notebook.parts[-4]}/{notebook.stem}: {seconds:.1f} s, {failed} errors")
    worst = max(times.values())
    print(f"notebooks={len(times)} max_s={worst:.1f} mean_s={sum(times.values()) / len(times):.1f} "
          f"limit_s={LIMIT_S:.0f} ratio_to_limit={worst / LIMIT_S:.3f} errors={errors}")
    return 0 if errors == 0 and worst <= LIMIT_S else 1


if __name__ == "__main__":
    sys.exit(main())
