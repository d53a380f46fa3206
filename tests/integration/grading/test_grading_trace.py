"""Device exercises: ``pruefe_trace`` runs the program in the simulator, inside the grading sandbox."""

from __future__ import annotations

from pathlib import Path

import nbformat
from schuelerlab.graders.execute import execute_notebook

SETUP = "from schuelerlab.graders.checks import pruefe_trace"


def run(tmp_path: Path, test: str) -> list:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(SETUP), nbformat.v4.new_code_cell(test)])
    execute_notebook(nb, workdir=tmp_path, timeout=20)
    return nb.cells[1].outputs


def test_right_program_passes(tmp_path: Path):
    outputs = run(tmp_path, "t = pruefe_trace('for i in range(3):\\n    print(i * i)', ['0', '1', '4'])\n"
                            "print(t.ended)")
    assert [o.get("text") for o in outputs] == ["finished\n"]


def test_wrong_program_gets_a_child_friendly_message(tmp_path: Path):
    (error,) = run(tmp_path, "pruefe_trace('print(5)', ['6'], hinweis='Rechne noch einmal nach.')")
    assert error["ename"] == "Pruefungsfehler"
    assert error["evalue"] == ("Bei dem Programm im Simulator: erwartet wurde ['6'], herausgekommen "
                               "ist ['5']. Tipp: Rechne noch einmal nach.")


def test_program_error_is_reported_in_german(tmp_path: Path):
    (error,) = run(tmp_path, "pruefe_trace('print(1 / 0)', ['0'])")
    assert "Dein Programm hatte im Simulator einen Fehler" in error["evalue"]
    assert "durch 0 geteilt" in error["evalue"]
