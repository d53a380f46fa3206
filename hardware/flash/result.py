"""What ``flash()`` did, printable in a terminal and shown as HTML in a notebook."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote


@dataclass(frozen=True)
class FlashResult:
    """The outcome of one ``flash()`` call.

    ``method`` is ``"hex"`` (file written), ``"drive"`` (copied to the board's drive), ``"repl"``
    (``main.py`` written over the serial REPL) or ``"download"`` (hex next to the notebook, to drag onto
    ``MINI`` by hand).
    """

    method: str
    boards: tuple[str, ...]
    message: str  # German
    path: Path | None = None
    port: str | None = None
    taken: bool | None = None  # drive copies: did the board take the file (None: cannot know)
    output: str = ""  # REPL: what the board printed after the reset

    @classmethod
    def download_offer(cls, path: Path, boards: tuple[str, ...], describe: str = "") -> FlashResult:
        """A hex written next to the notebook because no board is reachable from here."""
        message = (f"Hier ist kein Calliope angeschlossen (das Notebook läuft auf dem Server). Ich habe "
                   f"{path.name} gespeichert ({describe}). Lade die Datei herunter und ziehe sie auf das "
                   "Laufwerk MINI deines Calliope.")
        return cls("download", boards, message, path=path)

    def __str__(self) -> str:
        text = self.message
        if self.output.strip():
            text += "\nAusgabe des Boards:\n" + self.output.rstrip()
        return text

    def _repr_html_(self) -> str:
        if self.method != "download" or self.path is None:
            out = f"<pre>{html.escape(self.output.rstrip())}</pre>" if self.output.strip() else ""
            return f"<p>{html.escape(self.message)}</p>{out}"
        name = html.escape(self.path.name)
        return (
            '<div class="schuelerlab-flash">'
            f'<p><a href="{quote(self.path.name)}" download="{name}">&#11015; {name} herunterladen</a></p>'
            "<p>Hier ist kein Calliope angeschlossen, denn das Notebook läuft auf dem Server. So kommt dein "
            "Programm trotzdem auf den Calliope:</p>"
            "<ol>"
            "<li>Klicke auf den Link oben. Die Datei landet in deinem Ordner <i>Downloads</i>.</li>"
            "<li>Stecke den Calliope mit dem USB-Kabel an deinen Computer. Es erscheint ein Laufwerk "
            "<b>MINI</b> (beim Calliope mini 2.1 nicht <b>FLASH</b> nehmen).</li>"
            f"<li>Ziehe <b>{name}</b> auf das Laufwerk MINI. Die gelbe Lampe blinkt etwa eine Minute.</li>"
            "<li>Danach startet der Calliope neu und führt dein Programm aus.</li>"
            "</ol></div>"
        )
