"""Generated passwords are easy to type; only hashes are stored."""

import re

from schuelerlab.hub.passwords import WORDS, generate_password, hash_password, verify_password


def test_passwords_are_two_words_and_two_unambiguous_digits():
    seen = {generate_password() for _ in range(50)}
    assert len(seen) > 45
    for pw in seen:
        assert re.fullmatch(r"[a-z]+-[a-z]+-[2-9]{2}", pw), pw


def test_words_are_plain_ascii_and_short():
    assert len(set(WORDS)) == len(WORDS) >= 150
    assert all(w.isascii() and w.isalpha() and len(w) <= 8 for w in WORDS)


def test_hash_verifies_only_the_right_password():
    stored = hash_password("tiger-wolke-47")
    assert "tiger" not in stored
    assert verify_password("tiger-wolke-47", stored)
    assert not verify_password("tiger-wolke-48", stored)
    assert hash_password("tiger-wolke-47") != stored  # salted


def test_malformed_hashes_never_verify():
    for bad in [None, "", "plain", "scrypt$x$y$z$00$00", "md5$1$2$3$00$00"]:
        assert not verify_password("x", bad)
