"""The ``schuelerlab`` command: a thin click layer over the keyword-only Python API.

Subcommands are registered in ``COMMANDS`` as ``"module:attribute"`` and imported only when used,
so ``schuelerlab --help`` stays fast and each area (hardware, graders, hub) owns its commands.
User-facing text is German; identifiers are English.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from typing import Any

import click

from schuelerlab import __version__, _click_de
from schuelerlab.errors import UserError

_click_de.install()

#: name -> "module:attribute" of a click command or group; help text shown in the overview.
COMMANDS: dict[str, tuple[str, str]] = {
    "ports": ("schuelerlab.hardware.cli:ports", "Angeschlossene Calliope minis und micro:bits anzeigen."),
    "stream": ("schuelerlab.hardware.cli:stream", "Messwerte vom Calliope live anzeigen."),
    "log": ("schuelerlab.hardware.cli:log", "Messwerte vom Calliope in eine CSV-Datei schreiben."),
    "lab": ("schuelerlab.labcmd:lab", "Die Kurse zu Hause: in deinen Ordner kopieren, JupyterLab starten."),
    "catalog": ("schuelerlab.courses.catalog:catalog_cmd",
                "Den Kurskatalog für Lehrkräfte als HTML-Seite schreiben."),
    "flash": ("schuelerlab.hardware.flash.cli:flash", "Ein MicroPython-Programm auf den Calliope bringen."),
    "firmware": ("schuelerlab.hardware.flash.cli:firmware", "Offizielle Calliope-Firmware laden und prüfen."),
    "course": ("schuelerlab.graders.cli:course", "Kurse anzeigen, einrichten und Aufgaben freigeben."),
    "grade": ("schuelerlab.graders.cli:grade", "Abgaben einer Aufgabe bewerten (parallel, in der Sandbox)."),
    "check": ("schuelerlab.graders.cli:check", "Die sichtbaren Tests eines Notebooks prüfen."),
    "simulate": ("schuelerlab.hardware.sim.cli:simulate", "Ein Calliope-Programm im Simulator ausführen."),
    "hub": ("schuelerlab.hub.cli:hub", "Den Schülerlab-Hub starten oder seine Einstellungen zeigen."),
    "class": ("schuelerlab.hub.cli:class_", "Klassen mit Konten und Anmeldekarten verwalten."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attr = entry[0].split(":")
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Befehle"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Bei Fehlern den vollständigen Traceback zeigen.")
@click.version_option(__version__, "--version", message="schuelerlab %(version)s")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Werkzeuge für das Schülerlab: Calliope mini, Kurse und Bewertung."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _debug_requested(argv: list[str]) -> bool:
    return "--debug" in argv


def main(argv: list[str] | None = None) -> Any:
    """Run the command line; user errors print ``schuelerlab: <message>`` and exit 1."""
    args = sys.argv[1:] if argv is None else argv
    try:
        return cli.main(args=args, prog_name="schuelerlab", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("\nAbgebrochen.", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except UserError as err:
        if _debug_requested(args):
            traceback.print_exc()
        click.echo(f"schuelerlab: {err}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("\nAbgebrochen.", err=True)
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - last resort: no tracebacks for users
        if _debug_requested(args):
            raise
        click.echo(
            f"schuelerlab: Unerwarteter Fehler ({type(err).__name__}: {err}). "
            "Starte den Befehl noch einmal mit --debug und zeige die Ausgabe deiner Lehrkraft.",
            err=True,
        )
        sys.exit(2)
