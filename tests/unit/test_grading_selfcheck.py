"""Self-check against a namespace and the German summary table (no processes)."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook
from schuelerlab.graders.autograde import GradeRun, StudentResult
from schuelerlab.graders.gradebook import CellScore, NotebookScore
from schuelerlab.graders.report import failed_cells, summary_table
from schuelerlab.graders.selfcheck import selbst_pruefen, visible_tests


def grade_cell(source, gid, points=1):
    return new_code_cell(source, metadata={"nbgrader": {"grade_id": gid, "grade": True, "solution": False,
                                                        "points": points, "locked": True}})


def test_selfcheck_scores_the_visible_tests(tmp_path: Path):
    nb = new_notebook(cells=[
        new_code_cell("from schuelerlab.graders.checks import pruefe_gleich"),
        grade_cell("pruefe_gleich(quadrat(3), 9)", "a1_test", 2),
        grade_cell("pruefe_gleich(halb(3), 1.5, was='halb(3)')", "a2_test"),
        grade_cell("### BEGIN HIDDEN TESTS\nassert False\n### END HIDDEN TESTS", "a2_versteckt"),
        grade_cell("pruefe_gleich(fehlt(), 1)", "a3_test"),
    ])
    path = tmp_path / "ex1.ipynb"
    nbformat.write(nb, path)
    assert [t[0] for t in visible_tests(nb)] == ["a1_test", "a2_test", "a3_test"]
    namespace = {"quadrat": lambda x: x * x, "halb": lambda x: x // 2}
    exec("from schuelerlab.graders.checks import pruefe_gleich", namespace)
    result = selbst_pruefen(path, namespace=namespace, anzeigen=False)
    assert (result.score, result.max_score) == (2, 4)
    text = result.text()
    assert "2 von 4 Punkten" in text
    assert "Bei halb(3): erwartet wurde 1.5, herausgekommen ist 1." in text
    assert "Hast du die Zelle mit deiner Lösung schon ausgeführt?" in text
    assert "2 von 4 Punkten" in result._repr_html_()


def test_summary_table_is_german():
    def student(name, scores):
        nb = NotebookScore("ex1", [CellScore(f"t{i}", s, 1, True) for i, s in enumerate(scores)])
        return StudentResult(name, [nb], notes=["t1: nicht bestanden"] if 0 in scores else [])

    run = GradeRun("ex1", Path("."), [student("anna", [1, 1]), student("ben", [1, 0])], sandboxed=True)
    table = summary_table(run)
    assert "anna" in table and "2 von 2" in table and "1 von 2" in table
    assert "Durchschnitt: 1,5 von 2 Punkten" in table
    assert failed_cells(run) == {"t1": 1}


def test_exercises_are_named_by_their_heading():
    from nbformat.v4 import new_markdown_cell
    from schuelerlab.graders.report import failed_exercises

    nb = new_notebook(cells=[new_markdown_cell("## Aufgabe 1: Quadrat"), grade_cell("x", "a1_test"),
                             grade_cell("y", "a1_versteckt"), new_markdown_cell("## Aufgabe 2"),
                             grade_cell("z", "a2_test")])
    def student(name, scores):
        cells = [CellScore(gid, s, 1, True) for gid, s in zip(["a1_test", "a1_versteckt", "a2_test"], scores,
                                                               strict=True)]
        return StudentResult(name, [NotebookScore("ex1", cells)], executed={"ex1": nb})

    run = GradeRun("ex1", Path("."), [student("a", [0, 0, 1]), student("b", [1, 0, 0])], sandboxed=True)
    assert failed_exercises(run) == {"Aufgabe 1: Quadrat": 2, "Aufgabe 2": 1}


def test_selfcheck_finds_the_running_notebook(tmp_path: Path, monkeypatch):
    nb = new_notebook(cells=[grade_cell("assert eins == 1", "t")])
    nbformat.write(nb, tmp_path / "ex1.ipynb")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JPY_SESSION_NAME", "kurs/ex1/ex1.ipynb")  # path relative to the server root
    assert selbst_pruefen(namespace={"eins": 1}, anzeigen=False).score == 1


def test_magic_runs_the_same_check(tmp_path: Path, monkeypatch):
    from IPython.core.interactiveshell import InteractiveShell

    nbformat.write(new_notebook(cells=[grade_cell("assert eins == 2", "t")]), tmp_path / "ex1.ipynb")
    monkeypatch.chdir(tmp_path)
    shell = InteractiveShell.instance()
    try:
        shell.run_line_magic("load_ext", "schuelerlab.graders.selfcheck")
        shell.user_ns["eins"] = 1
        result = shell.run_line_magic("pruefen", "ex1.ipynb")
        assert (result.score, result.max_score) == (0, 1)
    finally:
        InteractiveShell.clear_instance()
