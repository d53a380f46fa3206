"""``schuelerlab simulate PROGRAM --serial``: the simulated Calliope as a serial device until Ctrl-C.

:func:`serve` is the keyword-only API; :data:`serial_options` adds ``--serial``, ``--link`` and
``--tcp`` to a click command (the simulator's ``simulate``); :func:`simulate_serial` is a
stand-alone command for the same thing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import click
from schuelerlab.hardware.boards import BOARDS
from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard, pty_supported


def serve(*, program: Path | None, board: str = "mini3", link: Path | None = None,
          tcp_port: int | None = None, echo: Callable[[str], None] = click.echo) -> None:
    """Run a simulated board on a pty (symlink ``link``) and on ``socket://127.0.0.1:PORT``.

    ``program`` becomes ``main.py`` and runs at boot; ``tcp_port`` None picks a free port.
    Returns when the user presses Ctrl-C.
    """
    with SimulatedSerialBoard(program=program, board=board, link=link, pty=pty_supported(),
                              tcp_port=tcp_port or 0) as sim:
        echo(f"Simulierter Calliope bereit: {sim.describe()}")
        echo(f"Board: {sim.profile.title}. Verbinde dich z. B. mit: mpremote connect {sim.url} repl")
        echo("Beenden mit Strg+C.")
        try:
            while True:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
    echo("Simulierter Calliope ausgeschaltet.")


def serial_options(command: Callable) -> Callable:
    """Decorate a click command with ``--serial``, ``--link PATH`` and ``--tcp [PORT]``."""
    command = click.option("--tcp", "tcp_port", type=click.IntRange(0, 65535), default=None,
                           is_flag=False, flag_value=0, metavar="[PORT]",
                           help="TCP-Port für socket://127.0.0.1:PORT (ohne Zahl: ein freier Port).",
                           )(command)
    command = click.option("--link", type=click.Path(path_type=Path), default=None,
                           help="Fester Name für das serielle Gerät, z. B. /tmp/calliope.")(command)
    return click.option("--serial", is_flag=True,
                        help="Den Calliope als serielles Gerät anbieten (für mpremote, stream).")(command)


@click.command("simulate-serial")
@click.argument("program", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--board", type=click.Choice(sorted(BOARDS)), default="mini3", show_default=True,
              help="Welcher Calliope simuliert wird.")
@serial_options
def simulate_serial(program: Path | None, board: str, serial: bool, link: Path | None,
                    tcp_port: int | None) -> None:
    """Einen simulierten Calliope als serielles Gerät starten (PROGRAMM läuft als main.py)."""
    serve(program=program, board=board, link=link, tcp_port=tcp_port)
