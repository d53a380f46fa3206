"""Finding courses (course.toml via the courses registry) and the course directory's nbgrader_config.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from schuelerlab.graders.course import CODE_STUB, find_course, list_courses, load_course, write_config

from schuelerlab.errors import UserError

TOML = """id = "licht"
title = "Licht messen"
age = "10-12"
materials = ["Calliope mini 3", "USB-Kabel"]

[[assignments]]
id = "ex1"
title = "Helligkeit"
minutes = 40
"""


def make(root: Path, name: str, toml: str) -> Path:
    folder = root / name
    (folder / "source" / "ex1").mkdir(parents=True)
    (folder / "course.toml").write_text(toml, encoding="utf-8")
    return folder


def test_course_toml_is_read(tmp_path: Path):
    make(tmp_path, "licht", TOML)
    (course,) = list_courses(root=tmp_path)
    assert (course.id, course.title, course.age, course.minutes) == ("licht", "Licht messen", "10-12", 40)
    assert course.materials == ("Calliope mini 3", "USB-Kabel")
    assert [a.id for a in course.assignments] == ["ex1"]


def test_shipped_courses_are_found_with_their_notebooks():
    ids = {c.id: c for c in list_courses()}
    assert {"calliope", "sensoren", "daten"} <= set(ids)
    assert all(a.exercises >= 3 for a in find_course("sensoren").assignments)


def test_broken_or_unknown_courses_give_german_errors(tmp_path: Path):
    make(tmp_path, "kaputt", "title = ")
    with pytest.raises(UserError, match="kaputt"):
        load_course(tmp_path / "kaputt")
    make(tmp_path / "b", "ohne", "age = 3\n")
    with pytest.raises(UserError, match="fehlt"):
        load_course(tmp_path / "b" / "ohne")
    with pytest.raises(UserError, match="gibt es nicht"):
        find_course("nichts", root=tmp_path / "leer")


def test_config_is_valid_python_with_course_id_and_exchange(tmp_path: Path):
    path = write_config(tmp_path, course_id="licht", exchange=tmp_path / "ex")
    namespace = {"get_config": lambda: type("C", (), {"__getattr__": lambda s, n: s.__dict__.setdefault(
        n, type("S", (), {})())})()}
    exec(compile(path.read_text(), str(path), "exec"), namespace)
    c = namespace["c"]
    assert c.CourseDirectory.course_id == "licht"
    assert c.Exchange.root == str(tmp_path / "ex")
    assert c.ClearSolutions.code_stub == {"python": CODE_STUB}
    assert "Hier fehlt noch dein Code" in CODE_STUB
