"""Honest and edited submissions graded on a real nbgrader course directory, in the sandbox."""

from __future__ import annotations

import copy
import csv
import json
import subprocess
import sys
from pathlib import Path

import nbformat
from schuelerlab.graders import teacher
from schuelerlab.graders.merge import grade_id

UNUSUAL = {
    "a1_loesung": "def quadrat(x):\n    return x ** 2",
    "a2_loesung": "import statistics\n\ndef mittelwert(werte):\n    return statistics.fmean(werte)",
    "a3_loesung": "import re\n\ndef zaehle_vokale(text):\n    return len(re.findall('[aeiou]', text, re.I))",
}


def scores(out: teacher.GradingOutput) -> dict[str, float]:
    return {r.student: r.score for r in out.run.results}


def notes(out: teacher.GradingOutput, student: str) -> str:
    return " ".join(next(r for r in out.run.results if r.student == student).notes)


def test_honest_work_scores_what_it_earns(klasse, course_dir: Path):
    klasse.submit("richtig")
    klasse.submit("anders", klasse.answers(**UNUSUAL))
    wrong = "def mittelwert(werte):\n    return sum(werte) // len(werte)"
    klasse.submit("teilweise", klasse.answers(a2_loesung=wrong))
    klasse.submit("leer", klasse.release)
    helper = klasse.answers(a1_loesung="def quadrat(x):\n    return mal(x, x)")
    helper.cells.insert(3, nbformat.v4.new_code_cell("def mal(a, b):\n    return a * b"))
    klasse.submit("hilfszelle", helper)
    klasse.submit("datei", klasse.answers(a3_loesung="from vokale import zaehle_vokale"),
                  **{"vokale.py": "def zaehle_vokale(t):\n    return sum(c in 'aeiouAEIOU' for c in t)\n"})
    out = teacher.grade_assignment(assignment="ex1", course_dir=course_dir, workers=2)
    assert scores(out) == {"richtig": 6, "anders": 6, "teilweise": 4, "leer": 0, "hilfszelle": 6, "datei": 6}
    assert out.run.sandboxed
    assert "a2_test: nicht bestanden" in notes(out, "teilweise")
    # nbgrader's own files are there for the formgrader and nbgrader export
    assert (course_dir / "autograded/richtig/ex1/ex1.ipynb").is_file()
    assert (course_dir / "feedback/richtig/ex1/ex1.html").is_file()
    assert out.overview is not None and out.overview.read_bytes()[:4] == b"\x89PNG"


