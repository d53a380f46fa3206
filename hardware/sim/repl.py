"""The MicroPython REPL of a simulated Calliope: bytes in, bytes out, an executor behind it.

A faithful port of ``shared/runtime/pyexec.c`` (friendly REPL with echo, raw REPL, raw-paste with
flow-control credits, paste mode, soft reboot) plus the boot sequence of the Calliope firmware (run
``main.py``, then the friendly banner). No file descriptors: the owner passes bytes to :meth:`Repl.feed`
and gets the device's answer through the ``write`` callback. The "firmware" runs in one worker thread
that reads input byte by byte, like the real board; ``feed`` plays the UART interrupt and turns a
Ctrl-C into a ``KeyboardInterrupt`` of the running program. Byte protocol: ``serial-and-repl.md`` §1-§5.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from schuelerlab.hardware.boards import BoardProfile
from schuelerlab.hardware.sim.readline import needs_continuation, readline
from schuelerlab.hardware.sim.uart import HardReset, PowerOff, SoftReset, Uart

__all__ = ["Executor", "HardReset", "Repl", "SoftReset", "cooked", "needs_continuation"]

CTRL_A, CTRL_B, CTRL_C, CTRL_D, CTRL_E = 1, 2, 3, 4, 5
RAW_BANNER = "raw REPL; CTRL-B to exit\r\n"
PASTE_BANNER = "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== "
RAW_PASTE_WINDOW = 128  # half of MICROPY_REPL_STDIN_BUFFER_MAX (256)


class Executor(Protocol):
    """Runs MicroPython code for the REPL (real MicroPython; output goes to the owner's callback)."""

    def execute(self, code: str, *, filename: str = "<stdin>", single: bool = False) -> str | None:
        """Run ``code`` in persistent globals; return the MicroPython traceback text or None."""

    def interrupt(self) -> None:
        """Raise ``KeyboardInterrupt`` in the code being executed (thread-safe, returns at once).

        Called only while the REPL executes code, also just before the executor started running it:
        then the run is stopped as soon as it starts.
        """

    def execution_over(self) -> None:
        """The REPL's execution ended: drop a Ctrl-C that found no code running."""

    def reset(self) -> None:
        """Soft reset: fresh globals, files kept."""

    def close(self) -> None:
        """Free the VM."""


def cooked(text: str) -> bytes:
    """Encode device output as the board sends it: UTF-8 with every ``\\n`` as ``\\r\\n``."""
    return text.replace("\n", "\r\n").encode("utf-8", "replace")


class Repl:
    """The serial face's REPL: feed it host bytes, it writes device bytes.

    Args:
        profile: board persona (banner, soft-reboot text, raw-paste support).
        executor: runs the code (see :class:`Executor`); its output must be passed to :meth:`output`.
        write: receives every byte the device sends.
        main_source: returns the text of ``main.py`` in the board's file system, or None.
    """

    def __init__(self, profile: BoardProfile, executor: Executor, *, write: Callable[[bytes], None],
                 main_source: Callable[[], str | None]) -> None:
        self.profile = profile
        self.executor = executor
        self._write = write
        self._main_source = main_source
        self.uart = Uart(on_interrupt=executor.interrupt)
        self._mode_after_reset = "friendly"
        self._thread: threading.Thread | None = None

    # -- owner side (any thread) -------------------------------------------------------------
    def start(self) -> None:
        """Power on: boot (run ``main.py`` if present), then the friendly REPL."""
        self._thread = threading.Thread(target=self._firmware, name="simserial-repl", daemon=True)
        self._thread.start()

    def feed(self, data: bytes) -> None:
        """Bytes from the host. A Ctrl-C while code runs interrupts it instead of being queued."""
        self.uart.feed(data)

    def program_input(self) -> str | None:
        """``input()`` of the running program: a line typed by the host, echoed; None at Ctrl-D.

        Raises KeyboardInterrupt when the host presses Ctrl-C (or the board is reset/switched off).
        """
        line, ctrl = readline(self.uart.getc_for_program, self._write, "", allow_ctrl=False)
        return None if ctrl == CTRL_D else line

    def output(self, text: str) -> None:
        """Program output (stdout of the executor), sent cooked."""
        self._write(cooked(text))

    def hard_reset(self) -> None:
        """Press the reset button (or a CDC break): stop the program, drop input, boot again."""
        self.uart.request_reset()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until the device waits for input with nothing queued; False on timeout."""
        return self.uart.wait_idle(timeout)

    @property
    def running(self) -> bool:
        """True while the firmware thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def close(self) -> None:
        """Stop the firmware thread (the executor stays the owner's)."""
        self.uart.close()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    # -- firmware side (worker thread) -------------------------------------------------------
    def _out(self, text: str) -> None:
        self._write(text.encode("utf-8", "replace"))

    def _getc(self) -> int:
        return self.uart.getc()

    def _firmware(self) -> None:
        first = True
        while True:
            try:
                if not first:
                    self.executor.reset()
                first = False
                self._boot()
            except HardReset:
                self.uart.after_reset()
                continue
            except PowerOff:
                return
            except Exception as err:  # noqa: BLE001 - the simulator itself failed: say so, stay usable
                if self.uart.closed:
                    return
                self._out(f"\r\n[Simulator] interner Fehler ({type(err).__name__}: {err}). "
                          "Eine Taste startet den Calliope neu.\r\n")
                try:
                    self.uart.getc()
                except (HardReset, PowerOff):
                    pass

    def _boot(self) -> None:
        mode = self._mode_after_reset = "friendly"
        while True:
            if mode == "friendly":
                self._run_main()
            while mode != "soft_reset":
                mode = self._raw_repl() if mode == "raw" else self._friendly_repl()
            self._out(self.profile.soft_reboot_text + "\r\n")
            self.executor.reset()
            mode = self._mode_after_reset

    def _run_main(self) -> None:
        source = self._main_source()
        if source is None:
            return
        try:
            self._exec(source, filename="main.py", print_eof=False)
        except SoftReset:
            pass

    def _exec(self, code: str, *, filename: str = "<stdin>", single: bool = False,
              print_eof: bool) -> None:
        """parse_compile_execute: run, then ``\\x04`` + traceback + ``\\x04`` in raw mode.

        The UART already counts as executing if the raw REPL marked it before its "OK".
        """
        self.uart.set_executing(True)
        try:
            traceback = self.executor.execute(code, filename=filename, single=single)
        except SoftReset:
            if print_eof:
                self._out("\x04")
            raise
        finally:
            self.uart.set_executing(False)
            self.executor.execution_over()
        self.uart.check()
        if print_eof:
            self._out("\x04")
        if traceback:
            self.output(traceback)
        if print_eof:
            self._out("\x04")

    # -- raw REPL ----------------------------------------------------------------------------
    def _raw_repl(self) -> str:
        self._mode_after_reset = "raw"
        self._out(RAW_BANNER)
        while True:
            line = bytearray()
            self._out(">")
            while True:
                c = self._getc()
                if c == CTRL_A:
                    if len(line) == 2 and line[0] == CTRL_E and self.profile.raw_paste:
                        if self._raw_paste(line[1]) == "soft_reset":
                            return "soft_reset"
                        line.clear()
                        self._out(">")
                        continue
                    self._out(RAW_BANNER)
                    line.clear()
                    self._out(">")
                elif c == CTRL_B:
                    self._out("\r\n")
                    return "friendly"
                elif c == CTRL_C:
                    line.clear()
                elif c == CTRL_D:
                    break
                else:
                    line.append(c)
            if line:  # a Ctrl-C right after "OK" must already interrupt the code (the host may be quick)
                self.uart.set_executing(True)
            self._out("OK")
            if not line:
                self._out("\r\n")
                return "soft_reset"
            try:
                self._exec(line.decode("utf-8", "replace"), print_eof=True)
            except SoftReset:
                return "soft_reset"

    def _raw_paste(self, command: int) -> str | None:
        if command != ord("A"):
            self._out("R\x00")
            return None
        window = RAW_PASTE_WINDOW
        self._write(b"R\x01" + window.to_bytes(2, "little") + b"\x01")
        data = bytearray()
        remain = window
        while True:
            c = self._getc()
            if c in (CTRL_C, CTRL_D):
                if c == CTRL_D:  # as after "OK" in raw mode: a quick Ctrl-C interrupts the code
                    self.uart.set_executing(True)
                self._out("\x04")
                if c == CTRL_C:
                    self._out("\x04KeyboardInterrupt: \r\n\x04")
                    return None
                break
            data.append(c)
            remain -= 1
            if remain == 0:
                self._out("\x01")
                remain = window
        try:
            self._exec(data.decode("utf-8", "replace"), print_eof=True)
        except SoftReset:
            return "soft_reset"
        return None

    # -- friendly REPL -----------------------------------------------------------------------
    def _banner(self) -> None:
        self._out(self.profile.banner + "\r\nType \"help()\" for more information.\r\n")

    def _friendly_repl(self) -> str:
        self._mode_after_reset = "friendly"
        self._banner()
        while True:
            line, ret = readline(self._getc, self._write, ">>> ")
            if ret == CTRL_A:
                self._out("\r\n")
                return "raw"
            if ret == CTRL_B:
                self._out("\r\n")
                self._banner()
                continue
            if ret == CTRL_C:
                self._out("\r\n")
                continue
            if ret == CTRL_D:
                self._out("\r\n")
                return "soft_reset"
            if ret == CTRL_E:
                source = self._paste_mode()
                if source is None:
                    continue
                single = False
            elif not line:
                continue
            else:
                source = self._continue_block(line)
                if source is None:
                    continue
                single = True
            try:
                self._exec(source, single=single, print_eof=False)
            except SoftReset:
                return "soft_reset"

    def _continue_block(self, line: str) -> str | None:
        source = line
        while needs_continuation(source):
            more, ret = readline(self._getc, self._write, "... ", allow_ctrl=False)
            if ret == CTRL_C:
                self._out("\r\n")
                return None
            if ret == CTRL_D:
                break
            source += "\n" + more
        return source

    def _paste_mode(self) -> str | None:
        self._out(PASTE_BANNER)
        data = bytearray()
        while True:
            c = self._getc()
            if c == CTRL_C:
                self._out("\r\n")
                return None
            if c == CTRL_D:
                self._out("\r\n")
                return data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
            data.append(c)
            self._out("\r\n=== ") if c == 13 else self._write(bytes([c]))
