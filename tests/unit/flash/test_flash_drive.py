"""Finding MINI/MICROBIT drives (never FLASH) and copying a hex to a folder named MINI."""

from __future__ import annotations

import pytest
from schuelerlab.hardware.flash import drive

from schuelerlab.errors import UserError


@pytest.fixture
def roots(tmp_path, monkeypatch):
    root = tmp_path / "media"
    root.mkdir()
    monkeypatch.setenv("SCHUELERLAB_DRIVE_ROOTS", str(root))
    return root


def test_finds_mini_and_microbit_but_never_flash(roots):
    for name in ("FLASH", "MICROBIT", "USB-STICK", "MINI", "MAINTENANCE"):
        (roots / name).mkdir()
    assert [p.name for p in drive.find_drives()] == ["MINI", "MICROBIT"]


def test_no_drive_gives_a_german_message(roots):
    (roots / "FLASH").mkdir()
    with pytest.raises(UserError, match="kein Calliope-Laufwerk MINI.*--drive.*--hex"):
        drive.find_drive()


def test_flash_drive_is_refused(tmp_path):
    (tmp_path / "FLASH").mkdir()
    with pytest.raises(UserError, match="nicht das Programm-Laufwerk"):
        drive.check_target(tmp_path / "FLASH")
    with pytest.raises(UserError, match="gibt es nicht"):
        drive.check_target(tmp_path / "MINI")


def test_copy_to_a_plain_folder_named_mini(tmp_path):
    target = tmp_path / "MINI"
    target.mkdir()
    result = drive.copy_hex(":00000001FF\n", target, "blink.hex")
    assert result.path == target / "blink.hex"
    assert result.path.read_text() == ":00000001FF\n"
    assert result.taken is None and "normaler Ordner" in result.message


def test_mount_table_parsing_unescapes_spaces():
    assert drive._unescape(r"/media/ich/MEIN\040MINI") == "/media/ich/MEIN MINI"
    assert isinstance(drive.mounted(), dict)


def test_waits_for_the_remount_of_a_board_drive(tmp_path, monkeypatch):
    """The physical board is faked here only: its drive leaves the mount table and comes back."""
    target = tmp_path / "MINI"
    target.mkdir()
    states = iter([True, True, False, False, True])
    monkeypatch.setattr(drive, "mounted", lambda: {target: False} if next(states, True) else {})
    assert drive.wait_until_taken(target, timeout=5, poll=0.01)
    monkeypatch.setattr(drive, "mounted", lambda: {target: False})
    assert not drive.wait_until_taken(target, timeout=0.05, poll=0.01)


def test_fail_txt_after_the_remount_is_reported(tmp_path, monkeypatch):
    target = tmp_path / "MINI"
    target.mkdir()
    (target / "FAIL.TXT").write_text("The hex file cannot be decoded.")
    monkeypatch.setattr(drive, "mounted", lambda: {target: False})
    monkeypatch.setattr(drive, "wait_until_taken", lambda path, timeout: True)
    with pytest.raises(UserError, match="abgelehnt: The hex file cannot be decoded"):
        drive.copy_hex(":00000001FF\n", target, "x.hex")
    monkeypatch.setattr(drive, "wait_until_taken", lambda path, timeout: False)
    (target / "FAIL.TXT").unlink()
    result = drive.copy_hex(":00000001FF\n", target, "x.hex", timeout=7)
    assert result.taken is False and "noch nicht übernommen" in result.message
