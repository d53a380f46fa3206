"""Settings: validation with German messages naming the key; documentation of every key."""

import dataclasses
from pathlib import Path

import pytest
from schuelerlab.hub.settings import SECTIONS, describe, load_settings, parse_settings

from schuelerlab.errors import UserError

DOC = Path(__file__).resolve().parents[2] / "hub_config" / "settings.md"


def test_defaults_are_demo_mode_sized_for_a_class():
    s = parse_settings({})
    assert s.hub.mode == "demo"
    assert s.limits.http_timeout == 120


@pytest.mark.parametrize("data, words", [
    ({"hub": {"colour": "blau"}}, ["Unbekannte Einstellung", "hub.colour"]),
    ({"limits": {"http_timeout": "viel"}}, ["limits.http_timeout", "ganze Zahl"]),
    ({"limits": {"http_timeout": True}}, ["limits.http_timeout"]),
    ({"hub": {"courses": "sensoren"}}, ["hub.courses", "Liste"]),
    ({"wetter": {}}, ["Unbekannter Abschnitt", "[wetter]"]),
    ({"hub": {"mode": "cloud"}}, ["hub.mode"]),
    ({"hub": {"teachers": ["a"], "admins": ["a"]}}, ["keine Hub-Administratoren"]),
    ({"hub": {"courses": ["Sensoren!"]}}, ["kein gültiger Name"]),
    ({"limits": {"idle_timeout": -5}}, ["negativ"]),
])
def test_invalid_settings_are_refused_in_german(data, words):
    with pytest.raises(UserError) as err:
        parse_settings(data)
    for word in words:
        assert word in str(err.value)


def test_broken_toml_file(tmp_path):
    bad = tmp_path / "hub.toml"
    bad.write_text("[hub\nmode = ", encoding="utf-8")
    with pytest.raises(UserError, match="kein gültiges TOML"):
        load_settings(bad)


def test_missing_file(tmp_path):
    with pytest.raises(UserError, match="kann nicht gelesen werden"):
        load_settings(tmp_path / "fehlt.toml")


def test_describe_roundtrips_as_valid_settings(tmp_path):
    import tomllib

    s = load_settings(None)
    text = describe(s)
    again = parse_settings(tomllib.loads(text.split("\n", 1)[1]))
    assert again.hub == s.hub and again.limits == s.limits


def test_every_key_is_documented():
    doc = DOC.read_text(encoding="utf-8")
    for section, cls in SECTIONS.items():
        for f in dataclasses.fields(cls):
            assert f"`{section}.{f.name}`" in doc, f"{section}.{f.name} fehlt in settings.md"
