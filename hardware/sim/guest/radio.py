# `radio` of the simulated board (MicroPython): sent messages go into the trace, messages of the
# scenario arrive at their time (if the radio is on and the group matches).
import _simhost

RATE_250KBIT = 0
RATE_1MBIT = 1
RATE_2MBIT = 2

_DEFAULTS = {"length": 32, "queue": 3, "channel": 7, "power": 6, "address": 0x75626974, "group": 0,
             "data_rate": RATE_1MBIT}
_cfg = dict(_DEFAULTS)
_on = [False]


def _check_on():
    if not _on[0]:
        raise ValueError("radio is not enabled")


def on():
    """Switch the radio on."""
    _on[0] = True
    _simhost.call("radio", "on|%d" % _cfg["group"])


def off():
    """Switch the radio off."""
    _on[0] = False
    _simhost.call("radio", "off|")


def config(**kwargs):
    """Set length, queue, channel, power, address, group, data_rate."""
    for key, value in kwargs.items():
        if key not in _cfg:
            raise TypeError("unexpected keyword argument '%s'" % key)
        if key == "group" and not 0 <= value <= 255:
            raise ValueError("value out of range for argument 'group'")
        _cfg[key] = value
    _simhost.call("radio", "cfg|%d|%d" % (_cfg["group"], _cfg["queue"]))


def reset():
    """Back to the default settings."""
    _cfg.clear()
    _cfg.update(_DEFAULTS)
    _simhost.call("radio", "cfg|%d|%d" % (_cfg["group"], _cfg["queue"]))


def send(message):
    """Send a string to the boards in the same group."""
    _check_on()
    _simhost.call("radio", "s|" + str(message))


def send_bytes(message):
    """Send bytes."""
    _check_on()
    _simhost.call("radio", "b|" + "".join(["%02x" % b for b in bytes(message)]))


def _next():
    answer = _simhost.call("radio", "r|")
    if not answer:
        return None
    return answer[0], answer[1:]


def receive():
    """The next received string, or None."""
    _check_on()
    got = _next()
    if got is None:
        return None
    return got[1] if got[0] == "s" else bytes.fromhex(got[1]).decode()


def receive_bytes():
    """The next received message as bytes, or None."""
    _check_on()
    got = _next()
    if got is None:
        return None
    return got[1].encode() if got[0] == "s" else bytes.fromhex(got[1])


def receive_full():
    """(bytes, rssi, timestamp_us) of the next message, or None."""
    data = receive_bytes()
    if data is None:
        return None
    return (data, -50, _simhost.call_int("us"))


def receive_bytes_into(buffer):
    """Copy the next message into `buffer`; return its length or None."""
    data = receive_bytes()
    if data is None:
        return None
    n = min(len(buffer), len(data))
    buffer[:n] = data[:n]
    return n
