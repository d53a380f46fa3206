"""Lab mode preparation: root check, venv reachable by every account, exchange, teacher homes, and
the shipped course sources (solutions, hidden tests) closed to everybody but the teachers."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

from schuelerlab.hub import unix
from schuelerlab.hub.accounts import AccountStore, load_store
from schuelerlab.hub.settings import Settings
from schuelerlab.hub.state import StatePaths

from schuelerlab.errors import UserError

#: Unix group of every teacher: may read the shipped course sources (solutions and hidden tests).
TEACHER_GROUP = "schuelerlab-lehrkraefte"


def require_root() -> None:
    """Lab mode switches users and creates accounts: it must run as root."""
    if os.geteuid() != 0:
        raise UserError("Der Lab-Modus muss als root laufen (er legt Konten an und startet Server als "
                        "diese Konten). Starte mit `sudo` – oder probiere mit `--demo` ohne root.")


def unreachable_parent(path: Path) -> Path | None:
    """The first folder above ``path`` that other accounts cannot enter (P1), or ``None``."""
    for parent in [*reversed(Path(path).absolute().parents)]:
        if parent.exists() and not parent.stat().st_mode & 0o001:
            return parent
    return None


def needed_by_servers() -> list[Path]:
    """What every account must reach to run a server: the venv's ``python`` (as named, not resolved:
    the venv folder itself), the interpreter it links to, and the installed schuelerlab and JupyterHub."""
    paths = [Path(sys.executable).absolute(), Path(sys.executable).resolve()]
    for name in ("schuelerlab", "jupyterhub"):
        spec = importlib.util.find_spec(name)
        if spec and spec.origin:
            paths.append(Path(spec.origin))
    return paths


def check_venv_reachable(paths: list[Path] | None = None) -> None:
    """Spawned accounts must be able to run this Python and import its packages (reference P1)."""
    for path in paths if paths is not None else needed_by_servers():
        blocked = unreachable_parent(path)
        if blocked is not None:
            raise UserError(f"Die Python-Umgebung {sys.prefix} braucht {path}; das liegt in {blocked}, "
                            "den andere Konten nicht öffnen dürfen. Lege die Umgebung an einen allgemein "
                            "lesbaren Ort (z. B. /opt).")


def prepare_lab(settings: Settings, paths: StatePaths, *, exchange: Path) -> AccountStore:
    """Exchange folder (mode 777, as nbgrader requires), venv check, teacher accounts present."""
    check_venv_reachable()
    exchange.chmod(0o777)
    os.chmod(paths.root, 0o755)
    store = load_store(paths.accounts)
    missing = [t for t in settings.hub.teachers if not unix.user_exists(t)]
    if missing:
        raise UserError(f"Die Lehrkraft-Konten {', '.join(missing)} gibt es nicht. Lege sie an mit "
                        "`sudo adduser NAME` oder trage in „hub.teachers“ vorhandene Konten ein.")
    return store


def teacher_homes(settings: Settings, store: AccountStore) -> dict[str, Path]:
    """Home folders of the configured teachers and of teacher accounts in the store."""
    names = sorted(set(settings.hub.teachers) | set(store.by_role("teacher")))
    homes = {name: unix.home_of(name) for name in names if unix.user_exists(name)}
    for home in homes.values():
        if home.is_dir():
            home.chmod(0o700)  # solutions, hidden tests and the gradebook live here (reference P7)
    return homes


def fix_owners(homes: dict[str, Path]) -> None:
    """Give the generated teacher files (``~/.jupyter``, course folders) back to their owners."""
    for name, home in homes.items():
        tops = [home / ".jupyter", *(cfg.parent for cfg in home.glob("*/nbgrader_config.py"))]
        for top in tops:
            for path in [top, *top.rglob("*")] if top.exists() else []:
                shutil.chown(path, name, name)


def course_source_dirs() -> list[Path]:
    """The ``source/`` folder of every course shipped in the installed package."""
    spec = importlib.util.find_spec("schuelerlab.courses")
    locations = spec.submodule_search_locations if spec and spec.submodule_search_locations else []
    return sorted(src for loc in locations for src in Path(loc).glob("*/source") if src.is_dir())


def protect_course_sources(teachers: list[str]) -> list[Path]:
    """Close the shipped course sources to students: root and :data:`TEACHER_GROUP`, mode 0750.

    The venv must be readable by every account (P1), and the courses ship inside it with their
    solutions and hidden tests. Teachers keep reading them (``schuelerlab course setup`` runs as the
    teacher); students get "Permission denied". Returns the protected folders.
    """
    gid = unix.ensure_group(TEACHER_GROUP, teachers)
    folders = course_source_dirs()
    for folder in folders:
        try:
            os.chown(folder, 0, gid)
            folder.chmod(0o750)
        except OSError as err:
            raise UserError(f"Die Kursquellen in {folder} (mit Musterlösungen) lassen sich nicht vor den "
                            f"Schülerkonten schützen ({err.strerror}). Installiere schuelerlab in einen "
                            "Ordner, den root ändern darf (z. B. /opt).")
    return folders
