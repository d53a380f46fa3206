"""Firmware cache: status, install with sha256 check, download from a file:// mirror, corrupted cache."""

from __future__ import annotations

import pytest
from schuelerlab.hardware.boards import MINI2, MINI3
from schuelerlab.hardware.flash import firmware

from schuelerlab.errors import UserError


def test_status_of_an_empty_cache(cache_dir):
    entries = firmware.status()
    assert {e.board.id for e in entries} == {"mini3", "mini2"}
    assert not any(e.present for e in entries)
    assert all("fehlt" in e.describe() for e in entries)
    assert firmware.firmware_dir() == cache_dir


def test_install_checks_the_sha256(cache_dir, official_text, tmp_path):
    source = tmp_path / "calliope-v3.hex"
    source.write_text(official_text("mini3"))
    entry = firmware.install(source)
    assert entry.board is MINI3 and entry.valid
    assert (cache_dir / "calliope-v3.hex").read_bytes() == source.read_bytes()
    assert "Prüfsumme stimmt" in entry.describe()
    assert firmware.load(MINI3) == source.read_text()


def test_modified_firmware_is_not_installed(cache_dir, official_text, tmp_path):
    modified = tmp_path / "calliope-v1v2.hex"
    modified.write_text(official_text("mini2").replace(":020000041000EA", ":020000041000EA\n", 1) + "\n")
    with pytest.raises(UserError, match="Prüfsumme .* passt zu keiner offiziellen"):
        firmware.install(modified)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_corrupted_cache_file_is_refused(cache_dir, official_text):
    cache_dir.mkdir(parents=True)
    (cache_dir / "calliope-v3.hex").write_text(official_text("mini3")[:-20])
    with pytest.raises(UserError, match="beschädigt"):
        firmware.load(MINI3)
    assert "BESCHÄDIGT" in next(e for e in firmware.status() if e.board is MINI3).describe()
    with pytest.raises(UserError, match="fehlt.*firmware download"):
        firmware.load(MINI2)


def _mirror(tmp_path, official_text, *, break_v3: bool = False):
    for board in (MINI3, MINI2):
        target = tmp_path / "mirror" / board.firmware.url_path
        target.parent.mkdir(parents=True, exist_ok=True)
        text = official_text(board.id)
        if break_v3 and board is MINI3:
            text = text.replace(":00000001FF", ":00000001FF\n")
        target.write_text(text)
    return (tmp_path / "mirror").as_uri()


def test_download_from_a_mirror(cache_dir, official_text, tmp_path, monkeypatch):
    monkeypatch.setenv("SCHUELERLAB_FIRMWARE_URL", _mirror(tmp_path, official_text))
    entries = firmware.download()
    assert all(e.valid for e in entries)


def test_download_with_wrong_checksum_writes_nothing(cache_dir, official_text, tmp_path, monkeypatch):
    monkeypatch.setenv("SCHUELERLAB_FIRMWARE_URL", _mirror(tmp_path, official_text, break_v3=True))
    with pytest.raises(UserError, match="nicht die erwartete Prüfsumme"):
        firmware.download()
    assert not (cache_dir / "calliope-v3.hex").exists()
    assert not [p for p in cache_dir.parent.rglob(".part-*")]


def test_download_without_network_says_so(cache_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("SCHUELERLAB_FIRMWARE_URL", (tmp_path / "nowhere").as_uri())
    with pytest.raises(UserError, match="nicht herunterladen.*Internetverbindung"):
        firmware.download()
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_cache_root_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("SCHUELERLAB_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert firmware.firmware_dir() == tmp_path / "schuelerlab" / "firmware"
