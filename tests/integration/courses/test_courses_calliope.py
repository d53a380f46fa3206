"""The course ``calliope`` graded with plain nbgrader (0.9.6) in a temporary copy.

Device exercises are graded on simulator traces inside the nbgrader kernel (``schuelerlab.hardware.sim``).
One ``generate_assignment '*'`` and one ``autograde '*'`` for all seven notebooks and four fake students
(``lehrer``, ``leer``, ``falsch1``, ``falsch2``). The pipeline is the one of the other courses
(``conftest.grade_course``); the typical wrong answers are in ``wrong_answers_calliope.py``.
"""

from __future__ import annotations

import json
import sys
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
COURSE = "calliope"
SOURCE = HERE.parents[2] / "courses" / COURSE / "source"
ASSIGNMENTS = sorted(p.name for p in SOURCE.iterdir() if p.is_dir())


def _load(name: str, file: str):
    spec = spec_from_file_location(name, HERE / file)
    module = module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


WRONG = _load("calliope_wrong_answers", "wrong_answers_calliope.py").WRONG_ANSWERS[COURSE]


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory):
    """The course graded once for this module (the shared pipeline, fed with this course's wrong answers)."""
    pipeline = _load("calliope_grading_pipeline", "conftest.py")
    pipeline.WRONG_ANSWERS[COURSE] = WRONG
    return pipeline.grade_course(COURSE, tmp_path_factory.mktemp("calliope"))


def _tests_of(graded, student: str, assignment: str) -> dict[str, tuple[float, float]]:
    return {gid: s for (st, a, gid), s in graded.scores.items() if st == student and a == assignment}


@pytest.mark.slow
def test_generate_assignment_keeps_program_cells_and_hides_solutions(graded):
    assert "MissingIDFieldWarning" not in graded.generate_log
    assert "ERROR" not in graded.generate_log, graded.generate_log[-3000:]
    assert len(graded.assignments) >= 6
    for a in graded.assignments:
        released = json.loads((graded.root / "release" / a / f"{a}.ipynb").read_text(encoding="utf-8"))
        text = json.dumps(released, ensure_ascii=False)
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
        assert "Hier fehlt noch dein Code." in text
        answers = [c for c in released["cells"]
                   if c.get("metadata", {}).get("nbgrader", {}).get("solution")]
        programs = ["".join(c["source"]) for c in answers if "".join(c["source"]).startswith("%%programm ")]
        assert programs, f"{a}: no device exercise"
        for source in programs:  # the magic line and the import survive ClearSolutions
            assert source.splitlines()[1] == "from calliopemini import *", source
        for helper in ("pruefen.py", "calliope_pruefen.py"):
            assert (graded.root / "release" / a / helper).is_file(), f"{a}: {helper} not released"


@pytest.mark.slow
def test_autograde_ran_and_every_teacher_notebook_was_timed(graded):
    assert graded.autograde_rc == 0, graded.autograde_log[-4000:]
    assert graded.assignments == ASSIGNMENTS
    assert sum(len(_tests_of(graded, "lehrer", a)) for a in ASSIGNMENTS) >= 20
    seconds = graded.teacher_seconds
    print(f"\ncalliope: autograde of {len(graded.assignments) * 4} submissions took "
          f"{graded.autograde_seconds:.1f} s; teacher notebooks top to bottom: "
          + ", ".join(f"{a} {seconds.get(a, float('nan')):.1f} s" for a in graded.assignments))
    assert set(seconds) == set(graded.assignments), "every teacher notebook should have been timed"


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_teacher_version_scores_full_marks(graded, assignment):
    assert graded.autograde_rc == 0, graded.autograde_log[-4000:]
    scores = _tests_of(graded, "lehrer", assignment)
    assert len(scores) >= 3, f"only {len(scores)} graded cells"
    lost = {gid: s for gid, s in scores.items() if s[0] != s[1]}
    assert not lost, f"teacher lost points in {lost}: " + "; ".join(
        graded.outputs[("lehrer", assignment, gid)][-400:] for gid in lost)


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_student_version_scores_zero_without_crashing(graded, assignment):
    assert graded.autograde_rc == 0, graded.autograde_log[-4000:]
    scores = _tests_of(graded, "leer", assignment)
    assert scores and all(score == 0 for score, _ in scores.values()), scores
    for gid in scores:
        output = graded.outputs[("leer", assignment, gid)]
        assert "noch nicht fertig" in output and "Traceback" not in output, (gid, output[-300:])


def test_wrong_answer_table_covers_every_exercise_twice():
    import nbformat

    keys = set()
    for a in ASSIGNMENTS:
        nb = nbformat.read(SOURCE / a / f"{a}.ipynb", as_version=4)
        keys |= {(a, c.metadata["nbgrader"]["grade_id"].removeprefix("test_")) for c in nb.cells
                 if c.metadata.get("nbgrader", {}).get("grade")}
    assert keys == set(WRONG), keys ^ set(WRONG)
    assert all(len(rows) == 2 and rows[0][0] != rows[1][0] for rows in WRONG.values())


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_typical_wrong_answers_lose_points_with_german_message(graded, assignment):
    problems = []
    for (a, key), rows in WRONG.items():
        if a != assignment:
            continue
        for variant, (_code, message) in enumerate(rows, start=1):
            student, gid = f"falsch{variant}", f"test_{key}"
            score, max_score = graded.scores[(student, a, gid)]
            output = graded.outputs[(student, a, gid)]
            if score >= max_score:
                problems.append(f"{key} variant {variant}: kept {score}/{max_score} points")
            elif message not in output or "❌" not in output:
                problems.append(f"{key} variant {variant}: {message!r} missing in {output[-300:]!r}")
            elif student == "falsch1" and message not in graded.feedback[a]:
                problems.append(f"{key}: {message!r} missing in the feedback page")
    assert not problems, "\n".join(problems)
