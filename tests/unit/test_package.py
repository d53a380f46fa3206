"""The package layout: namespaced imports, the bare-name guard, the command line."""

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["schuelerlab.hardware", "schuelerlab.graders", "schuelerlab.hub"])
def test_namespaced_packages_import(name):
    module = importlib.import_module(name)
    assert module.__name__ == name


@pytest.mark.parametrize("bare", ["hardware", "graders", "hub_config"])
def test_bare_folder_import_is_refused(bare):
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); import {bare}"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode != 0
    assert "schuelerlab." in proc.stderr


def test_courses_ship_as_package_data():
    from schuelerlab.courses import courses_root

    assert courses_root().is_dir()


def test_cli_help_is_german():
    proc = subprocess.run([sys.executable, "-m", "schuelerlab", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Befehle" in proc.stdout and "ports" in proc.stdout


def test_cli_unknown_command_fails_cleanly():
    proc = subprocess.run([sys.executable, "-m", "schuelerlab", "gibtsnicht"], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
