"""The demo authenticator and the demo accounts (no hub process)."""

import asyncio
import csv
import stat

from schuelerlab.hub.auth import StoreAuthenticator
from schuelerlab.hub.provision import ensure_demo_accounts
from schuelerlab.hub.settings import parse_settings
from schuelerlab.hub.state import ensure_state


def _demo(tmp_path):
    paths = ensure_state(tmp_path / "state")
    store = ensure_demo_accounts(parse_settings({"demo": {"students": 2}}), paths)
    rows = list(csv.DictReader(paths.accounts_csv.open()))
    return paths, store, rows


def test_demo_accounts_once_and_stable(tmp_path):
    paths, store, rows = _demo(tmp_path)
    assert [(r["username"], r["role"]) for r in rows] == [
        ("lehrer", "teacher"), ("schueler1", "student"), ("schueler2", "student")]
    assert stat.S_IMODE(paths.accounts_csv.stat().st_mode) == 0o600
    assert stat.S_IMODE((paths.homes / "schueler1").stat().st_mode) == 0o700
    before = paths.accounts.read_text()
    ensure_demo_accounts(parse_settings({"demo": {"students": 2}}), paths)
    assert paths.accounts.read_text() == before
    more = ensure_demo_accounts(parse_settings({"demo": {"students": 3}}), paths)
    assert "schueler3" in more.users
    new_rows = list(csv.DictReader(paths.accounts_csv.open()))
    assert new_rows[:3] == rows and new_rows[3]["username"] == "schueler3"


def test_authenticator_checks_hashes_and_membership(tmp_path):
    paths, _, rows = _demo(tmp_path)
    auth = StoreAuthenticator(accounts_file=str(paths.accounts))
    good = {"username": rows[1]["username"], "password": rows[1]["password"]}
    assert asyncio.run(auth.authenticate(None, good)) == "schueler1"
    assert asyncio.run(auth.authenticate(None, {**good, "password": rows[2]["password"]})) is None
    assert asyncio.run(auth.authenticate(None, {"username": "fremd", "password": "x"})) is None
    assert auth.check_allowed("schueler2") and not auth.check_allowed("fremd")
