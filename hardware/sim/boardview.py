"""Static pictures of a simulated board: the 5×5 display as text and as inline SVG/HTML.

Used as the fallback of the notebook widgets wherever JavaScript does not run (HTML exports,
nbgrader feedback, plain-text consoles): the display as a text grid, the serial lines, the error.
"""

from __future__ import annotations

from html import escape

#: Characters for brightness 0, 1-4 (dim) and 5-9 (bright).
GRID_CHARS = (".", "+", "#")
BOARD_TITLES = {"mini3": "Calliope mini 3", "mini2": "Calliope mini 1/2"}
#: Serial lines shown at most in a static picture (the last ones).
MAX_STATIC_LINES = 30


def grid_text(rows: list[str]) -> list[str]:
    """Five rows of brightness digits -> five text lines like ``. # . # .``."""
    def char(d: str) -> str:
        level = int(d)
        return GRID_CHARS[0 if level == 0 else 1 if level < 5 else 2]

    return [" ".join(char(d) for d in row) for row in rows]


def board_text(*, board: str, rows: list[str], serial: list[str], error: str = "", heading: str = "") -> str:
    """Plain text: heading, the display grid, the serial lines and the error (German)."""
    out = [heading or f"{BOARD_TITLES.get(board, board)} – Anzeige:"]
    out += ["  " + line for line in grid_text(rows)]
    shown = serial[-MAX_STATIC_LINES:]
    if shown:
        out.append("Ausgabe:" if len(shown) == len(serial) else f"Ausgabe (letzte {len(shown)} Zeilen):")
        out += ["  " + line for line in shown]
    else:
        out.append("Ausgabe: (keine)")
    if error:
        out.append(f"Fehler: {error}")
    return "\n".join(out)


def matrix_svg(rows: list[str], rgb: list[list[int]] | None = None, size: int = 16) -> str:
    """The LED matrix (and RGB LEDs) as a small inline SVG: red LEDs, brightness as opacity."""
    gap = size * 3 // 2
    width = gap * 5 + size // 2
    height = width + (gap if rgb else 0)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="LED-Anzeige">',
             f'<rect width="{width}" height="{height}" rx="8" fill="#1d2b36"/>']
    for y, row in enumerate(rows):
        for x, digit in enumerate(row):
            level = int(digit)
            fill = f"rgba(255,40,30,{level / 9:.2f})" if level else "#3b1414"
            parts.append(f'<rect x="{x * gap + size // 2}" y="{y * gap + size // 2}" width="{size}" '
                         f'height="{size}" rx="3" fill="{fill}"/>')
    for i, (r, g, b) in enumerate(rgb or []):
        cx = width // 2 + (i - (len(rgb) - 1) / 2) * gap
        parts.append(f'<circle cx="{cx:.0f}" cy="{height - gap // 2 - 2}" r="{size // 2}" '
                     f'fill="rgb({r},{g},{b})" stroke="#888"/>')
    parts.append("</svg>")
    return "".join(parts)


def board_html(*, board: str, rows: list[str], serial: list[str], error: str = "",
               rgb: list[list[int]] | None = None, heading: str = "") -> str:
    """Static HTML: heading, matrix picture, the text grid, serial lines and the error."""
    text = escape(board_text(board=board, rows=rows, serial=serial, error="", heading=heading))
    err = (f'<p style="color:#b00020;font-weight:bold">Fehler: {escape(error)}</p>' if error else "")
    return (f'<div class="schuelerlab-board-static">{matrix_svg(rows, rgb)}'
            f'<pre style="margin:4px 0">{text}</pre>{err}</div>')
