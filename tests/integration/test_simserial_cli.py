"""``schuelerlab simulate PROGRAM --serial``: German start message, sensor settings, clean Ctrl-C."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import serial

BIN = Path(sys.executable).parent
PROGRAM = "from calliopemini import *\nwhile True:\n    print('temp:%d' % temperature())\n    sleep(100)\n"


def test_simulate_serial_serves_until_ctrl_c(tmp_path):
    program = tmp_path / "messung.py"
    program.write_text(PROGRAM)
    link = tmp_path / "calliope"
    proc = subprocess.Popen([str(BIN / "schuelerlab"), "simulate", str(program), "--serial",
                             "--link", str(link), "--tcp", "--set", "temperature=25"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert first.startswith(f"Simulierter Calliope bereit: {link} (socket://127.0.0.1:")
        port = serial.Serial(str(link), timeout=0.3)
        lines = []
        deadline = time.monotonic() + 10
        while len(lines) < 3 and time.monotonic() < deadline:
            line = port.readline()
            if line.endswith(b"\r\n"):
                lines.append(line)
        port.close()
        assert lines == [b"temp:25\r\n"] * 3
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Simulierter Calliope ausgeschaltet." in out
    assert "Traceback" not in err
    assert not link.exists()  # the stable name disappears with the board


def test_simulate_serial_reports_a_missing_program_in_german(tmp_path):
    proc = subprocess.run([str(BIN / "schuelerlab"), "simulate", str(tmp_path / "fehlt.py"), "--serial"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.startswith("schuelerlab: ") and "fehlt.py" in proc.stderr
    assert "Traceback" not in proc.stderr