def test_same_scores_as_plain_nbgrader(klasse, course_dir: Path, tmp_path: Path):
    klasse.submit("richtig")
    klasse.submit("anders", klasse.answers(**UNUSUAL))
    wrong = "def zaehle_vokale(text):\n    return text.count('a')"
    klasse.submit("teilweise", klasse.answers(a3_loesung=wrong))
    klasse.submit("leer", klasse.release)
    plain = tmp_path / "plain"
    import shutil

    shutil.copytree(course_dir, plain)
    env_bin = Path(sys.executable).parent
    proc = subprocess.run([str(env_bin / "nbgrader"), "autograde", "ex1", f"--CourseDirectory.root={plain}"],
                          cwd=plain, capture_output=True, text=True,
                          env={"PATH": f"{env_bin}:/usr/bin:/bin", "HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    ours = scores(teacher.grade_assignment(assignment="ex1", course_dir=course_dir, workers=2))
    from schuelerlab.graders.gradebook import export_rows

    theirs = {r["student_id"]: r["score"] for r in export_rows(f"sqlite:///{plain / 'gradebook.db'}")}
    assert ours == theirs
    assert ours["teilweise"] == 4 and ours["richtig"] == 6


def test_edited_notebooks_are_graded_against_the_original_tests(klasse, course_dir: Path):
    # copied answer cell (duplicate id): first copy wrong, second right -> the later definition counts
    dup = klasse.answers(a1_loesung="def quadrat(x):\n    return 0")
    index = next(i for i, c in enumerate(dup.cells) if grade_id(c) == "a1_loesung")
    second = copy.deepcopy(dup.cells[index])
    second.source = "def quadrat(x):\n    return x * x"
    dup.cells.insert(index + 1, second)
    # a copied test cell that was emptied is dropped
    test_copy = copy.deepcopy(next(c for c in dup.cells if grade_id(c) == "a2_test"))
    test_copy.source = "pass"
    dup.cells.append(test_copy)
    klasse.submit("doppelt", dup)
    # changed cell type, deleted test cell, changed test cell with wrong answers
    edited = klasse.answers(a2_loesung="def mittelwert(werte):\n    return 0")
    for cell in edited.cells:
        if grade_id(cell) == "a3_loesung":
            cell.cell_type = "markdown"
            del cell["outputs"], cell["execution_count"]
        if grade_id(cell) in ("a2_test", "a2_versteckt"):
            cell.source = "pass"
    edited.cells = [c for c in edited.cells if grade_id(c) != "a1_test"]
    klasse.submit("bearbeitet", edited)
    stripped = klasse.answers()
    for cell in stripped.cells:
        cell.metadata.pop("nbgrader", None)  # metadata lost in another editor: matched by cell id
    klasse.submit("ohne_metadaten", stripped)
    broken = klasse.submit("kaputt")
    (broken / "ex1.ipynb").write_text("{ das ist kein JSON")
    missing = klasse.submit("fehlt")
    (missing / "ex1.ipynb").unlink()
    renamed = klasse.submit("umbenannt")
    (renamed / "ex1.ipynb").rename(renamed / "ex1-Kopie1.ipynb")
    out = teacher.grade_assignment(assignment="ex1", course_dir=course_dir, workers=2)
    assert scores(out) == {"doppelt": 6, "bearbeitet": 4, "ohne_metadaten": 6, "kaputt": 0, "fehlt": 0,
                           "umbenannt": 6}
    assert "hieß ex1-Kopie1.ipynb" in notes(out, "umbenannt")
    assert "doppelte Zell-ID" in notes(out, "doppelt")
    text = notes(out, "bearbeitet")
    assert "Zelltyp" in text and "a1_test: Zelle fehlte" in text
    assert "a2_test: " in text and "Original" in text
    assert "beschädigt" in notes(out, "kaputt")
    assert "enthält dieses Notebook nicht" in notes(out, "fehlt")
    saved = json.loads((course_dir / "autograded/bearbeitet/ex1/schuelerlab-notizen.json").read_text())
    assert any("Zelltyp" in n for n in saved)


def test_cli_grade_prints_german_table_and_exports(klasse, course_dir: Path, tmp_path: Path):
    klasse.submit("anna")
    klasse.submit("ben", klasse.release)
    export = tmp_path / "noten.csv"
    proc = subprocess.run([sys.executable, "-m", "schuelerlab", "grade", "ex1",
                           "--course-dir", str(course_dir), "--export", str(export), "--excel-de",
                           "--timeout", "5"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "anna" in proc.stdout and "6 von 6" in proc.stdout and "0 von 6" in proc.stdout
    assert "Durchschnitt: 3 von 6 Punkten" in proc.stdout
    with export.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert {r["student_id"]: r["score"] for r in rows} == {"anna": "6", "ben": "0"}
    assert {"student_id", "score", "max_score", "assignment"} <= set(rows[0])


def test_regrading_replaces_feedback(klasse, course_dir: Path):
    klasse.submit("anna", klasse.answers(a1_loesung="def quadrat(x):\n    return x + x"))
    teacher.grade_assignment(assignment="ex1", course_dir=course_dir, workers=1)
    page = (course_dir / "feedback/anna/ex1/ex1.html").read_text()
    assert "4 von 6 Punkten" in page
    (course_dir / "feedback/anna/ex1/alt.html").write_text("alt")
    klasse.submit("anna")
    teacher.grade_assignment(assignment="ex1", course_dir=course_dir, workers=1)
    assert "6 von 6 Punkten" in (course_dir / "feedback/anna/ex1/ex1.html").read_text()
    assert not (course_dir / "feedback/anna/ex1/alt.html").exists()


def test_assignment_with_two_notebooks(course_dir: Path):
    import shutil

    from schuelerlab.graders import course, testing

    shutil.copyfile(course_dir / "source/ex1/ex1.ipynb", course_dir / "source/ex1/zusatz.ipynb")
    course.release(course_dir=course_dir, assignment="ex1")
    first, second = testing.Klasse(course_dir), testing.Klasse(course_dir, notebook="zusatz")
    testing.submit(course_dir, "anna", "ex1", {"ex1": first.answers(), "zusatz": second.answers()})
    testing.submit(course_dir, "ben", "ex1", {"ex1": first.answers()})
    out = teacher.grade_assignment(assignment="ex1", course_dir=course_dir, workers=2)
    assert scores(out) == {"anna": 12, "ben": 6}
    assert "zusatz: Die Abgabe enthält dieses Notebook nicht." in notes(out, "ben")
    assert (course_dir / "feedback/anna/ex1/zusatz.html").is_file()
