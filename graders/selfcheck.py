"""Self-check for students: the visible tests of the notebook, a score, German messages.

In the notebook, a last cell ``from schuelerlab.graders.selfcheck import selbst_pruefen`` and
``selbst_pruefen()`` runs every visible test cell of the saved notebook against the student's
current answers in the running kernel and shows e.g. "2 von 3 Punkten" (or, after
``%load_ext schuelerlab.graders.selfcheck``, the magic ``%pruefen``). These are exactly the test
cells the autograder runs (the hidden parts are not in the student's copy, so the teacher's grade
can be lower; the message says so). ``schuelerlab check NOTEBOOK`` does the same from the command
line by executing a copy of the notebook, and exits with 1 unless every visible test passed.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from schuelerlab.errors import UserError

HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", re.S)


@dataclass
class TestResult:
    """One visible test cell: its id, points and the German message when it failed."""

    grade_id: str
    points: float
    passed: bool
    message: str = ""


@dataclass
class CheckResult:
    """All visible tests of a notebook."""

    tests: list[TestResult] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Points of the passed visible tests."""
        return sum(t.points for t in self.tests if t.passed)

    @property
    def max_score(self) -> float:
        """Points of all visible tests."""
        return sum(t.points for t in self.tests)

    def text(self) -> str:
        """German plain-text report."""
        lines = [f"{'✔' if t.passed else '✘'} {t.grade_id}" + (f": {t.message}" if t.message else "")
                 for t in self.tests]
        lines.append(f"{self.score:g} von {self.max_score:g} Punkten")
        lines.append("(Das sind nur die sichtbaren Tests – deine Lehrkraft prüft noch mehr.)")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(f"<li>{'✔' if t.passed else '✘'} <b>{html.escape(t.grade_id)}</b>"
                       f"{': ' + html.escape(t.message) if t.message else ''}</li>" for t in self.tests)
        color = "#2e9d46" if self.score == self.max_score else "#d0402b"
        return (f"<div><ul>{rows}</ul><p style='font-weight:bold;color:{color}'>{self.score:g} von "
                f"{self.max_score:g} Punkten</p><p>Das sind nur die sichtbaren Tests – deine Lehrkraft "
                "prüft noch mehr.</p></div>")


def visible_tests(nb: nbformat.NotebookNode) -> list[tuple[str, float, str]]:
    """``(grade_id, points, source)`` of every autograded test cell, hidden parts removed."""
    tests = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            source = HIDDEN.sub("", "".join(cell.source)).strip()
            if source:
                tests.append((meta.get("grade_id", "?"), float(meta.get("points", 0)), source))
    return tests


def _message(err: BaseException) -> str:
    text = str(err).strip()
    if isinstance(err, AssertionError):
        return text or "Der Test ist fehlgeschlagen."
    if isinstance(err, NameError):
        return f"{text}. Hast du die Zelle mit deiner Lösung schon ausgeführt?"
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def _current_notebook() -> Path:
    name = os.environ.get("JPY_SESSION_NAME")  # set by jupyter_server: the notebook's path
    if name:
        # absolute, or relative to the server root while the kernel runs in the notebook's folder
        for candidate in (Path(name), Path.cwd() / Path(name).name):
            if candidate.is_file():
                return candidate
    raise UserError("Ich weiß nicht, welches Notebook ich prüfen soll. Schreibe den Namen dazu, "
                    "z. B. selbst_pruefen(\"ex1.ipynb\").")


def selbst_pruefen(notebook: str | Path | None = None, *, namespace: dict[str, Any] | None = None,
                   anzeigen: bool = True) -> CheckResult:
    """Run the visible tests of ``notebook`` (default: this one) against the current answers.

    ``namespace`` defaults to the running IPython kernel's variables. Speichere das Notebook vorher,
    damit die Tests aktuell sind.
    """
    path = Path(notebook) if notebook else _current_notebook()
    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError) as err:
        raise UserError(f"Das Notebook {path} ließ sich nicht lesen ({err}).")
    if namespace is None:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is None:
            raise UserError("selbst_pruefen() funktioniert nur in einem Notebook.")
        namespace = shell.user_ns
    result = CheckResult()
    for grade_id, points, source in visible_tests(nb):
        try:
            exec(compile(source, f"<Test {grade_id}>", "exec"), namespace)  # noqa: S102
            result.tests.append(TestResult(grade_id, points, True))
        except Exception as err:  # noqa: BLE001 - every failure is reported, none stops the check
            result.tests.append(TestResult(grade_id, points, False, _message(err)))
    if anzeigen:
        try:
            from IPython.display import display

            display(result)
        except ImportError:
            print(result.text())
    return result


def check_notebook(*, notebook: Path, timeout: int = 10) -> CheckResult:
    """Execute a copy of ``notebook`` (with the student's own rights) and score its visible tests."""
    from nbclient import NotebookClient

    try:
        nb = nbformat.read(notebook, as_version=4)
    except (OSError, ValueError) as err:
        raise UserError(f"Das Notebook {notebook} ließ sich nicht lesen ({err}).")
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("metadata", {}).get("nbgrader", {}).get("grade"):
            cell.source = HIDDEN.sub("", "".join(cell.source))
    NotebookClient(nb, timeout=timeout, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(notebook.parent.resolve())}}).execute()
    result = CheckResult()
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        is_test = cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")
        if not is_test or not cell.source.strip():
            continue
        error = next((o for o in cell.outputs if o.output_type == "error"), None)
        message = "" if error is None else (error.evalue or error.ename)
        result.tests.append(TestResult(meta.get("grade_id", "?"), float(meta.get("points", 0)),
                                       error is None, message))
    return result


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext schuelerlab.graders.selfcheck`` adds the magic ``%pruefen [NOTEBOOK]``."""

    def pruefen(line: str) -> CheckResult:
        return selbst_pruefen(line.strip() or None, namespace=ipython.user_ns)

    ipython.register_magic_function(pruefen, "line", "pruefen")
