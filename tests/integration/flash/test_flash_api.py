"""flash(): the Python API notebooks call (in-process, but mpy-cross runs as a process)."""

from __future__ import annotations

import micropython_microbit_fs as mbfs
import pytest
from schuelerlab.hardware.flash import flash, universal
from schuelerlab.hardware.flash.api import hex_filename

from schuelerlab.errors import UserError

PROGRAM = 'from calliopemini import *\ndisplay.scroll("Grüße")\n'


@pytest.fixture
def no_drives(tmp_path, monkeypatch):
    monkeypatch.setenv("SCHUELERLAB_DRIVE_ROOTS", str(tmp_path / "no-media"))


def test_copy_to_mini_folder(installed_cache, tmp_path, no_drives):
    program = tmp_path / "Grüße.py"
    program.write_text(PROGRAM, encoding="utf-8")
    (tmp_path / "MINI").mkdir()
    result = flash(program, board="mini3", drive=tmp_path / "MINI")
    assert result.method == "drive" and result.boards == ("mini3",)
    assert result.path == tmp_path / "MINI" / "Gruesse.hex"
    assert [f.content for f in mbfs.get_files(result.path.read_text())] == [PROGRAM.encode()]


def test_universal_hex_file_from_code(installed_cache, tmp_path, no_drives):
    result = flash(PROGRAM, hex_out=tmp_path / "out.hex")
    text = (tmp_path / "out.hex").read_text()
    assert result.method == "hex" and set(result.boards) == {"mini2", "mini3"}
    assert [s.board_id for s in universal.sections(text)] == [0x9900, 0x9903]
    assert "Universal-Hex" in result.message


def test_notebook_download_offer(installed_cache, tmp_path, no_drives, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = flash(PROGRAM, board="mini2", download=True)
    assert result.method == "download" and result.path == tmp_path / "programm.hex"
    html = result._repr_html_()
    assert 'href="programm.hex"' in html and "download" in html and "MINI" in html
    assert [f.content for f in mbfs.get_files(result.path.read_text())] == [PROGRAM.encode()]


def test_runtime_picks_the_board(tmp_path, official_text, cache_dir):
    runtime = tmp_path / "fw.hex"
    runtime.write_text(official_text("mini2"))
    result = flash(PROGRAM, runtime=runtime, hex_out=tmp_path / "out.hex")
    assert result.boards == ("mini2",) and "eigener" not in result.message
    own = tmp_path / "own.hex"
    own.write_text(official_text("mini2").replace(":00000001FF", ":00000001FF\n"))
    result = flash(PROGRAM, runtime=own, hex_out=tmp_path / "out2.hex")
    assert "eigener, nicht offizieller Firmware" in result.message
    with pytest.raises(UserError, match="keine Firmware für den Calliope mini 3"):
        flash(PROGRAM, runtime=runtime, board="mini3", hex_out=tmp_path / "x.hex")
    assert not (tmp_path / "x.hex").exists()


def test_microbit_needs_no_download(cache_dir, tmp_path):
    result = flash("from microbit import *\ndisplay.show(1)\n", board="microbit", hex_out=tmp_path / "mb.hex")
    assert [s.board_id for s in universal.sections(result.path.read_text())] == [0x9900, 0x9903]


def test_bad_programs_write_nothing(installed_cache, tmp_path, no_drives):
    out = tmp_path / "out.hex"
    cases = [
        ("x = 1\nif x\n    pass\n", None, "Syntaxfehler.*Zeile 2"),
        ("import log\n", "mini2", "Modul `log`"),
    ]
    for source, board, pattern in cases:
        with pytest.raises(UserError, match=pattern):
            flash(source, board=board, hex_out=out)
        assert not out.exists() and not list(tmp_path.glob(".part-*"))
    big = "x = 1  # " + "y" * 70 + "\n"
    with pytest.raises(UserError, match="zu groß"):
        flash(big * 400, hex_out=out)
    assert not out.exists()


def test_missing_firmware_is_explained(cache_dir, tmp_path):
    with pytest.raises(UserError, match="fehlt.*firmware download"):
        flash(PROGRAM, board="mini3", hex_out=tmp_path / "o.hex")


def test_repl_path_through_the_api(sim_board):
    result = flash('print("hallo")\n', port=sim_board.path, listen=1.0)
    assert result.method == "repl" and sim_board.fs.read("main.py") == b'print("hallo")\n'
    assert result.boards == ("mini3",) and "hallo" in result.output and "hallo" in str(result)


def test_runtime_and_port_do_not_mix(tmp_path, official_text):
    runtime = tmp_path / "fw.hex"
    runtime.write_text(official_text("mini3"))
    with pytest.raises(UserError, match="Mit --port wird nur main.py geschrieben"):
        flash(PROGRAM, runtime=runtime, port="/dev/null")


def test_hex_filename_is_safe():
    assert hex_filename("Grüße.py") == "Gruesse.hex"
    assert hex_filename("mein programm!.py") == "mein_programm.hex"
    assert hex_filename("ßß") == "ssss.hex"
    assert hex_filename("..py") == "programm.hex"


@pytest.mark.parametrize("sim_board", ["mini2"], indirect=True)
def test_board_found_on_serial_gets_main_py(sim_board, monkeypatch, tmp_path):
    """USB discovery is the only faked part: it reports the simulated board's pty as the connected board."""
    from schuelerlab.hardware.flash import repl

    monkeypatch.setattr(repl, "find_board_ports", lambda: [sim_board.path])
    result = flash('print("auto")\n', listen=1.0)
    assert result.method == "repl" and sim_board.fs.read("main.py") == b'print("auto")\n'
    assert result.boards == ("mini2",) and "auto" in result.output


def test_board_without_micropython_falls_back_to_the_drive(silent_device, installed_cache, monkeypatch,
                                                           tmp_path):
    from schuelerlab.hardware.flash import repl

    media = tmp_path / "media"
    (media / "MINI").mkdir(parents=True)
    monkeypatch.setenv("SCHUELERLAB_DRIVE_ROOTS", str(media))
    monkeypatch.setattr(repl, "find_board_ports", lambda: [silent_device.path])
    result = flash(PROGRAM, board="mini3")
    assert result.method == "drive" and result.path == media / "MINI" / "programm.hex"
