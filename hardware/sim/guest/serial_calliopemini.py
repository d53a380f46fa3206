# MicroPython guest code: a minimal `calliopemini` for the serial face, used only when the
# simulator's full board model (guest/calliopemini.py) is not installed.
import serial_machine as _m
import serial_time as _t

_start = _t.ticks_ms()


def sleep(ms):
    _t.sleep_ms(int(ms))


def running_time():
    return _t.ticks_diff(_t.ticks_ms(), _start)


def temperature():
    return 21


def reset():
    _m.reset()


class _Display:
    def show(self, *args, **kwargs):
        pass

    def scroll(self, *args, **kwargs):
        pass

    def clear(self):
        pass

    def set_pixel(self, x, y, value):
        pass

    def read_light_level(self):
        return 128


class _Button:
    def is_pressed(self):
        return False

    def was_pressed(self):
        return False

    def get_presses(self):
        return 0


display = _Display()
button_a = _Button()
button_b = _Button()
