"""The shipped courses graded with plain nbgrader: teacher full marks, untouched zero, wrong answers lose
points with their German message. Fixtures and the pipeline: conftest.py; the wrong answers: wrong_answers.py.
"""

from __future__ import annotations

import json

import pytest

COURSES = ["sensoren", "daten"]


def _tests_of(graded, student: str, assignment: str) -> dict[str, tuple[float, float]]:
    return {gid: s for (st, a, gid), s in graded.scores.items() if st == student and a == assignment}


@pytest.mark.slow
@pytest.mark.parametrize("course", COURSES)
def test_generate_assignment_is_clean(graded_courses, course):
    graded = graded_courses[course]
    assert "MissingIDFieldWarning" not in graded.generate_log
    assert "ERROR" not in graded.generate_log, graded.generate_log[-3000:]
    for a in graded.assignments:
        released = (graded.root / "release" / a / f"{a}.ipynb").read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in released and "BEGIN HIDDEN TESTS" not in released
        assert "# DEIN CODE HIER" in released and "Hier fehlt noch dein Code." in released
        for helper in ("pruefen.py", "messen.py"):
            assert (graded.root / "release" / a / helper).is_file(), f"{a}: {helper} not released"


@pytest.mark.slow
@pytest.mark.parametrize("course", COURSES)
def test_teacher_version_scores_full_marks(graded_courses, course):
    graded = graded_courses[course]
    assert graded.autograde_rc == 0, graded.autograde_log[-4000:]
    for a in graded.assignments:
        scores = _tests_of(graded, "lehrer", a)
        assert len(scores) >= 3, f"{a}: only {len(scores)} graded cells"
        lost = {gid: s for gid, s in scores.items() if s[0] != s[1]}
        assert not lost, f"{a}: teacher lost points in {lost}: " + "; ".join(
            graded.outputs[("lehrer", a, gid)][-400:] for gid in lost)
    seconds = graded.teacher_seconds
    print(f"\n{course}: autograde of {len(graded.assignments) * 4} submissions took "
          f"{graded.autograde_seconds:.1f} s; teacher notebooks top to bottom: "
          + ", ".join(f"{a} {seconds.get(a, float('nan')):.1f} s" for a in graded.assignments))
    assert set(seconds) == set(graded.assignments), "every teacher notebook should have been timed"


@pytest.mark.slow
@pytest.mark.parametrize("course", COURSES)
def test_untouched_student_version_scores_zero(graded_courses, course):
    graded = graded_courses[course]
    assert graded.autograde_rc == 0, graded.autograde_log[-4000:]
    for a in graded.assignments:
        scores = _tests_of(graded, "leer", a)
        assert scores and all(score == 0 for score, _ in scores.values()), f"{a}: {scores}"
        for gid in scores:
            assert "noch nicht fertig" in graded.outputs[("leer", a, gid)], (a, gid)
        notebook = graded.root / "autograded" / "leer" / a / f"{a}.ipynb"
        assert json.loads(notebook.read_text(encoding="utf-8"))["cells"], "autograded notebook is empty"


@pytest.mark.slow
@pytest.mark.parametrize("course", COURSES)
def test_typical_wrong_answers_lose_points_with_german_message(graded_courses, wrong_answers, course):
    graded = graded_courses[course]
    table = wrong_answers[course]
    answers = {(a, gid[len("test_"):]) for (st, a, gid) in graded.scores if st == "lehrer"}
    assert answers == set(table), f"wrong-answer table does not match the exercises: {answers ^ set(table)}"
    problems = []
    for (a, key), rows in table.items():
        assert len(rows) == 2
        for variant, (_code, message) in enumerate(rows, start=1):
            student, gid = f"falsch{variant}", f"test_{key}"
            score, max_score = graded.scores[(student, a, gid)]
            output = graded.outputs[(student, a, gid)]
            if score >= max_score:
                problems.append(f"{a}/{key} variant {variant}: kept {score}/{max_score} points")
            elif message not in output or "❌" not in output:
                problems.append(f"{a}/{key} variant {variant}: {message!r} missing in {output[-300:]!r}")
            elif student == "falsch1" and message not in graded.feedback[a]:
                problems.append(f"{a}/{key}: {message!r} missing in the feedback page")
    assert not problems, "\n".join(problems)
