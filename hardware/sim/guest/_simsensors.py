# Buttons, accelerometer, compass and microphone of the simulated board (MicroPython).
# Values come from the scenario on the host, at the board's current time.
import math

from _simhost import call, call_int


class MicroBitButton:
    """button_a / button_b."""

    def __init__(self, name):
        self._name = name

    def is_pressed(self):
        return call_int("btn", self._name + " p") == 1

    def was_pressed(self):
        return call_int("btn", self._name + " w") == 1

    def get_presses(self):
        return call_int("btn", self._name + " g")


_GESTURES = ("up", "down", "left", "right", "face up", "face down", "freefall", "3g", "6g", "8g",
             "shake", "2g")


def _check_gesture(name):
    if name not in _GESTURES:
        raise ValueError("invalid gesture")


class MicroBitAccelerometer:
    """accelerometer: milli-g values and gestures."""

    def __init__(self):
        self._range = 2

    def get_x(self):
        return call_int("sens", "acc_x")

    def get_y(self):
        return call_int("sens", "acc_y")

    def get_z(self):
        return call_int("sens", "acc_z")

    def get_values(self):
        return tuple([int(v) for v in call("acc").split(",")])

    def get_strength(self):
        x, y, z = self.get_values()
        return int(math.sqrt(x * x + y * y + z * z))

    def current_gesture(self):
        return call("gest", "c")

    def is_gesture(self, name):
        _check_gesture(name)
        return call("gest", "c") == name

    def was_gesture(self, name):
        _check_gesture(name)
        return call("gest", "w " + name) == "1"

    def get_gestures(self):
        text = call("gest", "h")
        return tuple(text.split(",")) if text else ()

    def set_range(self, value):
        self._range = value


class MicroBitCompass:
    """compass: heading and magnetic field (calibration is instant in the simulator)."""

    def __init__(self):
        self._calibrated = False

    def calibrate(self):
        self._calibrated = True

    def is_calibrated(self):
        return self._calibrated

    def clear_calibration(self):
        self._calibrated = False

    def heading(self):
        self._calibrated = True
        return call_int("sens", "heading")

    def get_x(self):
        return call_int("sens", "mag_x")

    def get_y(self):
        return call_int("sens", "mag_y")

    def get_z(self):
        return call_int("sens", "mag_z")

    def get_field_strength(self):
        return call_int("sens", "field_strength")


class MicroBitSoundEvent:
    """SoundEvent.LOUD / QUIET / CLAP."""

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "SoundEvent('%s')" % self._name


class SoundEvent:
    LOUD = MicroBitSoundEvent("loud")
    QUIET = MicroBitSoundEvent("quiet")
    CLAP = MicroBitSoundEvent("clap")


_EVENTS = {"loud": SoundEvent.LOUD, "quiet": SoundEvent.QUIET, "clap": SoundEvent.CLAP}


class MicroBitMicrophone:
    """microphone (mini 3): sound level 0..255 and loud/quiet events."""

    def sound_level(self):
        return call_int("sens", "sound_level")

    def sound_level_db(self):
        level = self.sound_level()
        return int(35 + level * 85 / 255)

    def current_event(self):
        return _EVENTS.get(call("mic", "c"))

    def is_event(self, event):
        return call("mic", "c") == event._name

    def was_event(self, event):
        return call("mic", "w " + event._name) == "1"

    def get_events(self):
        text = call("mic", "h")
        return tuple([_EVENTS[n] for n in text.split(",")]) if text else ()

    def set_threshold(self, event, value):
        call("mic", "t %s %d" % (event._name, int(value)))
