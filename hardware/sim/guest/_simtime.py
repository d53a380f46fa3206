# `time` / `utime` of the simulated board (MicroPython): every clock is the board's clock.
from _simhost import call_int, sleep_ms

_PERIOD = 1 << 30


def sleep(seconds):
    """Pause for `seconds` (int or float) of board time."""
    sleep_ms(seconds * 1000)


def sleep_us(us):
    """Pause for `us` microseconds (rounded to whole milliseconds)."""
    sleep_ms(int(us) // 1000)


def ticks_ms():
    """Milliseconds since the board started (wraps like MicroPython ticks)."""
    return call_int("ms") % _PERIOD


def ticks_us():
    """Microseconds since the board started (wraps like MicroPython ticks)."""
    return call_int("us") % _PERIOD


ticks_cpu = ticks_us


def ticks_add(ticks, delta):
    """Add `delta` to a ticks value, wrapping around."""
    return (ticks + delta) % _PERIOD


def ticks_diff(end, start):
    """Signed difference of two ticks values."""
    diff = (end - start) % _PERIOD
    if diff >= _PERIOD // 2:
        diff -= _PERIOD
    return diff

__name__ = "utime"  # error messages name the board's module
