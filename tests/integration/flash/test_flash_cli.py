"""`schuelerlab flash` and `schuelerlab firmware` as processes: success paths and every bad input.

Bad input must give exit code 1, a German ``schuelerlab:`` message without traceback, and write nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import micropython_microbit_fs as mbfs
import pytest
import serial

EXE = Path(sys.executable).with_name("schuelerlab")
PROGRAM = 'from calliopemini import *\ndisplay.scroll("Grüße")\n'


def run(args: list, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=120)


@pytest.fixture
def env(tmp_path, installed_cache) -> dict:
    result = dict(os.environ)
    result["SCHUELERLAB_CACHE_DIR"] = str(installed_cache.parent)
    result["SCHUELERLAB_DRIVE_ROOTS"] = str(tmp_path / "no-media")
    return result


def assert_user_error(proc: subprocess.CompletedProcess, pattern: str) -> None:
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("schuelerlab: "), proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert pattern in proc.stderr, proc.stderr


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("board", ["mini3", "mini2"])
def test_hex_for_each_board(board, env, tmp_path):
    program = write(tmp_path, "gruss.py", PROGRAM)
    proc = run(["flash", program, "--board", board, "--hex", tmp_path / "out.hex"], env, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Hex-Datei ist fertig" in proc.stdout
    files = mbfs.get_files((tmp_path / "out.hex").read_text())
    assert [(f.name, f.content.decode()) for f in files] == [("main.py", PROGRAM)]


def test_copy_to_a_folder_named_mini(env, tmp_path):
    program = write(tmp_path, "gruss.py", PROGRAM)
    (tmp_path / "MINI").mkdir()
    proc = run(["flash", program, "--drive", tmp_path / "MINI"], env, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "normaler Ordner" in proc.stdout
    assert (tmp_path / "MINI" / "gruss.hex").stat().st_size > 1_000_000  # Universal Hex: both boards


def test_drive_found_under_a_search_root(env, tmp_path):
    program = write(tmp_path, "gruss.py", PROGRAM)
    media = tmp_path / "media"
    (media / "FLASH").mkdir(parents=True)
    (media / "MINI").mkdir()
    env = {**env, "SCHUELERLAB_DRIVE_ROOTS": str(media)}
    proc = run(["flash", program, "--board", "mini3"], env, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (media / "MINI" / "gruss.hex").is_file() and not any((media / "FLASH").iterdir())


@pytest.mark.parametrize(("source", "board", "pattern"), [
    ("from calliopemini import *\nx = 1\nif x\n    display.show(x)\n", "mini3", "Zeile 3"),
    ("import log\nlog.add(a=1)\n", "mini2", "Das Modul `log` gibt es auf dem Calliope mini 1.x/2.x nicht"),
    ("from calliopemini import *\nprint(microphone.sound_level())\n", "mini2", "`microphone`"),
    ("from microbit import *\n", "mini3", "calliopemini"),
    ("x = 1  # " + "y" * 70 + "\n" * 1, None, None),
])
def test_bad_programs_write_nothing(source, board, pattern, env, tmp_path):
    if pattern is None:  # program too large for the file system
        source, pattern = source * 400, "zu groß"
    program = write(tmp_path, "kaputt.py", source)
    (tmp_path / "MINI").mkdir()
    args = ["flash", program, "--hex", tmp_path / "out.hex", "--drive", tmp_path / "MINI"]
    proc = run(args + (["--board", board] if board else []), env, tmp_path)
    assert_user_error(proc, pattern)
    assert not (tmp_path / "out.hex").exists() and not list(tmp_path.glob(".part-*"))
    assert not any((tmp_path / "MINI").iterdir())


def test_syntax_error_message_is_german_with_line_and_hint(env, tmp_path):
    program = write(tmp_path, "kaputt.py", 'from calliopemini import *\ndisplay.scroll("Hallo)\n')
    proc = run(["flash", program, "--hex", tmp_path / "o.hex"], env, tmp_path)
    assert_user_error(proc, "Syntaxfehler in kaputt.py, Zeile 2")
    assert "Anführungszeichen" in proc.stderr


def test_no_drive_found(env, tmp_path):
    program = write(tmp_path, "gruss.py", PROGRAM)
    proc = run(["flash", program], env, tmp_path)
    assert_user_error(proc, "Ich finde kein Calliope-Laufwerk MINI")
    assert not list(tmp_path.glob("*.hex"))


def test_read_only_drive(env, tmp_path):
    """A real read-only file system: a tmpfs mounted ``ro`` in a private mount namespace."""
    unshare = shutil.which("unshare")
    drive = tmp_path / "MINI"
    drive.mkdir()
    probe = subprocess.run([unshare or "unshare", "-rm", "true"], capture_output=True) if unshare else None
    if probe is None or probe.returncode != 0:
        pytest.skip("needs `unshare -rm` (user and mount namespaces) to mount a read-only file system")
    program = write(tmp_path, "gruss.py", PROGRAM)
    script = (f'mount -t tmpfs -o ro,size=4m none "{drive}" && '
              f'exec "{EXE}" flash "{program}" --drive "{drive}"')
    proc = subprocess.run([unshare, "-rm", "sh", "-c", script], capture_output=True, text=True, env=env,
                          timeout=120)
    assert_user_error(proc, "nur lesbar")
    assert not any(drive.iterdir())


def test_flash_drive_of_a_calliope_21_is_refused(env, tmp_path):
    program = write(tmp_path, "gruss.py", PROGRAM)
    (tmp_path / "FLASH").mkdir()
    proc = run(["flash", program, "--drive", tmp_path / "FLASH"], env, tmp_path)
    assert_user_error(proc, "nicht das Programm-Laufwerk")
    assert not any((tmp_path / "FLASH").iterdir())


def test_busy_port(env, tmp_path, sim_board):
    program = write(tmp_path, "gruss.py", PROGRAM)
    holder = serial.Serial(sim_board.path, exclusive=True)
    try:
        proc = run(["flash", program, "--port", sim_board.path], env, tmp_path)
    finally:
        holder.close()
    assert_user_error(proc, "von einem anderen Programm benutzt")
    assert sim_board.fs.names() == []


def test_firmware_status_install_and_checksum_mismatch(tmp_path, official_text):
    env = {**os.environ, "SCHUELERLAB_CACHE_DIR": str(tmp_path / "cache")}
    proc = run(["firmware", "status"], env, tmp_path)
    assert proc.returncode == 0 and proc.stdout.count("fehlt") == 2
    modified = write(tmp_path, "calliope-v3.hex", official_text("mini3").replace("FA\n", "FA\n\n", 1))
    proc = run(["firmware", "install", modified], env, tmp_path)
    assert_user_error(proc, "Prüfsumme von calliope-v3.hex passt zu keiner offiziellen")
    assert not (tmp_path / "cache" / "firmware" / "calliope-v3.hex").exists()
    original = write(tmp_path, "v3.hex", official_text("mini3"))
    proc = run(["firmware", "install", original], env, tmp_path)
    assert proc.returncode == 0 and "Prüfsumme stimmt" in proc.stdout
    proc = run(["firmware", "status"], env, tmp_path)
    assert proc.stdout.count("vorhanden") == 1 and proc.stdout.count("fehlt") == 1


def test_missing_firmware_names_the_next_step(tmp_path):
    env = {**os.environ, "SCHUELERLAB_CACHE_DIR": str(tmp_path / "cache")}
    program = write(tmp_path, "gruss.py", PROGRAM)
    proc = run(["flash", program, "--hex", tmp_path / "o.hex"], env, tmp_path)
    assert_user_error(proc, "schuelerlab firmware download")
    assert not (tmp_path / "o.hex").exists()
