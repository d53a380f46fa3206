"""The ``schuelerlab simulate`` command as a subprocess: serial output, trace JSON, German errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROGRAMS = Path(__file__).parent / "sim_programs"


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "schuelerlab", "simulate", *args], capture_output=True,
                          text=True, timeout=60, cwd=cwd)


def test_simulate_prints_serial_and_writes_the_trace(tmp_path):
    trace_file = tmp_path / "spur.json"
    result = cli(str(PROGRAMS / "button_counter.py"), "--press", "a@1000,a@2000,b@3000", "--until", "4000",
                 "--trace", str(trace_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Zaehler: 1", "Zaehler: 2", "Zurueck auf 0"]
    assert "4,0 s Board-Zeit" in result.stderr and "Anzeige am Ende" in result.stderr
    assert cli(str(PROGRAMS / "button_counter.py"), "--quiet", "--until", "100").stderr == ""
    trace = json.loads(trace_file.read_text())
    assert set(trace) >= {"board", "display", "serial", "rgb", "pins", "radio", "error"}
    assert trace["board"] == "mini3" and trace["error"] is None
    assert trace["serial"][1] == {"t": 2000, "line": "Zaehler: 2"}
    assert trace["display"][0] == {"t": 0, "pixels": ["09900", "90090", "90090", "90090", "09900"]}
    assert all(len(f["pixels"]) == 5 and all(len(r) == 5 for r in f["pixels"]) for f in trace["display"])


def test_simulate_with_sensors_gestures_and_board(tmp_path):
    trace_file = tmp_path / "t.json"
    result = cli(str(PROGRAMS / "thermometer.py"), "--board", "mini2", "--until", "2000",
                 "--set", "temperature=30@0,21@1500", "--gesture", "shake@100", "--trace", str(trace_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["temp:30", "temp:30", "temp:21"]
    assert json.loads(trace_file.read_text())["board"] == "mini2"


def test_simulate_program_error_exits_1_with_german_message(tmp_path):
    program = tmp_path / "kaputt.py"
    program.write_text("from calliopemini import *\nprint('vorher')\ndisplay.show(Image.HERZ)\n")
    trace_file = tmp_path / "t.json"
    result = cli(str(program), "--trace", str(trace_file))
    assert result.returncode == 1
    assert "vorher" in result.stdout and "AttributeError" in result.stdout  # the board's traceback
    assert result.stderr.splitlines()[-1].startswith(
        "schuelerlab: Dein Programm ist mit einem Fehler stehen geblieben: Zeile 3")
    error = json.loads(trace_file.read_text())["error"]
    assert error["type"] == "AttributeError" and error["line"] == 3


def test_simulate_bad_options_give_german_hints(tmp_path):
    missing = cli(str(tmp_path / "gibtsnicht.py"))
    assert missing.returncode == 1 and "gibt es nicht" in missing.stderr
    program = tmp_path / "p.py"
    program.write_text("print(1)\n")
    bad_press = cli(str(program), "--press", "x@10")
    assert bad_press.returncode == 1 and "Unbekannte Taste" in bad_press.stderr
    bad_set = cli(str(program), "--set", "temperature=warm")
    assert bad_set.returncode == 1 and "Zahl" in bad_set.stderr
    assert "Traceback" not in missing.stderr + bad_press.stderr + bad_set.stderr


def test_simulate_scenario_file(tmp_path):
    scenario = tmp_path / "szenario.json"
    scenario.write_text(json.dumps({"presses": [{"button": "a", "at_ms": 500}], "seed": 3}))
    result = cli(str(PROGRAMS / "button_counter.py"), "--scenario", str(scenario), "--until", "1000")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Zaehler: 1"]
