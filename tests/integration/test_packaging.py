"""`pip install .` in a clean venv gives a working `schuelerlab` with every subpackage and its data."""

import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["setuptools"]["packages"]


@pytest.mark.slow
def test_wheel_installs_into_clean_venv(tmp_path):
    wheel_dir = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT), "-w", str(wheel_dir)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(wheel_dir.glob("schuelerlab-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=900,
                   capture_output=True)
    probe = (
        "import importlib, sys\n"
        f"for name in {_packages()!r}:\n"
        "    mod = importlib.import_module(name)\n"
        "    assert 'site-packages' in mod.__file__, (name, mod.__file__)\n"
        "from schuelerlab.courses import courses_root\n"
        "print(courses_root())\n"
    )
    out = subprocess.run([python, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "site-packages" in out.stdout
    cli = subprocess.run([env_dir / "bin" / "schuelerlab", "--help"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    assert "Befehle" in cli.stdout
