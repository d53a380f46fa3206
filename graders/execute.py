"""Execute one merged notebook with its kernel inside the sandbox, cell by cell.

The teacher-side process runs nbclient; only the kernel runs in the sandbox. The two talk over
ZeroMQ ``ipc`` sockets in the submission's work folder (absolute path, P13), so the sandbox needs no
network. A cell that times out or kills its kernel fails alone: the sandbox is thrown away, a fresh
one replays the earlier answer and setup cells (outputs discarded) and execution goes on with the
next cell. So a loop in one exercise costs only that exercise.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from typing import Any

import nbformat
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from schuelerlab.graders import sandbox

#: Default seconds one cell may run.
DEFAULT_TIMEOUT = 10
#: Cells that time out or kill their kernel before the rest of a notebook is given up.
MAX_HARD_FAILURES = 8
#: Characters of output kept per cell; errors are always kept.
OUTPUT_CAP = 20_000
TRUNCATED = "\n[… Ausgabe gekürzt: zu viel Text …]\n"


@dataclass
class ExecResult:
    """An executed notebook plus German notes for the teacher."""

    nb: NotebookNode
    notes: list[str] = field(default_factory=list)
    restarts: int = 0


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs in bubblewrap and listens on ipc sockets in the work folder."""

    def setup(self, *, workdir: Path, limits: sandbox.Limits, sandboxed: bool) -> None:
        """Configure transport and the wrapped kernel command for one sandbox."""
        self.workdir = workdir
        self.uid = sandbox.sandbox_uid() if sandboxed else None
        self.transport = "ipc"
        self.ip = str(workdir / ".k")
        self.connection_file = str(workdir / ".kernel.json")
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                "--HistoryManager.enabled=False",
                "--IPKernelApp.parent_handle=1"]
        if sandboxed:
            sandbox.prepare_workdir(workdir, self.uid)
            argv = sandbox.bwrap_command(argv, workdir=workdir, limits=limits, uid=self.uid)
        else:
            argv = sandbox.prlimit_prefix(limits, processes=False) + argv
        self._kernel_spec = KernelSpec(argv=argv, display_name="Python 3 (Sandbox)", language="python",
                                       interrupt_mode="message", env={})

    def write_connection_file(self, **kwargs: Any) -> None:
        """Write the connection file and hand it to the sandbox user."""
        super().write_connection_file(**kwargs)
        if self.uid is not None:
            os.chown(self.connection_file, self.uid, sandbox.NOBODY_GID)


def kernel_env(workdir: Path) -> dict[str, str]:
    """A clean environment for the kernel: nothing of the teacher's, private config folders."""
    return {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": "/tmp", "USER": "schueler",
        "LOGNAME": "schueler", "LANG": "C.UTF-8", "IPYTHONDIR": "/tmp/.ipython", "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": "/tmp/.mpl", "JUPYTER_RUNTIME_DIR": "/tmp/.jupyter", "PYTHONDONTWRITEBYTECODE": "1",
        "NBGRADER_EXECUTION": "autograde", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
    }


class CappedClient(NotebookClient):
    """nbclient with a per-cell output cap that never drops errors or the fact of stderr output."""

    timed_out = False
    truncated: set[int]

    async def _async_handle_timeout(self, timeout: int, cell: NotebookNode | None = None) -> Any:
        self.timed_out = True
        return await super()._async_handle_timeout(timeout, cell)

    def output(self, outs: list[NotebookNode], msg: dict, display_id: str | None,
               cell_index: int) -> NotebookNode | None:
        """Keep output until the cell's cap is reached; then keep only errors and one marker."""
        msg_type = msg["msg_type"]
        used = sum(_size(o) for o in outs)
        if msg_type == "error":
            content = msg["content"]
            content["traceback"] = [line[:OUTPUT_CAP] for line in content.get("traceback", [])[:50]]
            content["evalue"] = content.get("evalue", "")[:OUTPUT_CAP]
            return super().output(outs, msg, display_id, cell_index)
        if used + _msg_size(msg) <= OUTPUT_CAP:
            return super().output(outs, msg, display_id, cell_index)
        if msg_type == "stream" and used < OUTPUT_CAP and "text" in msg["content"]:
            msg["content"]["text"] = msg["content"]["text"][: OUTPUT_CAP - used]
            super().output(outs, msg, display_id, cell_index)
        stream = msg["content"].get("name", "stdout") if msg_type == "stream" else "stdout"
        if not any(o.get("name") == stream and o.get("text") == TRUNCATED for o in outs):
            self.truncated.add(cell_index)
            out = nbformat.v4.new_output("stream", name=stream, text=TRUNCATED)
            outs.append(out)
            return out
        return None


