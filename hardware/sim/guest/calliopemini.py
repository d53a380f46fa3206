# `calliopemini` of the simulated Calliope mini (MicroPython). Names the chosen board lacks
# (PROFILE["missing"], e.g. microphone on the mini 1.x/2.x) are removed at import, so using them
# fails with the same NameError/ImportError as on the board.
import _simhost
import _simpins
import _simsensors
from _simdisplay import display  # noqa: F401
from _simimage import Image  # noqa: F401
from _simsensors import SoundEvent  # noqa: F401

_call = _simhost.call
_call_int = _simhost.call_int
_pin_name = _simpins.pin_name

button_a = _simsensors.MicroBitButton("a")
button_b = _simsensors.MicroBitButton("b")
accelerometer = _simsensors.MicroBitAccelerometer()
compass = _simsensors.MicroBitCompass()
microphone = _simsensors.MicroBitMicrophone()
globals().update(_simpins.make_pins())


def sleep(ms):
    """Pause the program for `ms` milliseconds."""
    _simhost.sleep_ms(ms)


def running_time():
    """Milliseconds since the board started."""
    return _call_int("ms")


def temperature():
    """Temperature in °C (integer)."""
    return _call_int("sens", "temperature")


def reset():
    """Restart the board (the program starts again)."""
    _call("reset")


def panic(n=0):
    """Stop with a sad face and an error number, as the firmware does."""
    _call("panic", str(int(n)))


def scale(value, from_, to):
    """Map `value` from the range `from_` to the range `to`."""
    lo, hi = from_
    a, b = to
    result = a + (value - lo) * (b - a) / (hi - lo)
    if isinstance(a, float) or isinstance(b, float):
        return result
    return int(result + 0.5) if result >= 0 else -int(-result + 0.5)


def set_volume(volume):
    """Speaker volume 0..255."""
    _call("vol", str(max(0, min(255, int(volume)))))


def run_every(callback=None, h=0, min=0, s=0, ms=0):
    """Call `callback` periodically during sleeps; works as a decorator too."""
    period = int(((h * 60 + min) * 60 + s) * 1000 + ms)

    def register(fn):
        _simhost.TIMERS.append([_call_int("ms") + period, max(1, period), fn])
        return fn

    return register(callback) if callback is not None else register


def ws2812_write(pin, buf):
    """Send GRB bytes to WS2812 LEDs (the three RGB LEDs are on pin_RGB)."""
    data = bytes(buf)
    rgb = []
    for i in range(0, len(data) - 2, 3):
        rgb += [data[i + 1], data[i], data[i + 2]]
    _call("rgb", _pin_name(pin) + "|" + ",".join([str(v) for v in rgb]))


class _Speaker:
    """speaker (mini 3): on() and off() only."""

    def on(self):
        _call("speaker", "1")

    def off(self):
        _call("speaker", "0")


speaker = _Speaker()


class Sound:
    """Built-in expressive sounds (play with audio.play)."""

    GIGGLE = "giggle"
    HAPPY = "happy"
    HELLO = "hello"
    MYSTERIOUS = "mysterious"
    SAD = "sad"
    SLIDE = "slide"
    SOARING = "soaring"
    SPRING = "spring"
    TWINKLE = "twinkle"
    YAWN = "yawn"


class _I2C:
    def init(self, freq=100000, sda=None, scl=None):
        pass

    def scan(self):
        return []

    def read(self, addr, n, repeat=False):
        from _simos import _BoardOSError
        raise _BoardOSError(19, "ENODEV")

    def write(self, addr, buf, repeat=False):
        from _simos import _BoardOSError
        raise _BoardOSError(19, "ENODEV")


class _UART:
    ODD = 1
    EVEN = 0

    def init(self, baudrate=9600, bits=8, parity=None, stop=1, *, tx=None, rx=None):
        pass

    def any(self):
        return False

    def read(self, n=-1):
        return None

    readline = read

    def readinto(self, buf, n=-1):
        return None

    def write(self, buf):
        _call("out", buf if isinstance(buf, str) else bytes(buf).decode())
        return len(buf)


class _SPI:
    def init(self, baudrate=1000000, bits=8, mode=0, sclk=None, mosi=None, miso=None):
        pass

    def write(self, buf):
        pass

    def read(self, n, value=0):
        return bytes([value] * n)

    def write_readinto(self, out, buf):
        for i in range(len(buf)):
            buf[i] = 0


i2c = _I2C()
uart = _UART()
spi = _SPI()

_name = None
for _name in _simhost.PROFILE["missing"]:
    if "." not in _name and _name in globals():
        del globals()[_name]
del _name
