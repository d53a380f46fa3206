"""course.toml and the course directory's one nbgrader_config.py (no processes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from schuelerlab.graders.course import find_course, list_courses, load_course, write_config

from schuelerlab.errors import UserError


def make(root: Path, name: str, toml: str) -> Path:
    folder = root / name
    (folder / "source" / "ex1").mkdir(parents=True)
    (folder / "course.toml").write_text(toml, encoding="utf-8")
    return folder


def test_course_toml_is_read(tmp_path: Path):
    make(tmp_path, "licht", 'title = "Licht messen"\nage = "10-12"\nduration = "90 Minuten"\n'
                           'materials = ["Calliope mini 3", "USB-Kabel"]\n')
    (course,) = list_courses(root=tmp_path)
    assert (course.id, course.title, course.age, course.duration) == ("licht", "Licht messen", "10-12",
                                                                       "90 Minuten")
    assert course.materials == ["Calliope mini 3", "USB-Kabel"] and course.assignments == ["ex1"]


def test_broken_or_unknown_courses_give_german_errors(tmp_path: Path):
    make(tmp_path, "kaputt", "title = ")
    with pytest.raises(UserError, match="fehlerhaft"):
        load_course(tmp_path / "kaputt")
    make(tmp_path / "b", "ohne", "age = 3\n")
    with pytest.raises(UserError, match="Titel"):
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
    assert c.ClearSolutions.code_stub == {"python": "# DEIN CODE HIER\nraise NotImplementedError()"}