def _size(out: NotebookNode) -> int:
    if out.get("output_type") == "stream":
        return len(out.get("text", ""))
    return sum(len(str(v)) for v in out.get("data", {}).values())


def _msg_size(msg: dict) -> int:
    content = msg["content"]
    return len(content.get("text", "")) + sum(len(str(v)) for v in content.get("data", {}).values())


def _replayable(cell: NotebookNode) -> bool:
    """Cells re-run after a restart: code that defines things (answers, setup), not tests."""
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and (meta.get("solution") or not meta.get("grade"))


class CellRunner:
    """Runs the cells of one notebook, restarting the sandbox when a cell kills or blocks it."""

    def __init__(self, nb: NotebookNode, *, workdir: Path, timeout: int, limits: sandbox.Limits,
                 sandboxed: bool, max_failures: int = MAX_HARD_FAILURES) -> None:
        self.nb, self.workdir, self.timeout, self.max_failures = nb, workdir, timeout, max_failures
        self.limits, self.sandboxed = limits, sandboxed
        self.client: CappedClient | None = None
        self.failed: set[int] = set()
        self.done: set[int] = set()
        self.truncated: set[int] = set()
        self.notes: list[str] = []
        self.restarts = 0

    async def start(self) -> None:
        """Start a fresh sandboxed kernel."""
        km = SandboxKernelManager()
        km.setup(workdir=self.workdir, limits=self.limits, sandboxed=self.sandboxed)
        client = CappedClient(self.nb, km=km, timeout=self.timeout, allow_errors=True,
                              interrupt_on_timeout=True, startup_timeout=60, record_timing=False,
                              iopub_timeout=4, raise_on_iopub_timeout=False,
                              error_on_timeout={"ename": "Zeitüberschreitung", "evalue":
                                                f"Die Zelle lief länger als {self.timeout} Sekunden.",
                                                "traceback": []})
        client.km = km
        client.truncated = self.truncated
        self.client = client
        await client.async_start_new_kernel(cwd=str(self.workdir), env=kernel_env(self.workdir))
        client.kc = km.client()
        client.kc.start_channels()
        client.kc.allow_stdin = False
        await self._wait_ready(client.kc, km)

    async def _wait_ready(self, kc: Any, km: SandboxKernelManager, timeout: float = 60) -> None:
        """Wait until the kernel answers on shell and IOPub (faster than jupyter_client's 0.2 s flush)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            kc.kernel_info()
            try:
                await kc.shell_channel.get_msg(timeout=0.5)
                await kc.iopub_channel.get_msg(timeout=0.1)
                return
            except Empty:
                if not await km.is_alive():
                    raise RuntimeError("Der Kernel ist beim Start abgestürzt.")
        raise RuntimeError(f"Der Kernel hat nicht innerhalb von {timeout:.0f} s geantwortet.")

    async def stop(self) -> None:
        """Shut the kernel down and kill what is left of the sandbox."""
        if self.client is None:
            return
        client, self.client = self.client, None
        try:
            if client.kc is not None:
                client.kc.stop_channels()
            process = getattr(client.km.provisioner, "process", None)
            if process is not None:
                process.kill()  # bwrap; --die-with-parent takes the whole sandbox down
                await asyncio.to_thread(process.wait)
            if client.km.uid is not None:
                await asyncio.to_thread(sandbox.kill_all, client.km.uid)
            cleanup = client.km.cleanup_resources()
            if asyncio.iscoroutine(cleanup):
                await cleanup
        except Exception:  # noqa: BLE001 - the sandbox may already be gone
            pass
        for path in self.workdir.glob(".k-*"):
            path.unlink(missing_ok=True)

    async def run_cell(self, index: int) -> str:
        """Execute one cell; return "ok", "timeout" or "dead"."""
        assert self.client is not None
        cell = self.nb.cells[index]
        self.client.timed_out = False
        try:
            await self.client.async_execute_cell(cell, index)
        except DeadKernelError:
            return "dead"
        except CellTimeoutError:
            return "timeout"
        if self.client.timed_out:
            return "timeout"
        if not await self.client.km.is_alive():
            return "dead"
        return "ok"

    async def restart(self, upto: int) -> None:
        """Fresh sandbox; replay earlier answer and setup cells that did not fail hard."""
        await self.stop()
        self.restarts += 1
        await self.start()
        for index in range(upto):
            cell = self.nb.cells[index]
            if index in self.failed or not _replayable(cell):
                continue
            saved = cell.get("outputs", [])
            status = await self.run_cell(index)
            cell.outputs = saved
            if status != "ok":
                self.failed.add(index)
                await self.restart(upto)
                return

    async def run(self) -> None:
        """Execute every code cell in order."""
        await self.start()
        try:
            for index, cell in enumerate(self.nb.cells):
                if cell.cell_type != "code":
                    continue
                status = await self.run_cell(index)
                self.done.add(index)
                if status == "ok":
                    continue
                self.failed.add(index)
                self._mark(cell, status)
                if len(self.failed) >= self.max_failures:
                    self.notes.append(f"Nach {self.max_failures} Abbrüchen wurde der Rest des Notebooks "
                                      "nicht mehr ausgeführt.")
                    self.mark_not_run()
                    return
                await self.restart(index)
        finally:
            await self.stop()

    def mark_not_run(self) -> None:
        """Give every code cell that never finished an error, so it can never score."""
        for index, cell in enumerate(self.nb.cells):
            if cell.cell_type == "code" and index not in self.done:
                cell.outputs = [nbformat.v4.new_output(
                    "error", ename="NichtAusgeführt", evalue="Diese Zelle konnte nicht ausgeführt werden.",
                    traceback=["NichtAusgeführt: Diese Zelle konnte nicht ausgeführt werden."])]

    def _mark(self, cell: NotebookNode, status: str) -> None:
        name = cell.metadata.get("nbgrader", {}).get("grade_id") or f"Zelle {self.nb.cells.index(cell) + 1}"
        if status == "dead":
            text = ("Das Programm wurde in dieser Zelle beendet "
                    "(z. B. os._exit, Absturz oder zu viel Speicher).")
            cell.outputs.append(nbformat.v4.new_output(
                "error", ename="Programmabbruch", evalue=text, traceback=[f"Programmabbruch: {text}"]))
            self.notes.append(f"{name}: Kernel beendet; die Zelle zählt als nicht bestanden.")
        else:
            text = (f"Die Zelle lief länger als {self.timeout} Sekunden (Endlosschleife?) "
                    "und wurde abgebrochen.")
            cell.outputs.append(nbformat.v4.new_output(
                "error", ename="Zeitüberschreitung", evalue=text, traceback=[f"Zeitüberschreitung: {text}"]))
            self.notes.append(f"{name}: länger als {self.timeout} s (Endlosschleife?); abgebrochen.")


def execute_notebook(nb: NotebookNode, *, workdir: Path, timeout: int = DEFAULT_TIMEOUT,
                     limits: sandbox.Limits | None = None, sandboxed: bool = True,
                     max_failures: int = MAX_HARD_FAILURES) -> ExecResult:
    """Execute ``nb`` (in place) with its kernel sandboxed in ``workdir``; never raises for student code.

    After ``max_failures`` cells that timed out or killed the kernel, the rest counts as not run.
    """
    runner = CellRunner(nb, workdir=workdir, timeout=timeout, limits=limits or sandbox.Limits(),
                        sandboxed=sandboxed, max_failures=max_failures)
    try:
        asyncio.run(runner.run())
    except Exception as err:  # noqa: BLE001 - a broken kernel must not stop the class
        runner.notes.append(f"Ausführung abgebrochen: {type(err).__name__}: {err}")
        runner.mark_not_run()
    for index in sorted(runner.truncated):
        name = nb.cells[index].metadata.get("nbgrader", {}).get("grade_id") or f"Zelle {index + 1}"
        runner.notes.append(f"{name}: sehr viel Ausgabe; nach {OUTPUT_CAP} Zeichen gekürzt.")
    return ExecResult(nb=nb, notes=runner.notes, restarts=runner.restarts)
