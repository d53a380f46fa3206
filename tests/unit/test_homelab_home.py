"""The course folder at home: student versions only, never overwriting a child's work, cache reuse."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from schuelerlab.courses import courses_root
from schuelerlab.courses.registry import list_courses
from schuelerlab.courses.student import courses_hash, student_versions

from schuelerlab.errors import UserError
from schuelerlab.home import CATALOG_NAME, prepare_home

TEACHER_ONLY = ("### BEGIN SOLUTION", "### END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory):
    """One prepared home folder (with its own cache) shared by the read-only tests."""
    base = tmp_path_factory.mktemp("home")
    lines: list[str] = []
    report = prepare_home(folder=base / "Schuelerlab", cache=base / "cache", progress=lines.append)
    return report, lines, base / "cache"


def _solution_only_lines(source_dir: Path) -> set[str]:
    """Lines of the solution and hidden-test regions of a source notebook that occur nowhere else in
    its folder (not even inside a hint), so finding one in a copy means teacher content leaked."""
    notebook = next(source_dir.glob("*.ipynb"))
    inside: set[str] = set()
    elsewhere: list[str] = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        hidden = False
        for line in "".join(cell["source"]).splitlines():
            text = line.strip()
            if "BEGIN SOLUTION" in text or "BEGIN HIDDEN TESTS" in text:
                hidden = True
            elif "END SOLUTION" in text or "END HIDDEN TESTS" in text:
                hidden = False
            elif hidden and len(text) >= 12 and not text.startswith("#"):
                inside.add(text)
            elif not hidden:
                elsewhere.append(line)
    for helper in source_dir.iterdir():
        if helper.suffix != ".ipynb" and helper.is_file():
            elsewhere.append(helper.read_text(encoding="utf-8", errors="replace"))
    visible = "\n".join(elsewhere)
    return {line for line in inside if line not in visible}


def test_all_courses_and_notebooks_arrive_as_student_versions(home):
    report, lines, _cache = home
    folder = report.folder
    courses = list_courses()
    assert sorted(report.courses) == sorted(c.id for c in courses) and len(courses) >= 3
    for course in courses:
        for a in course.assignments:
            notebook = folder / course.id / a.id / f"{a.id}.ipynb"
            text = notebook.read_text(encoding="utf-8")
            assert "Hier fehlt noch dein Code." in text, notebook
            assert json.loads(text)["cells"], notebook
    assert report.generated and any("einmalig vorbereitet" in line for line in lines)
    assert sum("ipynb" in p.name for p in report.added) == sum(len(c.assignments) for c in courses)


def test_no_teacher_content_anywhere_in_the_copied_folder(home):
    report, _lines, _cache = home
    files = [p for p in report.folder.rglob("*") if p.is_file()]
    assert len(files) > 50
    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in files}
    for path, text in texts.items():
        for marker in TEACHER_ONLY:
            assert marker not in text, f"{marker} in {path}"
    checked = 0
    for course in list_courses():
        for a in course.assignments:
            secret = _solution_only_lines(course.path / "source" / a.id)
            copied = "\n".join(t for p, t in texts.items() if course.id in p.parts and a.id in p.parts)
            leaked = [line for line in secret if line in copied]
            assert not leaked, f"{course.id}/{a.id}: solution code copied: {leaked[:3]}"
            checked += len(secret)
    assert checked > 50, "the sample solutions should have been found in the source notebooks"


def test_data_pictures_and_helpers_go_along(home):
    report, _lines, _cache = home
    for course in list_courses():
        for a in course.assignments:
            src = course.path / "source" / a.id
            extras = [p for p in src.iterdir() if p.is_file() and p.suffix != ".ipynb"]
            assert any(p.suffix == ".py" for p in extras)
            for p in extras:
                copy = report.folder / course.id / a.id / p.name
                assert copy.read_bytes() == p.read_bytes(), copy
    for teacher_file in ("nbgrader_config.py", "course.toml"):
        assert not list(report.folder.rglob(teacher_file))


def test_catalogue_is_written_into_the_folder(home):
    report, _lines, _cache = home
    page = (report.folder / CATALOG_NAME).read_text(encoding="utf-8")
    assert report.catalog == report.folder / CATALOG_NAME
    for course in list_courses():
        assert course.title in page
        assert all(a.title.replace("&", "&amp;") in page for a in course.assignments)


def test_second_run_reuses_cache_keeps_work_restores_deleted(home, tmp_path):
    report, _lines, cache = home
    folder = tmp_path / "kind"
    shutil.copytree(report.folder, folder)
    edited = folder / "daten" / "02_csv" / "02_csv.ipynb"
    edited.write_bytes(edited.read_bytes().replace(b"Hier fehlt noch dein Code.", b"return 42  # mein Code"))
    before = edited.read_bytes()
    deleted = folder / "sensoren" / "01_spannung" / "01_spannung.ipynb"
    deleted.unlink()
    data = next((folder / "daten" / "02_csv").glob("*.csv"), None) or next(folder.rglob("*.csv"))
    data.unlink()
    lines: list[str] = []
    again = prepare_home(folder=folder, cache=cache, progress=lines.append)
    assert not again.generated and not lines, "the cached student versions should have been reused"
    assert edited.read_bytes() == before
    assert deleted.is_file() and "Hier fehlt noch dein Code." in deleted.read_text(encoding="utf-8")
    assert data.is_file()
    assert sorted(again.added) == sorted([deleted.relative_to(folder), data.relative_to(folder)])
    assert again.kept == [edited.relative_to(folder)]
    text = again.summary()
    assert "Neu hinzugefügt: 2 Dateien (1 Notebooks)" in text
    assert "sensoren/01_spannung/01_spannung.ipynb" in text
    assert "1 Dateien hast du schon bearbeitet" in text and "bleiben genau so" in text


def test_nothing_missing_says_so_and_foreign_catalogue_is_kept(home, tmp_path):
    report, _lines, cache = home
    folder = tmp_path / "kind"
    shutil.copytree(report.folder, folder)
    (folder / CATALOG_NAME).write_text("Meine eigene Seite", encoding="utf-8")
    again = prepare_home(folder=folder, cache=cache)
    assert again.added == [] and again.kept == []
    assert (folder / CATALOG_NAME).read_text(encoding="utf-8") == "Meine eigene Seite"
    assert "es wurde nichts Neues hinzugefügt" in again.summary()


def test_cache_key_follows_the_course_files(tmp_path):
    root = tmp_path / "courses"
    shutil.copytree(courses_root() / "daten", root / "daten", ignore=shutil.ignore_patterns("__pycache__"))
    first, built = student_versions(root=root, cache=tmp_path / "cache")
    assert built and first.name.endswith(courses_hash(root))
    assert student_versions(root=root, cache=tmp_path / "cache") == (first, False)
    csv = next((root / "daten" / "source").rglob("*.csv"))
    csv.write_text(csv.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second, built = student_versions(root=root, cache=tmp_path / "cache")
    assert built and second != first
    assert (second / "daten" / csv.parent.name / csv.name).read_bytes() == csv.read_bytes()


def test_broken_course_config_is_a_german_error(tmp_path):
    root = tmp_path / "courses"
    shutil.copytree(courses_root() / "daten", root / "daten", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "daten" / "nbgrader_config.py").write_text("c = get_config(\n", encoding="utf-8")
    with pytest.raises(UserError, match="ist kaputt"):
        student_versions(root=root, cache=tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("student-*")), "no half-built cache may remain"


def test_folder_that_is_a_file_is_a_german_error(tmp_path):
    target = tmp_path / "datei"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="ist eine Datei, kein Ordner"):
        prepare_home(folder=target, cache=tmp_path / "cache")


def test_a_file_where_a_course_folder_belongs_is_skipped_and_the_rest_copied(home, tmp_path):
    _report, _lines, cache = home
    folder = tmp_path / "kind"
    folder.mkdir()
    (folder / "sensoren").write_text("meine Notizen", encoding="utf-8")
    report = prepare_home(folder=folder, cache=cache)
    assert (folder / "sensoren").read_text(encoding="utf-8") == "meine Notizen"
    assert report.failed and all(rel.parts[0] == "sensoren" for rel, _reason in report.failed)
    assert (folder / "daten" / "02_csv" / "02_csv.ipynb").is_file()
    assert (folder / "calliope" / "01_bilder" / "01_bilder.ipynb").is_file()
    assert "konnten nicht kopiert werden" in report.summary()
