"""Hub start preparation and the jupyterhub_config.py shim, without starting any process."""

import runpy

from schuelerlab.hub.run import SHIM, banner, prepare
from schuelerlab.hub.runtime import hub_environment
from schuelerlab.hub.settings import parse_settings
from schuelerlab.hub.state import ensure_state
from traitlets.config import Config


def test_prepare_demo_state(tmp_path, monkeypatch):
    from schuelerlab import cli

    monkeypatch.delitem(cli.COMMANDS, "course", raising=False)
    settings = parse_settings({"demo": {"students": 1}})
    paths = ensure_state(tmp_path / "state")
    prepare(settings=settings, paths=paths)
    assert (paths.homes / "lehrer" / ".jupyter" / "nbgrader_config.py").exists()
    assert "c.CourseDirectory.course_id = 'sensoren'" in (paths.homes / "lehrer" / "sensoren" /
                                                          "nbgrader_config.py").read_text()
    assert (paths.role_dir("student") / "jupyter_server_config.json").exists()
    assert paths.exchange.is_dir()
    text = banner(settings, paths)
    assert "http://127.0.0.1:8000" in text and str(paths.accounts_csv) in text and "Strg+C" in text


def test_shim_configures_the_hub_from_the_environment(tmp_path, monkeypatch):
    settings_file = tmp_path / "hub.toml"
    settings_file.write_text('[hub]\nbind_url = "http://127.0.0.1:9999"\n', encoding="utf-8")
    paths = ensure_state(tmp_path / "state")
    env = hub_environment(state_dir=paths.root, settings_file=settings_file, demo=True, chp=tmp_path / "chp")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    c = Config()
    runpy.run_path(str(SHIM), init_globals={"c": c})
    assert c.JupyterHub.bind_url == "http://127.0.0.1:9999"
    assert c.ConfigurableHTTPProxy.command == [str(tmp_path / "chp")]
    assert c.ConfigurableHTTPProxy.auth_token == paths.secret_file("proxy_token").read_text().strip()
    assert c.JupyterHub.db_url == f"sqlite:///{paths.db}"
