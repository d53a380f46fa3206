# The guest side of the host bridge (MicroPython). Every board action goes through call().
#
# A host answer starting with "\x01" is a signal: "\x01K" raises KeyboardInterrupt,
# "\x01E<Type>\x02<message>" raises that exception type inside the student program.
import json

import host

_hc = host.call

#: Board profile sent by the host at boot: id, missing names, pins, modules, ...
PROFILE = json.loads(_hc("boot", ""))

_ERRORS = {
    "ValueError": ValueError,
    "TypeError": TypeError,
    "OSError": OSError,
    "RuntimeError": RuntimeError,
    "AttributeError": AttributeError,
    "NotImplementedError": NotImplementedError,
    "EOFError": EOFError,
}


def _signal(answer):
    kind = answer[1:2]
    if kind == "K":
        raise KeyboardInterrupt
    if kind == "E":
        name, _, message = answer[2:].partition("\x02")
        raise _ERRORS.get(name, RuntimeError)(message)
    raise RuntimeError("simulator: " + answer[1:])


def call(name, payload=""):
    """Call host function `name` with a string payload; return its string answer."""
    answer = _hc(name, payload)
    if answer and answer[0] == "\x01":
        _signal(answer)
    return answer


def call_int(name, payload=""):
    """Call a host function whose answer is an integer."""
    return int(call(name, payload))


def has(name):
    """Whether the chosen board offers the calliopemini name `name`."""
    return name not in PROFILE["missing"]


#: run_every timers: [due_ms, period_ms, function]
TIMERS = []


def sleep_ms(ms):
    """Pause for `ms` ms of board time, running due run_every callbacks meanwhile."""
    ms = int(ms)
    if not TIMERS:
        call("sleep", str(ms))
        return
    end = call_int("ms") + ms
    while True:
        timer = TIMERS[0]
        for t in TIMERS:
            if t[0] < timer[0]:
                timer = t
        if timer[0] > end:
            break
        now = call_int("ms")
        if timer[0] > now:
            call("sleep", str(timer[0] - now))
        timer[0] += timer[1]
        timer[2]()
    now = call_int("ms")
    if end > now:
        call("sleep", str(end - now))
