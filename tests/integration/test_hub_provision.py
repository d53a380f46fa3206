"""The course provisioning hook: skipped with a log line without `schuelerlab course`, and the
contract (HOME, working folder, config path, enrolled students) when the command exists."""

import json
import sys

from schuelerlab.hub import provision
from schuelerlab.hub.accounts import Account, AccountStore
from schuelerlab.hub.settings import parse_settings


def test_hook_skips_with_a_log_line_when_course_command_is_missing(monkeypatch, tmp_path):
    from schuelerlab import cli

    monkeypatch.delitem(cli.COMMANDS, "course", raising=False)
    lines = []
    ok = provision.run_course_hook(parse_settings({}), AccountStore(), teacher_home=tmp_path,
                                   config_path="x", log=lines.append)
    assert ok is False and "übersprungen" in lines[0]


def test_hook_runs_setup_and_release_with_the_teacher_context(monkeypatch, tmp_path):
    out = tmp_path / "calls.jsonl"
    script = "\n".join([
        "import json, os, sys",
        "env = os.environ",
        "record = {'argv': sys.argv[1:], 'cwd': os.getcwd(), 'home': env['HOME'],",
        "          'students': env['SCHUELERLAB_STUDENTS'], 'cfg': env['JUPYTER_CONFIG_PATH']}",
        f"open({str(out)!r}, 'a').write(json.dumps(record) + '\\n')",
    ])
    monkeypatch.setattr(provision, "course_command_available", lambda: True)
    monkeypatch.setattr(provision, "course_commands",
                        lambda c: [[sys.executable, "-c", script, verb, c] for verb in ("setup", "release")])
    store = AccountStore(users={"s1": Account("s1", "student", ["sensoren"]),
                                "s2": Account("s2", "student", ["robotik"])})
    home = tmp_path / "lehrer"
    home.mkdir()
    lines = []
    assert provision.run_course_hook(parse_settings({}), store, teacher_home=home, config_path="/a:/b",
                                     log=lines.append)
    calls = [json.loads(line) for line in out.read_text().splitlines()]
    assert [c["argv"] for c in calls] == [["setup", "sensoren"], ["release", "sensoren"]]
    assert calls[0]["cwd"] == str(home) and calls[0]["home"] == str(home)
    assert calls[0]["students"] == "s1" and calls[0]["cfg"] == "/a:/b"
    assert "eingerichtet und freigegeben" in lines[-1]
