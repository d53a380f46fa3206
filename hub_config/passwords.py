"""Easy-to-type generated passwords and their scrypt hashes (plaintext is never stored by the hub)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# Short German words, lowercase, no umlauts or ß (every keyboard layout types them the same way).
_WORD_TEXT = """
adler affe ampel anker apfel atlas auto bach bagger ball banane bank bar baum becher beere berg besen
biber birne blatt blitz blume boot brett brot bruder buch burg butter dach dose drache eimer eis
elch ente erde esel fahne falke farbe feder fee feld fels fenster fisch flagge floh flug fluss frosch
fuchs gabel gans garten geige gold gras gurke hafen hahn hai hammer hase haus hecht heft held hemd
hexe hirsch hund igel insel jacke jaguar kaffee kamel kanu karte katze kerze kiste kiwi koala koch
kran krone kuchen kuh lama lampe laterne leiter licht linde loewe luchs mantel maus meer melone
mond motor muschel nebel nest nudel ofen onkel orgel otter paket palme panda papier pilz pinsel
planet pony post puma rabe rad rakete regen ring robbe rose rucksack sand schaf schiff schnee see
segel sofa sonne spinne stern stuhl tal tanne tasse tiger tisch tomate turm uhr vogel wal wald
wasser wiese wolke wolf wurm zebra ziege zug zwerg
"""
WORDS = tuple(_WORD_TEXT.split())
DIGITS = "23456789"  # no 0/1: they look like o/l
_N, _R, _P = 2**14, 8, 1


def generate_password() -> str:
    """Two short German words and two digits, e.g. ``tiger-wolke-47`` (≈ 21 bits from ``secrets``)."""
    first, second = secrets.choice(WORDS), secrets.choice(WORDS)
    while second == first:
        second = secrets.choice(WORDS)
    return f"{first}-{second}-{secrets.choice(DIGITS)}{secrets.choice(DIGITS)}"


def hash_password(password: str) -> str:
    """A salted scrypt hash as ``scrypt$n$r$p$salt$hash`` (hex)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """True if ``password`` matches the ``stored`` hash; False for malformed or missing hashes."""
    try:
        scheme, n, r, p, salt, digest = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(digest) // 2)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(got.hex(), digest)
