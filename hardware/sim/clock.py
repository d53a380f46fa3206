"""Board clocks: a virtual clock for graded runs and a real-time clock for the live board.

Virtual time advances only when the program waits (``sleep``, a blocking scroll, a tune) or
busy-waits: after ``BUSY_CALLS`` board calls without any wait, every further call costs 1 ms, so a
polling loop without ``sleep`` still moves forward while programs that sleep get exact times.
"""

from __future__ import annotations

import threading
import time

BUSY_CALLS = 200


class StopSimulation(Exception):  # noqa: N818 - a control-flow signal, not an error
    """The simulated time reached its end (``until``), or the board was switched off."""

    def __init__(self, reason: str = "until") -> None:
        super().__init__(reason)
        self.reason = reason


class Interrupted(Exception):  # noqa: N818 - a control-flow signal
    """Ctrl-C arrived while the program waited."""


class VirtualClock:
    """Board time in microseconds that moves only when the program waits."""

    virtual = True

    def __init__(self, until_ms: int | None = None) -> None:
        self.us = 0
        self.until_us = None if until_ms is None else until_ms * 1000
        self.calls = 0  # board calls since time last advanced

    def now_us(self) -> int:
        """Board time in microseconds."""
        return self.us

    def sleep_ms(self, ms: int) -> None:
        """Advance by ``ms``; raise StopSimulation (after advancing to the end) if it passes ``until``."""
        self.sleep_us(max(0, ms) * 1000)

    def sleep_us(self, us: int) -> None:
        """Advance by ``us`` microseconds (see sleep_ms)."""
        self.calls = 0
        target = self.us + max(0, us)
        if self.until_us is not None and target > self.until_us:
            self.us = max(self.us, self.until_us)
            raise StopSimulation("until")
        self.us = target

    def call(self) -> bool:
        """Count one board call; busy-waiting costs time. Return True if time advanced."""
        self.calls += 1
        if self.calls <= BUSY_CALLS:
            return False
        self.sleep_ms(1)
        self.calls = BUSY_CALLS
        return True


class RealClock:
    """Wall-clock board time since boot; sleeps really wait and can be interrupted."""

    virtual = False

    def __init__(self) -> None:
        self._t0 = time.monotonic()
        self.interrupt_event = threading.Event()

    def now_us(self) -> int:
        """Microseconds since the board started."""
        return int((time.monotonic() - self._t0) * 1_000_000)

    def sleep_ms(self, ms: int) -> None:
        """Wait ``ms`` (raise Interrupted at once on Ctrl-C)."""
        if self.interrupt_event.wait(max(0, ms) / 1000):
            self.interrupt_event.clear()
            raise Interrupted

    def call(self) -> bool:
        """Deliver a pending Ctrl-C (once)."""
        if self.interrupt_event.is_set():
            self.interrupt_event.clear()
            raise Interrupted
        return False
