"""Roster import: pseudonyms to valid, unique account names."""

import pytest
from schuelerlab.hub.roster import normalize_name, parse_roster, read_roster

from schuelerlab.errors import UserError


def test_normalize_name():
    assert normalize_name("Blauer Falke") == "blauer-falke"
    assert normalize_name(" Jürgen.Groß ") == "juergen-gross"
    assert normalize_name("7a-Tiger") == "k7a-tiger"
    assert normalize_name("!!!") == ""


def test_csv_with_header_and_semicolons():
    text = "\ufeffNr;Pseudonym;Bemerkung\n1;Roter Blitz;x\n2;Grüne Eule;\n\n"
    assert parse_roster(text) == ["roter-blitz", "gruene-eule"]


def test_plain_list():
    assert parse_roster("adler\nbiber\n") == ["adler", "biber"]


def test_duplicates_and_empty_names_are_refused():
    with pytest.raises(UserError, match="doppelt"):
        parse_roster("name\nAdler\nadler\n")
    with pytest.raises(UserError, match="Zeile 3"):
        parse_roster("name\nAdler\n???\n")


def test_read_roster_cp1252(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes("name\nMöwe\n".encode("cp1252"))
    assert read_roster(path) == ["moewe"]
    with pytest.raises(UserError, match="kann nicht gelesen"):
        read_roster(tmp_path / "fehlt.csv")
