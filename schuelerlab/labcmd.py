"""``schuelerlab lab``: the courses at home, in a German JupyterLab on this machine (no hub needed).

1. ``prepare_home`` copies the student versions into the course folder (never overwriting a child's work).
2. ``start_lab`` starts JupyterLab on 127.0.0.1 with that folder as root. German, no news and no update
   check come from a Jupyter config folder that only this launch uses (first on ``JUPYTER_CONFIG_PATH``):
   ``labconfig/default_setting_overrides.json`` changes the *defaults*, so a child's own Lab settings
   still win and the user's global settings are never written. The nbgrader teacher panels and the
   assignment list (there is no exchange at home) are switched off there too; "Validate" stays.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import click

from schuelerlab.errors import UserError

LOCALE = "de_DE"
#: nbgrader parts that make no sense without a hub: teacher panels and the exchange-based lists.
HOME_OFF_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                    "@jupyter/nbgrader:course-list", "@jupyter/nbgrader:assignment-list")
HOME_OFF_EXTENSIONS = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list",
                       "nbgrader.server_extensions.assignment_list")


def lab_config_files() -> dict[str, dict]:
    """Relative path → JSON content of the launch's own Jupyter config folder."""
    return {
        "labconfig/default_setting_overrides.json": {
            "@jupyterlab/translation-extension:plugin": {"locale": LOCALE},
            "@jupyterlab/apputils-extension:notification": {"checkForUpdates": False, "fetchNews": "false"},
        },
        "labconfig/page_config.json": {"disabledExtensions": {p: True for p in HOME_OFF_PLUGINS}},
        "jupyter_server_config.json": {
            "ServerApp": {"jpserver_extensions": {name: False for name in HOME_OFF_EXTENSIONS}},
        },
    }


def write_lab_config(config_dir: Path) -> Path:
    """Write the launch's Jupyter config folder (ours alone: rewritten at every start)."""
    for rel, content in lab_config_files().items():
        target = config_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(content, indent=1) + "\n", encoding="utf-8")
    return config_dir


def lab_command(*, folder: Path, port: int, open_browser: bool) -> list[str]:
    """The ``jupyter lab`` command line for ``folder``."""
    cmd = [
        sys.executable, "-m", "jupyter", "lab",
        "--ip=127.0.0.1", f"--port={port}", f"--ServerApp.root_dir={folder}",
        "--ServerApp.answer_yes=True",  # one Ctrl-C stops the Lab, no y/n question for children
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if not open_browser:
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # CI containers and live systems run as root
    return cmd


def lab_environment(config_dir: Path) -> dict[str, str]:
    """The environment of the Lab: our config folder first; kernels find the same Python."""
    env = dict(os.environ)
    paths = [str(config_dir), *filter(None, env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep))]
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(paths)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("LANG", "de_DE.UTF-8")
    return env


def start_lab(*, folder: Path, port: int = 8888, open_browser: bool = True) -> int:
    """Start a German JupyterLab on 127.0.0.1 serving ``folder``; return its exit code.

    Ctrl-C (SIGINT) stops the Lab cleanly: it is passed on to JupyterLab, which shuts its kernels down.
    """
    from schuelerlab.courses.student import cache_root

    folder.mkdir(parents=True, exist_ok=True)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored
    try:
        config_dir = write_lab_config(cache_root() / "lab-config")
    except OSError as err:
        raise UserError(f"Die Einstellungen für JupyterLab ließen sich nicht in {cache_root()} schreiben "
                        f"({err.strerror}). Setze SCHUELERLAB_CACHE_DIR auf einen beschreibbaren Ordner.")
    cmd = lab_command(folder=folder, port=port, open_browser=open_browser)
    try:
        proc = subprocess.Popen(cmd, env=lab_environment(config_dir))
    except OSError as err:
        raise UserError(f"JupyterLab ließ sich nicht starten ({err.strerror}). "
                        "Installiere schuelerlab noch einmal: pip install schuelerlab")
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:
            _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    """Ask JupyterLab to shut down (SIGINT), then insist; never leave it running."""
    click.echo("\nJupyterLab wird beendet …", err=True)
    if proc.poll() is not None:
        return
    try:
        proc.wait(timeout=3)  # in a terminal, Ctrl-C reached JupyterLab too
    except subprocess.TimeoutExpired:
        try:
            proc.send_signal(signal.SIGINT)  # ValueError on Windows, where the console sent Ctrl-C anyway
            proc.wait(timeout=20)
        except (subprocess.TimeoutExpired, KeyboardInterrupt, ValueError, OSError):
            proc.terminate()
    except KeyboardInterrupt:
        proc.terminate()


@click.command("lab")
@click.option("--folder", type=click.Path(path_type=Path, file_okay=False), default=None,
              show_default="~/Schuelerlab", help="Ordner für deine Kurse (wird angelegt).")
@click.option("--port", type=int, default=8888, show_default=True, help="Port auf 127.0.0.1.")
@click.option("--no-browser", "no_browser", is_flag=True, help="Keinen Browser öffnen.")
@click.option("--no-copy", "no_copy", is_flag=True, help="Keine Kurse kopieren, nur JupyterLab starten.")
def lab(folder: Path | None, port: int, no_browser: bool, no_copy: bool) -> None:
    """Die Kurse in deinen Ordner kopieren und JupyterLab auf Deutsch starten.

    Deine Arbeit wird nie überschrieben: Es kommen nur Dateien dazu, die noch fehlen.
    """
    from schuelerlab.home import default_folder, prepare_home

    folder = (folder or default_folder()).expanduser().resolve()
    if not no_copy:
        report = prepare_home(folder=folder, progress=lambda msg: click.echo(msg, err=True))
        click.echo(report.summary(), err=True)
    click.echo("JupyterLab startet … Zum Beenden hier Strg+C drücken.", err=True)
    sys.exit(start_lab(folder=folder, port=port, open_browser=not no_browser))
