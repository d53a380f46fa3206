# `speech` of the simulated board (MicroPython): spoken text goes into the trace as a sound.
import _simhost


def say(words, *, pitch=64, speed=72, mouth=128, throat=128):
    """Speak English words (recorded, takes about 80 ms per letter)."""
    _simhost.call("sound", "say:" + str(words))
    _simhost.sleep_ms(80 * len(str(words)))


pronounce = say
sing = say
