"""The records every layer shares: ``Sample`` (measured values) and ``TextEvent`` (a text line).

Data only. The parser makes them, the sinks (CSV, DataFrame, plot) consume them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sample:
    """One set of measured values.

    ``time`` is seconds since the stream started (host clock, given by the caller);
    ``values`` maps value names (``temp``, ``wert1`` …) to numbers.
    """

    time: float
    values: dict[str, float]


@dataclass(frozen=True, slots=True)
class TextEvent:
    """A line that is readable text but no measurement (``Hallo``, a traceback, ``>>>``)."""

    time: float
    text: str


#: first column of every table made from samples (CSV file, DataFrame)
TIME_COLUMN = "time_s"


def column_name(name: str) -> str:
    """Table column for a value name; a value called ``time_s`` must not hide the time column."""
    return f"{name} (Calliope)" if name == TIME_COLUMN else name
