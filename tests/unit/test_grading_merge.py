"""Merging a student's notebook into the teacher's by nbgrader cell id (no processes)."""

from __future__ import annotations

import copy

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from schuelerlab.graders.merge import grade_id, merge, suspicious


def meta(gid, **flags):
    return {"nbgrader": {"grade_id": gid, "solution": False, "grade": False, "locked": False,
                         "schema_version": 3, **flags}}


def teacher_pair():
    source = new_notebook(cells=[
        new_markdown_cell("# Aufgabe", metadata=meta("text", locked=True)),
        new_code_cell("def f():\n    ### BEGIN SOLUTION\n    return 42\n    ### END SOLUTION",
                      metadata=meta("antwort", solution=True)),
        new_code_cell("assert f() == 42\n### BEGIN HIDDEN TESTS\nassert f() + 1 == 43\n### END HIDDEN TESTS",
                      metadata=meta("test", grade=True, locked=True, points=2)),
    ])
    release = copy.deepcopy(source)
    release.cells[1].source = "def f():\n    raise NotImplementedError()"
    release.cells[2].source = "assert f() == 42"
    return source, release


def student(release, answer="def f():\n    return 42"):
    nb = copy.deepcopy(release)
    nb.cells[1].source = answer
    return nb


def sources(nb):
    return [c.source for c in nb.cells]


def test_answers_come_from_the_student_tests_from_the_teacher():
    source, release = teacher_pair()
    result = merge(source=source, release=release, submitted=student(release))
    assert sources(result.nb) == ["# Aufgabe", "def f():\n    return 42", source.cells[2].source]
    assert result.notes == []


def test_teacher_solution_never_enters_the_merged_notebook():
    source, release = teacher_pair()
    for submitted in (None, new_notebook(cells=[])):
        merged = merge(source=source, release=release, submitted=submitted).nb
        assert "return 42" not in "".join(sources(merged))
        assert "NotImplementedError" in merged.cells[1].source


def test_tampered_and_deleted_test_cells_use_the_original():
    source, release = teacher_pair()
    nb = student(release)
    nb.cells[2].source = "pass"
    result = merge(source=source, release=release, submitted=nb)
    assert result.nb.cells[2].source == source.cells[2].source
    assert any("verändert" in n for n in result.notes)
    nb.cells = nb.cells[:2]
    result = merge(source=source, release=release, submitted=nb)
    assert result.nb.cells[2].source == source.cells[2].source
    assert any("fehlte" in n for n in result.notes)


def test_duplicate_answer_cells_run_in_order_and_copied_tests_are_dropped():
    source, release = teacher_pair()
    nb = student(release, "def f():\n    return 0")
    second = copy.deepcopy(nb.cells[1])
    second.source = "def f():\n    return 42"
    test_copy = copy.deepcopy(nb.cells[2])
    test_copy.source = "pass"
    nb.cells[2:2] = [second]
    nb.cells.append(test_copy)
    result = merge(source=source, release=release, submitted=nb)
    assert sources(result.nb)[1:3] == ["def f():\n    return 0", "def f():\n    return 42"]
    assert grade_id(result.nb.cells[2]) is None  # the copy is plain student code
    assert len(result.nb.cells) == 4 and "pass" not in sources(result.nb)
    assert len({c.id for c in result.nb.cells}) == 4
    nbformat.validate(result.nb)


def test_changed_cell_type_is_graded_as_the_original_type():
    source, release = teacher_pair()
    nb = student(release)
    nb.cells[1] = new_markdown_cell("def f():\n    return 42", metadata=nb.cells[1].metadata)
    result = merge(source=source, release=release, submitted=nb)
    assert result.nb.cells[1].cell_type == "code" and "return 42" in result.nb.cells[1].source
    assert any("Zelltyp" in n for n in result.notes)


def test_added_cells_stay_after_their_anchor_without_grading_metadata():
    source, release = teacher_pair()
    nb = student(release)
    fake = new_code_cell("x = 1", metadata=meta("bonus", grade=True, points=100))
    nb.cells.insert(2, fake)
    result = merge(source=source, release=release, submitted=nb)
    assert sources(result.nb)[2] == "x = 1"
    assert "nbgrader" not in result.nb.cells[2].metadata
    assert any("bonus" in n for n in result.notes)


def test_cells_without_nbgrader_metadata_are_matched_by_cell_id():
    source, release = teacher_pair()
    nb = student(release)
    for cell in nb.cells:
        cell.metadata = {}
    result = merge(source=source, release=release, submitted=nb)
    assert result.nb.cells[1].source == "def f():\n    return 42"


def test_too_many_added_cells_are_dropped_but_answers_still_count():
    from schuelerlab.graders.merge import MAX_EXTRA_CELLS

    source, release = teacher_pair()
    nb = student(release)
    nb.cells[1:1] = [new_code_cell(f"x = {i}") for i in range(MAX_EXTRA_CELLS + 5)]
    result = merge(source=source, release=release, submitted=nb)
    assert len(result.nb.cells) == 3 + MAX_EXTRA_CELLS
    assert "def f():\n    return 42" in sources(result.nb)
    assert any("5 weitere" in n for n in result.notes)


def test_unreadable_submissions_get_a_reason(tmp_path):
    from schuelerlab.graders.merge import MAX_NOTEBOOK_BYTES, read_submission

    assert read_submission(str(tmp_path / "fehlt.ipynb"))[1] == "Die Abgabe enthält dieses Notebook nicht."
    (tmp_path / "kaputt.ipynb").write_text("{")
    assert "beschädigt" in read_submission(str(tmp_path / "kaputt.ipynb"))[1]
    with (tmp_path / "riesig.ipynb").open("wb") as handle:
        handle.truncate(MAX_NOTEBOOK_BYTES + 1)
    assert "größer als 20 MB" in read_submission(str(tmp_path / "riesig.ipynb"))[1]


def test_suspicious_code_is_named_for_the_teacher():
    assert suspicious("import os\nos.kill(os.getppid(), 9)") == ["os.kill"]
    assert suspicious("with open('messwerte.csv') as f:\n    pass") == []
    assert "socket" in suspicious("import socket")
