"""Jupyter server extension: the German "Meine Aufgaben" page at ``/user/<name>/aufgaben``.

nbgrader's own Assignment List panel is English ("Fetch", "Submit"). For students this page offers the
same steps in German: fetch a released assignment, open its notebooks, check them (the visible tests,
``schuelerlab check``), hand them in, fetch and read the feedback. The work is done by nbgrader's
``AssignmentList`` (the class behind its panel), so files land where the panel puts them (the server
root, reference P10). Teachers see their course folders instead, with "Einsammeln und bewerten"
(``grading_page``). Plain HTML forms with the XSRF token; after each action the page reloads with a
German result message. The Lab's menu gets an entry for it (``roleconfig.lab_defaults``).
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from urllib.parse import urlencode

from jupyter_server.base.handlers import JupyterHandler
from schuelerlab.hub import grading_page
from schuelerlab.hub.assignments_view import Row, merge, render_page
from tornado import web

from schuelerlab.errors import UserError

ACTIONS = ("holen", "pruefen", "abgeben", "rueckmeldung", "bewerten")
#: The last "Prüfen" result per (course, assignment) in this server.
CHECKS: dict[tuple[str, str], str] = {}


def is_teacher() -> bool:
    """This server belongs to a teacher (the spawner sets the role)."""
    return os.environ.get("SCHUELERLAB_ROLE") == "teacher"


def _manager(handler: JupyterHandler):  # noqa: ANN202 - nbgrader's AssignmentList, imported lazily
    manager = handler.settings.get("schuelerlab_assignments")
    if manager is None:
        from nbgrader.server_extensions.assignment_list.handlers import AssignmentList

        manager = AssignmentList(parent=handler.serverapp)
        manager.root_dir = handler.serverapp.root_dir
        handler.settings["schuelerlab_assignments"] = manager
    return manager


def load_rows(handler: JupyterHandler) -> list[Row] | None:
    """The student's assignments, or None when nbgrader cannot list them (logged)."""
    result = _manager(handler).list_assignments()
    if not result.get("success"):
        handler.log.error("schuelerlab: listing assignments failed: %s", result.get("value"))
        return None
    return merge(result["value"])


class AssignmentsPage(JupyterHandler):
    """GET: the page with every course's assignments and the result of the last action."""

    @web.authenticated
    def get(self) -> None:
        """Render the page (``?meldung=KEY&aufgabe=NAME`` shows a result message)."""
        message = self.get_argument("meldung", None)
        xsrf = self.xsrf_token.decode("ascii")
        if is_teacher():  # teachers hand nothing in: only their courses to grade
            rows, (teacher, busy) = [], grading_page.teacher_section(
                Path(self.serverapp.root_dir), base_url=self.base_url, xsrf=xsrf)
            if message == "bewertung_laeuft" and not busy:
                message = "bewertung_fertig"
        else:
            rows, teacher, busy = load_rows(self), "", False
            if rows is None:
                rows, message = [], "liste_fehler"
            for row in rows:
                row.check_text = CHECKS.get((row.course, row.assignment), "") if row.fetched else ""
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(render_page(rows, base_url=self.base_url, xsrf=xsrf, message=message,
                                assignment=self.get_argument("aufgabe", ""), teacher=teacher, refresh=busy))


class AssignmentAction(JupyterHandler):
    """POST one of :data:`ACTIONS` for one course and assignment, then back to the page."""

    @web.authenticated
    async def post(self, action: str) -> None:
        """Run the action through nbgrader; redirect to the page with the German result."""
        course, assignment = self.get_argument("kurs"), self.get_argument("aufgabe")
        if action == "pruefen":
            key = await self._check(course, assignment)
        else:
            key = self._run(action, course, assignment)
        self.redirect(f"{self.base_url}aufgaben?" + urlencode({"meldung": key, "aufgabe": assignment}))

    def _run(self, action: str, course: str, assignment: str) -> str:
        if action == "bewerten":
            return self._grade(course, assignment)
        manager = _manager(self)
        if action == "holen":
            if (Path(self.serverapp.root_dir) / assignment).exists():
                return "ordner_da"
            result, done = manager.fetch_assignment(course, assignment), "geholt"
        elif action == "abgeben":
            result, done = manager.submit_assignment(course, assignment), "abgegeben"
        else:
            rows = load_rows(self) or []
            if not any(r.course == course and r.assignment == assignment and r.feedback_ready for r in rows):
                return "keine_rueckmeldung"
            result, done = manager.fetch_feedback(course, assignment), "rueckmeldung"
        if not result.get("success"):
            self.log.error("schuelerlab: %s %s/%s failed: %s", action, course, assignment,
                           result.get("value"))
            return "fehler"
        return done

    async def _check(self, course: str, assignment: str) -> str:
        """Run the visible tests of the saved notebooks (``schuelerlab check``) in a worker thread."""
        rows = load_rows(self) or []
        row = next((r for r in rows if (r.course, r.assignment) == (course, assignment) and r.fetched), None)
        if row is None:
            return "fehler"
        root = Path(self.serverapp.root_dir)
        texts = []
        for path in row.fetched_notebooks:
            text = await asyncio.get_running_loop().run_in_executor(None, _check_text, root / path)
            texts.append(text if len(row.fetched_notebooks) == 1 else f"{Path(path).name}:\n{text}")
        CHECKS[(course, assignment)] = "\n\n".join(texts)
        return "geprueft"

    def _grade(self, course: str, assignment: str) -> str:
        home = Path(self.serverapp.root_dir)
        folders = {d.name: d for d in grading_page.course_dirs(home)} if is_teacher() else {}
        if course not in folders or not (folders[course] / "release" / assignment).is_dir():
            raise web.HTTPError(404)
        started = grading_page.start_grading(folders[course], assignment)
        return "bewertung_laeuft" if started else "bewertung_schon"


def _check_text(notebook: Path) -> str:
    """The German report of the visible tests, or what went wrong."""
    from schuelerlab.graders.selfcheck import check_notebook

    try:
        return check_notebook(notebook=notebook).text()
    except UserError as error:
        return str(error)


def _jupyter_server_extension_points() -> list[dict]:
    """Entry point for ``jpserver_extensions`` (``schuelerlab.hub.assignments_page``)."""
    return [{"module": "schuelerlab.hub.assignments_page"}]


def _load_jupyter_server_extension(serverapp) -> None:  # noqa: ANN001 - jupyter_server's ServerApp
    """Register ``/aufgaben`` and ``/aufgaben/<action>`` under the server's base URL."""
    base = serverapp.web_app.settings["base_url"]
    serverapp.web_app.add_handlers(".*$", [
        (f"{base}aufgaben", AssignmentsPage),
        (f"{base}aufgaben/({'|'.join(ACTIONS)})", AssignmentAction),
    ])

