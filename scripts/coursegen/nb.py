"""Build nbgrader source notebooks from small Python descriptions (cells with nbgrader metadata)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

SCHEMA = 3


def _clean(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


@dataclass
class Notebook:
    """One notebook under construction; cell ids are stable (``<prefix>-<n>``)."""

    prefix: str
    cells: list = field(default_factory=list)
    grade_ids: set[str] = field(default_factory=set)

    def _add(self, cell, meta: dict) -> None:
        cell.id = f"{self.prefix}-{len(self.cells) + 1:02d}"
        gid = meta.get("grade_id")
        if gid is not None:
            if gid in self.grade_ids:
                raise ValueError(f"duplicate grade_id {gid}")
            self.grade_ids.add(gid)
        cell.metadata["nbgrader"] = {"schema_version": SCHEMA, **meta}
        self.cells.append(cell)

    def _locked(self) -> dict:
        return {"grade": False, "solution": False, "locked": True, "task": False,
                "grade_id": f"{self.prefix}-{len(self.cells) + 1:02d}"}

    def md(self, text: str) -> None:
        """A locked markdown cell."""
        self._add(new_markdown_cell(_clean(text)), self._locked())

    def code(self, text: str) -> None:
        """A locked, ungraded code cell (setup, demos)."""
        self._add(new_code_cell(_clean(text)), self._locked())

    def play(self, text: str) -> None:
        """A free code cell for trying things out (no nbgrader metadata: students may edit it)."""
        cell = new_code_cell(_clean(text))
        cell.id = f"{self.prefix}-{len(self.cells) + 1:02d}"
        self.cells.append(cell)

    def answer(self, key: str, text: str) -> None:
        """An autograded answer cell; the solution sits between BEGIN/END SOLUTION markers."""
        body = _clean(text)
        if "### BEGIN SOLUTION" not in body:
            raise ValueError(f"answer {key} lacks solution markers")
        self._add(new_code_cell(body), {"grade": False, "solution": True, "locked": False, "task": False,
                                        "grade_id": f"loesung_{key}"})

    def test(self, key: str, points: int, visible: str, hidden: str, praise: str = "") -> None:
        """A locked test cell: visible checks, hidden checks, then praise."""
        parts = [_clean(visible), "### BEGIN HIDDEN TESTS", _clean(hidden), "### END HIDDEN TESTS",
                 f"richtig({praise!r})" if praise else "richtig()"]
        self._add(new_code_cell("\n".join(parts)), {"grade": True, "solution": False, "locked": True,
                                                     "task": False, "points": points,
                                                     "grade_id": f"test_{key}"})

    def build(self) -> nbformat.NotebookNode:
        """The finished notebook (nbformat 4.5, validated, no outputs)."""
        nb = new_notebook(cells=self.cells)
        nb.nbformat_minor = 5
        nb.metadata = {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        }
        nbformat.validate(nb)
        return nb
