# `os` of the simulated board (MicroPython): the board's flat file system is the VM's working
# directory (a host folder). Only the functions the chosen board has are kept (PROFILE["os"]).
# The serial face extends this module (board persona for the REPL); keep it self-contained.
import builtins
import os as _os

from _simhost import PROFILE

#: WASI errno -> (board errno, name) for the errors a program can meet on the flat file system.
_ERRNO = {44: (2, "ENOENT"), 63: (1, "EPERM"), 20: (17, "EEXIST"), 31: (21, "EISDIR"),
          54: (20, "ENOTDIR"), 51: (28, "ENOSPC"), 2: (13, "EACCES"), 28: (22, "EINVAL")}


_BaseOSError = OSError


class OSError(_BaseOSError):  # named OSError so tracebacks read "OSError: [Errno 2] ENOENT"
    """OSError with the board's errno number and name (the VM's own errno table is WASI's)."""

    def __init__(self, number, name):
        super().__init__("[Errno %d] %s" % (number, name))
        self._errno = number

    @property
    def errno(self):
        return self._errno


_BoardOSError = OSError
OSError = _BaseOSError


def _board_error(exc):
    code = exc.args[0] if exc.args else 0
    if code in _ERRNO:
        return _BoardOSError(*_ERRNO[code])
    return exc


def _check_name(name):
    if "/" in name:
        raise _BoardOSError(2, "ENOENT")


def listdir(path=""):
    """Names of the files on the board."""
    return [n for n in _os.listdir(path or ".") if not n.startswith(".")]


def ilistdir(path=""):
    """(name, type, inode) for every file (MicroPython style)."""
    return iter([(n, 0x8000, 0) for n in listdir(path)])


def remove(name):
    """Delete a file."""
    _check_name(name)
    try:
        _os.remove(name)
    except OSError as exc:
        raise _board_error(exc)


def stat(name):
    """10-tuple like MicroPython's os.stat; files only (the board has no folders)."""
    if name in ("", "/", "."):
        return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    _check_name(name)
    try:
        size = _os.stat(name)[6]
    except OSError as exc:
        raise _board_error(exc)
    return (0x8000, 0, 0, 0, 0, 0, size, 0, 0, 0)


_stat = stat  # kept for size(): the mini 1/2 persona deletes the public stat below


def size(name):
    """Size of a file in bytes."""
    return _stat(name)[6]


class _Uname:
    def __init__(self):
        self.sysname = "microbit"
        self.nodename = "microbit"
        self.release = PROFILE["release"]
        self.version = PROFILE["version"]
        self.machine = PROFILE["machine"]
        self._t = (self.sysname, self.nodename, self.release, self.version, self.machine)

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 5

    def __repr__(self):
        return "(sysname=%r, nodename=%r, release=%r, version=%r, machine=%r)" % self._t


def uname():
    """Board and firmware identity, as the chosen board reports it."""
    return _Uname()


_builtin_open = builtins.open
_MODES = ("r", "w", "rb", "wb", "rt", "wt")


def _chunks(name, size):
    # 128-byte chunks with 126 bytes payload; header and name share the first (as flatfs.chunks_for)
    return max(1, -(-(2 + len(name.encode()) + size) // 126))


def _used_chunks(skip):
    total = 0
    for n in listdir():
        if n != skip:
            try:
                total += _chunks(n, _os.stat(n)[6])
            except OSError:
                pass
    return total


class _BoardFile:
    """A file on the flat file system; writes beyond the board's capacity fail with ENOSPC."""

    def __init__(self, f, name, writing):
        self._f = f
        self._name = name
        self._room = PROFILE["fs_bytes"] // 126 - _used_chunks(name) if writing else 0
        self._written = 0

    def write(self, data):
        if _chunks(self._name, self._written + len(data)) > self._room:
            raise _BoardOSError(28, "ENOSPC")
        self._written += len(data)
        return self._f.write(data)

    def read(self, *args):
        return self._f.read(*args)

    def readinto(self, *args):
        return self._f.readinto(*args)

    def readline(self, *args):
        return self._f.readline(*args)

    def readlines(self):
        return self._f.readlines()

    def __iter__(self):
        return iter(self._f)

    def flush(self):
        return self._f.flush()

    def close(self):
        return self._f.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()


def _open(name, mode="r", *args, **kwargs):
    if mode not in _MODES:
        raise ValueError("illegal mode")
    _check_name(name)
    try:
        f = _builtin_open(name, mode, *args, **kwargs)
    except OSError as exc:
        raise _board_error(exc)
    return _BoardFile(f, name, "w" in mode)


builtins.open = _open

for _name in ("listdir", "ilistdir", "remove", "stat", "size", "uname"):
    if _name not in PROFILE["os"]:
        del globals()[_name]

__name__ = "os"  # error messages name the board's module
