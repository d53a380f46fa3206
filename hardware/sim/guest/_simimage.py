# Image of the simulated board (MicroPython): the micro:bit Image API, built-in images and the
# font used by display.show/scroll. Frames for the host are 25-character strings of "0".."9".
from _simdata import FONT, IMAGES


class Image:
    """A picture of width x height pixels with brightness 0..9."""

    def __init__(self, *args):
        self._ro = False
        self._cached = None
        if not args:
            self._w, self._h, self._px = 5, 5, bytearray(25)
        elif len(args) == 1 and isinstance(args[0], str):
            rows = args[0].rstrip(":").split(":") if args[0] else []
            if "\n" in args[0]:
                rows = [r for r in args[0].split("\n") if r]
            self._w = max([len(r) for r in rows]) if rows else 0
            self._h = len(rows)
            self._px = bytearray(self._w * self._h)
            for y, row in enumerate(rows):
                for x, ch in enumerate(row):
                    self._px[y * self._w + x] = _digit(ch)
        elif len(args) in (2, 3):
            w, h = int(args[0]), int(args[1])
            if w < 0 or h < 0:
                raise ValueError("image width/height must be non-negative")
            self._w, self._h = w, h
            if len(args) == 3:
                buf = args[2]
                if len(buf) != w * h:
                    raise ValueError("image data is incorrect size")
                self._px = bytearray(buf)
            else:
                self._px = bytearray(w * h)
        else:
            raise TypeError("Image(s) takes a string")

    def width(self):
        return self._w

    def height(self):
        return self._h

    def get_pixel(self, x, y):
        if not (0 <= x < self._w and 0 <= y < self._h):
            raise ValueError("index out of bounds")
        return self._px[y * self._w + x]

    def set_pixel(self, x, y, value):
        if self._ro:
            raise TypeError("image cannot be modified (try copying first)")
        if not (0 <= x < self._w and 0 <= y < self._h):
            raise ValueError("index out of bounds")
        if not 0 <= value <= 9:
            raise ValueError("brightness out of bounds")
        self._px[y * self._w + x] = value

    def fill(self, value):
        if self._ro:
            raise TypeError("image cannot be modified (try copying first)")
        if not 0 <= value <= 9:
            raise ValueError("brightness out of bounds")
        for i in range(len(self._px)):
            self._px[i] = value

    def copy(self):
        return Image(self._w, self._h, self._px)

    def invert(self):
        return Image(self._w, self._h, bytearray([9 - p for p in self._px]))

    def crop(self, x, y, w, h):
        out = Image(w, h)
        for j in range(h):
            for i in range(w):
                sx, sy = x + i, y + j
                if 0 <= sx < self._w and 0 <= sy < self._h:
                    out._px[j * w + i] = self._px[sy * self._w + sx]
        return out

    def shift_left(self, n):
        return self.crop(n, 0, self._w, self._h)

    def shift_right(self, n):
        return self.crop(-n, 0, self._w, self._h)

    def shift_up(self, n):
        return self.crop(0, n, self._w, self._h)

    def shift_down(self, n):
        return self.crop(0, -n, self._w, self._h)

    def blit(self, src, x, y, w, h, xdest=0, ydest=0):
        if self._ro:
            raise TypeError("image cannot be modified (try copying first)")
        part = src.crop(x, y, w, h)
        for j in range(h):
            for i in range(w):
                dx, dy = xdest + i, ydest + j
                if 0 <= dx < self._w and 0 <= dy < self._h:
                    self._px[dy * self._w + dx] = part._px[j * w + i]

    def __add__(self, other):
        if self._w != other._w or self._h != other._h:
            raise ValueError("images must be the same size")
        return Image(self._w, self._h, bytearray([min(9, a + b) for a, b in zip(self._px, other._px)]))

    def __mul__(self, factor):
        if factor < 0:
            raise ValueError("brightness multiplier must not be negative")
        return Image(self._w, self._h, bytearray([min(9, int(p * factor + 0.5)) for p in self._px]))

    def __truediv__(self, divisor):
        return self * (1 / divisor)

    def __eq__(self, other):
        return isinstance(other, Image) and (self._w, self._h, self._px) == (other._w, other._h, other._px)

    def _rows(self):
        w = self._w
        return ["".join([str(p) for p in self._px[y * w:(y + 1) * w]]) for y in range(self._h)]

    def __repr__(self):
        return "Image('%s')" % "".join([r + ":" for r in self._rows()])

    def __str__(self):
        return "Image(\n%s\n)" % "\n".join(["    '%s:'" % r for r in self._rows()])

    def _frame(self):
        """The 5x5 frame this image shows (top-left corner), as 25 digits."""
        if self._ro:
            if self._cached is None:
                self._cached = bytes([48 + p for p in self._px]).decode()
            return self._cached
        if self._w == 5 and self._h == 5:
            return bytes([48 + p for p in self._px]).decode()
        out = bytearray(b"0" * 25)
        for y in range(min(5, self._h)):
            for x in range(min(5, self._w)):
                out[y * 5 + x] = 48 + self._px[y * self._w + x]
        return out.decode()


