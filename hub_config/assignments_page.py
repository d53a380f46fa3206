"""Jupyter server extension: the German "Meine Aufgaben" page at ``/user/<name>/aufgaben``.

nbgrader's own Assignment List panel is English ("Fetch", "Submit"). This page offers the same steps
in German, for students and teachers alike: fetch a released assignment, open its notebooks, hand it
in, fetch and read the feedback. The work is done by nbgrader's ``AssignmentList`` (the class behind
its panel), so files land where the panel puts them (the server root, reference P10). Plain HTML
forms with the XSRF token; after each action the page reloads with a German result message.
The Lab's menu gets an entry for it (``roleconfig.lab_defaults``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from jupyter_server.base.handlers import JupyterHandler
from schuelerlab.hub.assignments_view import Row, merge, render_page
from tornado import web

ACTIONS = ("holen", "abgeben", "rueckmeldung")


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
        rows = load_rows(self)
        message = self.get_argument("meldung", None)
        if rows is None:
            rows, message = [], "liste_fehler"
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(render_page(rows, base_url=self.base_url, xsrf=self.xsrf_token.decode("ascii"),
                                message=message, assignment=self.get_argument("aufgabe", "")))


class AssignmentAction(JupyterHandler):
    """POST ``holen`` | ``abgeben`` | ``rueckmeldung`` for one course and assignment, then back."""

    @web.authenticated
    def post(self, action: str) -> None:
        """Run the action through nbgrader; redirect to the page with the German result."""
        course, assignment = self.get_argument("kurs"), self.get_argument("aufgabe")
        key = self._run(action, course, assignment)
        self.redirect(f"{self.base_url}aufgaben?" + urlencode({"meldung": key, "aufgabe": assignment}))

    def _run(self, action: str, course: str, assignment: str) -> str:
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

