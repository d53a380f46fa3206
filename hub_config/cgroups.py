"""Per-person memory limit and fair CPU share for single-user servers: Linux control groups (v1 or v2).

rlimits (``limits.py``) cap each process; a person with several kernels could still fill the memory
of the machine. When the hub runs as root and the cgroup file system is writable, each server joins
the group ``schuelerlab/<name>``: its memory limit is ``limits.mem_limit`` for the server, its kernels
and terminals together (over the limit the kernel's OOM killer stops the biggest process of that
person only), and each person's group gets the same CPU weight, so one busy child cannot slow down
the others. Without root or writable cgroups nothing is enforced and the hub log says so.

cgroup v1 (separate ``memory`` and ``cpu`` hierarchies): the groups are made below the hub's own
group. cgroup v2 (one unified hierarchy): below the root, in ``/sys/fs/cgroup/schuelerlab``.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
BASE = "schuelerlab"


@dataclass(frozen=True)
class Hierarchy:
    """Where person groups are made: ``memory`` (and ``cpu``, if separate) base folders."""

    version: int
    bases: tuple[Path, ...]  # v2: one folder; v1: memory base, then cpu base (if any)

    def person(self, name: str) -> tuple[Path, ...]:
        """The person's group folders (one per hierarchy)."""
        return tuple(base / name for base in self.bases)


def _own_path(proc_cgroup: str, controller: str) -> str | None:
    """The hub's own group in the v1 hierarchy that has ``controller`` (from /proc/self/cgroup)."""
    for line in proc_cgroup.splitlines():
        parts = line.split(":", 2)
        if len(parts) == 3 and controller in parts[1].split(","):
            return parts[2]
    return None


def find_hierarchy(root: Path = ROOT, proc_cgroup: str | None = None) -> Hierarchy | None:
    """The writable cgroup hierarchy for person groups, or None (not root, no memory controller)."""
    if os.geteuid() != 0 or not root.is_dir():
        return None
    if proc_cgroup is None:
        proc_cgroup = Path("/proc/self/cgroup").read_text(encoding="utf-8")
    unified = root / "cgroup.controllers"
    if unified.exists():
        if "memory" not in unified.read_text(encoding="utf-8").split():
            return None
        return Hierarchy(2, (root / BASE,))
    bases = []
    for controller in ("memory", "cpu"):
        own = _own_path(proc_cgroup, controller)
        folder = next((d for d in root.glob(f"*{controller}*") if controller in d.name.split(",")), None)
        if own is not None and folder is not None and (folder / own.lstrip("/")).is_dir():
            bases.append(folder / own.lstrip("/") / BASE)
        elif controller == "memory":
            return None
    return Hierarchy(1, tuple(bases))


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="ascii") as handle:
        handle.write(text)


def _enable_v2(base: Path) -> None:
    """Let the memory and cpu controllers reach the person groups below ``base`` (v2)."""
    base.mkdir(exist_ok=True)
    wanted = [c for c in ("memory", "cpu") if c in (base.parent / "cgroup.controllers").read_text().split()]
    for folder in (base.parent, base):
        with contextlib.suppress(OSError):  # the root may have them enabled already
            _write(folder / "cgroup.subtree_control", " ".join(f"+{c}" for c in wanted))


def prepare_person(hierarchy: Hierarchy, name: str, memory_bytes: int) -> tuple[Path, ...]:
    """Create (or reuse) the person's groups with the memory limit; return their folders."""
    if hierarchy.version == 2:
        _enable_v2(hierarchy.bases[0])
    folders = hierarchy.person(name)
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    memory = folders[0]
    if hierarchy.version == 2:
        _write(memory / "memory.max", str(memory_bytes))
        if (memory / "memory.swap.max").exists():
            _write(memory / "memory.swap.max", "0")
    else:
        _write(memory / "memory.limit_in_bytes", str(memory_bytes))
        if (memory / "memory.memsw.limit_in_bytes").exists():  # no swapping past the limit either
            with contextlib.suppress(OSError):
                _write(memory / "memory.memsw.limit_in_bytes", str(memory_bytes))
    return folders


def join(folders: tuple[Path, ...], pid: int = 0) -> None:
    """Move process ``pid`` (0: this one) into the groups; its children follow automatically."""
    for folder in folders:
        _write(folder / "cgroup.procs", str(pid or os.getpid()))


def remove_person(hierarchy: Hierarchy, name: str) -> bool:
    """Remove the person's groups once they are empty; False if a process is still inside."""
    done = True
    for folder in hierarchy.person(name):
        try:
            folder.rmdir()
        except FileNotFoundError:
            pass
        except OSError:
            done = False
    return done


def memory_limit(folder: Path) -> int | None:
    """The memory limit (bytes) of a group folder, for checks and the admin."""
    for name in ("memory.max", "memory.limit_in_bytes"):
        path = folder / name
        if path.exists():
            text = path.read_text(encoding="ascii").strip()
            return None if text == "max" else int(text)
    return None
