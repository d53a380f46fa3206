"""Things the board does on its own while the program runs on: display animations started with
``wait=False`` (and blocking ones, which the program waits out), tunes. A Sequence is a list of
steps (duration ms, payload) applied at their board times as the clock moves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Sequence:
    """Steps applied one after another from ``start_us``; repeats forever if ``loop``."""

    key: str  # one sequence per key (e.g. "display", "music:pin0"); a new one replaces the old
    start_us: int
    steps: list[tuple[int, object]]  # (duration_ms, payload)
    loop: bool
    apply: Callable[[int, object], None]  # (t_ms, payload)
    index: int = 0

    def __post_init__(self) -> None:
        self.next_us = self.start_us
        if self.loop and sum(d for d, _ in self.steps) <= 0:
            self.loop = False  # a zero-length loop would never end

    def done(self) -> bool:
        """Whether every step has been applied."""
        return not self.loop and self.index >= len(self.steps)

    def advance(self, now_us: int) -> None:
        """Apply every step due at or before ``now_us``."""
        while not self.done() and self.next_us <= now_us:
            duration, payload = self.steps[self.index % len(self.steps)]
            self.apply(self.next_us // 1000, payload)
            self.next_us += duration * 1000
            self.index += 1
            if self.loop and self.index >= 100_000:
                self.loop = False  # safety net against a runaway trace

    def end_us(self) -> int | None:
        """When the last step has been applied (None for loops)."""
        if self.loop:
            return None
        return self.start_us + sum(d for d, _ in self.steps[:-1]) * 1000
