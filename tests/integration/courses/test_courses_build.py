"""The committed course files are exactly what scripts/coursegen/build.py generates (seeded)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _shipped(p: Path) -> bool:
    """Leave out what running a notebook in place leaves behind (also in .gitignore)."""
    scratch = p.name == "meine_messung.csv" or (p.name.startswith("test_") and p.suffix == ".csv")
    return p.is_file() and not scratch and not {"__pycache__", ".ipynb_checkpoints"} & set(p.parts)


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if _shipped(p)}


def test_committed_courses_match_the_generator(tmp_path):
    out = tmp_path / "courses"
    script = REPO / "scripts" / "coursegen" / "build.py"
    done = subprocess.run([sys.executable, str(script), "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for course in ("sensoren", "daten"):
        generated = _files(out / course)
        committed = _files(REPO / "courses" / course)
        assert sorted(generated) == sorted(committed), "run scripts/coursegen/build.py and commit the result"
        stale = [name for name in generated if generated[name] != committed[name]]
        assert not stale, f"out of date (run scripts/coursegen/build.py): {stale}"
