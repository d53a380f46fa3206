"""Start and end of a lesson: pre-start a class's servers (staggered) and stop them, over the hub's
REST API with the ``schuelerlab`` service token. Also makes the running hub know new accounts and
their course groups, so a class created while the hub runs needs no restart.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import requests
from schuelerlab.hub.accounts import load_store
from schuelerlab.hub.context import HubContext, resolve_context

from schuelerlab.errors import UserError

Log = Callable[[str], None]


@dataclass
class HubAPI:
    """A small client for ``/hub/api`` with a service token."""

    base: str
    token: str

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        """One request; connection problems become a German :class:`UserError`."""
        try:
            return requests.request(method, self.base.rstrip("/") + "/hub/api" + path, timeout=30,
                                    headers={"Authorization": f"token {self.token}"}, **kwargs)
        except requests.ConnectionError:
            raise UserError(f"Der Hub unter {self.base} antwortet nicht. Starte ihn zuerst mit "
                            "`make run` oder `schuelerlab hub run`.")


def api_for(ctx: HubContext) -> HubAPI:
    """The API client of the hub described by ``ctx``."""
    token = ctx.paths.secret_file("service_token").read_text(encoding="utf-8").strip()
    return HubAPI(ctx.settings.hub.hub_api_url, token)


def sync_accounts(api: HubAPI, ctx: HubContext, names: list[str]) -> None:
    """Create missing hub users and add them to their course groups (idempotent)."""
    store = load_store(ctx.paths.accounts)
    existing = {u["name"] for u in api.call("GET", "/users").json()}
    missing = [n for n in names if n not in existing]
    if missing:
        api.call("POST", "/users", json={"usernames": missing})
    for course in {c for n in names for c in store.users[n].courses}:
        members = [n for n in names if course in store.users[n].courses]
        api.call("POST", f"/groups/nbgrader-{course}/users", json={"users": members})


def forget_users(ctx: HubContext, names: list[str]) -> bool:
    """Remove deleted accounts (and their servers) from a running hub; False if no hub answers."""
    try:
        api = api_for(ctx)
        for name in names:
            api.call("DELETE", f"/users/{name}")
    except (UserError, OSError):
        return False
    return True


def _start_one(api: HubAPI, name: str, log: Log) -> str:
    for _ in range(60):
        r = api.call("POST", f"/users/{name}/server")
        if r.status_code == 429:  # concurrent spawn limit reached: wait as the hub asks
            time.sleep(float(r.headers.get("Retry-After", "2")))
            continue
        if r.status_code in (201, 202):
            return "startet"
        if r.status_code == 400 and "already" in r.text:
            return "läuft schon"
        log(f"{name}: Start fehlgeschlagen ({r.status_code}): {r.text[:200]}")
        return "Fehler"
    return "Fehler"


def _members(ctx: HubContext, name: str) -> list[str]:
    store = load_store(ctx.paths.accounts)
    if name not in store.classes:
        raise UserError(f"Die Klasse „{name}“ gibt es nicht. `schuelerlab class list` zeigt alle Klassen.")
    return store.class_members(name)


def start_class(*, name: str, stagger: float = 1.0, settings=None, state_dir=None, demo: bool = False,
                log: Log = print) -> dict[str, str]:
    """Pre-start every server of class ``name``, ``stagger`` seconds apart; return name → status."""
    ctx = resolve_context(settings=settings, state_dir=state_dir, demo=demo)
    members = _members(ctx, name)
    api = api_for(ctx)
    sync_accounts(api, ctx, members)
    result = {}
    for i, member in enumerate(members):
        if i:
            time.sleep(stagger)
        result[member] = _start_one(api, member, log)
    return result


def stop_class(*, name: str, settings=None, state_dir=None, demo: bool = False) -> dict[str, str]:
    """Stop every server of class ``name`` (the files stay); return name → status."""
    ctx = resolve_context(settings=settings, state_dir=state_dir, demo=demo)
    api = api_for(ctx)
    result = {}
    for member in _members(ctx, name):
        r = api.call("DELETE", f"/users/{member}/server")
        result[member] = "gestoppt" if r.status_code in (202, 204) else "lief nicht"
    return result


def wait_ready(*, names: list[str], settings=None, state_dir=None, demo: bool = False,
               timeout: float = 180) -> bool:
    """Wait until every named server is ready (for scripts and tests)."""
    ctx = resolve_context(settings=settings, state_dir=state_dir, demo=demo)
    api = api_for(ctx)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        users = {u["name"]: u for u in api.call("GET", "/users").json()}
        if all(users.get(n, {}).get("servers", {}).get("", {}).get("ready") for n in names):
            return True
        time.sleep(0.5)
    return False
