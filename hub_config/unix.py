"""Lab mode: Unix accounts with private (0700) homes, created with the system tools (as root).

The command builders are pure (unit-tested); :func:`run` executes them.
"""

from __future__ import annotations

import grp
import pwd
import subprocess
from pathlib import Path

from schuelerlab.errors import UserError


def useradd_command(name: str, *, home_root: str, shell: str, group: str | None = None) -> list[str]:
    """``useradd`` for one person: own group, home created with mode 0700, no login shell by default."""
    cmd = ["useradd", "--create-home", "--home-dir", str(Path(home_root) / name), "--shell", shell,
           "--user-group", "--key", "HOME_MODE=0700", "--comment", "schuelerlab"]
    if group:
        cmd += ["--groups", group]
    return [*cmd, name]


def chpasswd_input(name: str, password: str) -> str:
    """The line ``chpasswd`` reads on stdin."""
    if ":" in name or "\n" in name or "\n" in password:
        raise UserError(f"Ungültiger Name oder Passwort für {name!r}.")
    return f"{name}:{password}\n"


def userdel_command(name: str) -> list[str]:
    """``userdel`` removing the account and its home."""
    return ["userdel", "--remove", name]


def user_exists(name: str) -> bool:
    """True if a Unix account ``name`` exists."""
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def home_of(name: str) -> Path:
    """The home folder of an existing Unix account."""
    return Path(pwd.getpwnam(name).pw_dir)


def run(cmd: list[str], *, stdin: str | None = None) -> None:
    """Run a system command; a failure becomes a German :class:`UserError`."""
    try:
        result = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    except FileNotFoundError:
        raise UserError(f"Das Programm {cmd[0]} fehlt. Auf Debian: `sudo apt-get install passwd`.")
    if result.returncode != 0:
        raise UserError(f"`{' '.join(cmd[:1] + cmd[-1:])}` ist fehlgeschlagen: {result.stderr.strip()}")


def create_user(name: str, password: str, *, home_root: str, shell: str) -> Path:
    """Create the account (if missing), set its password and make its home 0700; return the home."""
    if not user_exists(name):
        run(useradd_command(name, home_root=home_root, shell=shell))
    run(["chpasswd"], stdin=chpasswd_input(name, password))
    home = home_of(name)
    home.chmod(0o700)
    return home


def set_password(name: str, password: str) -> None:
    """Set a new password for an existing account."""
    run(["chpasswd"], stdin=chpasswd_input(name, password))


def delete_user(name: str) -> None:
    """Remove the account and its home, if it exists."""
    if user_exists(name):
        run(userdel_command(name))


def group_exists(name: str) -> bool:
    """True if a Unix group ``name`` exists."""
    try:
        grp.getgrnam(name)
    except KeyError:
        return False
    return True


def groupadd_command(name: str) -> list[str]:
    """``groupadd`` for a system group (no user of that name)."""
    return ["groupadd", "--system", name]


def add_to_group_command(user: str, group: str) -> list[str]:
    """``usermod`` adding ``user`` to the supplementary ``group`` (keeping the other groups)."""
    return ["usermod", "--append", "--groups", group, user]


def ensure_group(name: str, members: list[str]) -> int:
    """Create the group if missing and add every member not yet in it; return its gid."""
    if not group_exists(name):
        run(groupadd_command(name))
    present = set(grp.getgrnam(name).gr_mem)
    for user in members:
        if user not in present and user_exists(user):
            run(add_to_group_command(user, name))
    return grp.getgrnam(name).gr_gid
