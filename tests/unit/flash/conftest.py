"""Fixtures for the flash tests: official firmware (skipped naming the file when absent), a pty board."""

from __future__ import annotations

from pathlib import Path

import pytest
from schuelerlab.hardware.flash.testing import PtyBoard, official_firmware

REPO = Path(__file__).resolve().parents[3]


def official_hex_path(board_id: str) -> Path:
    """Path of the official firmware for ``mini3``/``mini2``; skip naming the file if absent or altered."""
    path, reason = official_firmware(REPO, board_id)
    if path is None:
        pytest.skip(reason)
    return path


@pytest.fixture(params=["mini3", "mini2"])
def official(request) -> tuple[str, str]:
    """(board id, official firmware hex text) for each Calliope board."""
    return request.param, official_hex_path(request.param).read_text()


@pytest.fixture
def official_text():
    """A function: board id -> official firmware text (skips naming the file when absent)."""
    return lambda board_id: official_hex_path(board_id).read_text()


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    """A fresh firmware cache for one test."""
    monkeypatch.setenv("SCHUELERLAB_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "firmware"


@pytest.fixture
def installed_cache(cache_dir) -> Path:
    """A firmware cache holding both official Calliope hexes (skips naming a missing file)."""
    from schuelerlab.hardware.flash import firmware

    for board in ("mini3", "mini2"):
        firmware.install(official_hex_path(board))
    return cache_dir


@pytest.fixture
def pty_board():
    """A pty-backed stand-in board speaking the MicroPython REPL."""
    board = PtyBoard()
    yield board
    board.close()


@pytest.fixture
def silent_pty():
    """A pty whose far end never answers (a board without MicroPython)."""
    board = PtyBoard(silent=True)
    yield board
    board.close()
