"""Printable login cards (PDF, A4, ten cards per page): hub address, name and password."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

COLS, ROWS = 2, 5
CARD_W, CARD_H = 90.0, 52.0
MARGIN_X, MARGIN_Y = 12.0, 16.0


@dataclass(frozen=True)
class Card:
    """One login card."""

    username: str
    password: str
    label: str = ""


def _draw_card(pdf: FPDF, x: float, y: float, card: Card, url: str) -> None:
    pdf.set_draw_color(150, 150, 150)
    pdf.set_dash_pattern(dash=2, gap=2)
    pdf.rect(x, y, CARD_W, CARD_H)
    pdf.set_dash_pattern()
    pdf.set_xy(x + 5, y + 4)
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(CARD_W - 10, 7, "Schülerlab - Anmeldung")
    pdf.set_xy(x + 5, y + 11)
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(CARD_W - 10, 5, card.label)
    rows = [("Adresse", url, 10), ("Name", card.username, 14), ("Passwort", card.password, 14)]
    for i, (key, value, size) in enumerate(rows):
        pdf.set_xy(x + 5, y + 19 + i * 10)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(20, 8, key + ":")
        pdf.set_font("Courier", "B", size)
        pdf.cell(CARD_W - 30, 8, value)


def render_cards(cards: list[Card], *, url: str) -> bytes:
    """The PDF bytes for ``cards`` (ten per A4 page, cut along the dashed lines)."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_title("Schülerlab Anmeldekarten")
    per_page = COLS * ROWS
    for start in range(0, max(len(cards), 1), per_page):
        pdf.add_page()
        for i, card in enumerate(cards[start:start + per_page]):
            col, row = i % COLS, i // COLS
            _draw_card(pdf, MARGIN_X + col * (CARD_W + 6), MARGIN_Y + row * (CARD_H + 1), card, url)
    return bytes(pdf.output())


def write_cards(path: Path, cards: list[Card], *, url: str) -> Path:
    """Write the cards PDF with mode 0600 (it contains passwords); return ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(render_cards(cards, url=url))
    os.chmod(path, 0o600)
    return path
