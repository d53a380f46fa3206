"""The teacher's part of the assignments page: course folders, hand-in counts, the German section."""

from schuelerlab.hub import grading_page


def _course(home, name="sensoren", exchange=None):
    folder = home / name
    (folder / "source" / "01_spannung").mkdir(parents=True)
    (folder / "release" / "01_spannung").mkdir(parents=True)
    config = "c = get_config()\n"
    if exchange is not None:
        config += f"c.Exchange.root = {str(exchange)!r}\n"
    (folder / "nbgrader_config.py").write_text(config)
    return folder


def test_course_folders_and_children_who_handed_in(tmp_path):
    exchange = tmp_path / "exchange"
    folder = _course(tmp_path / "home", exchange=exchange)
    (tmp_path / "home" / "notizen").mkdir()  # any other folder is not a course
    assert grading_page.course_dirs(tmp_path / "home") == [folder]
    inbound = exchange / "sensoren" / "inbound"
    inbound.mkdir(parents=True)
    for name in ("kim+01_spannung+2026-11-22 08:00:00.000000 UTC+abc",
                 "kim+01_spannung+2026-11-22 09:00:00 UTC", "ali+01_spannung+2026-11-22 08:30:00 UTC",
                 "ali+02_teiler+2026-11-22 08:30:00 UTC"):
        (inbound / name).mkdir()
    (folder / "submitted" / "mia" / "01_spannung").mkdir(parents=True)  # collected already
    assert grading_page.handed_in(folder, "sensoren", "01_spannung") == 3
    assert grading_page.handed_in(_course(tmp_path / "other"), "sensoren", "01_spannung") == 0


def test_section_is_german_and_offers_grading_per_released_assignment(tmp_path):
    home = tmp_path / "home"
    folder = _course(home)
    grading_page.log_path(folder, "01_spannung").write_text(
        "Bewerte Abgaben [####] 1/1\nAufgabe 01_spannung: 1 Abgaben bewertet\n<kim>  2 von 6\n")
    (folder / "uebersicht-01_spannung.png").write_bytes(b"png")
    html, busy = grading_page.teacher_section(home, base_url="/user/lehrer/", xsrf="tok")
    assert not busy
    assert "Bewerten: sensoren" in html and "Einsammeln und bewerten" in html
    assert 'action="/user/lehrer/aufgaben/bewerten"' in html and 'value="tok"' in html
    assert "1 Abgaben bewertet" in html and "&lt;kim&gt;" in html and "Bewerte Abgaben" not in html
    assert 'href="/user/lehrer/files/sensoren/uebersicht-01_spannung.png"' in html
    assert "Noten (CSV" not in html  # no export yet, so no link


def test_a_teacher_without_course_folder_is_told_how_to_make_one(tmp_path):
    html, busy = grading_page.teacher_section(tmp_path, base_url="/", xsrf="t")
    assert "schuelerlab course setup" in html and not busy
