# ruff: noqa: E501 - long German messages and program texts are matched whole
"""The course ``calliope``: static checks of its notebooks and the simulator check helpers (real simulator)."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

import nbformat
import pytest
from schuelerlab.courses.registry import load_course

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "courses" / "calliope"
NOTEBOOKS = sorted((FOLDER / "source").glob("*/*.ipynb"))
HELPERS = ("pruefen.py", "calliope_pruefen.py", "calliopemini.py")


def _meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


@pytest.fixture(scope="module")
def cp():
    """The master copy of calliope_pruefen.py, imported from scripts/coursegen/."""
    spec = spec_from_file_location("calliope_pruefen_master", REPO / "scripts" / "coursegen" / "calliope_pruefen.py")
    module = module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_course_has_seven_notebooks_and_enough_exercises():
    assert len(NOTEBOOKS) >= 6
    total = 0
    for path in NOTEBOOKS:
        graded = [c for c in nbformat.read(path, as_version=4).cells if _meta(c).get("grade")]
        assert len(graded) >= 3, path.name
        total += len(graded)
    assert total >= 20


def test_course_toml_is_read_by_the_registry():
    course = load_course(FOLDER)
    assert course.id == "calliope" and course.title == "Calliope mini programmieren"
    data = tomllib.loads((FOLDER / "course.toml").read_text(encoding="utf-8"))
    assert data["order"] == 1 and data["age"] == "10-14"
    assert [a["id"] for a in data["assignments"]] == [p.parent.name for p in NOTEBOOKS]
    assert all(30 <= a["minutes"] <= 45 and a["age"] for a in data["assignments"])
    assert all(a.exercises >= 3 and a.points > 0 for a in course.assignments)
    assert "c.CourseDirectory.course_id = 'calliope'" in (FOLDER / "nbgrader_config.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_clean_with_ids_and_unique_grade_ids(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor) >= (4, 5)
    ids = [c.get("id") for c in nb.cells]
    assert all(ids) and len(set(ids)) == len(ids)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"outputs committed in {cell.id}"
    grade_ids = [_meta(c)["grade_id"] for c in nb.cells if "grade_id" in _meta(c)]
    assert len(grade_ids) == len(set(grade_ids))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_exercise_has_a_test_and_device_programs_are_simulated(path):
    nb = nbformat.read(path, as_version=4)
    answers = {_meta(c)["grade_id"].removeprefix("loesung_"): c.source for c in nb.cells if _meta(c).get("solution")}
    tests = {_meta(c)["grade_id"].removeprefix("test_"): c.source for c in nb.cells if _meta(c).get("grade")}
    assert set(answers) == set(tests) and len(answers) >= 3
    for key, source in answers.items():
        assert "### BEGIN SOLUTION" in source and "### END SOLUTION" in source
        assert "### BEGIN HIDDEN TESTS" in tests[key] and "pruefe_" in tests[key].split("### BEGIN HIDDEN TESTS")[0]
        magic = re.match(r"%%programm (\w+)\nfrom calliopemini import \*\n", source)
        if magic:
            assert f'simuliere("{magic.group(1)}"' in tests[key], f"{key}: the test must run the program"
    assert any(s.startswith("%%programm") for s in answers.values()), "every notebook has a device exercise"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_text_states_age_duration_and_board_cell(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert re.search(r"\*\*Alter:\*\* \d+–\d+ Jahre", text)
    assert 30 <= int(re.search(r"\*\*Dauer:\*\* etwa (\d+) Minuten", text).group(1)) <= 45
    assert "Simulator" in text and "Aufgabe 1" in text and "Geschafft" in text
    assert any(c.source.startswith("auf_calliope(") for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_pictures_and_helpers_are_shipped(path):
    source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    for name in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", source):
        assert (path.parent / name).is_file(), f"{path.name} needs {name}"
        assert (path.parent / name).read_text(encoding="utf-8").startswith("<svg")
    for helper in HELPERS:
        master = REPO / "scripts" / "coursegen" / helper
        assert (path.parent / helper).read_bytes() == master.read_bytes(), f"{helper} differs from its master"


# ---------------------------------------------------------------- calliope_pruefen with the real simulator

def test_a_right_picture_passes_and_a_wrong_one_names_both(cp):
    cp.PROGRAMME["t_herz"] = "from calliopemini import *\ndisplay.show(Image.SAD)\n"
    lauf = cp.simuliere("t_herz", bis_ms=500)
    cp.pruefe_bild(lauf, 100, "SAD", was="Am Anfang")
    with pytest.raises(AssertionError, match="Am Anfang sollte ein Herz \\(Image.HEART\\) zu sehen sein, es war "
                                             "aber: ein trauriges Gesicht \\(Image.SAD\\)"):
        cp.pruefe_bild(lauf, 100, "HEART", was="Am Anfang")
    with pytest.raises(AssertionError, match="In Zeile y = 0 stimmt es nicht: erwartet #...., bei dir ....."):
        cp.pruefe_bild(lauf, 100, ["90000", "00000", "00000", "09090", "90009"], was="Bild")


def test_missing_unfinished_and_crashing_programs_give_german_messages(cp):
    with pytest.raises(AssertionError, match="gibt es noch nicht. Führe zuerst die Zelle mit %%programm fehlt"):
        cp.simuliere("fehlt")
    cp.PROGRAMME["t_stub"] = 'from calliopemini import *\n# DEIN CODE HIER\nraise NotImplementedError("Hier fehlt noch dein Code.")\n'
    with pytest.raises(AssertionError, match="noch nicht fertig"):
        cp.simuliere("t_stub")
    cp.PROGRAMME["t_crash"] = "from calliopemini import *\ndisplay.set_pixel(5, 0, 9)\n"
    with pytest.raises(AssertionError, match="mit einem Fehler stehen geblieben: Zeile 2.* Tipp: Rand"):
        cp.simuliere("t_crash", tipp="Rand")


def test_scrolled_text_is_found_and_single_letters_get_a_hint(cp):
    cp.PROGRAMME["t_scroll"] = 'from calliopemini import *\ndisplay.scroll("Hi", delay=80)\n'
    cp.pruefe_lauftext(cp.simuliere("t_scroll", bis_ms=3000), "Hi", was="Lauftext")
    with pytest.raises(AssertionError, match="'Ho' ist nicht über die Anzeige gelaufen"):
        cp.pruefe_lauftext(cp.simuliere("t_scroll", bis_ms=3000), "Ho", was="Lauftext")
    cp.PROGRAMME["t_show"] = 'from calliopemini import *\ndisplay.show("HI")\n'
    with pytest.raises(AssertionError, match="Für einen Lauftext nimm display.scroll"):
        cp.pruefe_lauftext(cp.simuliere("t_show", bis_ms=2000), "HI", was="Lauftext")


def test_pixels_radio_and_group(cp):
    cp.PROGRAMME["t_funk"] = ("from calliopemini import *\nimport radio\nradio.on()\nradio.config(group=3)\n"
                              "display.set_pixel(1, 2, 9)\nwhile True:\n    if button_a.was_pressed():\n"
                              "        radio.send('X')\n    sleep(20)\n")
    lauf = cp.simuliere("t_funk", bis_ms=1000, druecke=[("a", 300)])
    cp.pruefe_pixel(lauf, 100, [(1, 2)], was="Start")
    with pytest.raises(AssertionError, match="leuchten: \\(2, 1\\). Bei dir leuchten: \\(1, 2\\)"):
        cp.pruefe_pixel(lauf, 100, [(2, 1)], was="Start")
    cp.pruefe_funk(lauf, ["X"], was="Funk")
    cp.pruefe_gruppe(lauf, 3)
    with pytest.raises(AssertionError, match="ging in Gruppe 3 raus"):
        cp.pruefe_gruppe(lauf, 7)
    with pytest.raises(AssertionError, match="Erwartet wurden die Funk-Nachrichten \\[\\], gesendet hat dein Calliope \\['X'\\]"):
        cp.pruefe_funk(lauf, [], was="Funk")


def test_cell_magic_stores_the_program_and_shows_a_preview(cp, capsys):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        cp._registriere()
        shell.run_cell("%%programm t_magie\nfrom calliopemini import *\ndisplay.show(Image.HEART)\n")
    finally:
        InteractiveShell.clear_instance()
    assert cp.PROGRAMME["t_magie"].startswith("from calliopemini import *")
    assert "Programm „t_magie“ gespeichert" in capsys.readouterr().out
    cp.pruefe_bild(cp.simuliere("t_magie"), 10, "HEART", was="Start")


def test_board_cell_without_a_calliope_only_says_so(cp, capsys, monkeypatch):
    cp.PROGRAMME["t_board"] = "from calliopemini import *\ndisplay.show(1)\n"
    monkeypatch.setattr(cp, "calliope_angeschlossen", lambda: False)  # no physical board in CI
    cp.auf_calliope("t_board")
    assert capsys.readouterr().out.strip() == cp.KEIN_CALLIOPE == (
        "Kein Calliope gefunden – der Simulator zeigt dir, was passieren würde.")


def test_a_board_program_run_as_python_gets_a_german_hint():
    import subprocess

    guard = FOLDER / "source" / "01_bilder" / "calliopemini.py"
    done = subprocess.run([sys.executable, "-c", "from calliopemini import *"], cwd=guard.parent,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "Schreibe als erste Zeile der Zelle %%programm NAME" in done.stderr


def test_an_endless_loop_without_pause_becomes_a_german_message(cp, capsys):
    endless = "from calliopemini import *\nwhile True:\n    pass\n"
    cp.merke("t_endlos", endless)  # the preview names the error instead of hanging
    assert "⚠️ Dein Programm hat einen Fehler" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="stehen geblieben: Zeile [23]: .*Endlosschleife.*sleep"):
        cp.simuliere("t_endlos", bis_ms=1000)
