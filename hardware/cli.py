"""``schuelerlab ports | stream | log``: thin click wrappers over the keyword-only API.

Data goes to stdout (``stream``) or the CSV file (``log``); status messages and the summary go to
stderr. Registered in ``schuelerlab.cli.COMMANDS``.
"""

from __future__ import annotations

from pathlib import Path

import click

from schuelerlab.errors import UserError

_PORT_HELP = "Anschluss, z. B. /dev/ttyACM0, COM3 oder socket://127.0.0.1:7777 (Standard: das einzige Board)."


@click.command("ports")
def ports() -> None:
    """Angeschlossene Calliope minis und micro:bits anzeigen."""
    from schuelerlab.hardware.ports import board_ports, describe, no_board_message

    found = board_ports()
    if not found:
        raise UserError(no_board_message())
    for port in found:
        click.echo(describe(port))


@click.command("stream")
@click.argument("port", required=False)
@click.option("--seconds", type=click.FloatRange(min=0), metavar="SEKUNDEN",
              help="Nach so vielen Sekunden aufhören.")
@click.option("--baud", "baudrate", type=int, default=115200, show_default=True, metavar="BAUD",
              help="Geschwindigkeit der Verbindung.")
@click.option("--nur-zahlen", "numbers_only", is_flag=True, help="Textzeilen nicht anzeigen.")
def stream(port: str | None, seconds: float | None, baudrate: int, numbers_only: bool) -> None:
    """Messwerte vom Calliope live anzeigen (Strg+C beendet).

    PORT ist der Anschluss des Calliope; ohne PORT wird das einzige angeschlossene Board benutzt.
    """
    from schuelerlab.hardware.live import stream_lines

    summary = stream_lines(port=port, seconds=seconds, baudrate=baudrate, text=not numbers_only)
    click.echo(summary.german(), err=True)


@click.command("log")
@click.argument("port", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="DATEI.csv",
              help="CSV-Datei, in die die Messwerte geschrieben werden (muss angegeben werden).")
@click.option("--seconds", type=click.FloatRange(min=0), metavar="SEKUNDEN",
              help="Nach so vielen Sekunden aufhören.")
@click.option("--excel-de", is_flag=True, help="Für deutsches Excel/LibreOffice: ';' und Dezimalkomma.")
@click.option("--baud", "baudrate", type=int, default=115200, show_default=True, metavar="BAUD",
              help="Geschwindigkeit der Verbindung.")
def log(port: str | None, output: Path | None, seconds: float | None, excel_de: bool, baudrate: int) -> None:
    """Messwerte vom Calliope in eine CSV-Datei schreiben (Strg+C beendet).

    Die erste Spalte heißt time_s (Sekunden seit dem Start), danach kommt eine Spalte je Messwert.
    Jede Zeile wird sofort gespeichert; wird das Kabel gezogen, geht nichts verloren und die
    Aufzeichnung geht weiter, sobald der Calliope wieder steckt.
    """
    from schuelerlab.hardware.live import log_csv

    if output is None:
        raise click.UsageError("Es fehlt die CSV-Datei: gib sie mit -o an, z. B. -o messung.csv.")
    summary = log_csv(output=output, port=port, seconds=seconds, excel_de=excel_de, baudrate=baudrate)
    click.echo(summary.german(output), err=True)
