# MicroPython guest code (runs inside the simulated board, not on the host).
# open() for the flat file system of a simulated Calliope; the files live on the host (flatfs.py),
# reached through one host function set by serial_boot.install().
import binascii

fs_call = None  # host function: (op, name, data) -> [errno_name, value]
# WASI errno numbers of this MicroPython build; the host rewrites tracebacks to the board's numbers.
ERRNO = {"ENOENT": 44, "EIO": 29, "EBADF": 8, "EINVAL": 28, "ENOSPC": 51}
MODES = {"r": "r", "rt": "r", "tr": "r", "rb": "rb", "br": "rb",
         "w": "w", "wt": "w", "tw": "w", "wb": "wb", "bw": "wb"}


def fs(op, name="", data=""):
    err, value = fs_call(op, name, data)
    if err:
        raise OSError(ERRNO.get(err, 29))
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
            raise OSError(ERRNO["EBADF"])

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
