# MicroPython guest code: the serial face's board persona on top of the simulator's live mode.
# install() (run by hardware/sim/liveexec.py after every VM start) replaces open() by one for the
# flat file system kept on the host (flatfs.py: chunk accounting, ENOSPC, "illegal mode" for
# 'a'), and the live loop's code runner by one that also knows the friendly REPL's "single" mode
# and reports SystemExit (the board soft-reboots).
import binascii
import builtins
import sys

import _simhost
import _simos

#: errno names -> numbers as the board prints them
ERRNO = {"ENOENT": 2, "EIO": 5, "EBADF": 9, "EINVAL": 22, "ENOSPC": 28}
MODES = {"r": "r", "rt": "r", "tr": "r", "rb": "rb", "br": "rb",
         "w": "w", "wt": "w", "tw": "w", "wb": "wb", "bw": "wb"}


def error(name):
    return _simos._BoardOSError(ERRNO.get(name, 5), name if name in ERRNO else "EIO")


def fs(op, name="", data=""):
    err, value = _simhost.json.loads(_simhost.call("ssfs", op + "\x00" + name + "\x00" + data))
    if err:
        raise error(err)
    return value


class FlatFile:
    def __init__(self, name, mode):
        self.name = name
        self._binary = "b" in mode
        self._writing = "w" in mode
        self._closed = False
        self._pos = 0
        if self._writing:
            fs("create", name)
            self._data = b""
        else:
            self._data = binascii.a2b_base64(fs("read", name))

    def _check(self, writing):
        if self._closed or writing != self._writing:
            raise error("EBADF")

    def _out(self, data):
        return data if self._binary else str(data, "utf-8")

    def read(self, size=-1):
        self._check(False)
        end = len(self._data) if size is None or size < 0 else self._pos + size
        data = self._data[self._pos:end]
        self._pos += len(data)
        return self._out(data)

    def readinto(self, buf, size=-1):
        self._check(False)
        n = len(buf) if size is None or size < 0 else min(size, len(buf))
        data = self._data[self._pos:self._pos + n]
        buf[:len(data)] = data
        self._pos += len(data)
        return len(data)

    def readline(self, size=-1):
        self._check(False)
        end = self._data.find(b"\n", self._pos)
        end = len(self._data) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        data = self._data[self._pos:end]
        self._pos = end
        return self._out(data)

    def write(self, data):
        self._check(True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        fs("append", self.name, binascii.b2a_base64(bytes(data)).decode())
        return len(data)

    def flush(self):
        pass

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


def open(name, mode="r", *args, **kwargs):
    if not isinstance(name, str):
        raise TypeError("can't convert to str implicitly")
    if mode not in MODES:
        raise ValueError("illegal mode")
    return FlatFile(name, MODES[mode])


def _run_code(source, filename, scope):
    boot = sys.modules["_simboot"]
    mode = "exec"
    if filename[:1] == "\x02":  # marker of the friendly REPL (\x01 would be a host signal)
        mode, filename = "single", filename[1:]
    try:
        exec(compile(source, filename, mode), scope)
    except SystemExit:
        _simhost.call("ssexit", "")
    except BaseException as exc:  # noqa - everything is reported to the host
        boot._report(exc)


def install():
    builtins.open = open
    sys.modules["_simboot"]._run_code = _run_code
