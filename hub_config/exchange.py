"""Private submissions in nbgrader's exchange (lab mode): only the student and the teacher can read them.

nbgrader's own submit leaves every submission world-readable and world-writable (folder 0777, files
0644) in ``inbound/`` (2733): hidden only by a random name. Anyone who learns the name (a shared
screen, a log line) can read, replace or delete another child's work (reference §4, pain point 1).

:class:`PrivateSubmit` writes the submission so that every file belongs to the group of ``inbound/``
(the teacher's group: ``inbound`` is set-group-ID, made by the teacher's release), then closes it:
folders 0770, files 0640. The teacher collects through the group; other students get "Permission
denied" even with the exact path. If the files cannot get that group, nbgrader's permissions stay, so
collecting always works. Selected by ``c.ExchangeFactory.submit`` in the common nbgrader config.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from nbgrader.exchange.default import ExchangeSubmit

#: Final modes of a submission: the student (owner) and the teacher (group), nobody else.
DIR_MODE, FILE_MODE = 0o770, 0o640
STAGING = ".abgabe-kopie"


def _tree(folder: Path) -> list[Path]:
    """``folder`` and everything below it."""
    return [folder, *folder.rglob("*")]


def shares_group(folder: Path, gid: int) -> bool:
    """True if ``folder`` and everything in it belong to group ``gid``."""
    return all(path.lstat().st_gid == gid for path in _tree(folder))


def close_submission(folder: Path) -> None:
    """Folders 0770 and files 0640 (deepest first, so the walk never locks itself out)."""
    for path in sorted(_tree(folder), key=lambda p: len(p.parts), reverse=True):
        if path.is_symlink():
            continue
        path.chmod(DIR_MODE if path.is_dir() else FILE_MODE)


class PrivateSubmit(ExchangeSubmit):
    """nbgrader's submit, with the submission readable only by its student and the teacher's group."""

    def _inbound_gid(self) -> int | None:
        """The group new entries in ``inbound/`` inherit, or ``None`` if it is not set-group-ID."""
        info = os.stat(self.inbound_path)
        return info.st_gid if info.st_mode & stat.S_ISGID else None

    def do_copy(self, src, dest, log=None):
        """Copy into a folder created inside ``inbound/``, so every file inherits its group.

        ``shutil.copytree`` (used by nbgrader) resets the folder's mode at the end and with it the
        set-group-ID bit; so it copies into a staging folder whose parent keeps the bit, and the
        entries are moved up afterwards.
        """
        target = Path(dest)
        if Path(self.inbound_path) not in target.parents or self._inbound_gid() is None:
            return super().do_copy(src, dest, log)
        target.mkdir()  # inherits group and set-group-ID from inbound/
        staging = target / STAGING
        super().do_copy(src, str(staging), log)
        for entry in staging.iterdir():
            entry.rename(target / entry.name)
        staging.rmdir()
        return None

    def copy_files(self):
        """Submit as nbgrader does, then close the submission to everybody but the teacher's group."""
        super().copy_files()
        folder = Path(self.inbound_path) / self.assignment_filename
        gid = self._inbound_gid()
        if gid is None or not shares_group(folder, gid):
            self.log.warning("Abgabe %s bleibt mit den Rechten von nbgrader (Gruppe passt nicht).", folder)
            return
        close_submission(folder)
