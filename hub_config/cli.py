"""``schuelerlab hub …`` and ``schuelerlab class …``: thin click wrappers over the hub API."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from schuelerlab.hub import classes
from schuelerlab.hub.runtime import effective_settings
from schuelerlab.hub.settings import describe

_path = click.Path(path_type=Path)


def _common(func):
    """The options every command shares: settings file, state folder, demo mode."""
    func = click.option("--demo", is_flag=True, help="Demo-Modus erzwingen (keine Unix-Konten).")(func)
    func = click.option("--state-dir", type=_path,
                        help="Ordner mit Datenbank, Konten und Geheimnissen.")(func)
    return click.option("--settings", type=_path, help="Einstellungsdatei (TOML).")(func)


@click.group("hub")
def hub() -> None:
    """Den Schülerlab-Hub (JupyterHub) starten und seine Einstellungen zeigen."""


@hub.command("run")
@_common
@click.option("--proxy-dir", type=_path, help="Ordner, in den npm den Proxy installiert.")
def run_cmd(**kwargs) -> None:
    """Hub starten (Strg+C beendet ihn; alle Daten bleiben erhalten)."""
    from schuelerlab.hub.run import run_hub

    sys.exit(run_hub(**kwargs))


@hub.command("config")
@click.option("--settings", type=_path, help="Einstellungsdatei (TOML).")
@click.option("--demo", is_flag=True, help="Demo-Modus erzwingen.")
def config_cmd(settings: Path | None, demo: bool) -> None:
    """Die wirksamen, geprüften Einstellungen mit Erklärung zeigen."""
    click.echo(describe(effective_settings(settings, demo=demo)), nl=False)


@hub.command("k8s-values")
@click.option("--settings", type=_path, help="Einstellungsdatei (TOML).")
@click.option("--state-dir", type=_path, help="Ordner mit accounts.json (Konten und Gruppen übernehmen).")
@click.option("--image", default="ghcr.io/schuelerlab/singleuser:latest", show_default=True,
              help="Container-Image der Arbeitsplätze (siehe hub_config/k8s/Dockerfile).")
@click.option("--namespace", default="schuelerlab", show_default=True, help="Kubernetes-Namespace.")
def k8s_values_cmd(settings: Path | None, state_dir: Path | None, image: str, namespace: str) -> None:
    """Werte für Zero to JupyterHub (Kubernetes) aus den Einstellungen erzeugen."""
    from schuelerlab.hub.accounts import load_store
    from schuelerlab.hub.k8svalues import render

    conf = effective_settings(settings, demo=False)
    accounts = load_store(state_dir / "accounts.json") if state_dir else None
    click.echo(render(conf, accounts=accounts, image=image, namespace=namespace), nl=False)


@click.group("class")
def class_() -> None:
    """Klassen anlegen: Konten, Passwörter und Anmeldekarten zum Ausdrucken."""


def _report(result: classes.ClassResult) -> None:
    click.echo(f"Klasse {result.name}: {len(result.rows)} Konten.")
    click.echo(f"Anmeldekarten (PDF, zum Ausdrucken): {result.pdf}")
    click.echo(f"Zugänge (CSV): {result.csv}")


@class_.command("create")
@click.argument("name")
@click.option("--students", type=int, default=0, help="Anzahl der Schülerkonten.")
@click.option("--course", required=True, help="Kurs, in den die Klasse eingeschrieben wird.")
@click.option("--roster", type=_path, help="CSV mit Pseudonymen (Spalte name), statt oder zusätzlich.")
@click.option("--pdf", type=_path, help="Wohin die Anmeldekarten geschrieben werden.")
@_common
def create_cmd(**kwargs) -> None:
    """Klasse mit Konten und Anmeldekarten anlegen."""
    _report(classes.create_class(**kwargs))


@class_.command("add")
@click.argument("name")
@click.option("--students", type=int, default=0, help="Anzahl weiterer Schülerkonten.")
@click.option("--roster", type=_path, help="CSV mit Pseudonymen (Spalte name).")
@click.option("--pdf", type=_path, help="Wohin die Anmeldekarten geschrieben werden.")
@_common
def add_cmd(**kwargs) -> None:
    """Weitere Kinder zu einer Klasse hinzufügen."""
    _report(classes.add_students(**kwargs))


@class_.command("list")
@_common
def list_cmd(**kwargs) -> None:
    """Alle Klassen mit Kurs und Konten zeigen."""
    rows = classes.list_classes(**kwargs)
    if not rows:
        click.echo("Noch keine Klassen. Anlegen mit "
                   "`schuelerlab class create NAME --students 15 --course KURS`.")
    for row in rows:
        click.echo(f"{row['name']}  (Kurs {row['course']}, {len(row['members'])} Konten): "
                   f"{', '.join(row['members'])}")


@class_.command("reset-password")
@click.argument("username")
@click.option("--pdf", type=_path, help="Wohin die neue Anmeldekarte geschrieben wird.")
@_common
def reset_cmd(**kwargs) -> None:
    """Einem Konto ein neues Passwort geben (mit neuer Anmeldekarte)."""
    result = classes.reset_password(**kwargs)
    click.echo(f"Neues Passwort für {result.rows[0][0]}: {result.rows[0][1]}")
    click.echo(f"Anmeldekarte: {result.pdf}")


@class_.command("delete")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Ohne Rückfrage löschen.")
@_common
def delete_cmd(yes: bool, **kwargs) -> None:
    """Klasse mit allen ihren Konten löschen."""
    if not yes:
        click.confirm(f"Klasse {kwargs['name']} mit allen Konten und Dateien löschen?", abort=True)
    members = classes.delete_class(**kwargs)
    click.echo(f"Klasse {kwargs['name']} gelöscht ({len(members)} Konten).")


@class_.command("start")
@click.argument("name")
@click.option("--stagger", type=float, default=1.0, show_default=True,
              help="Sekunden zwischen zwei Starts (verteilt die Last).")
@_common
def start_cmd(**kwargs) -> None:
    """Zu Beginn der Stunde alle Server der Klasse vorstarten."""
    from schuelerlab.hub.lesson import start_class

    for member, status in start_class(**kwargs).items():
        click.echo(f"{member}: {status}")


@class_.command("stop")
@click.argument("name")
@_common
def stop_cmd(**kwargs) -> None:
    """Am Ende der Stunde alle Server der Klasse stoppen (die Dateien bleiben)."""
    from schuelerlab.hub.lesson import stop_class

    for member, status in stop_class(**kwargs).items():
        click.echo(f"{member}: {status}")
