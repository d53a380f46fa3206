# `machine` of the simulated Calliope mini 3 (MicroPython).
import _simhost


def freq():
    """CPU frequency in Hz."""
    return 64000000


def reset():
    """Restart the board."""
    _simhost.call("reset")


def unique_id():
    """A fixed 8-byte id of the simulated board."""
    return b"SIMCAL03"


def time_pulse_us(pin, pulse_level, timeout_us=1000000):
    """No pulses arrive in the simulator: -1 (timeout)."""
    return -1


def disable_irq():
    return 0


def enable_irq(state=0):
    pass


class _Mem:
    def __getitem__(self, addr):
        return 0

    def __setitem__(self, addr, value):
        pass


mem8 = _Mem()
mem16 = _Mem()
mem32 = _Mem()

__name__ = "machine"  # error messages name the board's module
