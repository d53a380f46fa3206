"""Fixtures for the flash tests (unit and integration): official firmware, a simulated board, a silent one.

Registered for the whole test suite by ``pytest_plugins`` in ``tests/conftest.py`` (``tests/plugins`` is
on ``pythonpath``), so the two flash test folders share one copy.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from schuelerlab.hardware.flash.testing import official_firmware

REPO = Path(__file__).resolve().parents[2]


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
def sim_board(request, tmp_path):
    """The simulated Calliope (real MicroPython behind its REPL) on a pty symlink, idle at the prompt.

    ``mini3`` unless a test asks for another persona:
    ``@pytest.mark.parametrize("sim_board", ["mini2"], indirect=True)``. Its files: ``sim_board.fs``.
    """
    from schuelerlab.hardware.sim import SimulatedSerialBoard

    board = SimulatedSerialBoard(board=getattr(request, "param", "mini3"), link=tmp_path / "calliope")
    try:
        assert board.wait_idle(20), "the simulated board did not reach its prompt"
        yield board
    finally:
        board.close()


@pytest.fixture
def silent_device(tmp_path):
    """A serial device that never answers: a physical board without MicroPython (e.g. a MakeCode hex)."""
    from schuelerlab.hardware.ptydev import PtyDevice

    device = PtyDevice(link=tmp_path / "silent")
    try:
        yield device
    finally:
        device.close()
