"""A whole lesson in headless Chromium against the real demo hub (npm proxy, all default courses).

The student logs in, opens "Aufgaben → Meine Aufgaben", fetches ``01_spannung``, opens it, solves
exercise 1 in the notebook, runs it (the check cell says ✅), saves and hands it in. The teacher logs
in, opens the same page and presses "Einsammeln und bewerten" (``schuelerlab grade``: collect,
sandboxed autograde, feedback, release), then checks that the command also works in a Lab terminal.
The student fetches the feedback and reads it. Every step is a screenshot in
test-artifacts/lesson-*.png; the pages the student sees are checked to be German.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ASSIGNMENT = "01_spannung"
SOLUTION = ('def spannung(wert):\n    """Rechnet einen Messwert (0 bis 1023) in Volt um."""\n'
            "    return wert / 1023 * 3.3\n")
ENGLISH = ("Fetch", "Submit", "Released assignments", "Sign in", "Password", "Validate", "Nbgrader")

pytestmark = pytest.mark.slow


def _shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"lesson-{name}.png"), full_page=True)


def _login(context, hub, account: dict, shot: str | None = None):
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    assert page.evaluate("document.documentElement.lang") == "de"
    _assert_german(page)
    page.fill("#username_input", account["username"])
    page.fill("#password_input", account["password"])
    if shot:
        _shot(page, shot)
    page.click("#login_submit")
    page.wait_for_selector(".jp-LabShell", timeout=180_000)
    page.wait_for_selector(".lm-MenuBar-itemLabel >> text=Datei", timeout=60_000)
    return page


def _assert_german(page) -> None:
    text = page.locator("body").inner_text()
    assert not [w for w in ENGLISH if w in text], text[:2000]


def _open_assignments(context, lab):
    lab.locator(".lm-MenuBar-itemLabel", has_text="Aufgaben").click()
    with context.expect_page() as info:
        lab.locator(".lm-Menu-itemLabel", has_text="Meine Aufgaben").click()
    tasks = info.value
    tasks.wait_for_selector("h1:has-text('Meine Aufgaben')")
    return tasks


def _row(tasks, assignment: str = ASSIGNMENT):
    return tasks.locator(f'tr[data-aufgabe="{assignment}"]')


def _message(tasks) -> str:
    return tasks.locator(".meldung").inner_text()


def _solve_in_notebook(page) -> None:
    """As a student does it: run the set-up cell, write the solution, run it and its check cell (✅), save."""
    page.locator(".jp-StatusBar-Widget", has_text="| Leerlauf").wait_for(timeout=120_000)  # kernel ready
    setup = page.locator(".jp-CodeCell", has_text="Diese Zelle bereitet alles vor").first
    setup.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    setup.locator(".jp-OutputArea-output", has_text="Alles bereit").wait_for(timeout=120_000)
    cell = page.locator(".jp-CodeCell", has_text="def spannung(wert):").first
    cell.scroll_into_view_if_needed()
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(SOLUTION)
    page.keyboard.press("Shift+Enter")  # runs the solution, moves to the check cell
    page.keyboard.press("Shift+Enter")  # runs the check cell
    check = page.locator(".jp-CodeCell", has_text='funktion("spannung")').first
    check.locator(".jp-OutputArea-output", has_text="✅").wait_for(timeout=120_000)
    check.scroll_into_view_if_needed()
    page.keyboard.press("Control+S")
    page.wait_for_function("() => !document.querySelector('.jp-mod-dirty')", timeout=30_000)


def _teacher_grades(context, hub, teacher: dict) -> str:
    """Log in, open "Meine Aufgaben", press "Einsammeln und bewerten"; return the grading output."""
    lab = _login(context, hub, teacher)
    page = _open_assignments(context, lab)
    row = page.locator(f'tr[data-bewertung="{ASSIGNMENT}"]')
    assert row.locator("td").nth(1).inner_text() == "1"  # one child handed in
    _shot(page, "08-lehrkraft-vorher")
    row.locator("button[data-aktion=bewerten]").click()
    assert f"Die Bewertung von „{ASSIGNMENT}“ läuft" in _message(page)
    deadline, text = time.monotonic() + 300, ""
    while time.monotonic() < deadline and "Rückmeldungen:" not in text:
        time.sleep(1)  # the page reloads itself every 3 s while grading runs
        try:
            text = row.locator("pre.bewertung").inner_text(timeout=5_000)
        except Exception:  # noqa: BLE001 - the page was just reloading
            text = ""
    page.wait_for_load_state()
    page.locator(".meldung", has_text="ist fertig").wait_for(timeout=30_000)
    assert page.locator("button[data-aktion=holen]").count() == 0  # teachers only grade
    _shot(page, "09-lehrkraft-bewertet")
    _terminal_finds_the_command(context, hub, teacher, lab)
    return text


def _terminal_finds_the_command(context, hub, teacher: dict, lab) -> None:
    """The same command works in a Lab terminal (the venv's scripts are on PATH)."""
    # the terminal's screen-reader mode (an accessibility setting) puts its text into the page
    xsrf = next(c["value"] for c in context.cookies() if c["name"] == "_xsrf" and "/user/" in c["path"])
    settings = f"{hub.url}/user/{teacher['username']}/lab/api/settings/@jupyterlab/terminal-extension:plugin"
    answer = lab.request.put(settings, data=json.dumps({"raw": json.dumps({"screenReaderMode": True})}),
                             headers={"X-XSRFToken": xsrf, "Content-Type": "application/json"})
    assert answer.ok, answer.text()
    lab.reload()
    lab.wait_for_selector(".jp-LabShell", timeout=60_000)
    lab.locator(".jp-LauncherCard", has_text="Terminal").click()
    screen = lab.locator(".jp-Terminal .xterm-accessibility-tree")
    screen.wait_for(timeout=60_000)
    lab.locator(".jp-Terminal .xterm-helper-textarea").focus()
    time.sleep(1)  # the shell prints its prompt
    lab.keyboard.type("schuelerlab course list\n")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and "Sensoren bauen" not in screen.inner_text():
        time.sleep(0.5)
    _shot(lab, "10-lehrkraft-terminal")
    assert "Sensoren bauen" in screen.inner_text(), screen.inner_text()


def test_a_whole_lesson_in_the_browser(all_courses_hub):
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("Chromium fehlt: scripts/ensure-debian-packages.sh chromium (steht in SYSTEM_PACKAGES).")
    ARTIFACTS.mkdir(exist_ok=True)
    hub = all_courses_hub
    accounts = hub.credentials()
    student = next(a for a in accounts if a["role"] == "student")
    teacher = next(a for a in accounts if a["role"] == "teacher")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            kid = browser.new_context(viewport={"width": 1300, "height": 850}, locale="de-DE")
            lab = _login(kid, hub, student, shot="01-anmelden")
            _shot(lab, "02-jupyterlab")
            menus = lab.locator(".lm-MenuBar-itemLabel").all_inner_texts()
            assert "Aufgaben" in menus and "Ausführen" in menus, menus

            tasks = _open_assignments(kid, lab)
            headings = tasks.locator("h2").all_inner_texts()
            assert headings == ["Kurs: calliope", "Kurs: daten", "Kurs: sensoren"], headings
            _assert_german(tasks)
            _shot(tasks, "03-meine-aufgaben")
            _row(tasks).locator("button[data-aktion=holen]").click()
            assert f"„{ASSIGNMENT}“ ist geholt" in _message(tasks)
            _shot(tasks, "04-geholt")
            # a folder of the same name is never overwritten: the page says what to do
            other = "02_spannungsteiler"
            xsrf = next(c["value"] for c in kid.cookies() if c["name"] == "_xsrf" and "/user/" in c["path"])
            made = tasks.request.put(f"{hub.url}/user/{student['username']}/api/contents/{other}",
                                     data=json.dumps({"type": "directory"}),
                                     headers={"X-XSRFToken": xsrf, "Content-Type": "application/json"})
            assert made.ok, made.text()
            _row(tasks, other).locator("button[data-aktion=holen]").click()
            assert f"Du hast schon einen Ordner {other}" in _message(tasks)
            assert _row(tasks, other).locator("button[data-aktion=holen]").count() == 1

            _row(tasks).locator("a", has_text="Öffnen").click()
            tasks.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=120_000)
            _solve_in_notebook(tasks)
            _assert_german(tasks)  # no English nbgrader menu or "Validate" button for students
            _shot(tasks, "05-geloest")

            tasks.goto(f"{hub.url}/hub/user-redirect/aufgaben")
            _row(tasks).locator("button[data-aktion=pruefen]").click()  # the visible tests, before handing in
            assert f"„{ASSIGNMENT}“ ist geprüft" in _message(tasks)
            check = _row(tasks).locator("pre.pruefung").inner_text()
            assert re.search(r"\b2 von \d+ Punkten", check), check
            assert "rohwert ist noch nicht fertig" in check, check  # the tip for exercise 2
            _shot(tasks, "06-selbst-geprueft")
            _row(tasks).locator("button[data-aktion=abgeben]").click()
            assert f"„{ASSIGNMENT}“ ist abgegeben" in _message(tasks)
            assert "Abgegeben am" in _row(tasks).inner_text()
            _shot(tasks, "07-abgegeben")

            # before grading there is nothing to fetch, and the page says so
            assert _row(tasks).locator("button[data-aktion=rueckmeldung]").count() == 0

            staff = browser.new_context(viewport={"width": 1300, "height": 850}, locale="de-DE")
            graded = _teacher_grades(staff, hub, teacher)
            assert "1 Abgaben bewertet" in graded, graded
            assert re.search(rf"{student['username']}\s+2 von \d+", graded), graded

            tasks.reload()
            _row(tasks).locator("button[data-aktion=rueckmeldung]").click()
            assert f"Die Rückmeldung zu „{ASSIGNMENT}“ ist da" in _message(tasks)
            _shot(tasks, "11-rueckmeldung-geholt")
            with kid.expect_page() as info:
                _row(tasks).locator("a", has_text="Rückmeldung lesen").click()
            feedback = info.value
            feedback.wait_for_load_state()
            text = feedback.locator("body").inner_text()
            _shot(feedback, "12-rueckmeldung-lesen")
            assert f"Rückmeldung: {ASSIGNMENT}" in text, text[:1000]
            assert re.search(r"\b2 von \d+ Punkten", text), text[:1000]
            assert "spannung_(512)" not in text  # hidden tests are counted, never shown

            # the hub's start page leads to the same page (for the next lesson)
            lab.goto(f"{hub.url}/hub/home")
            lab.locator("#aufgaben").click()
            lab.wait_for_selector("h1:has-text('Meine Aufgaben')")
            assert "Abgegeben am" in _row(lab).inner_text()
        except Exception:
            for i, context in enumerate(browser.contexts):
                for j, page in enumerate(context.pages):
                    page.screenshot(path=str(ARTIFACTS / f"lesson-fehler-{i}-{j}.png"))
            raise
        finally:
            browser.close()
