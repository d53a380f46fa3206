"""``schuelerlab simulate``: run a Calliope program in the simulator (thin click layer)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from schuelerlab.hardware.sim.engine import DEFAULT_UNTIL_MS, simulate_file

from schuelerlab.errors import UserError


@click.command("simulate")
@click.argument("program", type=click.Path(path_type=Path))
@click.option("--board", type=click.Choice(["mini3", "mini2"]), default="mini3", show_default=True,
              help="Welcher Calliope: mini3 (Calliope mini 3) oder mini2 (Calliope mini 1.x/2.x).")
@click.option("--until", "until_ms", type=click.IntRange(min=0), default=DEFAULT_UNTIL_MS, show_default=True,
              help="So viele Millisekunden Board-Zeit simulieren.")
@click.option("--press", default="", help="Tasten drücken, z. B. a@1000,b@2000,ab@3000,logo@4000+500.")
@click.option("--gesture", default="", help="Gesten, z. B. shake@1000,left@2000+1500.")
@click.option("--set", "settings", multiple=True,
              help="Sensorwert, z. B. temperature=21 oder light_level=10@0,200@5000 (mehrfach möglich).")
@click.option("--radio", default="", help="Funk-Nachrichten, die ankommen, z. B. hallo@3000.")
@click.option("--scenario", "scenario_file", type=click.Path(path_type=Path),
              help="Szenario als JSON-Datei (presses, gestures, sensors, radio, seed).")
@click.option("--seed", type=int, default=1, show_default=True, help="Startwert für Zufallszahlen.")
@click.option("--trace", "trace_path", type=click.Path(path_type=Path),
              help="Spur als JSON hierhin schreiben.")
def simulate(**kwargs) -> None:
    """Ein Calliope-Programm im Simulator ausführen.

    Die Ausgabe des Programms (print) erscheint sofort; die Spur (Anzeige, Ausgabe, Pins, Funk …)
    kann mit --trace als JSON gespeichert werden.
    """
    trace = simulate_file(echo=_echo, **kwargs)
    if trace.error is not None:
        raise UserError(f"Dein Programm ist mit einem Fehler stehen geblieben: {trace.error['message']}")


def _echo(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
