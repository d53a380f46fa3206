"""The course provisioning hook: skipped with a log line without `schuelerlab course`; with it, the
real `schuelerlab course setup|release` puts every course into the teacher's home and the exchange,
and a second start (a second `make run`) keeps what students may already have fetched."""

import os

from schuelerlab.hub import provision
from schuelerlab.hub.accounts import Account, AccountStore
from schuelerlab.hub.settings import parse_settings


def test_hook_skips_with_a_log_line_when_course_command_is_missing(monkeypatch, tmp_path):
    from schuelerlab import cli

    monkeypatch.delitem(cli.COMMANDS, "course", raising=False)
    lines = []
    ok = provision.run_course_hook(parse_settings({}), AccountStore(), teacher_home=tmp_path,
                                   exchange=tmp_path / "ex", config_path="x", log=lines.append)
    assert ok is False and "übersprungen" in lines[0]


def test_hook_sets_up_and_releases_the_course_into_the_exchange_twice(tmp_path):
    exchange = tmp_path / "exchange"
    exchange.mkdir(mode=0o777)
    os.chmod(exchange, 0o777)
    home = tmp_path / "lehrer"
    home.mkdir()
    store = AccountStore(users={"s1": Account("s1", "student", ["sensoren"])})
    settings = parse_settings({})
    for _ in range(2):
        lines = []
        ok = provision.run_course_hook(settings, store, teacher_home=home, exchange=exchange,
                                       config_path=str(tmp_path / "cfg"), log=lines.append)
        assert ok, lines
        assert "eingerichtet und freigegeben" in lines[-1]
    outbound = exchange / "sensoren" / "outbound"
    released = sorted(p.name for p in outbound.iterdir())
    assert released == sorted(p.name for p in (home / "sensoren" / "source").iterdir())
    assert len(released) >= 5
    student_nb = (outbound / "01_spannung" / "01_spannung.ipynb").read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in student_nb and "Hier fehlt noch dein Code" in student_nb
    assert (home / "sensoren" / "gradebook.db").stat().st_mode & 0o777 == 0o600
