# Pins of the simulated board (MicroPython). The pin classes follow the firmware: a digital-only
# pin has no read_analog (so pin0.read_analog() fails on the mini 1.x/2.x as on the board).
from _simhost import PROFILE, call, call_int, has

NO_PULL, PULL_UP, PULL_DOWN = 0, 1, 2


class MicroBitDigitalPin:
    """A pin with digital input/output and PWM output."""

    NO_PULL = NO_PULL
    PULL_UP = PULL_UP
    PULL_DOWN = PULL_DOWN

    def __init__(self, name):
        self._name = name
        self._pull = NO_PULL
        self._period_us = 20000
        self._mode = "unused"

    def __repr__(self):
        return "<MicroBitPin %s>" % self._name

    def read_digital(self):
        self._mode = "read_digital"
        return call_int("pinr", self._name)

    def write_digital(self, value):
        if value not in (0, 1, True, False):
            raise ValueError("value must be 0 or 1")
        self._mode = "write_digital"
        call("pinw", "%s d %d" % (self._name, int(value)))

    def write_analog(self, value):
        value = int(value)
        if not 0 <= value <= 1023:
            raise ValueError("value must be between 0 and 1023")
        self._mode = "write_analog"
        call("pinw", "%s a %d" % (self._name, value))

    def set_analog_period(self, period):
        self._period_us = int(period) * 1000

    def set_analog_period_microseconds(self, period):
        self._period_us = int(period)

    def get_analog_period_microseconds(self):
        return self._period_us

    def set_pull(self, pull):
        self._pull = pull

    def get_pull(self):
        return self._pull

    def get_mode(self):
        return self._mode


class MicroBitAnalogDigitalPin(MicroBitDigitalPin):
    """A pin that can also read analog values 0..1023."""

    def read_analog(self):
        self._mode = "read_analog"
        return call_int("sens", self._name)


class _Touch:
    def is_touched(self):
        return call_int("touch", self._name + " i") == 1

    def was_touched(self):
        return call_int("touch", self._name + " w") == 1

    def get_touches(self):
        return call_int("touch", self._name + " g")

    def set_touch_mode(self, mode):
        self._touch_mode = mode


class MicroBitTouchPin(_Touch, MicroBitAnalogDigitalPin):
    """An analog pin that also senses touch."""

    RESISTIVE = 0
    CAPACITIVE = 1


class MicroBitTouchOnlyPin(_Touch):
    """The touch logo: touch sensing only."""

    RESISTIVE = 0
    CAPACITIVE = 1

    def __init__(self, name):
        self._name = name


_KINDS = {"digital": MicroBitDigitalPin, "analog": MicroBitAnalogDigitalPin,
          "touch": MicroBitTouchPin, "touch_only": MicroBitTouchOnlyPin}


if not has("pin.was_touched"):  # micro:bit 1.x firmware: is_touched only
    del _Touch.was_touched
    del _Touch.get_touches
    del _Touch.set_touch_mode


def make_pins():
    """The pin objects of the chosen board, by name."""
    return {name: _KINDS[kind](name) for name, kind in PROFILE["pins"].items()}


def pin_name(pin):
    """Host name of a pin object (for neopixel, music)."""
    return getattr(pin, "_name", str(pin))
