"""Lab mode with real Unix accounts: useradd, chpasswd (checked through PAM), 0700 homes, userdel.

Needs root (CI runs as root); the test removes every account it creates.
"""

import os
import secrets
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pamela
import pytest
from schuelerlab.hub import classes, unix

from schuelerlab.errors import UserError

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="creates Unix accounts: needs root (CI is root)")


@pytest.fixture
def lab_settings(tmp_path):
    homes = Path(tempfile.mkdtemp(prefix="schuelerlab-homes-"))  # pytest's tmp_path is below a 0700 folder
    homes.chmod(0o755)
    settings = tmp_path / "hub.toml"
    settings.write_text(f'[hub]\nmode = "lab"\n[lab]\nhome_root = "{homes}"\n', encoding="utf-8")
    yield settings, homes
    shutil.rmtree(homes, ignore_errors=True)


def test_class_with_real_unix_accounts(lab_settings, tmp_path):
    settings, homes = lab_settings
    name = "zt" + secrets.token_hex(3)
    kw = {"settings": settings, "state_dir": tmp_path / "state"}
    created = []
    try:
        result = classes.create_class(name=name, students=2, course="sensoren", **kw)
        created = [r[0] for r in result.rows]
        for user, password, _ in result.rows:
            home = unix.home_of(user)
            assert home == homes / user
            assert stat.S_IMODE(home.stat().st_mode) == 0o700
            assert home.stat().st_uid == unix.pwd.getpwnam(user).pw_uid
            pamela.authenticate(user, password, service="login")
            with pytest.raises(pamela.PAMError):
                pamela.authenticate(user, password + "x", service="login")
            assert unix.pwd.getpwnam(user).pw_shell == "/usr/sbin/nologin"
        reset = classes.reset_password(username=created[0], **kw)
        pamela.authenticate(created[0], reset.rows[0][1], service="login")
        # each student can open their own home, but not the other one's
        def ls_as(user, folder):
            return subprocess.run(["runuser", "-u", user, "--", "ls", str(folder)],
                                  capture_output=True, text=True)

        assert ls_as(created[1], homes / created[1]).returncode == 0
        probe = ls_as(created[1], homes / created[0])
        assert probe.returncode != 0 and "Permission denied" in probe.stderr
        assert classes.delete_class(name=name, **kw) == created
        assert not any(unix.user_exists(u) for u in created)
        assert not (homes / created[0]).exists()
    finally:
        for user in created:
            unix.delete_user(user)


def test_existing_system_accounts_are_never_taken_over(lab_settings, tmp_path):
    settings, _ = lab_settings
    roster = tmp_path / "liste.csv"
    roster.write_text("name\nDaemon\n", encoding="utf-8")
    shadow = Path("/etc/shadow").read_text()
    with pytest.raises(UserError, match="gibt es schon: daemon"):
        classes.create_class(name="zt" + secrets.token_hex(3), roster=roster, course="sensoren",
                             settings=settings, state_dir=tmp_path / "state")
    assert Path("/etc/shadow").read_text() == shadow
