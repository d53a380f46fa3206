"""Fixtures for the grading tests: a teacher course directory (0700) built from the test course."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from schuelerlab.graders import course, testing

COURSE = Path(__file__).resolve().parents[1] / "grading_course"


@pytest.fixture(scope="session")
def course_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test course set up and generated once per session (generate takes a few seconds)."""
    folder = tmp_path_factory.mktemp("template") / "kurs"
    course.setup_course(course.load_course(COURSE), course_dir=folder)
    course.release(course_dir=folder, assignment="ex1")
    return folder


@pytest.fixture
def course_dir(course_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the course directory, mode 0700 like a teacher's home folder."""
    folder = tmp_path / "lehrkraft" / "kurs"
    folder.parent.mkdir(mode=0o700)
    shutil.copytree(course_template, folder)
    folder.chmod(0o700)
    course.write_config(folder, course_id="grading_course")
    return folder


@pytest.fixture
def klasse(course_dir: Path) -> testing.Klasse:
    """A class whose submissions go into ``course_dir``."""
    return testing.Klasse(course_dir)
