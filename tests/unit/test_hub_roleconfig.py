"""Per-role Jupyter config: students without formgrader, teachers with it, German Lab for all."""

import json
import stat
from types import SimpleNamespace

from schuelerlab.hub.roleconfig import write_role_configs
from schuelerlab.hub.settings import parse_settings
from schuelerlab.hub.spawner import role_of
from schuelerlab.hub.state import ensure_state


def test_role_of_user_from_groups():
    teacher = SimpleNamespace(groups=[SimpleNamespace(name="nbgrader-s"),
                                      SimpleNamespace(name="formgrade-s")])
    student = SimpleNamespace(groups=[SimpleNamespace(name="nbgrader-s")])
    assert role_of(teacher) == "teacher"
    assert role_of(student) == "student"


def test_role_configs(tmp_path):
    paths = ensure_state(tmp_path / "state")
    write_role_configs(parse_settings({}), paths, exchange=tmp_path / "ex")
    student = json.loads((paths.role_dir("student") / "jupyter_server_config.json").read_text())
    teacher = json.loads((paths.role_dir("teacher") / "jupyter_server_config.json").read_text())
    formgrader = "nbgrader.server_extensions.formgrader"
    assert student["ServerApp"]["jpserver_extensions"][formgrader] is False
    assert teacher["ServerApp"]["jpserver_extensions"][formgrader] is True
    assert "frame-ancestors 'self'" in json.dumps(teacher)
    assert "frame-ancestors" not in json.dumps(student)
    page = json.loads((paths.role_dir("student") / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True
    common = paths.role_dir("common")
    lab = json.loads((common / "labconfig" / "default_setting_overrides.json").read_text())
    assert lab["@jupyterlab/translation-extension:plugin"]["locale"] == "de_DE"
    assert lab["@jupyterlab/apputils-extension:notification"]["checkForUpdates"] is False
    nb = (common / "nbgrader_config.py").read_text()
    assert str(tmp_path / "ex") in nb and "'sensoren'" in nb
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
