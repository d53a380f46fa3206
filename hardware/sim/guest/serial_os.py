# MicroPython guest code: the board's `os` module (flat file system). serial_boot.install() deletes
# the functions the simulated board does not have (boards.py os_functions).
import serial_flatfs as _flat


class _Uname:
    def __init__(self, fields):
        self._fields = fields

    def __getattr__(self, name):
        for key, value in self._fields:
            if key == name:
                return value
        raise AttributeError(name)

    def __getitem__(self, index):
        return self._fields[index][1]

    def __len__(self):
        return len(self._fields)

    def __repr__(self):
        return "(" + ", ".join("{}={!r}".format(*kv) for kv in self._fields) + ")"


_UNAME = None


def _check_dir(path):
    if path not in ("", "/", "."):
        raise OSError(_flat.ERRNO["ENOENT"])


def listdir(path=""):
    _check_dir(path)
    return [name for name, size in _flat.fs("list")]


def ilistdir(path=""):
    _check_dir(path)
    return iter([(name, 0x8000, 0, size) for name, size in _flat.fs("list")])


def stat(path):
    if path in ("", "/"):
        return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    return (0x8000, 0, 0, 0, 0, 0, _flat.fs("size", path), 0, 0, 0)


def remove(path):
    _flat.fs("remove", path)


def size(path):
    return _flat.fs("size", path)


def uname():
    return _UNAME
