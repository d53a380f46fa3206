"""The teachers' course catalogue and the course.toml reader."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from schuelerlab.courses.catalog import build_catalog
from schuelerlab.courses.registry import list_courses, load_course

from schuelerlab.errors import UserError

VOID = {"meta", "br", "img", "hr", "link", "input"}


class _Balance(HTMLParser):
    """Collect text and check that every opened tag is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data):
        self.text.append(data)


def test_shipped_courses_are_listed_in_order():
    courses = list_courses()
    ids = [c.id for c in courses]
    assert ids.index("sensoren") < ids.index("daten")
    sensoren = courses[ids.index("sensoren")]
    assert sensoren.title == "Sensoren bauen" and len(sensoren.assignments) >= 5
    assert all(a.exercises >= 3 and a.points > 0 for a in sensoren.assignments)
    assert sensoren.minutes == sum(a.minutes for a in sensoren.assignments)


def test_catalog_lists_every_course_notebook_age_duration_and_material(tmp_path):
    page = build_catalog(out=tmp_path / "katalog" / "kurse.html")
    html = page.read_text(encoding="utf-8")
    parser = _Balance()
    parser.feed(html)
    assert parser.stack == []
    text = " ".join(parser.text)
    assert '<html lang="de">' in html and "Kurskatalog" in text
    for course in list_courses():
        assert course.title in text and course.description in text
        for a in course.assignments:
            assert a.title in text and f"{a.minutes} min" in text
        for material in course.materials:
            assert material in text
    assert "Alter 11–15 Jahre" in text


def test_catalog_into_a_folder_escapes_html(tmp_path):
    root = tmp_path / "kurse"
    (root / "probe" / "source" / "01_a").mkdir(parents=True)
    (root / "probe" / "course.toml").write_text(
        'id = "probe"\ntitle = "Tom & <Jerry>"\nage = "10-12"\nmaterials = ["Schere"]\n'
        '[[assignments]]\nid = "01_a"\ntitle = "Erstes"\nminutes = 30\n', encoding="utf-8")
    page = build_catalog(out=tmp_path, root=root)
    assert page == tmp_path / "kurskatalog.html"
    html = page.read_text(encoding="utf-8")
    assert "Tom &amp; &lt;Jerry&gt;" in html and "<Jerry>" not in html
    assert "0 (0 Punkte)" in html  # no notebook yet: counted as zero exercises


@pytest.mark.parametrize("content, message", [
    (None, "fehlt die Datei course.toml"),
    ('id = "x"\ntitle = "kaputt', "ist kaputt"),
    ('id = "x"\ntitle = "T"\nage = "1"\n', "„assignments“"),
])
def test_broken_course_toml_gives_german_message(tmp_path: Path, content, message):
    if content is not None:
        (tmp_path / "course.toml").write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        load_course(tmp_path)
