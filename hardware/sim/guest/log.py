# `log` of the simulated Calliope mini 3 (MicroPython): rows go into the trace; with mirroring
# they are printed on serial like the firmware does (CSV, header first).
import _simhost

MILLISECONDS = 1
SECONDS = 10
MINUTES = 600
HOURS = 36000
DAYS = 864000

_UNITS = {1: "milliseconds", 10: "seconds", 600: "minutes", 36000: "hours", 864000: "days"}
_state = {"labels": [], "timestamp": SECONDS, "mirror": False, "header_done": False}


def set_labels(*labels, timestamp=SECONDS):
    """Set the column names (and the time unit of the first column)."""
    _state["labels"] = [str(x) for x in labels]
    _state["timestamp"] = timestamp
    _state["header_done"] = False


def set_mirroring(serial):
    """Also print header and rows on serial."""
    _state["mirror"] = bool(serial)


def _header():
    cols = list(_state["labels"])
    if _state["timestamp"]:
        cols.insert(0, "Time (%s)" % _UNITS[_state["timestamp"]])
    return ",".join(cols)


def add(data=None, **kwargs):
    """Add one row: add({"temp": 21}) or add(temp=21)."""
    row = dict(data or {})
    row.update(kwargs)
    for key in row:
        if key not in _state["labels"]:
            _state["labels"].append(key)
            _state["header_done"] = False
    cells = [str(row.get(k, "")) for k in _state["labels"]]
    if _state["timestamp"]:
        ms = _simhost.call_int("ms")
        unit = _state["timestamp"]
        cells.insert(0, str(ms) if unit == 1 else "%.2f" % (ms / (unit * 100)))
    line = ",".join(cells)
    _simhost.call("log", _header() + "\n" + line)
    if _state["mirror"]:
        if not _state["header_done"]:
            print(_header())
        print(line)
    _state["header_done"] = True


def delete(full=False):
    """Delete the log."""
    _state["header_done"] = False
    _simhost.call("log", "")
