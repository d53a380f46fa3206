"""The %%calliope magic in a real IPython kernel (nbclient), and the notebook's HTML export."""

from __future__ import annotations

import copy

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PROGRAM = """from calliopemini import *
display.show(Image.HEART)
while True:
    if button_a.was_pressed():
        print("A gedrückt")
        display.show(Image.HAPPY)
    sleep(50)
"""
HAPPY_GRID = ["  . . . . .", "  . # . # .", "  . . . . .", "  # . . . #", "  . # # # ."]


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """A notebook with %%calliope cells, executed in a real kernel."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    bad = nbformat.v4.new_code_cell("%%calliope --press x@100\nprint(1)")
    bad.metadata["tags"] = ["raises-exception"]
    nb.cells = [
        nbformat.v4.new_code_cell("%load_ext schuelerlab.hardware.sim.magic"),
        nbformat.v4.new_code_cell("%%calliope --press a@500 --seconds 2\n" + PROGRAM),
        nbformat.v4.new_code_cell("%%calliope --board mini2 --set temperature=31\n"
                                  "from calliopemini import *\nprint(temperature())\nx = 1 / 0\n"),
        bad,
        nbformat.v4.new_code_cell("print(_calliope_trace.lines()[0], _calliope_trace.board)"),
        nbformat.v4.new_code_cell("%%calliope --live --set temperature=30\nfrom calliopemini import *\n"
                                  "print(temperature())\n"),
        nbformat.v4.new_code_cell("import time\nfor _ in range(500):\n    if _calliope_board.serial:\n"
                                  "        break\n    time.sleep(0.02)\n"
                                  "print(_calliope_board.serial, _calliope_board.temperature)\n"
                                  "_calliope_board.close()"),
    ]
    folder = tmp_path_factory.mktemp("magic")
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})
    client.execute()
    return nb


def bundles(cell) -> list[dict]:
    return [out["data"] for out in cell.outputs if out["output_type"] == "display_data"]


def test_magic_shows_the_animated_board_with_a_text_fallback(executed):
    (data,) = bundles(executed.cells[1])
    assert data[WIDGET_VIEW]["model_id"]
    text = data["text/plain"].splitlines()
    assert text[0] == "Calliope mini 3 – Anzeige am Ende (nach 2000 ms):"
    assert text[1:6] == HAPPY_GRID
    assert text[6:] == ["Ausgabe:", "  A gedrückt"]
    assert "<svg" in data["text/html"] and "A gedrückt" in data["text/html"]


def test_failing_program_gives_the_german_message(executed):
    (data,) = bundles(executed.cells[2])
    text = data["text/plain"]
    assert text.startswith("Calliope mini 1/2 – Anzeige am Ende")
    assert "  31" in text
    assert "Fehler: Zeile 4: Hier wird durch 0 geteilt." in text
    assert "Fehler: Zeile 4" in data["text/html"]


def test_bad_option_is_a_german_usage_error(executed):
    cell = executed.cells[3]
    assert not bundles(cell)
    text = "".join(out.get("text", "") + out.get("evalue", "") for out in cell.outputs)
    assert "Unbekannte Taste „x“" in text


def test_last_trace_is_kept_for_the_teacher(executed):
    assert executed.cells[4].outputs[0]["text"] == "31 mini2\n"


def test_html_export_without_widget_state_shows_the_static_board(executed):
    notebook = copy.deepcopy(executed)
    notebook.metadata.pop("widgets", None)  # JupyterLab saves no widget state by default
    body, _ = HTMLExporter().from_notebook_node(notebook)
    assert "Anzeige am Ende (nach 2000 ms)" in body
    assert ". # . # ." in body and "A gedrückt" in body
    assert "Hier wird durch 0 geteilt" in body


def test_live_option_shows_a_live_board_with_the_slider_values(executed):
    (data,) = bundles(executed.cells[5])
    assert data[WIDGET_VIEW]["model_id"] and "Calliope mini 3" in data["text/plain"]
    assert executed.cells[6].outputs[0]["text"] == "['30'] 30\n"
