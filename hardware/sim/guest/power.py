# `power` of the simulated Calliope mini 3 (MicroPython).
import _simhost


def off():
    """Switch the board off (the simulation ends)."""
    _simhost.call("off")


def deep_sleep(ms=None, wake_on=None, run_every=True):
    """Sleep for `ms` (forever without ms)."""
    if ms is None:
        _simhost.call("off")
    _simhost.sleep_ms(ms)
