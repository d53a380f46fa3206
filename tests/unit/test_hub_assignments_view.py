"""The German assignments page: nbgrader's lists merged into rows, rendered safely and in German."""

from schuelerlab.hub.assignments_view import german_time, merge, render_page

RELEASED = {"course_id": "sensoren", "assignment_id": "02_teiler", "status": "released", "notebooks": []}
FETCHED = {"course_id": "sensoren", "assignment_id": "01_spannung", "status": "fetched",
           "notebooks": [{"notebook_id": "01_spannung", "path": "01_spannung/01_spannung.ipynb"}]}


def _submitted(**newest):
    first = {"timestamp": "2026-11-22 08:00:00.000000 UTC", "has_exchange_feedback": False,
             "has_local_feedback": False, "feedback_updated": False, "local_feedback_path": None,
             "notebooks": [{"notebook_id": "01_spannung"}]}
    return {"course_id": "sensoren", "assignment_id": "01_spannung", "status": "submitted",
            "submissions": [first, {**first, **newest}]}


def test_rows_merge_released_fetched_and_the_newest_submission():
    rows = merge([RELEASED, FETCHED, _submitted(timestamp="2026-11-22 09:30:00.000000 UTC",
                                                has_exchange_feedback=True)])
    assert [(r.assignment, r.fetched, r.released) for r in rows] == [("01_spannung", True, True),
                                                                    ("02_teiler", False, True)]
    first = rows[0]
    assert first.submitted_at.startswith("2026-11-22 09:30") and first.feedback_ready
    assert first.feedback_files == []


def test_fetched_feedback_is_linked_and_not_offered_again():
    folder = "01_spannung/feedback/2026-11-22 08:00:00.000000 UTC"
    rows = merge([FETCHED, _submitted(has_exchange_feedback=True, has_local_feedback=True,
                                      local_feedback_path=folder)])
    assert not rows[0].feedback_ready
    assert rows[0].feedback_files == ["01_spannung/feedback/2026-11-22 08:00:00.000000 UTC/01_spannung.html"]
    page = render_page(rows, base_url="/user/a/", xsrf="tok")
    assert "Rückmeldung lesen" in page and "Rückmeldung holen" not in page
    link = "/user/a/files/01_spannung/feedback/2026-11-22%2008%3A00%3A00.000000%20UTC/01_spannung.html"
    assert f'href="{link}"' in page


def test_updated_feedback_is_offered_again():
    rows = merge([_submitted(has_exchange_feedback=True, has_local_feedback=True, feedback_updated=True,
                             local_feedback_path="x/feedback/t")])
    assert rows[0].feedback_ready


def test_page_is_german_with_forms_carrying_the_xsrf_token():
    page = render_page(merge([RELEASED, FETCHED]), base_url="/user/a/", xsrf="tok123",
                       message="geholt", assignment="01_spannung")
    assert '<html lang="de">' in page and "Meine Aufgaben" in page and "Kurs: sensoren" in page
    assert "„01_spannung“ ist geholt" in page
    assert page.count('name="_xsrf" value="tok123"') == 3  # Holen for 02, Prüfen and Abgeben for 01
    assert 'action="/user/a/aufgaben/holen"' in page and 'action="/user/a/aufgaben/abgeben"' in page
    assert 'action="/user/a/aufgaben/pruefen"' in page and '<pre class="pruefung"' not in page
    assert 'href="/user/a/lab/tree/01_spannung/01_spannung.ipynb"' in page
    assert "Fetch" not in page and "Submit" not in page


def test_names_from_outside_are_escaped_and_unknown_messages_ignored():
    evil = {**RELEASED, "assignment_id": '<script>alert("x")</script>'}
    page = render_page(merge([evil]), base_url="/user/a/", xsrf="t", message="<b>", assignment="<i>")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<b>" not in page and "<i>" not in page


def test_empty_list_and_listing_error_say_what_to_do():
    assert "noch keine Aufgaben freigegeben" in render_page([], base_url="/", xsrf="t")
    broken = render_page([], base_url="/", xsrf="t", message="liste_fehler")
    assert "Lade die Seite neu" in broken and "noch keine Aufgaben" not in broken


def test_german_time_and_broken_timestamps():
    assert german_time("2026-11-22 09:30:00.000000 UTC").startswith("22.11.2026 um ")
    assert german_time("kaputt") == "kaputt"
    assert german_time(None) == ""


def test_the_last_check_is_shown_under_its_assignment():
    rows = merge([FETCHED])
    rows[0].check_text = "✘ test_2: <Tipp>\n2 von 6 Punkten"
    page = render_page(rows, base_url="/", xsrf="t", message="geprueft", assignment="01_spannung")
    assert '<pre class="pruefung">✘ test_2: &lt;Tipp&gt;\n2 von 6 Punkten</pre>' in page
    assert "„01_spannung“ ist geprüft" in page
