# `neopixel` of the simulated board (MicroPython): colours shown with show() go into the trace.
import _simhost


class NeoPixel:
    """n RGB LEDs on a pin: np[i] = (r, g, b); np.show()."""

    def __init__(self, pin, n, bpp=3):
        self._pin = getattr(pin, "_name", str(pin))
        self._n = n
        self._bpp = bpp
        self._px = [(0,) * bpp for _ in range(n)]

    def __len__(self):
        return self._n

    def __setitem__(self, i, colour):
        if len(colour) != self._bpp:
            raise ValueError("expected tuple of length %d" % self._bpp)
        for c in colour:
            if not 0 <= c <= 255:
                raise ValueError("invalid colour")
        self._px[i] = tuple(colour)

    def __getitem__(self, i):
        return self._px[i]

    def fill(self, colour):
        for i in range(self._n):
            self[i] = colour

    def clear(self):
        self.fill((0,) * self._bpp)
        self.show()

    def show(self):
        values = []
        for p in self._px:
            values += [p[0], p[1], p[2]]
        _simhost.call("rgb", self._pin + "|" + ",".join([str(v) for v in values]))

    write = show
