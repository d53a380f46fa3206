"""Run student code in a bubblewrap sandbox that sees nothing of the teacher's.

The sandbox gets read-only binds of the Python installation (and of the schuelerlab code the
test cells import), a fresh writable work folder per submission, a private ``/tmp``, ``/proc`` and
``/dev``, and no network (own network namespace). As root the sandboxed process switches to an
unprivileged uid without an account (one per submission, so one fork bomb cannot use up the process
limit of another); without root bubblewrap uses a user namespace and maps the student to ``65534``.
CPU time, address space, processes, file size and open files are limited with ``prlimit``.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from schuelerlab.errors import UserError

#: First uid used for sandboxed processes when grading as root (no account has such ids).
UID_BASE = 1_900_000_000
NOBODY_GID = 65534
_uid_counter = itertools.count()
_uid_lock = threading.Lock()


@dataclass(frozen=True)
class Limits:
    """Resource limits for one sandboxed kernel."""

    cpu_seconds: int = 120
    memory_bytes: int = 1024**3
    processes: int = 64
    file_bytes: int = 16 * 1024**2
    open_files: int = 256
    tmp_bytes: int = 64 * 1024**2


@dataclass(frozen=True)
class SandboxStatus:
    """Whether a sandbox can be made here, and if not, why (German)."""

    ok: bool
    reason: str = ""


def next_uid() -> int:
    """A fresh unprivileged uid for the next sandbox (used only when running as root)."""
    with _uid_lock:
        return UID_BASE + next(_uid_counter) % 100_000


def _package_dirs() -> list[Path]:
    """The code folders of schuelerlab that test cells may import (never courses or hub)."""
    dirs = []
    for name in ("schuelerlab", "schuelerlab.graders", "schuelerlab.hardware"):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            dirs.extend(Path(p) for p in spec.submodule_search_locations)
    return dirs


def _secret_dirs() -> list[Path]:
    """Package data that must stay hidden from student code (course sources with solutions)."""
    dirs = []
    for name in ("schuelerlab.courses", "schuelerlab.hub"):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            dirs.extend(Path(p) for p in spec.submodule_search_locations)
    return dirs


def python_binds() -> list[Path]:
    """Folders the sandboxed Python needs, read-only: the install, the venv, site-packages, our code."""
    paths = {Path(sys.base_prefix), Path(sys.prefix), *_package_dirs()}
    for entry in sys.path:
        if entry and ("site-packages" in entry or "dist-packages" in entry) and Path(entry).is_dir():
            paths.add(Path(entry))
    resolved = sorted({p.resolve() for p in paths if p.exists()} | paths)
    # keep only the outermost folders
    keep: list[Path] = []
    for path in sorted(resolved, key=lambda p: len(p.parts)):
        if path.exists() and not any(path.is_relative_to(k) for k in keep):
            keep.append(path)
    return keep


def _mkdirs(target: Path, done: set[Path], covered: list[Path]) -> list[str]:
    """bwrap arguments creating the parents of ``target`` traversable (bwrap makes them 0700)."""
    args: list[str] = []
    for parent in reversed(target.parents):
        if parent == Path("/") or parent in done or any(parent.is_relative_to(c) for c in covered):
            continue
        done.add(parent)
        args += ["--perms", "0755", "--dir", str(parent)]
    return args


def _base_fs() -> list[str]:
    """The system part: /usr read-only, the usual top-level links, ld.so cache, timezone."""
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64"):
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    args += ["--perms", "0755", "--dir", "/etc"]
    for name in ("ld.so.cache", "ld.so.conf", "localtime", "fonts", "mime.types"):
        if (Path("/etc") / name).exists():
            args += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    return args


def bwrap_command(argv: list[str], *, workdir: Path, limits: Limits, uid: int | None) -> list[str]:
    """Wrap ``argv`` so it runs sandboxed with ``workdir`` as its only writable folder.

    ``uid`` is the unprivileged uid to switch to when running as root; ``None`` when not root
    (bubblewrap then maps the student to 65534 in a user namespace).
    """
    bwrap = shutil.which("bwrap") or "bwrap"
    args = [bwrap, *_base_fs(), "--proc", "/proc", "--dev", "/dev",
            "--perms", "01777", "--size", str(limits.tmp_bytes), "--tmpfs", "/tmp"]
    done: set[Path] = set()
    covered = [Path("/usr")]
    for path in python_binds():
        args += _mkdirs(path, done, covered) + ["--ro-bind", str(path), str(path)]
        covered.append(path)
    for secret in _secret_dirs():
        if any(secret.is_relative_to(c) for c in covered):
            args += ["--tmpfs", str(secret)]
    args += _mkdirs(workdir, done, covered) + ["--bind", str(workdir), str(workdir), "--chdir", str(workdir)]
    args += ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
             "--die-with-parent", "--new-session", "--hostname", "sandbox"]
    if uid is None:
        args += ["--unshare-user", "--uid", "65534", "--gid", "65534", "--disable-userns",
                 "--cap-drop", "ALL"]
    args += ["--", *prlimit_prefix(limits)]
    if uid is not None:
        args += ["/usr/bin/setpriv", f"--reuid={uid}", f"--regid={NOBODY_GID}", "--clear-groups",
                 "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
    return args + argv


def prlimit_prefix(limits: Limits, *, processes: bool = True) -> list[str]:
    """``prlimit`` arguments setting the resource limits for the command that follows.

    Empty where ``prlimit`` does not exist (macOS: only possible with ``--unsafe-no-sandbox``).
    """
    if not Path("/usr/bin/prlimit").exists():
        return []
    args = ["/usr/bin/prlimit", f"--cpu={limits.cpu_seconds}", f"--data={limits.memory_bytes}",
            f"--fsize={limits.file_bytes}", f"--nofile={limits.open_files}", "--core=0"]
    if processes:
        args.append(f"--nproc={limits.processes}")
    return args + ["--"]


def prepare_workdir(workdir: Path, uid: int | None) -> None:
    """Give the sandbox user its work folder (0700) so nobody else can look inside."""
    workdir.chmod(0o700)
    if uid is not None:
        for path in [workdir, *workdir.rglob("*")]:
            os.lchown(path, uid, NOBODY_GID)


def processes_of(uid: int) -> list[int]:
    """Pids of all processes running as ``uid``."""
    pids = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat(follow_symlinks=False).st_uid == uid:
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def kill_all(uid: int, *, timeout: float = 5.0) -> None:
    """Kill every process of a sandbox uid and wait until none is left (root only)."""
    import signal
    import time

    deadline = time.monotonic() + timeout
    while (pids := processes_of(uid)) and time.monotonic() < deadline:
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.02)


def sandbox_uid() -> int | None:
    """A fresh uid when running as root, otherwise ``None`` (user namespace mapping)."""
    return next_uid() if os.geteuid() == 0 else None


@functools.cache
def detect() -> SandboxStatus:
    """Try a real sandbox once: is bubblewrap there, and does it run Python as a non-root user?"""
    if shutil.which("bwrap") is None:
        return SandboxStatus(False, "bubblewrap ist nicht installiert (Debian-Paket `bubblewrap`: "
                                    "sudo apt-get install bubblewrap).")
    if not Path("/usr/bin/prlimit").exists():
        return SandboxStatus(False, "prlimit fehlt (Debian-Paket `util-linux`).")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="schuelerlab-probe-") as tmp:
        workdir = Path(tmp)
        uid = sandbox_uid()
        prepare_workdir(workdir, uid)
        code = "import os; open('probe', 'w').write(str(os.getuid()))"
        cmd = bwrap_command([sys.executable, "-c", code], workdir=workdir, limits=Limits(), uid=uid)
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as err:
            return SandboxStatus(False, f"bubblewrap ließ sich nicht starten ({err}).")
        probe = workdir / "probe"
        if proc.returncode != 0 or not probe.exists():
            detail = (proc.stderr.strip().splitlines() or ["unbekannter Fehler"])[-1]
            return SandboxStatus(False, f"bubblewrap funktioniert hier nicht ({detail}). Oft sind "
                                        "user namespaces abgeschaltet; als root geht es immer.")
        if probe.read_text() == "0":
            return SandboxStatus(False, "Die Sandbox liefe als root; das ist nicht sicher.")
    return SandboxStatus(True)


def require_sandbox(*, unsafe_no_sandbox: bool) -> bool:
    """Return True when grading is sandboxed; refuse (German UserError) when it cannot be."""
    status = detect()
    if status.ok:
        return True
    if unsafe_no_sandbox:
        return False
    raise UserError(
        "Schülercode wird nicht ohne Sandbox ausgeführt: " + status.reason + " Ohne Sandbox könnte "
        "eine Abgabe Lösungen und Noten lesen oder ändern. Wenn du allen Abgaben vertraust, starte "
        "mit --unsafe-no-sandbox."
    )
