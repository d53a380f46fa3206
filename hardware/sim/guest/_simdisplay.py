# The 5x5 LED display of the simulated board (MicroPython). Every change is sent to the host as a
# frame; animations (show of a sequence, scroll) are played by the host on the board clock.
from _simhost import call, call_int, has, sleep_ms
from _simimage import Image, char_frame, scroll_frames

_BLANK = "0" * 25


class MicroBitDisplay:
    """display: show, scroll, set_pixel, get_pixel, clear, on/off, read_light_level."""

    def __init__(self):
        self._frame = _BLANK
        self._on = True
        self._bg = False  # a host animation may still be changing the display

    def _sync(self):
        if self._bg:
            self._frame = call("dq")
            self._bg = False

    def _put(self, frame):
        if frame == self._frame and not self._bg:
            return  # unchanged: the board shows the same, nothing to tell the host
        self._bg = False
        self._frame = frame
        call("disp", frame)

    def set_pixel(self, x, y, value):
        if not (0 <= x < 5 and 0 <= y < 5):
            raise ValueError("index out of bounds")
        if not 0 <= value <= 9:
            raise ValueError("brightness out of bounds")
        self._sync()
        i = y * 5 + x
        self._put(self._frame[:i] + chr(48 + value) + self._frame[i + 1:])

    def get_pixel(self, x, y):
        if not (0 <= x < 5 and 0 <= y < 5):
            raise ValueError("index out of bounds")
        self._sync()
        return ord(self._frame[y * 5 + x]) - 48

    def clear(self):
        self._put(_BLANK)

    def show(self, image, delay=400, *, wait=True, loop=False, clear=False):
        if isinstance(image, Image):
            self._put(image._frame())
            return
        if isinstance(image, int) and 0 <= image <= 9:
            self._put(char_frame(chr(48 + image)))
            return
        if isinstance(image, (int, float)):
            image = str(image)
        if isinstance(image, str) and len(image) == 1:
            self._put(char_frame(image))
            return
        frames = []
        for item in image:
            if isinstance(item, Image):
                frames.append(item._frame())
            elif isinstance(item, str) and len(item) == 1:
                frames.append(char_frame(item))
            else:
                raise TypeError("not an image")
        if clear:
            frames.append(_BLANK)
        self._animate(frames, delay, wait, loop)

    def scroll(self, text, delay=150, *, wait=True, loop=False, monospace=False):
        self._animate(scroll_frames(str(text), monospace), delay, wait, loop)

    def _animate(self, frames, delay, wait, loop):
        if not frames:
            return
        delay = max(0, int(delay))
        call("anim", "%d|%d|%s" % (delay, 1 if loop else 0, ",".join(frames)))
        self._bg = True
        if not wait:
            return
        if loop:
            while True:
                sleep_ms(max(1, delay * len(frames)))
        sleep_ms(delay * len(frames))
        self._frame = frames[-1]
        self._bg = False

    def on(self):
        self._on = True
        call("don", "1")

    def off(self):
        self._on = False
        call("don", "0")

    def is_on(self):
        return self._on

    def read_light_level(self):
        return call_int("sens", "light_level")

    def rotate(self, angle):
        call("drot", str(int(angle)))


display = MicroBitDisplay()
if not has("display.rotate"):
    del MicroBitDisplay.rotate
