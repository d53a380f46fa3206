"""Lab mode: the useradd/chpasswd/userdel command lines (the real ones run in tests/integration)."""

import shutil
import tempfile
from pathlib import Path

import pytest
from schuelerlab.hub import unix
from schuelerlab.hub.lab import check_venv_reachable, needed_by_servers, unreachable_parent

from schuelerlab.errors import UserError


def test_useradd_creates_private_home_without_login_shell():
    cmd = unix.useradd_command("klasse7a-01", home_root="/home", shell="/usr/sbin/nologin")
    assert cmd[0] == "useradd" and cmd[-1] == "klasse7a-01"
    assert "--create-home" in cmd and "HOME_MODE=0700" in cmd
    assert cmd[cmd.index("--home-dir") + 1] == "/home/klasse7a-01"
    assert cmd[cmd.index("--shell") + 1] == "/usr/sbin/nologin"


def test_chpasswd_line_and_injection_guard():
    assert unix.chpasswd_input("a", "b-c-22") == "a:b-c-22\n"
    with pytest.raises(UserError):
        unix.chpasswd_input("a:b", "x")
    with pytest.raises(UserError):
        unix.chpasswd_input("a", "x\nroot:y")


def test_userdel_removes_home():
    assert unix.userdel_command("k-01") == ["userdel", "--remove", "k-01"]


def test_unreachable_parent():
    base = Path(tempfile.mkdtemp())  # pytest's tmp_path sits below a 0700 folder
    try:
        base.chmod(0o755)
        closed = base / "closed"
        (closed / "venv").mkdir(parents=True)
        closed.chmod(0o700)
        assert unreachable_parent(closed / "venv" / "python") == closed
        # a venv in a private folder is refused even if its python links to a reachable interpreter
        with pytest.raises(UserError, match="nicht öffnen"):
            check_venv_reachable([Path("/usr/bin/env"), closed / "venv" / "lib" / "schuelerlab"])
        closed.chmod(0o755)
        assert unreachable_parent(closed / "venv" / "python") is None
        check_venv_reachable([closed / "venv" / "python"])
    finally:
        shutil.rmtree(base)


def test_group_commands():
    assert unix.groupadd_command("lehrkraefte") == ["groupadd", "--system", "lehrkraefte"]
    cmd = unix.add_to_group_command("frau-k", "schuelerlab-lehrkraefte")
    assert cmd[0] == "usermod" and "--append" in cmd and cmd[-2:] == ["schuelerlab-lehrkraefte", "frau-k"]
    assert unix.group_exists("root") and not unix.group_exists("gibt-es-nicht-42")


def test_servers_need_the_venv_and_its_packages():
    names = [str(p) for p in needed_by_servers()]
    assert any("schuelerlab" in n for n in names) and any("jupyterhub" in n for n in names)
    assert len(names) == 4
