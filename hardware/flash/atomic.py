"""Write a file so that it is either complete or absent: temporary file, fsync, rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes, *, suffix: str = "") -> None:
    """Write ``data`` next to ``target`` in a temporary file, fsync it, then rename it over ``target``.

    The file gets the usual permissions under the current umask (``mkstemp`` makes it 0600).
    Raises ``OSError`` when the folder cannot take the file; nothing half-written is left behind.
    """
    fd, tmp = tempfile.mkstemp(prefix=".part-", suffix=suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
