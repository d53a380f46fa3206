"""Pictures of the course ``calliope``: hand-written SVGs of the board, LED matrix states and the cipher."""

from __future__ import annotations

import html
from pathlib import Path

FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'


def _svg(width: float, height: float, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}" '
            f'viewBox="0 0 {width:g} {height:g}">\n' + "\n".join(body) + "\n</svg>\n")


def _text(x: float, y: float, text: str, size: int = 14, anchor: str = "middle", extra: str = "",
          font: str = FONT) -> str:
    return (f'<text x="{x:g}" y="{y:g}" {font} font-size="{size}" text-anchor="{anchor}"{extra}>'
            f"{html.escape(text)}</text>")


def _matrix(x0: float, y0: float, rows: list[str], cell: float = 16, gap: float = 5) -> list[str]:
    """LED squares (lit: red) with their top-left corner at (x0, y0)."""
    out = []
    for y, row in enumerate(rows):
        for x, c in enumerate(row):
            lit = c != "0"
            out.append(f'<rect x="{x0 + x * (cell + gap):g}" y="{y0 + y * (cell + gap):g}" width="{cell:g}" '
                       f'height="{cell:g}" rx="3" fill="{"#ff3b30" if lit else "#3a4654"}"/>')
    return out


def matrix_size(cell: float = 16, gap: float = 5) -> float:
    """Width of a drawn matrix."""
    return 5 * cell + 4 * gap


def board() -> str:
    """The Calliope mini from the front: LED matrix, buttons A and B, RGB LED, pins, USB."""
    w, h = 440, 330
    body = [f'<rect x="0" y="0" width="{w}" height="{h}" fill="white"/>',
            '<path d="M220 20 L340 60 L400 165 L340 270 L220 310 L100 270 L40 165 L100 60 Z" '
            'fill="#2f6f4f" stroke="#1d4532" stroke-width="4" stroke-linejoin="round"/>',
            '<rect x="200" y="8" width="40" height="18" rx="3" fill="#9aa3ab"/>',
            _text(220, 48, "USB", 12, extra=' fill="white"')]
    size = matrix_size(14, 5)
    body += _matrix(220 - size / 2, 110, ["09090", "99999", "99999", "09990", "00900"], 14, 5)
    for x, label in ((112, "A"), (328, "B")):
        body += [f'<circle cx="{x}" cy="165" r="20" fill="#e8e8e8" stroke="#222" stroke-width="3"/>',
                 f'<circle cx="{x}" cy="165" r="11" fill="#222"/>',
                 _text(x, 210, label, 20, extra=' fill="white" font-weight="bold"')]
    body += ['<circle cx="220" cy="232" r="9" fill="#4cc3ff" stroke="white" stroke-width="2"/>',
             _text(220, 260, "RGB-LED", 11, extra=' fill="white"')]
    for (x, y), pin in zip(((100, 60), (340, 60), (100, 270), (340, 270)), ("P0", "P1", "P2", "P3"),
                           strict=True):
        body += [f'<circle cx="{x}" cy="{y}" r="13" fill="#d4af37" stroke="#8a6d1a" stroke-width="2"/>',
                 _text(x, y + 4, pin, 10)]
    body += [_text(220, 102, "25 LEDs (5 × 5)", 12, extra=' fill="white"'),
             _text(112, 232, "Knopf A", 12, extra=' fill="white"'),
             _text(328, 232, "Knopf B", 12, extra=' fill="white"')]
    return _svg(w, h, body)


def coordinates() -> str:
    """The matrix with x (0..4, left to right) and y (0..4, top to bottom); the LED (3, 1) lit."""
    cell, gap, x0, y0 = 30, 8, 70, 60
    rows = ["00000", "00090", "00000", "00000", "00000"]
    body = ['<rect x="0" y="0" width="300" height="290" fill="white"/>',
            f'<rect x="{x0 - 10}" y="{y0 - 10}" width="{matrix_size(cell, gap) + 20}" '
            f'height="{matrix_size(cell, gap) + 20}" rx="8" fill="#1d2733"/>']
    body += _matrix(x0, y0, rows, cell, gap)
    for i in range(5):
        body.append(_text(x0 + i * (cell + gap) + cell / 2, y0 - 18, str(i), 15))
        body.append(_text(x0 - 25, y0 + i * (cell + gap) + cell / 2 + 5, str(i), 15))
    body += [_text(x0 + matrix_size(cell, gap) / 2, 22, "x →  (von links nach rechts)", 14),
             _text(22, y0 + matrix_size(cell, gap) / 2, "y ↓", 14),
             _text(150, 282, "display.set_pixel(3, 1, 9)", 14, font='font-family="monospace"')]
    return _svg(300, 290, body)


def frames(items: list[tuple[list[str], str]], cell: float = 10, gap: float = 3, arrows: bool = True) -> str:
    """Several matrix states side by side, each with a caption below, joined by arrows."""
    size = matrix_size(cell, gap)
    step = size + 46
    w, h = len(items) * step - 20, size + 40
    body = [f'<rect x="0" y="0" width="{w:g}" height="{h:g}" fill="white"/>']
    for i, (rows, caption) in enumerate(items):
        x = i * step
        body.append(f'<rect x="{x:g}" y="0" width="{size + 10:g}" height="{size + 10:g}" rx="5" '
                    'fill="#1d2733"/>')
        body += _matrix(x + 5, 5, rows, cell, gap)
        body.append(_text(x + size / 2 + 5, size + 30, caption, 12))
        if arrows and i < len(items) - 1:
            body.append(_text(x + size + 28, size / 2 + 10, "→", 20))
    return _svg(w, h, body)


