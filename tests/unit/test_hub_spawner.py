"""Lab-mode spawner: a no-login account (no SSH) still gets a real shell in its browser terminal."""

import shutil

from schuelerlab.hub.spawner import terminal_shell


def test_no_login_shells_get_a_real_shell():
    real = shutil.which("bash", path="/usr/bin:/bin") or "/bin/sh"
    for shell in ("/usr/sbin/nologin", "/sbin/nologin", "/bin/false", "/usr/bin/false", ""):
        assert terminal_shell(shell) == real


def test_real_login_shells_are_kept():
    assert terminal_shell("/bin/zsh") == "/bin/zsh"
    assert terminal_shell("/bin/sh") == "/bin/sh"
