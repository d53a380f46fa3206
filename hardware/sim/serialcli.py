"""``schuelerlab simulate PROGRAM --serial``: the simulated Calliope as a serial device until Ctrl-C.

:func:`serve` is the keyword-only API; :func:`serial_options` adds ``--serial``, ``--link`` and
``--tcp`` to the simulator's ``simulate`` command, which calls :func:`serve_cli` with its options.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import click
from schuelerlab.hardware.sim.scenario import Scenario, from_cli
from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard, pty_supported


def serve(*, program: Path | None, board: str = "mini3", link: Path | None = None,
          tcp_port: int | None = None, scenario: Scenario | None = None,
          echo: Callable[[str], None] = click.echo) -> None:
    """Run a simulated board on a pty (symlink ``link``) and on ``socket://127.0.0.1:PORT``.

    ``program`` becomes ``main.py`` and runs at boot; ``tcp_port`` None picks a free port;
    ``scenario`` sets sensors and presses (times count from each boot). Returns on Ctrl-C.
    """
    with SimulatedSerialBoard(program=program, board=board, link=link, pty=pty_supported(),
                              tcp_port=tcp_port or 0, scenario=scenario) as sim:
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


def serve_cli(*, program: Path, board: str, link: Path | None, tcp_port: int | None, press: str = "",
              gesture: str = "", settings: tuple[str, ...] = (), radio: str = "",
              scenario_file: Path | None = None, seed: int = 1, **_batch_only: object) -> None:
    """``simulate --serial``: build the scenario from the command's options and :func:`serve`."""
    from schuelerlab.hardware.sim.engine import _read_json

    base = Scenario.from_dict(_read_json(Path(scenario_file))) if scenario_file else None
    scenario = from_cli(press=press, gesture=gesture, settings=tuple(settings), radio=radio, seed=seed,
                        base=base)
    serve(program=program, board=board, link=link, tcp_port=tcp_port, scenario=scenario)
