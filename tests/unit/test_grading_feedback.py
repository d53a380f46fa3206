"""Feedback pages: visible tests shown, hidden tests only as their message (no processes)."""

from __future__ import annotations

import copy

from nbformat.v4 import new_code_cell, new_notebook, new_output
from schuelerlab.graders.feedback import hidden_lines, render

HIDDEN_CODE = "pruefe_gleich(quadrat(-4), 16, hinweis='Denk an negative Zahlen.')"


def cell(source, gid, *, error=None, solution=False, outputs=()):
    c = new_code_cell(source, metadata={"nbgrader": {"grade_id": gid, "grade": not solution, "points": 1,
                                                     "solution": solution, "locked": not solution}})
    c.outputs = list(outputs)
    if error:
        ename, evalue, line = error
        trace = [f"Cell In[7], line {line}", HIDDEN_CODE, f"{ename}: {evalue}"]
        c.outputs.append(new_output("error", ename=ename, evalue=evalue, traceback=trace))
    return c


def page(nb, release):
    return render(nb, release, student="anna", assignment="ex1", notebook="ex1", score=1, max_score=2)


def test_hidden_line_numbers():
    src = "a\n### BEGIN HIDDEN TESTS\nb\n### END HIDDEN TESTS\nc"
    assert hidden_lines(src) == {2, 3, 4}


def test_failed_hidden_test_shows_its_message_never_its_code():
    source = f"pruefe_gleich(quadrat(3), 9)\n### BEGIN HIDDEN TESTS\n{HIDDEN_CODE}\n### END HIDDEN TESTS"
    nb = new_notebook(cells=[cell(source, "t1", error=("Pruefungsfehler", "Erwartet wurde 16. Tipp: Denk an "
                                                        "negative Zahlen.", 3))])
    release = copy.deepcopy(nb)
    release.cells[0].source = "pruefe_gleich(quadrat(3), 9)"
    html = page(nb, release)
    assert "quadrat(-4)" not in html and "BEGIN HIDDEN" not in html
    assert "Ein versteckter Test ist nicht bestanden" in html and "Denk an negative Zahlen." in html
    assert "pruefe_gleich(quadrat(3), 9)" in html  # the visible test is shown
    assert "0 von 1 versteckten Tests bestanden" in html


def test_failed_visible_test_shows_error_without_traceback():
    source = f"pruefe_gleich(quadrat(3), 9)\n### BEGIN HIDDEN TESTS\n{HIDDEN_CODE}\n### END HIDDEN TESTS"
    nb = new_notebook(cells=[cell(source, "t1", error=("NameError", "name 'quadrat' is not defined", 1))])
    release = copy.deepcopy(nb)
    release.cells[0].source = "pruefe_gleich(quadrat(3), 9)"
    html = page(nb, release)
    assert "Nicht bestanden" in html and "NameError: name &#x27;quadrat&#x27; is not defined" in html
    assert "quadrat(-4)" not in html


def test_hidden_code_printed_by_student_code_is_scrubbed():
    test = cell(f"### BEGIN HIDDEN TESTS\n{HIDDEN_CODE}\n### END HIDDEN TESTS", "t1")
    spy = cell("print(In)", "a1", solution=True,
               outputs=[new_output("stream", name="stdout", text=f"['', '{HIDDEN_CODE}']")])
    nb = new_notebook(cells=[test, spy])
    release = copy.deepcopy(nb)
    release.cells[0].source = ""
    html = page(nb, release)
    assert "quadrat(-4)" not in html and "[versteckter Test]" in html
