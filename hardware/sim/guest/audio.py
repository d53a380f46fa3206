# `audio` of the simulated board (MicroPython): played sounds go into the trace.
import _simhost

_SOUND_MS = 1000  # an expressive sound lasts about a second


class AudioFrame:
    """32 samples of 8-bit audio."""

    def __init__(self, size=32):
        self._data = bytearray(size)

    def __len__(self):
        return len(self._data)

    def __getitem__(self, i):
        return self._data[i]

    def __setitem__(self, i, v):
        self._data[i] = v


def play(source, wait=True, pin=None, return_pin=None):
    """Play a Sound (mini 3) or audio frames."""
    name = source if isinstance(source, str) else "frames"
    _simhost.call("sound", name)
    if wait:
        _simhost.sleep_ms(_SOUND_MS)


def is_playing():
    """Whether a sound is still playing."""
    return _simhost.call("sound", "?") == "1"


def stop():
    """Stop the sound."""
    _simhost.call("sound", "")
