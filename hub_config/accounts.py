"""The account store: who may log in, with which role, class and courses (``accounts.json``, 0600).

Passwords are stored only as scrypt hashes (demo mode); in lab mode the password lives in the
system's shadow file and the store holds no hash. Writers replace the file atomically, so the hub's
authenticator always reads a complete file.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from schuelerlab.hub.state import write_private

from schuelerlab.errors import UserError

ROLES = ("student", "teacher")


@dataclass
class Account:
    """One person: name, role, courses, optional class and password hash."""

    name: str
    role: str = "student"
    courses: list[str] = field(default_factory=list)
    klass: str | None = None
    hash: str | None = None


@dataclass
class AccountStore:
    """All accounts and classes of one hub."""

    users: dict[str, Account] = field(default_factory=dict)
    classes: dict[str, dict] = field(default_factory=dict)

    def by_role(self, role: str) -> list[str]:
        """Sorted names of every account with ``role``."""
        return sorted(n for n, a in self.users.items() if a.role == role)

    def members(self, course: str, role: str) -> list[str]:
        """Sorted names with ``role`` enrolled in ``course``."""
        return sorted(n for n, a in self.users.items() if a.role == role and course in a.courses)

    def class_members(self, klass: str) -> list[str]:
        """Sorted names of the students in one class."""
        return sorted(n for n, a in self.users.items() if a.klass == klass)


def load_store(path: Path) -> AccountStore:
    """Read the store; a missing file is an empty store."""
    if not path.exists():
        return AccountStore()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        users = {name: Account(name=name, **{k: v for k, v in raw.items() if k != "name"})
                 for name, raw in data.get("users", {}).items()}
        return AccountStore(users=users, classes=data.get("classes", {}))
    except (OSError, ValueError, TypeError) as err:
        raise UserError(f"Die Kontendatei {path} ist beschädigt ({err}). Stelle sie aus einer Sicherung "
                        "wieder her oder lösche sie, um neue Konten anzulegen.")


def save_store(path: Path, store: AccountStore) -> None:
    """Write the store atomically with mode 0600."""
    data = {"version": 1, "users": {n: asdict(a) for n, a in sorted(store.users.items())},
            "classes": store.classes}
    write_private(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def credentials_csv(rows: list[tuple[str, str, str]]) -> str:
    """CSV text ``username,password,role`` for the given rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["username", "password", "role"])
    writer.writerows(rows)
    return out.getvalue()


def write_credentials(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """Write plaintext credentials for the teacher to ``path`` (mode 0600) and return it."""
    write_private(path, credentials_csv(rows))
    return path
