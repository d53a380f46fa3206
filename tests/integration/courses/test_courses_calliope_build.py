"""The committed course ``calliope`` is exactly what scripts/coursegen/build.py generates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not {"__pycache__", ".ipynb_checkpoints"} & set(p.parts)}


def test_committed_calliope_course_matches_the_generator(tmp_path):
    script = REPO / "scripts" / "coursegen" / "build.py"
    done = subprocess.run([sys.executable, str(script), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    generated, committed = _files(tmp_path / "calliope"), _files(REPO / "courses" / "calliope")
    assert sorted(generated) == sorted(committed), "run scripts/coursegen/build.py and commit the result"
    stale = [name for name in generated if generated[name] != committed[name]]
    assert not stale, f"out of date (run scripts/coursegen/build.py): {stale}"
