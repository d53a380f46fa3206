"""Classes: generated accounts with easy passwords, enrolment, login cards, roster import.

Demo mode stores scrypt hashes in the account store; lab mode also creates Unix accounts (0700 homes)
with ``useradd``/``chpasswd``. Plaintext passwords only go to the teacher's CSV and PDF (both 0600).
No real names are needed: accounts are ``<class>-01`` … or pseudonyms from a roster file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from schuelerlab.hub import unix
from schuelerlab.hub.accounts import Account, AccountStore, load_store, save_store, write_credentials
from schuelerlab.hub.cards import Card, write_cards
from schuelerlab.hub.context import HubContext, resolve_context
from schuelerlab.hub.passwords import generate_password, hash_password
from schuelerlab.hub.roster import read_roster
from schuelerlab.hub.settings import _NAME_RE

from schuelerlab.errors import UserError

MAX_STUDENTS = 200


@dataclass(frozen=True)
class ClassResult:
    """What a class command created: credentials and where the CSV and the PDF are."""

    name: str
    rows: list[tuple[str, str, str]]
    csv: Path | None
    pdf: Path | None


def _check_class_name(name: str) -> None:
    if not _NAME_RE.match(name) or len(name) > 24:
        raise UserError(f"„{name}“ geht nicht als Klassenname: nur Kleinbuchstaben, Ziffern, - und _, "
                        "am Anfang ein Buchstabe, höchstens 24 Zeichen (z. B. klasse7a).")


def _next_names(store: AccountStore, klass: str, count: int) -> list[str]:
    taken = set(store.users)
    names, i = [], 1
    while len(names) < count:
        candidate = f"{klass}-{i:02d}"
        if candidate not in taken:
            names.append(candidate)
        i += 1
    return names


def _create_accounts(ctx: HubContext, store: AccountStore, names: list[str], *, klass: str,
                     course: str) -> list[tuple[str, str, str]]:
    taken = [n for n in names if n in store.users or (not ctx.demo and unix.user_exists(n))]
    if taken:  # never take over (or re-password) an existing system account such as root or a teacher
        raise UserError(f"Diese Konten gibt es schon: {', '.join(taken)}. Wähle andere Namen.")
    rows = []
    for name in names:
        password = generate_password()
        stored_hash = hash_password(password) if ctx.demo else None
        if not ctx.demo:
            unix.create_user(name, password, home_root=ctx.settings.lab.home_root,
                             shell=ctx.settings.lab.shell)
        store.users[name] = Account(name=name, role="student", courses=[course], klass=klass,
                                    hash=stored_hash)
        rows.append((name, password, "student"))
    return rows


def _create_saving(ctx: HubContext, store: AccountStore, names: list[str], *, klass: str,
                   course: str) -> list[tuple[str, str, str]]:
    """Create accounts; if one fails midway, keep the ones already made in the store (so that
    ``class delete`` or ``reset-password`` can reach them) and say so."""
    before = set(store.users)
    try:
        return _create_accounts(ctx, store, names, klass=klass, course=course)
    except UserError as err:
        if set(store.users) - before:
            save_store(ctx.paths.accounts, store)
            raise UserError(f"{err}\nEinige Konten wurden schon angelegt; neue Passwörter gibt "
                            "`schuelerlab class reset-password NAME`.")
        raise
    finally:
        if set(store.users) - before:
            save_store(ctx.paths.accounts, store)


def _outputs(ctx: HubContext, klass: str, rows: list[tuple[str, str, str]], *, suffix: str = "",
             pdf: Path | None = None) -> ClassResult:
    stem = f"{klass}{suffix}"
    ctx.paths.cards.mkdir(mode=0o700, parents=True, exist_ok=True)
    ctx.paths.cards.chmod(0o700)  # passwords inside: not even the file names for others
    csv_path = write_credentials(ctx.paths.cards / f"{stem}-zugaenge.csv", rows)
    cards = [Card(u, p, f"Klasse {klass}") for u, p, _ in rows]
    pdf_path = write_cards(pdf or ctx.paths.cards / f"{stem}-karten.pdf", cards, url=ctx.settings.public_url)
    return ClassResult(klass, rows, csv_path, pdf_path)


def _check_course(ctx: HubContext, course: str) -> None:
    if course not in ctx.settings.hub.courses:
        known = ", ".join(ctx.settings.hub.courses)
        raise UserError(f"Den Kurs „{course}“ gibt es nicht. Vorhanden: {known}. "
                        "Neue Kurse trägst du in „hub.courses“ der Einstellungsdatei ein.")


def _check_count(count: int) -> None:
    if not 1 <= count <= MAX_STUDENTS:
        raise UserError(f"Die Anzahl muss zwischen 1 und {MAX_STUDENTS} liegen, nicht {count}.")


def create_class(*, name: str, students: int = 0, course: str, roster: Path | None = None,
                 pdf: Path | None = None, settings: Path | None = None, state_dir: Path | None = None,
                 demo: bool = False) -> ClassResult:
    """Create a class: ``students`` numbered accounts and/or one per roster pseudonym, enrolled in
    ``course``; write the credentials CSV and the login-card PDF."""
    ctx = resolve_context(settings=settings, state_dir=state_dir, demo=demo)
    _check_class_name(name)
    _check_course(ctx, course)
    store = load_store(ctx.paths.accounts)
    if name in store.classes:
        raise UserError(f"Die Klasse „{name}“ gibt es schon. Mit `schuelerlab class add {name}` kommen "
                        "weitere Kinder dazu.")
    names = read_roster(roster) if roster else []
    if students:
        _check_count(students)
    names += _next_names(store, name, students) if students else []
    if not names:
        raise UserError("Gib mit --students die Anzahl an oder mit --roster eine Namensliste (CSV).")
    store.classes[name] = {"course": course}
    rows = _create_saving(ctx, store, names, klass=name, course=course)
    return _outputs(ctx, name, rows, pdf=pdf)


def add_students(*, name: str, students: int = 0, roster: Path | None = None, pdf: Path | None = None,
                 settings: Path | None = None, state_dir: Path | None = None,
                 demo: bool = False) -> ClassResult:
    """Add numbered accounts or roster pseudonyms to an existing class; cards only for the new ones."""
    ctx = resolve_context(settings=settings, state_dir=state_dir, demo=demo)
    store = load_store(ctx.paths.accounts)
    info = _get_class(store, name)
    names = read_roster(roster) if roster else []
    if students:
        _check_count(students)
        names += _next_names(store, name, students)
    if not names:
        raise UserError("Gib mit --students die Anzahl an oder mit --roster eine Namensliste (CSV).")
    rows = _create_saving(ctx, store, names, klass=name, course=info["course"])
    return _outputs(ctx, name, rows, suffix="-neu", pdf=pdf)


def _get_class(store: AccountStore, name: str) -> dict:
    if name not in store.classes:
        known = ", ".join(sorted(store.classes)) or "noch keine"
        raise UserError(f"Die Klasse „{name}“ gibt es nicht (vorhanden: {known}).")
    return store.classes[name]


def list_classes(*, settings: Path | None = None, state_dir: Path | None = None,
                 demo: bool = False) -> list[dict]:
    """Every class with its course and members."""
    ctx = resolve_context(settings=settings, state_dir=state_dir, demo=demo)
    store = load_store(ctx.paths.accounts)
    return [{"name": n, "course": info.get("course", ""), "members": store.class_members(n)}
            for n, info in sorted(store.classes.items())]


def reset_password(*, username: str, pdf: Path | None = None, settings: Path | None = None,
                   state_dir: Path | None = None, demo: bool = False) -> ClassResult:
    """Give one student a new password and a new login card."""
    ctx = resolve_context(settings=settings, state_dir=state_dir, demo=demo)
    store = load_store(ctx.paths.accounts)
    account = store.users.get(username)
    if account is None:
        raise UserError(f"Das Konto „{username}“ gibt es nicht. `schuelerlab class list` zeigt alle Klassen.")
    password = generate_password()
    if ctx.demo:
        account.hash = hash_password(password)
    else:
        unix.set_password(username, password)
    save_store(ctx.paths.accounts, store)
    return _outputs(ctx, account.klass or "einzeln", [(username, password, account.role)],
                    suffix=f"-{username}", pdf=pdf)


def delete_class(*, name: str, settings: Path | None = None, state_dir: Path | None = None,
                 demo: bool = False) -> list[str]:
    """Delete a class and its accounts (lab mode: Unix accounts with their homes); return the names."""
    ctx = resolve_context(settings=settings, state_dir=state_dir, demo=demo)
    store = load_store(ctx.paths.accounts)
    _get_class(store, name)
    members = store.class_members(name)
    for member in members:
        if not ctx.demo:
            unix.delete_user(member)
        del store.users[member]
    del store.classes[name]
    save_store(ctx.paths.accounts, store)
    from schuelerlab.hub.lesson import forget_users  # only needed here; keeps imports light

    forget_users(ctx, members)
    for old in ctx.paths.cards.glob(f"{name}-*"):
        if re.match(rf"^{re.escape(name)}-(neu-|[a-z0-9_-]*)?(zugaenge\.csv|karten\.pdf)$", old.name):
            old.unlink()
    return members
