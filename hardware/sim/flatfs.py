"""The flat file system of a simulated Calliope, kept as plain files in a host folder.

Models the micro:bit file system both Calliope firmwares use (``calliope.md`` §7): no directories,
names up to 120 characters, space counted in 128-byte chunks with 126 bytes of payload each, a full
file system raises ``ENOSPC``. The guest's ``open``/``os`` shim (``guest/flatfs_guest.py``) calls
:meth:`FlatFS.call` through one host function; errors come back as errno names, never as exceptions.
"""

from __future__ import annotations

import base64
import math
from pathlib import Path

CHUNK_PAYLOAD = 126
MAX_NAME = 120


class FsError(Exception):
    """A file-system error the guest sees as ``OSError`` (``args[0]`` is the errno name)."""


def chunks_for(name: str, size: int) -> int:
    """Chunks a file occupies: a 2-byte header and the name share the first chunk with the data."""
    return max(1, math.ceil((2 + len(name.encode()) + size) / CHUNK_PAYLOAD))


class FlatFS:
    """A flat file system of ``capacity_bytes`` (a profile's ``fs_bytes``) stored in ``root``."""

    def __init__(self, root: Path, *, capacity_bytes: int) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.capacity_chunks = capacity_bytes // CHUNK_PAYLOAD

    # -- names -------------------------------------------------------------------------------
    @staticmethod
    def normalize(name: str) -> str:
        """Accept ``main.py``, ``/main.py`` and ``./main.py``; refuse anything with a directory."""
        name = name.removeprefix("./").lstrip("/") if name not in ("", "/", ".") else ""
        if not name or "/" in name or "\0" in name or name in (".", ".."):
            raise FsError("ENOENT")
        if len(name) > MAX_NAME:
            raise FsError("EINVAL")
        return name

    def _path(self, name: str) -> Path:
        return self.root / self.normalize(name)

    # -- queries -----------------------------------------------------------------------------
    def names(self) -> list[str]:
        """All file names, sorted."""
        return sorted(p.name for p in self.root.iterdir() if p.is_file())

    def exists(self, name: str) -> bool:
        """True if the file exists (False for invalid names)."""
        try:
            return self._path(name).is_file()
        except FsError:
            return False

    def size(self, name: str) -> int:
        """Size in bytes; ``ENOENT`` if missing."""
        path = self._path(name)
        if not path.is_file():
            raise FsError("ENOENT")
        return path.stat().st_size

    def read(self, name: str) -> bytes:
        """The whole file; ``ENOENT`` if missing."""
        path = self._path(name)
        if not path.is_file():
            raise FsError("ENOENT")
        return path.read_bytes()

    def used_chunks(self, *, ignore: str | None = None) -> int:
        """Chunks in use by all files except ``ignore``."""
        return sum(chunks_for(n, (self.root / n).stat().st_size) for n in self.names() if n != ignore)

    # -- changes -----------------------------------------------------------------------------
    def create(self, name: str) -> None:
        """Open for writing: an existing file is replaced by an empty one."""
        path = self._path(name)
        if self.used_chunks(ignore=path.name) + chunks_for(path.name, 0) > self.capacity_chunks:
            raise FsError("ENOSPC")
        path.write_bytes(b"")

    def append(self, name: str, data: bytes) -> None:
        """Add ``data`` to a file opened for writing; ``ENOSPC`` if it does not fit (nothing written)."""
        path = self._path(name)
        if not path.is_file():
            raise FsError("EBADF")
        new_size = path.stat().st_size + len(data)
        if self.used_chunks(ignore=path.name) + chunks_for(path.name, new_size) > self.capacity_chunks:
            raise FsError("ENOSPC")
        with path.open("ab") as fh:
            fh.write(data)

    def remove(self, name: str) -> None:
        """Delete a file; ``ENOENT`` if missing."""
        path = self._path(name)
        if not path.is_file():
            raise FsError("ENOENT")
        path.unlink()

    # -- the guest's entry point -------------------------------------------------------------
    def call(self, op: str, name: str = "", data: str = "") -> list:
        """Dispatch one guest request; returns ``[None, value]`` or ``[errno_name, None]``.

        Bytes travel base64-encoded (``data`` in, ``value`` out for ``read``).
        """
        try:
            if op == "list":
                return [None, [[n, self.size(n)] for n in self.names()]]
            if op == "size":
                return [None, self.size(name)]
            if op == "read":
                return [None, base64.b64encode(self.read(name)).decode()]
            if op == "create":
                self.create(name)
            elif op == "append":
                self.append(name, base64.b64decode(data))
            elif op == "remove":
                self.remove(name)
            else:
                return ["EINVAL", None]
            return [None, None]
        except FsError as err:
            return [str(err.args[0]), None]
        except OSError:
            return ["EIO", None]
