"""``apply(settings, c)``: validated settings (+ the runtime facts) → JupyterHub configuration.

Pure: reads no files and starts nothing, so it is unit-tested against a bare ``traitlets`` Config.
Groups follow nbgrader's naming: ``formgrade-<course>`` (teachers), ``nbgrader-<course>`` (students
and teachers). Teachers are never hub admins; their role is bound to the ``formgrade-<course>`` group.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schuelerlab.hub.accounts import AccountStore
from schuelerlab.hub.limits import rlimits_for
from schuelerlab.hub.settings import Settings
from schuelerlab.hub.state import StatePaths

#: Single-user server options: no news popup, no update check (P11).
LAB_ARGS = ("--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")
SERVICE = "schuelerlab"
CULLER = "idle-culler"
TEMPLATES = Path(__file__).with_name("templates")  # German login page


@dataclass(frozen=True)
class Runtime:
    """Facts known only when the hub starts: where state lives, who exists, which binaries to use."""

    state_dir: Path
    accounts: AccountStore = field(default_factory=AccountStore)
    chp_command: tuple[str, ...] = ("configurable-http-proxy",)
    python: str = sys.executable
    as_root: bool = False
    secrets: dict[str, str] = field(default_factory=dict)

    @property
    def paths(self) -> StatePaths:
        """The state folder's paths."""
        return StatePaths(Path(self.state_dir))

    @property
    def bin_dir(self) -> Path:
        """The folder of the venv's executables (``jupyterhub-singleuser``)."""
        return Path(self.python).parent


def teacher_scopes(course: str) -> list[str]:
    """Scopes of the teacher role of one course (reference §2.2)."""
    return ["admin-ui", "list:users", "read:users", "read:groups", f"admin:servers!group=nbgrader-{course}"]


def groups_for(settings: Settings, accounts: AccountStore) -> dict[str, dict[str, list[str]]]:
    """``load_groups`` for every course: configured teachers plus enrolled accounts."""
    groups = {}
    for course in settings.hub.courses:
        teachers = sorted(set(settings.hub.teachers) | set(accounts.members(course, "teacher")))
        students = accounts.members(course, "student")
        groups[f"formgrade-{course}"] = {"users": teachers}
        groups[f"nbgrader-{course}"] = {"users": sorted(set(teachers) | set(students))}
    return groups


