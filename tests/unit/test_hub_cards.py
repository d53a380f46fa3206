"""Login-card PDFs, parsed back with a real PDF parser (pypdf)."""

import io
import stat

from pypdf import PdfReader
from schuelerlab.hub.cards import Card, render_cards, write_cards


def _text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_cards_show_address_names_and_passwords():
    cards = [Card(f"klasse7a-{i:02d}", f"tiger-wolke-{i + 20}", "Klasse klasse7a") for i in range(1, 13)]
    pages = _text(render_cards(cards, url="http://lab.schule:8000"))
    assert len(pages) == 2  # ten cards per page
    text = "\n".join(pages)
    for card in cards:
        assert card.username in text and card.password in text
    assert text.count("http://lab.schule:8000") == 12
    assert "Schülerlab" in text


def test_written_pdf_is_private(tmp_path):
    path = write_cards(tmp_path / "k.pdf", [Card("a", "b-c-22")], url="http://x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"%PDF")
