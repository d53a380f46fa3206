"""Classes in demo mode (no Unix accounts): create, list, add, reset-password, delete."""

import csv
import stat

import pytest
from schuelerlab.hub import classes
from schuelerlab.hub.accounts import load_store
from schuelerlab.hub.passwords import verify_password
from schuelerlab.hub.state import StatePaths

from schuelerlab.errors import UserError


@pytest.fixture
def state(tmp_path):
    return tmp_path / "state"


def _kw(state):
    return {"state_dir": state, "demo": True}


def test_create_class_writes_hashes_csv_and_cards(state):
    result = classes.create_class(name="klasse7a", students=3, course="sensoren", **_kw(state))
    assert [r[0] for r in result.rows] == ["klasse7a-01", "klasse7a-02", "klasse7a-03"]
    store = load_store(StatePaths(state).accounts)
    for name, password, role in result.rows:
        account = store.users[name]
        assert role == "student" and account.courses == ["sensoren"] and account.klass == "klasse7a"
        assert verify_password(password, account.hash)
    assert password not in StatePaths(state).accounts.read_text()
    rows = list(csv.DictReader(result.csv.open()))
    assert rows[0]["username"] == "klasse7a-01" and rows[0]["password"] == result.rows[0][1]
    for path in (result.csv, result.pdf, StatePaths(state).accounts):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_roster_add_list_reset_delete(state, tmp_path):
    roster = tmp_path / "liste.csv"
    roster.write_text("name\nRoter Blitz\nGrüne Eule\n", encoding="utf-8")
    classes.create_class(name="robotik", roster=roster, course="sensoren", **_kw(state))
    added = classes.add_students(name="robotik", students=2, **_kw(state))
    assert [r[0] for r in added.rows] == ["robotik-01", "robotik-02"]
    listing = classes.list_classes(**_kw(state))
    assert listing == [{"name": "robotik", "course": "sensoren",
                        "members": ["gruene-eule", "robotik-01", "robotik-02", "roter-blitz"]}]
    old = load_store(StatePaths(state).accounts).users["roter-blitz"].hash
    reset = classes.reset_password(username="roter-blitz", **_kw(state))
    new = load_store(StatePaths(state).accounts).users["roter-blitz"]
    assert new.hash != old and verify_password(reset.rows[0][1], new.hash)
    assert classes.delete_class(name="robotik", **_kw(state)) == listing[0]["members"]
    assert load_store(StatePaths(state).accounts).users == {}
    assert not list(StatePaths(state).cards.glob("robotik-*"))


@pytest.mark.parametrize("kwargs, message", [
    ({"name": "7a", "students": 2, "course": "sensoren"}, "Klassenname"),
    ({"name": "k", "students": 2, "course": "chemie"}, "Kurs „chemie“"),
    ({"name": "k", "students": 0, "course": "sensoren"}, "--students"),
    ({"name": "k", "students": 999, "course": "sensoren"}, "zwischen 1 und"),
])
def test_bad_requests_are_refused_in_german(state, kwargs, message):
    with pytest.raises(UserError, match=message):
        classes.create_class(**kwargs, **_kw(state))


def test_duplicate_class_and_unknown_names(state):
    classes.create_class(name="k", students=1, course="sensoren", **_kw(state))
    with pytest.raises(UserError, match="gibt es schon"):
        classes.create_class(name="k", students=1, course="sensoren", **_kw(state))
    with pytest.raises(UserError, match="gibt es nicht"):
        classes.reset_password(username="niemand", **_kw(state))
    with pytest.raises(UserError, match="gibt es nicht"):
        classes.delete_class(name="x", **_kw(state))