def roles_for(settings: Settings, rt: Runtime) -> list[dict[str, Any]]:
    """``load_roles``: one teacher role per course, the server role, and the service roles."""
    roles: list[dict[str, Any]] = [
        {"name": f"formgrade-{c}", "scopes": teacher_scopes(c), "groups": [f"formgrade-{c}"]}
        for c in settings.hub.courses
    ]
    roles.append({"name": "server", "scopes": ["inherit"]})
    roles.append({"name": "schuelerlab-service", "services": [SERVICE],
                  "scopes": ["admin:users", "admin:servers", "admin:groups", "list:users", "read:users"]})
    if settings.limits.idle_timeout:
        roles.append({"name": CULLER, "services": [CULLER],
                      "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]})
    return roles


def services_for(settings: Settings, rt: Runtime) -> list[dict[str, Any]]:
    """The service token for scripted REST access and the idle culler (a hub-managed process)."""
    services: list[dict[str, Any]] = [{"name": SERVICE, "api_token": rt.secrets.get("service_token", "")}]
    lim = settings.limits
    if lim.idle_timeout:
        services.append({"name": CULLER, "command": [
            rt.python, "-m", "jupyterhub_idle_culler",
            f"--timeout={lim.idle_timeout}", f"--cull-every={lim.cull_every}"]})
    return services


def _apply_network(settings: Settings, c: Any, rt: Runtime) -> None:
    p = rt.paths
    c.JupyterHub.bind_url = settings.hub.bind_url
    c.JupyterHub.hub_bind_url = settings.hub.hub_api_url
    c.JupyterHub.db_url = f"sqlite:///{p.db}"
    c.JupyterHub.cookie_secret_file = str(p.secret_file("cookie_secret"))
    c.JupyterHub.pid_file = str(p.root / "jupyterhub.pid")
    c.ConfigurableHTTPProxy.should_start = True
    c.ConfigurableHTTPProxy.command = list(rt.chp_command)
    c.ConfigurableHTTPProxy.api_url = settings.hub.proxy_api_url
    c.ConfigurableHTTPProxy.auth_token = rt.secrets.get("proxy_token", "")
    c.ConfigurableHTTPProxy.pid_file = str(p.root / "proxy.pid")


def _apply_users(settings: Settings, c: Any, rt: Runtime) -> None:
    acc = rt.accounts
    c.Authenticator.admin_users = set(settings.hub.admins)
    c.Authenticator.allowed_users = set(settings.hub.teachers) | set(acc.users)
    c.JupyterHub.load_groups = groups_for(settings, acc)
    c.JupyterHub.load_roles = roles_for(settings, rt)
    c.JupyterHub.services = services_for(settings, rt)
    if settings.hub.mode == "demo":
        c.JupyterHub.authenticator_class = "schuelerlab.hub.auth.StoreAuthenticator"
        c.StoreAuthenticator.accounts_file = str(rt.paths.accounts)
    else:
        c.JupyterHub.authenticator_class = "schuelerlab.hub.auth.LabAuthenticator"
        c.LabAuthenticator.accounts_file = str(rt.paths.accounts)
        c.PAMAuthenticator.open_sessions = False


def _apply_spawner(settings: Settings, c: Any, rt: Runtime) -> None:
    lim = settings.limits
    demo = settings.hub.mode == "demo"
    if demo:
        c.JupyterHub.spawner_class = "schuelerlab.hub.spawner.DemoSpawner"
        c.DemoSpawner.home_dir_template = str(rt.paths.homes / "{username}")
        c.Spawner.notebook_dir = str(rt.paths.homes / "{username}")
    else:
        c.JupyterHub.spawner_class = "schuelerlab.hub.spawner.LabSpawner"
        c.Spawner.notebook_dir = "~"
    c.Spawner.jupyter_config_root = str(rt.paths.jupyter)
    c.Spawner.cmd = [rt.python, "-m", "schuelerlab.hub.singleuser"]  # jupyterhub-singleuser, lighter
    c.Spawner.args = [*LAB_ARGS, *(["--allow-root"] if demo and rt.as_root else [])]
    c.Spawner.environment = {"PATH": os.pathsep.join([str(rt.bin_dir), "/usr/local/bin", "/usr/bin", "/bin"]),
                             "LANG": "C.UTF-8"}
    c.Spawner.default_url = "/lab"
    c.Spawner.start_timeout = lim.start_timeout
    c.Spawner.http_timeout = lim.http_timeout
    c.Spawner.mem_limit = lim.mem_limit or None
    c.DemoSpawner.rlimits = c.LabSpawner.rlimits = rlimits_for(settings)
    c.JupyterHub.concurrent_spawn_limit = lim.concurrent_spawn_limit
    c.JupyterHub.active_server_limit = lim.active_server_limit


def apply(settings: Settings, c: Any, *, runtime: Runtime | None = None) -> Any:
    """Configure JupyterHub in ``c`` (a traitlets ``Config``) from ``settings``; return ``c``.

    Args:
        settings: validated settings (see :mod:`schuelerlab.hub.settings`).
        c: the config object of ``jupyterhub_config.py`` or a bare ``traitlets.config.Config``.
        runtime: state folder, accounts, secrets and binaries; defaults to an empty demo runtime.
    """
    rt = runtime or Runtime(state_dir=settings.state_path(Path(".run/hub")))
    _apply_network(settings, c, rt)
    _apply_users(settings, c, rt)
    _apply_spawner(settings, c, rt)
    c.JupyterHub.cleanup_servers = True
    c.JupyterHub.template_paths = [str(TEMPLATES)]
    c.JupyterHub.template_vars = {"announcement_login": "Melde dich mit dem Namen und dem Passwort von "
                                                        "deiner Karte an."}
    return c
