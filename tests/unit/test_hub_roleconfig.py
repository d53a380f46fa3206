"""Per-role Jupyter config: students without formgrader, teachers with it, German Lab for all."""

import json
import stat
from types import SimpleNamespace

import pytest
from schuelerlab.hub.roleconfig import write_role_configs
from schuelerlab.hub.settings import parse_settings
from schuelerlab.hub.spawner import role_of
from schuelerlab.hub.state import ensure_state
from traitlets.config import Config


def test_role_of_user_from_groups():
    teacher = SimpleNamespace(groups=[SimpleNamespace(name="nbgrader-s"),
                                      SimpleNamespace(name="formgrade-s")])
    student = SimpleNamespace(groups=[SimpleNamespace(name="nbgrader-s")])
    assert role_of(teacher) == "teacher"
    assert role_of(student) == "student"


def test_role_configs(tmp_path):
    paths = ensure_state(tmp_path / "state")
    write_role_configs(parse_settings({"hub": {"courses": ["sensoren"]}}), paths, exchange=tmp_path / "ex")
    student = json.loads((paths.role_dir("student") / "jupyter_server_config.json").read_text())
    teacher = json.loads((paths.role_dir("teacher") / "jupyter_server_config.json").read_text())
    formgrader = "nbgrader.server_extensions.formgrader"
    assert student["ServerApp"]["jpserver_extensions"][formgrader] is False
    assert teacher["ServerApp"]["jpserver_extensions"][formgrader] is True
    assert "frame-ancestors 'self'" in json.dumps(teacher)
    assert "frame-ancestors" not in json.dumps(student)
    page = json.loads((paths.role_dir("student") / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True
    # the German assignments page replaces nbgrader's English list for students; teachers keep both
    assert page["disabledExtensions"]["@jupyter/nbgrader:assignment-list"] is True
    # an idle student server does not load nbgrader (the page imports it when opened)
    assert student["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.assignment_list"] is False
    assert "nbgrader.server_extensions.assignment_list" not in teacher["ServerApp"]["jpserver_extensions"]
    for role in (student, teacher):
        assert role["ServerApp"]["jpserver_extensions"]["schuelerlab.hub.assignments_page"] is True
        assert role["ServerApp"]["terminado_settings"]["shell_command"] == ["/bin/bash"]
    common = paths.role_dir("common")
    lab = json.loads((common / "labconfig" / "default_setting_overrides.json").read_text())
    assert lab["@jupyterlab/translation-extension:plugin"]["locale"] == "de_DE"
    assert lab["@jupyterlab/apputils-extension:notification"]["checkForUpdates"] is False
    menu = lab["@jupyterlab/mainmenu-extension:plugin"]["menus"][0]
    assert menu["label"] == "Aufgaben" and menu["items"][0]["args"]["url"] == "/hub/user-redirect/aufgaben"
    nb = (common / "nbgrader_config.py").read_text()
    assert str(tmp_path / "ex") in nb and "'sensoren'" in nb
    # students hand in under their hub name (in demo mode every server has the same Unix name)
    cases = (("student", {"SCHUELERLAB_ROLE": "student", "JUPYTERHUB_USER": "kim"}, "kim"),
             ("teacher", {"SCHUELERLAB_ROLE": "teacher", "JUPYTERHUB_USER": "lehrer"}, None))
    for role, env, expected in cases:
        c = Config()
        with pytest.MonkeyPatch.context() as mp:
            for key, value in env.items():
                mp.setenv(key, value)
            exec(nb, {"c": c})
        assert c.CourseDirectory.get("student_id") == expected, role
    assert stat.S_IMODE((common / "nbgrader_config.py").stat().st_mode) == 0o644


def test_secrets_are_private_and_stable(tmp_path):
    paths = ensure_state(tmp_path / "state")
    first = paths.secret_file("cookie_secret").read_text()
    assert stat.S_IMODE(paths.secret_file("cookie_secret").stat().st_mode) == 0o600
    assert stat.S_IMODE((paths.root / "secrets").stat().st_mode) == 0o700
    assert ensure_state(tmp_path / "state").secret_file("cookie_secret").read_text() == first


def test_lab_mode_submissions_are_private(tmp_path):
    from nbgrader.exchange import ExchangeFactory
    from schuelerlab.hub.exchange import PrivateSubmit
    from traitlets.config.loader import PyFileConfigLoader

    lab = ensure_state(tmp_path / "lab")
    write_role_configs(parse_settings({"hub": {"mode": "lab"}}), lab, exchange=tmp_path / "ex")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(lab.role_dir("common"))).load_config()
    assert ExchangeFactory(config=config).submit is PrivateSubmit
    demo = ensure_state(tmp_path / "demo")
    write_role_configs(parse_settings({}), demo, exchange=tmp_path / "ex")
    assert "ExchangeFactory" not in (demo.role_dir("common") / "nbgrader_config.py").read_text()


def test_all_courses_by_default_and_no_course_id_then(tmp_path):
    paths = ensure_state(tmp_path / "state")
    settings = parse_settings({})
    assert settings.hub.courses == ["sensoren", "daten", "calliope"]
    write_role_configs(settings, paths, exchange=tmp_path / "ex")
    assert "course_id" not in (paths.role_dir("common") / "nbgrader_config.py").read_text()
