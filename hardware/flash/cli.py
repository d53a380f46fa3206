"""Click commands ``schuelerlab flash`` and ``schuelerlab firmware``: thin wrappers over the Python API."""

from __future__ import annotations

from pathlib import Path

import click
from schuelerlab.hardware.boards import FLASH_BOARDS
from schuelerlab.hardware.flash import firmware as fw
from schuelerlab.hardware.flash.api import flash as flash_api


@click.command("flash")
@click.argument("program", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--board", type=click.Choice(list(FLASH_BOARDS)),
              help="Für welches Board (ohne Angabe: Universal-Hex für Calliope mini 1/2 und 3).")
@click.option("--runtime", type=click.Path(path_type=Path, dir_okay=False),
              help="Eigene MicroPython-Firmware (.hex) statt der offiziellen.")
@click.option("--drive", type=click.Path(path_type=Path, file_okay=False),
              help="Laufwerk des Calliope, z. B. /media/ich/MINI.")
@click.option("--hex", "hex_out", type=click.Path(path_type=Path, dir_okay=False),
              help="Hex-Datei nur speichern statt kopieren.")
@click.option("--port", help="Serieller Anschluss: main.py direkt schreiben (schnell, ohne Firmware).")
@click.option("--listen", type=float, default=1.5, show_default=True,
              help="Sekunden, die nach dem Neustart die Ausgabe des Boards gezeigt wird.")
def flash(program: Path, **kwargs: object) -> None:
    """Prüft PROGRAM und bringt es auf den Calliope mini."""
    result = flash_api(program, **kwargs)
    click.echo(str(result))


@click.group("firmware")
def firmware() -> None:
    """Offizielle Calliope-MicroPython-Firmware verwalten."""


@firmware.command("status")
def status() -> None:
    """Zeigt, welche Firmware gespeichert ist."""
    click.echo(f"Firmware-Ordner: {fw.firmware_dir()}")
    for entry in fw.status():
        click.echo(entry.describe())


@firmware.command("install")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
def install(path: Path) -> None:
    """Übernimmt eine offizielle Firmware-Datei (Prüfsumme wird geprüft)."""
    entry = fw.install(path)
    click.echo(f"Installiert: {entry.describe()}")


@firmware.command("download")
def download() -> None:
    """Lädt die offizielle Firmware aus dem Calliope-Python-Editor (Prüfsumme wird geprüft)."""
    for entry in fw.download():
        click.echo(entry.describe())
