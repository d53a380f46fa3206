"""The hub's state folder: database, secrets (0600), accounts, homes and per-role Jupyter config.

Paths are computed from one ``state_dir`` inside functions (never from the environment at import time).
Secrets are generated at first start and reused afterwards, so a second start keeps logins valid.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from schuelerlab.errors import UserError

SECRET_NAMES = ("cookie_secret", "proxy_token", "service_token")


@dataclass(frozen=True)
class StatePaths:
    """Every file and folder the hub keeps in its state folder."""

    root: Path

    @property
    def db(self) -> Path:
        """The hub's SQLite database."""
        return self.root / "jupyterhub.sqlite"

    @property
    def accounts(self) -> Path:
        """Accounts with hashed passwords (JSON, 0600)."""
        return self.root / "accounts.json"

    @property
    def accounts_csv(self) -> Path:
        """The demo accounts with plaintext passwords for the teacher (CSV, 0600)."""
        return self.root / "zugaenge.csv"

    @property
    def homes(self) -> Path:
        """Demo mode: one folder per user (no Unix accounts)."""
        return self.root / "homes"

    @property
    def exchange(self) -> Path:
        """Demo mode: the nbgrader exchange."""
        return self.root / "exchange"

    @property
    def jupyter(self) -> Path:
        """Per-role Jupyter config folders (``common``, ``student``, ``teacher``)."""
        return self.root / "jupyter"

    @property
    def cards(self) -> Path:
        """Generated login-card PDFs."""
        return self.root / "karten"

    def secret_file(self, name: str) -> Path:
        """The file holding one of :data:`SECRET_NAMES`."""
        return self.root / "secrets" / name

    def role_dir(self, role: str) -> Path:
        """The Jupyter config folder of one role (``student``/``teacher``) or ``common``."""
        return self.jupyter / role


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` with mode 0600 from the first byte on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def read_or_create_secret(path: Path) -> str:
    """Return the secret stored in ``path``; create a random one (0600) on first use."""
    if path.exists():
        value = path.read_text(encoding="utf-8").strip()
        if value:
            if path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)
            return value
    value = secrets.token_hex(32)
    write_private(path, value + "\n")
    return value


def ensure_state(root: Path) -> StatePaths:
    """Create the state folder (0700 for secrets) and every secret; return its paths."""
    paths = StatePaths(Path(root).absolute())
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
        (paths.root / "secrets").mkdir(mode=0o700, exist_ok=True)
        os.chmod(paths.root / "secrets", 0o700)
    except OSError as err:
        raise UserError(f"Der Ordner {paths.root} kann nicht angelegt werden ({err.strerror}). "
                        "Wähle mit --state-dir einen Ordner, in den du schreiben darfst.")
    for name in SECRET_NAMES:
        read_or_create_secret(paths.secret_file(name))
    # The hub database holds token hashes: private from the first start on (SQLite accepts an empty file).
    fd = os.open(paths.db, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    os.chmod(paths.db, 0o600)
    return paths


def default_state_dir(*, demo: bool) -> Path:
    """The default state folder: a user data folder for demo mode, /var/lib/schuelerlab for lab mode."""
    if not demo:
        return Path("/var/lib/schuelerlab")
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "schuelerlab" / "hub"
