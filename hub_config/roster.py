"""Roster import: a CSV (or plain list) of pseudonyms → valid, unique account names.

Accepted: one name per line, or a CSV with a header column ``name``, ``benutzername``, ``pseudonym``
or ``username`` (``,`` or ``;`` separated, as German spreadsheets write it). Names are lowercased,
umlauts spelled out, spaces become ``-``; anything else that Unix refuses is dropped.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from schuelerlab.errors import UserError

HEADERS = ("name", "benutzername", "pseudonym", "username")
_SPELL = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-", ".": "-"})


def normalize_name(raw: str) -> str:
    """``"Blauer Falke"`` → ``"blauer-falke"``; a leading digit gets a ``k`` prefix."""
    name = re.sub(r"[^a-z0-9_-]", "", raw.strip().lower().translate(_SPELL))
    name = re.sub(r"-{2,}", "-", name).strip("-")
    if name and not name[0].isalpha():
        name = "k" + name
    return name[:32]


def parse_roster(text: str) -> list[str]:
    """Unique normalized names from roster text (see module docstring)."""
    text = text.lstrip("\ufeff")
    delimiter = ";" if text.count(";") > text.count(",") else ","
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)]
    if not rows:
        return []
    header = [c.strip().lower() for c in rows[0]]
    column = next((header.index(h) for h in HEADERS if h in header), None)
    body = rows[1:] if column is not None else rows
    column = column or 0
    names: list[str] = []
    for number, row in enumerate(body, start=2 if body is not rows else 1):
        name = normalize_name(row[column] if column < len(row) else "")
        if not name:
            raise UserError(f"Namensliste, Zeile {number}: kein brauchbarer Name. Bitte Zeile korrigieren.")
        if name in names:
            raise UserError(f"Namensliste: „{name}“ kommt doppelt vor. Namen müssen eindeutig sein.")
        names.append(name)
    return names


def read_roster(path: Path) -> list[str]:
    """Read and parse a roster file."""
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise UserError(f"Die Namensliste {path} kann nicht gelesen werden ({err.strerror}).")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return parse_roster(text)