def tilt() -> str:
    """Three boards: tilted left (x ≈ -1000), flat (x ≈ 0), tilted right (x ≈ +1000)."""
    body = ['<rect x="0" y="0" width="540" height="170" fill="white"/>']
    for i, (angle, label) in enumerate(((-25, "links gekippt: x ≈ -1000"), (0, "flach: x ≈ 0"),
                                        (25, "rechts gekippt: x ≈ +1000"))):
        cx = 90 + i * 180
        body.append(f'<g transform="rotate({angle} {cx} 70)">'
                    f'<rect x="{cx - 60}" y="55" width="120" height="30" rx="8" fill="#2f6f4f"/>'
                    f'<rect x="{cx - 14}" y="60" width="28" height="20" rx="2" fill="#3a4654"/></g>')
        arrow = {-25: "←", 0: "", 25: "→"}[angle]
        body.append(_text(cx, 130, arrow, 26, extra=' fill="#2f6f4f"'))
        body.append(_text(cx, 155, label, 13))
    return _svg(540, 170, body)


def caesar(shift: int = 3) -> str:
    """The Caesar cipher: the alphabet and the alphabet moved on by ``shift`` letters."""
    letters = [chr(65 + i) for i in range(26)]
    cell = 20
    w, h = 26 * cell + 150, 110
    body = [f'<rect x="0" y="0" width="{w}" height="{h}" fill="white"/>',
            _text(8, 32, "Klartext", 13, "start"), _text(8, 92, "Geheim", 13, "start")]
    for i, ch in enumerate(letters):
        x = 100 + i * cell
        moved = letters[(i + shift) % 26]
        body += [f'<rect x="{x}" y="14" width="{cell - 2}" height="26" fill="#e8f0ff"/>',
                 _text(x + cell / 2 - 1, 33, ch, 14),
                 f'<line x1="{x + cell / 2 - 1}" y1="42" x2="{x + cell / 2 - 1}" y2="68" stroke="#999" '
                 'marker-end="url(#pfeil)"/>',
                 f'<rect x="{x}" y="72" width="{cell - 2}" height="26" fill="#ffe8e8"/>',
                 _text(x + cell / 2 - 1, 91, moved, 14)]
    defs = ('<defs><marker id="pfeil" markerWidth="6" markerHeight="6" refX="3" refY="3" orient="auto">'
            '<path d="M0,0 L6,3 L0,6 Z" fill="#999"/></marker></defs>')
    return _svg(w, h, [defs, *body, _text(8, 60, f"Schlüssel {shift}", 13, "start", ' fill="#c0392b"')])


HOUSE = ["00900", "09990", "99999", "09090", "09990"]


def _digit(n: int) -> list[str]:
    from schuelerlab.hardware.sim.trace import char_rows

    return char_rows(str(n))


def pictures() -> dict[str, dict[str, str]]:
    """assignment id -> {file name: SVG text}."""
    dot = ["00000"] * 4
    return {
        "01_bilder": {"calliope.svg": board(), "koordinaten.svg": coordinates(),
                      "haus.svg": frames([(HOUSE, "So soll dein Haus aussehen")], cell=24, gap=6)},
        "02_knoepfe": {"calliope.svg": board(),
                       "pfeile.svg": frames([(["00900", "09000", "99999", "09000", "00900"], "A gedrückt"),
                                             (["00000"] * 5, "nichts gedrückt"),
                                             (["00900", "00090", "99999", "00090", "00900"], "B gedrückt")])},
        "03_schleifen": {
            "blinken.svg": frames([(["09090", "99999", "99999", "09990", "00900"], "0 s"),
                                   (["00000"] * 5, "0,5 s"),
                                   (["09090", "99999", "99999", "09990", "00900"], "1 s"),
                                   (["00000"] * 5, "1,5 s")]),
            "lauflicht.svg": frames([(["".join("9" if i == x else "0" for i in range(5))] + dot,
                                      f"{x * 0.2:.1f} s".replace(".", ",")) for x in range(5)])},
        "04_zaehler": {"zaehler.svg": frames([(_digit(0), "Start")]
                                             + [(_digit(n), "A gedrückt") for n in (1, 2, 3)])},
        "05_funktionen": {"funktionen.svg": frames(
            [(dot + ["99900"], "zeige_balken(3)"),
             (["99999", "99000", "00000", "00000", "00000"], "zeige_punkte(7)")], cell=14, gap=4,
            arrows=False)},
        "06_kippspiel": {"kippen.svg": tilt(),
                         "kippspiel.svg": frames([(dot + ["00900"], "Start: x = 2"),
                                                  (dot + ["00090"], "rechts gekippt: x = 3"),
                                                  (dot + ["00009"], "am Rand: x = 4 bleibt")])},
        "07_funk": {"caesar.svg": caesar(3)},
    }


def write_all(root: Path, course_id: str = "calliope") -> None:
    """Write every picture into its assignment folder below ``root / course_id / source``."""
    for assignment, files in pictures().items():
        folder = root / course_id / "source" / assignment
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
