"""``schuelerlab stream`` reads the simulated board unchanged, also after mpremote installed main.py."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard

BIN = Path(sys.executable).parent
TICKER = "import time\nn = 20\nwhile True:\n    n += 1\n    print('temp:%d' % n)\n    time.sleep_ms(100)\n"


def stream(url, seconds=1.5):
    proc = subprocess.run([str(BIN / "schuelerlab"), "stream", url, "--seconds", str(seconds)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return [int(v) for v in re.findall(r"temp=(\d+)", proc.stdout)]


@pytest.mark.parametrize("face", ["pty", "tcp"])
def test_stream_reads_the_running_program(tmp_path, face):
    program = tmp_path / "ticker.py"
    program.write_text(TICKER)
    with SimulatedSerialBoard(program=program, link=tmp_path / "calliope", tcp_port=0) as sim:
        values = stream(sim.path if face == "pty" else sim.tcp.url)
    assert len(values) >= 5
    assert values == list(range(values[0], values[0] + len(values)))  # no line lost, in order


def test_program_copied_with_mpremote_streams_after_reset(tmp_path):
    local = tmp_path / "main.py"
    local.write_text(TICKER)
    with SimulatedSerialBoard(link=tmp_path / "calliope") as sim:
        for args in (["fs", "cp", str(local), ":main.py"], ["reset"]):
            proc = subprocess.run([str(BIN / "mpremote"), "connect", sim.path, *args],
                                  capture_output=True, text=True, timeout=60)
            assert proc.returncode == 0, proc.stderr
        values = stream(sim.path)
    assert len(values) >= 5 and values[0] >= 21
