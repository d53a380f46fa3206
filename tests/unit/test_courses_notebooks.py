"""Static checks of the shipped course notebooks: nbgrader metadata, ids, no outputs, data and pictures."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
COURSES = ["sensoren", "daten"]
NOTEBOOKS = sorted(p for c in COURSES for p in (REPO / "courses" / c / "source").glob("*/*.ipynb"))


def _meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def test_each_course_has_enough_notebooks_and_exercises():
    for course in COURSES:
        notebooks = [p for p in NOTEBOOKS if p.parts[-4] == course]
        assert len(notebooks) >= 5, course
        exercises = 0
        for path in notebooks:
            graded = [c for c in nbformat.read(path, as_version=4).cells if _meta(c).get("grade")]
            assert len(graded) >= 3, f"{path.name}: {len(graded)} autograded exercises"
            exercises += len(graded)
        assert exercises >= 15, f"{course}: {exercises} exercises"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_clean_and_valid(path):
    raw = path.read_text(encoding="utf-8")
    nb = nbformat.reads(raw, as_version=4)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor) >= (4, 5), "cells need ids (nbformat >= 4.5)"
    ids = [c.get("id") for c in nb.cells]
    assert all(ids) and len(set(ids)) == len(ids), "every cell needs its own id"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"outputs committed in {cell.id}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_nbgrader_metadata(path):
    nb = nbformat.read(path, as_version=4)
    grade_ids = [_meta(c)["grade_id"] for c in nb.cells if "grade_id" in _meta(c)]
    assert len(grade_ids) == len(set(grade_ids)), "grade_ids must be unique"
    answers, tests = set(), set()
    for cell in nb.cells:
        meta = _meta(cell)
        if cell.cell_type == "markdown":
            assert meta.get("locked") is True and not meta.get("solution") and not meta.get("grade")
        if meta.get("solution"):
            assert meta == {"grade": False, "solution": True, "locked": False, "task": False,
                            "grade_id": meta["grade_id"], "schema_version": 3}
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
            answers.add(meta["grade_id"].removeprefix("loesung_"))
        if meta.get("grade"):
            assert meta["locked"] is True and meta["solution"] is False and meta["points"] > 0
            assert meta["schema_version"] == 3
            assert "### BEGIN HIDDEN TESTS" in cell.source and "### END HIDDEN TESTS" in cell.source
            visible = cell.source.split("### BEGIN HIDDEN TESTS")[0]
            assert "pruefe_" in visible, "every test cell needs visible checks"
            tests.add(meta["grade_id"].removeprefix("test_"))
    assert answers == tests and len(answers) >= 3, (answers, tests)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_text_is_german_and_states_age_duration_and_simulated_data(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert re.search(r"\*\*Alter:\*\* \d+–\d+ Jahre", text)
    minutes = int(re.search(r"\*\*Dauer:\*\* etwa (\d+) Minuten", text).group(1))
    assert 30 <= minutes <= 45
    assert "simulierte Messwerte" in text
    assert "Aufgabe 1" in text and "Geschafft" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_referenced_data_and_pictures_are_shipped(path):
    nb = nbformat.read(path, as_version=4)
    source = "\n".join(c.source for c in nb.cells)
    files = set(re.findall(r'lade_beispiel\("([^"]+)"\)', source))
    files |= set(re.findall(r'calliope_oder_beispiel\("([^"]+)"', source))
    files |= set(re.findall(r"!\[[^\]]*\]\(([^)]+)\)", source))
    assert files, "every notebook works with shipped data"
    for name in files:
        shipped = path.parent / name
        assert shipped.is_file(), f"{path.name} needs {name}"
        assert shipped.stat().st_size < 60_000, f"{name} is too big for the repository"
    for helper in ("pruefen.py", "messen.py"):
        master = REPO / "scripts" / "coursegen" / helper
        assert (path.parent / helper).read_bytes() == master.read_bytes(), f"{helper} differs from its master"


@pytest.mark.parametrize("course", COURSES)
def test_course_toml_matches_folders_and_one_nbgrader_config(course):
    folder = REPO / "courses" / course
    data = tomllib.loads((folder / "course.toml").read_text(encoding="utf-8"))
    assert data["id"] == course and data["title"] and data["materials"]
    listed = [a["id"] for a in data["assignments"]]
    assert listed == sorted(p.name for p in (folder / "source").iterdir() if p.is_dir())
    assert all(30 <= a["minutes"] <= 45 for a in data["assignments"])
    configs = list(folder.rglob("nbgrader_config.py"))
    assert configs == [folder / "nbgrader_config.py"]
    config = configs[0].read_text(encoding="utf-8")
    assert f"c.CourseDirectory.course_id = {course!r}" in config
    assert "# DEIN CODE HIER" in config and "Hier fehlt noch dein Code." in config