def _digit(ch):
    if ch == " ":
        return 0
    if "0" <= ch <= "9":
        return ord(ch) - 48
    raise ValueError("unexpected character in Image definition")


def _glyph_rows(ch):
    code = ord(ch) if len(ch) == 1 else 63
    if not 32 <= code <= 126:
        code = 63  # "?" for characters the font lacks
    start = (code - 32) * 10
    return [int(FONT[start + 2 * r:start + 2 * r + 2], 16) for r in range(5)]


_char_frames = {}


def char_frame(ch):
    """The 5x5 frame of one character as display.show draws it."""
    frame = _char_frames.get(ch)
    if frame is None:
        rows = _glyph_rows(ch)
        frame = "".join(["".join(["9" if row & (16 >> x) else "0" for x in range(5)]) for row in rows])
        _char_frames[ch] = frame
    return frame


def _glyph_column(rows, x):
    return sum([(1 << y) for y in range(5) if rows[y] & (16 >> x)])


def _last_column(rows):
    """Where a character ends when scrolled: its rightmost lit column among 2..4 (at least 2)."""
    for x in (4, 3):
        if _glyph_column(rows, x):
            return x
    return 2


def scroll_frames(text, monospace=False):
    """Frames of display.scroll(text), as the firmware's scrolling iterator makes them: every frame
    shifts the display one column left and brings in the next column of the text on the right.
    Without monospace a character ends at its rightmost lit column, and a character after the first
    skips its first column if it is blank; one blank column separates characters."""
    cols = [0] * 5
    frames = []
    index = 0
    rows = _glyph_rows(text[0] if text else " ")
    offset = 0
    limit = 5 if monospace or not text else _last_column(rows) + 1
    while not (index >= len(text) and offset == 5):
        cols = cols[1:] + [0]
        if offset < limit:
            cols[4] = _glyph_column(rows, offset)
        elif offset == limit:
            index += 1
            if index >= len(text):
                rows, limit, offset = _glyph_rows(" "), 5, 0
            else:
                rows = _glyph_rows(text[index])
                if monospace:
                    offset, limit = -1, 5
                else:
                    offset = -1 if _glyph_column(rows, 0) else 0
                    limit = _last_column(rows) + 1
        offset += 1
        frames.append("".join(["".join(["9" if cols[x] & (1 << y) else "0" for x in range(5)])
                               for y in range(5)]))
    return frames


def _builtin(name):
    img = Image(IMAGES[name])
    img._ro = True
    return img


for _name in IMAGES:
    setattr(Image, _name, _builtin(_name))
Image.ALL_CLOCKS = tuple([getattr(Image, "CLOCK%d" % i) for i in (12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)])
Image.ALL_ARROWS = tuple([getattr(Image, "ARROW_" + d) for d in ("N", "NE", "E", "SE", "S", "SW", "W", "NW")])
