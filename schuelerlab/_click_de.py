"""German texts for click's own messages (usage lines, option errors, help headings).

click translates through ``gettext.gettext`` bound at import time in its modules and ships no
German catalogue, so we rebind that name in the click modules to a small dictionary lookup.
"""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

GERMAN: dict[str, str] = {
    "Usage:": "Aufruf:",
    "Options": "Optionen",
    "Commands": "Befehle",
    "Positional arguments": "Argumente",
    "Show this message and exit.": "Diese Hilfe anzeigen.",
    "Show the version and exit.": "Die Version anzeigen.",
    "Aborted!": "Abgebrochen.",
    "Error: {message}": "Fehler: {message}",
    "Missing command.": "Es fehlt ein Befehl.",
    "No such command {name!r}.": "Den Befehl {name!r} gibt es nicht.",
    "No such option {name!r}.": "Die Option {name!r} gibt es nicht.",
    "Try '{command} {option}' for help.": "Hilfe gibt es mit '{command} {option}'.",
    "Missing argument": "Es fehlt ein Argument",
    "Missing option": "Es fehlt eine Option",
    "Missing parameter": "Es fehlt eine Angabe",
    "Missing parameter: {param_name}": "Es fehlt die Angabe: {param_name}",
    "Invalid value for {param_hint}: {message}": "Ungültiger Wert für {param_hint}: {message}",
    "Invalid value: {message}": "Ungültiger Wert: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} ist keine gültige Zahl ({number_type}).",
    "{value} is not in the range {range}.": "{value} liegt nicht im Bereich {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} gibt es nicht.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} ist ein Ordner.",
    "{name} {filename!r} is a file.": "{name} {filename!r} ist eine Datei.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} ist nicht lesbar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} ist nicht beschreibbar.",
    "Could not open file {filename!r}: {message}": "Die Datei {filename!r} ließ sich nicht öffnen: {message}",
    "default: {default}": "Standard: {default}",
    "file": "Datei",
    "directory": "Ordner",
    "path": "Pfad",
    "Choose from:\n\t{choices}": "Wähle aus:\n\t{choices}",
    "{value!r} is not one of {choices}.": "{value!r} ist nicht eines von {choices}.",
    "{value!r} is not {choice}.": "{value!r} ist nicht {choice}.",
    "Got unexpected extra argument ({args})": "Unerwartetes zusätzliches Argument ({args})",
    "Got unexpected extra arguments ({args})": "Unerwartete zusätzliche Argumente ({args})",
    "Option {name!r} requires an argument.": "Die Option {name!r} braucht einen Wert.",
}


def _translate(message: str) -> str:
    return GERMAN.get(message, message)


def _ntranslate(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


def install() -> None:
    """Make click print its own texts in German."""
    modules = (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types)
    for module in modules:
        if hasattr(module, "_"):
            module._ = _translate
        if hasattr(module, "ngettext"):
            module.ngettext = _ntranslate
