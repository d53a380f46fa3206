"""apply(settings, c) against a bare traitlets Config: no hub is started."""

from pathlib import Path

from schuelerlab.hub import Runtime, apply
from schuelerlab.hub.accounts import Account, AccountStore
from schuelerlab.hub.settings import parse_settings
from traitlets.config import Config


def _store():
    return AccountStore(users={
        "lehrer": Account("lehrer", "teacher", ["sensoren"]),
        "s1": Account("s1", "student", ["sensoren"]),
        "s2": Account("s2", "student", ["robotik"]),
    })


def _apply(data=None, **rt):
    settings = parse_settings(data or {"hub": {"courses": ["sensoren", "robotik"]}})
    runtime = Runtime(state_dir=Path("/srv/state"), accounts=_store(), chp_command=("/x/chp",),
                      python="/venv/bin/python", secrets={"proxy_token": "p", "service_token": "s"}, **rt)
    return apply(settings, Config(), runtime=runtime)


def test_teachers_are_not_hub_admins():
    c = _apply({"hub": {"teachers": ["frau-k"], "admins": ["it"]}})
    assert c.Authenticator.admin_users == {"it"}
    assert "frau-k" in c.Authenticator.allowed_users
    assert "lehrer" not in c.Authenticator.admin_users


def test_groups_per_course():
    c = _apply()
    groups = c.JupyterHub.load_groups
    assert groups["formgrade-sensoren"] == {"users": ["lehrer"]}
    assert groups["nbgrader-sensoren"] == {"users": ["lehrer", "s1"]}
    assert groups["formgrade-robotik"] == {"users": []}
    assert groups["nbgrader-robotik"] == {"users": ["s2"]}


def test_teacher_role_bound_to_formgrade_group():
    roles = {r["name"]: r for r in _apply().JupyterHub.load_roles}
    teacher = roles["formgrade-sensoren"]
    assert teacher["groups"] == ["formgrade-sensoren"]
    assert "admin:servers!group=nbgrader-sensoren" in teacher["scopes"]
    assert "admin-ui" in teacher["scopes"] and "admin:users" not in teacher["scopes"]
    assert roles["server"]["scopes"] == ["inherit"]


def test_timeouts_and_limits_sized_for_a_class():
    c = _apply()
    assert c.Spawner.start_timeout == 120 and c.Spawner.http_timeout == 120
    assert c.JupyterHub.concurrent_spawn_limit == 20
    assert c.Spawner.mem_limit == "1G"


def test_news_and_update_check_off_for_single_user_servers():
    args = _apply().Spawner.args
    assert "--LabApp.news_url=None" in args
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in args


def test_allow_root_only_in_demo_as_root():
    assert "--allow-root" in _apply(as_root=True).Spawner.args
    assert "--allow-root" not in _apply(as_root=False).Spawner.args
    lab = _apply({"hub": {"mode": "lab"}}, as_root=True)
    assert "--allow-root" not in lab.Spawner.args


def test_secrets_and_database_live_in_state_dir():
    c = _apply()
    assert c.JupyterHub.cookie_secret_file == "/srv/state/secrets/cookie_secret"
    assert c.JupyterHub.db_url == "sqlite:////srv/state/jupyterhub.sqlite"
    assert c.ConfigurableHTTPProxy.auth_token == "p"
    services = {s["name"]: s for s in c.JupyterHub.services}
    assert services["schuelerlab"]["api_token"] == "s"


def test_npm_proxy_is_started_by_the_hub():
    c = _apply()
    assert c.ConfigurableHTTPProxy.command == ["/x/chp"]
    assert c.ConfigurableHTTPProxy.should_start is True


def test_demo_mode_uses_store_and_private_homes():
    c = _apply()
    assert c.JupyterHub.authenticator_class == "schuelerlab.hub.auth.StoreAuthenticator"
    assert c.StoreAuthenticator.accounts_file == "/srv/state/accounts.json"
    assert c.JupyterHub.spawner_class == "schuelerlab.hub.spawner.DemoSpawner"
    assert c.Spawner.notebook_dir == "/srv/state/homes/{username}"
    assert c.Spawner.cmd == ["/venv/bin/python", "-m", "schuelerlab.hub.singleuser"]


def test_lab_mode_uses_pam_and_user_switching():
    c = _apply({"hub": {"mode": "lab", "teachers": ["frau-k"]}})
    assert c.JupyterHub.authenticator_class == "schuelerlab.hub.auth.LabAuthenticator"
    assert c.LabAuthenticator.accounts_file == "/srv/state/accounts.json"
    assert c.PAMAuthenticator.open_sessions is False
    assert c.JupyterHub.spawner_class == "schuelerlab.hub.spawner.LabSpawner"
    assert c.Spawner.notebook_dir == "~"
    assert c.JupyterHub.load_groups["formgrade-sensoren"]["users"] == ["frau-k", "lehrer"]


def test_idle_culler_service_and_its_role():
    c = _apply({"limits": {"idle_timeout": 600, "cull_every": 60}})
    culler = {s["name"]: s for s in c.JupyterHub.services}["idle-culler"]
    assert culler["command"][:3] == ["/venv/bin/python", "-m", "jupyterhub_idle_culler"]
    assert "--timeout=600" in culler["command"]
    role = {r["name"]: r for r in c.JupyterHub.load_roles}["idle-culler"]
    assert "delete:servers" in role["scopes"]
    off = _apply({"limits": {"idle_timeout": 0}})
    assert "idle-culler" not in {s["name"] for s in off.JupyterHub.services}
