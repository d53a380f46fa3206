"""Benchmark: ``schuelerlab grade`` against one plain ``nbgrader autograde`` call.

30 honest submissions (correct, partly correct, unusual but right, empty) of the 3-exercise test
notebook are graded twice on this machine, each in its own copy of the course directory:
once with one ``nbgrader autograde ex1`` process (serial, unsandboxed), once with
``schuelerlab grade ex1`` (parallel, sandboxed, feedback and overview included).
Both are run ``--repeat`` times, alternating, each time on a fresh copy; the best time of each
counts (the machine is shared, so single runs are noisy). Scores must match in every run.
Last line: ``key=value`` pairs with ``speedup_vs_nbgrader``, ``same_scores``, ``s_per_submission``.
Run: ``.venv/bin/python benchmarks/autograde.py [--submissions N] [--workers N] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from schuelerlab.graders import course, testing
from schuelerlab.graders.gradebook import export_rows

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "tests" / "integration" / "grading_course"
VARIANTS = [
    {},                                                                          # all correct
    {"a1_loesung": "def quadrat(x):\n    return x ** 2"},                        # unusual but right
    {"a2_loesung": "def mittelwert(werte):\n    return sum(werte) // len(werte)"},  # partly wrong
    {"a3_loesung": "def zaehle_vokale(text):\n    return sum(text.count(v) for v in 'aeiou')"},
    "empty",
]


def build(folder: Path, count: int) -> None:
    """A course directory with ``count`` submissions."""
    course.setup_course(course.load_course(COURSE), course_dir=folder)
    course.release(course_dir=folder, assignment="ex1")
    source = nbformat.read(folder / "source/ex1/ex1.ipynb", as_version=4)
    release = nbformat.read(folder / "release/ex1/ex1.ipynb", as_version=4)
    for i in range(count):
        variant = VARIANTS[i % len(VARIANTS)]
        answers = {} if variant == "empty" else {**testing.solutions(source), **variant}
        testing.submit(folder, f"s{i:02d}", "ex1", {"ex1": testing.answered(release, answers)})


def scores(folder: Path) -> dict[str, float]:
    """Score per student from the course directory's gradebook."""
    return {r["student_id"]: r["score"] for r in export_rows(f"sqlite:///{folder / 'gradebook.db'}")}


def timed(cmd: list[str], cwd: Path) -> float:
    """Run ``cmd`` and return its wall time; fail loudly if it fails."""
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=30)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    bindir = Path(sys.executable).parent
    plain_times, our_times, same = [], [], True
    with tempfile.TemporaryDirectory(prefix="bench-autograde-") as tmp:
        template = Path(tmp) / "template"
        build(template, args.submissions)
        for run in range(args.repeat):
            plain, ours = Path(tmp) / f"plain{run}", Path(tmp) / f"ours{run}"
            shutil.copytree(template, plain)
            shutil.copytree(template, ours)
            plain_times.append(timed([str(bindir / "nbgrader"), "autograde", "ex1"], plain))
            our_times.append(timed([str(bindir / "schuelerlab"), "grade", "ex1", "--course-dir", str(ours),
                                    "--workers", str(args.workers)], ours))
            same = same and scores(plain) == scores(ours) and len(scores(ours)) == args.submissions
            print(f"run {run + 1}: nbgrader autograde {plain_times[-1]:.1f} s, "
                  f"schuelerlab grade {our_times[-1]:.1f} s")
    t_plain, t_ours = min(plain_times), min(our_times)
    print(f"submissions={args.submissions} workers={args.workers} cores={os.cpu_count()} "
          f"nbgrader_s={t_plain:.2f} schuelerlab_s={t_ours:.2f} speedup_vs_nbgrader={t_plain / t_ours:.2f} "
          f"same_scores={int(same)} s_per_submission={t_ours / args.submissions:.3f}")


if __name__ == "__main__":
    main()
