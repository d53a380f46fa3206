"""``schuelerlab lab`` pieces without processes: the launch's Jupyter config and command line, and the
``schuelerlab catalog`` command."""

from __future__ import annotations

import json
import os
import re
from html import unescape

import pytest
from schuelerlab.courses.registry import list_courses

from schuelerlab import cli
from schuelerlab.labcmd import lab_command, lab_environment, write_lab_config


def test_lab_config_sets_german_and_switches_news_and_updates_off(tmp_path):
    folder = write_lab_config(tmp_path / "cfg")
    overrides = json.loads((folder / "labconfig" / "default_setting_overrides.json").read_text())
    assert overrides["@jupyterlab/translation-extension:plugin"] == {"locale": "de_DE"}
    assert overrides["@jupyterlab/apputils-extension:notification"] == {
        "checkForUpdates": False, "fetchNews": "false"}
    page = json.loads((folder / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True
    server = json.loads((folder / "jupyter_server_config.json").read_text())
    assert server["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False


def test_lab_command_and_environment(tmp_path, monkeypatch):
    cmd = lab_command(folder=tmp_path, port=9999, open_browser=False)
    assert "--LabApp.news_url=None" in cmd and "--no-browser" in cmd and "--ip=127.0.0.1" in cmd
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in cmd
    assert f"--ServerApp.root_dir={tmp_path}" in cmd and "--port=9999" in cmd
    assert "--no-browser" not in lab_command(folder=tmp_path, port=1, open_browser=True)
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", "/elsewhere")
    env = lab_environment(tmp_path / "cfg")
    assert env["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [str(tmp_path / "cfg"), "/elsewhere"]


def test_catalog_command_writes_the_german_page(tmp_path, capsys):
    out = tmp_path / "X.html"
    cli.main(["catalog", "--out", str(out)])
    assert str(out) in capsys.readouterr().out
    page = out.read_text(encoding="utf-8")
    assert '<html lang="de">' in page and "Kurskatalog" in page
    text = unescape(re.sub(r"<[^>]+>", " ", page))
    courses = list_courses()
    assert len(courses) >= 3
    for course in courses:
        assert course.title in text and course.age.replace("-", "–") in text
        for a in course.assignments:
            assert a.title in text, a.title
            age = re.escape(a.age.replace("-", "–"))
            row = rf"{re.escape(a.title)}\s+{age}\s+{a.minutes} min"
            assert re.search(row, text), f"age/minutes of {a.title} missing"


def test_catalog_command_unwritable_target_is_a_german_error(tmp_path, capsys):
    blocker = tmp_path / "datei"
    blocker.write_text("x")
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["catalog", "--out", str(blocker / "X.html")])
    assert exit_info.value.code == 1
    assert "ließ sich nicht" in capsys.readouterr().err


def test_lab_help_is_german(capsys):
    cli.main(["lab", "--help"])
    help_text = capsys.readouterr().out
    assert "Deine Arbeit wird nie überschrieben" in help_text and "--folder" in help_text
