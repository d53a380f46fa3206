"""The teacher page's grading run is the real ``schuelerlab grade`` process, logged to the course folder."""

from schuelerlab.hub import grading_page


def _course(home, name="sensoren"):
    folder = home / name
    (folder / "source" / "01_spannung").mkdir(parents=True)
    (folder / "release" / "01_spannung").mkdir(parents=True)
    (folder / "nbgrader_config.py").write_text("c = get_config()\n")
    return folder


def test_a_run_is_started_once_and_its_output_logged(tmp_path):
    folder = _course(tmp_path / "home")
    assert grading_page.start_grading(folder, "01_spannung")
    second = grading_page.start_grading(folder, "01_spannung")
    assert not second or not grading_page.running(folder, "01_spannung")  # never two runs at once
    grading_page.RUNS[(str(folder), "01_spannung")].wait(timeout=60)
    assert not grading_page.running(folder, "01_spannung")
    log = grading_page.log_path(folder, "01_spannung").read_text(encoding="utf-8")
    assert "schuelerlab:" in log  # the real command ran and explained what is missing (in German)
