"""``schuelerlab simulate``: run a Calliope program in the simulator (thin click layer)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from schuelerlab.hardware.sim.engine import DEFAULT_UNTIL_MS, simulate_file
from schuelerlab.hardware.sim.trace import Trace

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
@click.option("--input", "typed", default="", help="Eingaben für input(), z. B. Anna@1000,21@2000.")
@click.option("--scenario", "scenario_file", type=click.Path(path_type=Path),
              help="Szenario als JSON-Datei (presses, gestures, sensors, radio, seed).")
@click.option("--seed", type=int, default=1, show_default=True, help="Startwert für Zufallszahlen.")
@click.option("--trace", "trace_path", type=click.Path(path_type=Path),
              help="Spur als JSON hierhin schreiben.")
@click.option("--quiet", "-q", is_flag=True,
              help="Nur die Ausgabe des Programms zeigen, keine Zusammenfassung.")
def simulate(quiet: bool, **kwargs) -> None:
    """Ein Calliope-Programm im Simulator ausführen.

    Die Ausgabe des Programms (print) erscheint sofort; die Spur (Anzeige, Ausgabe, Pins, Funk …)
    kann mit --trace als JSON gespeichert werden.
    """
    trace = simulate_file(echo=_echo, **kwargs)
    if not quiet:
        click.echo(summary(trace), err=True)
    if trace.error is not None:
        raise UserError(f"Dein Programm ist mit einem Fehler stehen geblieben: {trace.error['message']}")


def _echo(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def summary(trace: Trace) -> str:
    """German lines for the terminal: how long the board ran and what its display showed at the end."""
    seconds = f"{trace.end_ms / 1000:.1f}".replace(".", ",")
    ended = {"until": "Zeit abgelaufen", "finished": "Programm fertig", "off": "ausgeschaltet",
             "error": "Fehler"}.get(trace.ended, trace.ended)
    parts = [f"[Simulator] {seconds} s Board-Zeit ({ended}), {len(trace.display)} Bilder auf der Anzeige, "
             f"{len(trace.serial)} Zeilen Ausgabe"]
    if trace.display:
        parts.append("[Simulator] Anzeige am Ende:")
        parts += ["    " + " ".join("#" if c == "9" else "+" if c != "0" else "." for c in row)
                  for row in trace.frame_at(trace.end_ms)]
    return "\n".join(parts)
