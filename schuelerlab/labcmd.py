"""``schuelerlab lab``: start JupyterLab on this machine with the course folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from schuelerlab.errors import UserError


def start_lab(*, folder: Path, port: int = 8888, open_browser: bool = True) -> int:
    """Start JupyterLab on 127.0.0.1 serving ``folder``; return its exit code."""
    folder.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable, "-m", "jupyter", "lab",
        "--ip=127.0.0.1", f"--port={port}", f"--ServerApp.root_dir={folder}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if not open_browser:
        cmd.append("--no-browser")
    env = dict(os.environ, LANG=os.environ.get("LANG", "de_DE.UTF-8"))
    try:
        return subprocess.call(cmd, env=env)
    except FileNotFoundError as err:
        raise UserError(
            "JupyterLab wurde nicht gefunden. Installiere schuelerlab noch einmal mit "
            "`pip install schuelerlab`."
        ) from err
    except KeyboardInterrupt:
        return 0


@click.command("lab")
@click.option("--folder", type=click.Path(path_type=Path), default=Path.cwd, show_default="aktueller Ordner",
              help="Ordner, den JupyterLab zeigt.")
@click.option("--port", type=int, default=8888, show_default=True, help="Port auf 127.0.0.1.")
@click.option("--no-browser", "no_browser", is_flag=True, help="Keinen Browser öffnen.")
def lab(folder: Path, port: int, no_browser: bool) -> None:
    """JupyterLab auf diesem Rechner starten."""
    sys.exit(start_lab(folder=folder, port=port, open_browser=not no_browser))
