"""The receive side of the simulated board's serial port: a byte queue with Ctrl-C as interrupt.

Like the UART interrupt handler of MicroPython ports: while a program runs, a received Ctrl-C is not
queued but raises ``KeyboardInterrupt`` in the program (through ``on_interrupt``); every other byte
waits for the firmware's :meth:`Uart.getc`. A pressed reset button or a power-off is delivered to
the firmware thread as an exception from :meth:`Uart.getc` / :meth:`Uart.check`. No I/O.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable

CTRL_C = 3


class SoftReset(Exception):
    """Raised by an executor when the program ended with ``SystemExit`` (the board soft-reboots)."""


class HardReset(Exception):
    """The board boots again: ``machine.reset()`` in the program, or the reset button."""


class PowerOff(Exception):
    """The simulated board was switched off (:meth:`Uart.close`)."""


class Uart:
    """Bytes from the host, read one at a time by the firmware thread.

    Args:
        on_interrupt: called (from the feeding thread) when Ctrl-C arrives while code runs.
    """

    def __init__(self, on_interrupt: Callable[[], None]) -> None:
        self._on_interrupt = on_interrupt
        self._cond = threading.Condition()
        self._buf: collections.deque[int] = collections.deque()
        self._idle = False
        self._executing = False
        self._reset_requested = False
        self._closed = False
        self._interrupted = False  # a Ctrl-C arrived while code ran (wakes a program's input())

    # -- host side (any thread) --------------------------------------------------------------
    def feed(self, data: bytes) -> None:
        """Bytes from the host. A Ctrl-C while code runs interrupts it instead of being queued."""
        with self._cond:
            for byte in data:
                if byte == CTRL_C and self._executing:
                    self._interrupted = True
                    self._on_interrupt()
                else:
                    self._buf.append(byte)
            self._idle = False
            self._cond.notify_all()

    def request_reset(self) -> None:
        """Reset button: drop queued input, stop the program, make the firmware boot again."""
        with self._cond:
            self._reset_requested = True
            self._buf.clear()
            self._idle = False
            if self._executing:
                self._on_interrupt()
            self._cond.notify_all()

    def close(self) -> None:
        """Power off: the firmware thread ends at its next read."""
        with self._cond:
            self._closed = True
            if self._executing:
                self._on_interrupt()
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        """True after :meth:`close` (power off)."""
        return self._closed

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until the firmware waits for input with nothing queued; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self._idle and not self._buf, timeout)

    # -- firmware side (one thread) ----------------------------------------------------------
    def getc(self) -> int:
        """The next byte; blocks. Raises HardReset or PowerOff when those are pending."""
        with self._cond:
            while not self._buf:
                self._check()
                self._idle = True
                self._cond.notify_all()
                self._cond.wait()
            self._check()
            self._idle = False
            return self._buf.popleft()

    def getc_for_program(self) -> int:
        """The next byte for a running program's ``input()``; KeyboardInterrupt on Ctrl-C, reset, off."""
        with self._cond:
            while not self._buf:
                if self._interrupted or self._closed or self._reset_requested:
                    raise KeyboardInterrupt
                self._cond.wait()
            return self._buf.popleft()

    def check(self) -> None:
        """Raise a pending HardReset or PowerOff."""
        with self._cond:
            self._check()

    def set_executing(self, executing: bool) -> None:
        """Mark that program code runs (Ctrl-C then interrupts it)."""
        with self._cond:
            if executing and not self._executing:
                self._check()
                self._interrupted = False
            self._executing = executing

    def after_reset(self) -> None:
        """Forget input and the request once the firmware has started booting again."""
        with self._cond:
            self._buf.clear()
            self._reset_requested = False

    def _check(self) -> None:
        if self._closed:
            raise PowerOff
        if self._reset_requested:
            self._reset_requested = False
            raise HardReset
