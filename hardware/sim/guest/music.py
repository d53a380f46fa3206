# `music` of the simulated board (MicroPython): notes are recorded in the trace on the board
# clock; play(wait=True) takes as long as on the board (tempo: ticks per beat, beats per minute).
import _simhost
from _simtunes import *  # noqa: F401,F403

_SEMITONES = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}
_state = {"ticks": 4, "bpm": 120, "octave": 4, "duration": 4}


def _pin(pin):
    return getattr(pin, "_name", "pin0") if pin is not None else "pin0"


def _parse(note):
    """(name, frequency Hz or 0 for a rest, duration ms) of one note string; sticky octave/duration."""
    text = note.lower()
    name, _, dur = text.partition(":")
    letter = name[:1]
    rest = name[1:]
    shift = 0
    if rest[:1] == "#":
        shift, rest = 1, rest[1:]
    elif rest[:1] == "b":
        shift, rest = -1, rest[1:]
    if rest:
        _state["octave"] = int(rest)
    if dur:
        _state["duration"] = int(dur)
    ms = _state["duration"] * 60000 // (_state["bpm"] * _state["ticks"])
    if letter == "r":
        return "r", 0, ms
    if letter not in _SEMITONES:
        raise ValueError("invalid note")
    midi = 12 * (_state["octave"] + 1) + _SEMITONES[letter] + shift
    freq = int(440 * 2 ** ((midi - 69) / 12) + 0.5)
    label = letter.upper() + ("#" if shift > 0 else "b" if shift < 0 else "") + str(_state["octave"])
    return label, freq, ms


def play(music, pin=None, wait=True, loop=False):
    """Play a note string or a list of note strings."""
    if isinstance(music, str):
        music = (music,)
    notes = [_parse(n) for n in music]
    payload = ";".join(["%s,%d,%d" % n for n in notes])
    _simhost.call("music", "%s|%d|%s" % (_pin(pin), 1 if loop else 0, payload))
    if wait:
        total = sum([n[2] for n in notes])
        while loop:
            _simhost.sleep_ms(max(1, total))
        _simhost.sleep_ms(total)


def pitch(frequency, duration=-1, pin=None, wait=True):
    """Play a tone of `frequency` Hz for `duration` ms (-1: until stop())."""
    _simhost.call("music", "%s|0|~,%d,%d" % (_pin(pin), int(frequency), int(duration)))
    if wait and duration > 0:
        _simhost.sleep_ms(duration)


def stop(pin=None):
    """Stop the sound on `pin`."""
    _simhost.call("mstop", _pin(pin))


def set_tempo(ticks=None, bpm=None):
    """Set ticks per beat and beats per minute."""
    if ticks is not None:
        _state["ticks"] = int(ticks)
    if bpm is not None:
        _state["bpm"] = int(bpm)


def get_tempo():
    """(ticks, bpm)."""
    return (_state["ticks"], _state["bpm"])


def reset():
    """Tempo 4 ticks at 120 bpm, octave 4, duration 4."""
    _state.update({"ticks": 4, "bpm": 120, "octave": 4, "duration": 4})
