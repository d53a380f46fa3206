"""CSV sink for samples: ``time_s,<names>`` and one row per sample, safe against a pulled cable.

Rules:

* The header is written with the first sample. Columns are ``time_s`` and the value names in order of
  first appearance. When a sample brings a new name later (MakeCode prints ``temp:21`` and
  ``light:128`` on separate lines), the file is rewritten once with the wider header and the old
  rows padded with empty cells (atomic replace); at most ``MAX_COLUMNS`` value columns.
* A sample without some column leaves that cell empty; nothing is ever filled in or invented.
* Rows are written and flushed to the operating system after every batch the reader delivers (at the
  board's rate that is every row, ≤5 ms after it arrived), so every complete line received before an
  unplug or a crash is in the file.
* ``excel_de=True``: ``;`` separator, decimal comma, UTF-8 with BOM and CRLF, which German Excel and
  LibreOffice open correctly with a double click.
* Text lines (``TextEvent``) are not written; files without any sample get the header ``time_s``.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from schuelerlab.hardware.parse import TIME_COLUMN, Sample, TextEvent, column_name

from schuelerlab.errors import UserError

#: value columns a file may grow to; names beyond are dropped and counted
MAX_COLUMNS = 64


def _fmt(v: float) -> str:
    text = repr(v)
    return text[:-2] if text.endswith(".0") else text


class CsvLogger:
    """Append samples to a CSV file (see the module docstring for the rules).

    Args:
        path: the file; an existing file is replaced.
        excel_de: German spreadsheet dialect (``;`` and decimal comma).
    """

    def __init__(self, path: Path | str, *, excel_de: bool = False) -> None:
        self.path = Path(path)
        self.excel_de = excel_de
        self.sep = ";" if excel_de else ","
        self.newline = "\r\n" if excel_de else "\n"
        self.encoding = "utf-8-sig" if excel_de else "utf-8"
        self.columns: list[str] = []  # value names (without time_s)
        self.rows = 0
        self.dropped_values = 0
        try:
            self._file = open(self.path, "w", encoding=self.encoding, newline="")  # noqa: SIM115
        except OSError as err:
            raise UserError(f"Die Datei {self.path} lässt sich nicht anlegen ({err.strerror}).") from err
        self._header_written = False

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> CsvLogger:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Write the header if nothing came, flush and close."""
        if self._file.closed:
            return
        if not self._header_written:
            self._file.write(self._header_line())
        self._file.close()

    # ------------------------------------------------------------------ writing
    def write(self, records: Iterable[Sample | TextEvent]) -> int:
        """Write one row per sample in ``records``, then flush; return the number of rows."""
        lines: list[str] = []
        for rec in records:
            if rec.__class__ is not Sample:
                continue
            lines.append(self._row(rec))  # type: ignore[arg-type]
        if lines:
            if not self._header_written:
                self._file.write(self._header_line())
                self._header_written = True
            self._file.write("".join(lines))
            self._file.flush()
            self.rows += len(lines)
        return len(lines)

    def _row(self, sample: Sample) -> str:
        values = sample.values
        time_cell = f"{sample.time:.3f}"
        if list(values) == self.columns:
            cells = [_fmt(v) for v in values.values()]
        else:
            self._add_columns(values)
            cells = [_fmt(values[c]) if c in values else "" for c in self.columns]
        line = self.sep.join([time_cell, *cells])
        if self.excel_de:
            line = line.replace(".", ",")
        return line + self.newline

    def _add_columns(self, values: dict[str, float]) -> None:
        new = [n for n in values if n not in self.columns]
        room = MAX_COLUMNS - len(self.columns)
        if len(new) > room:
            self.dropped_values += len(new) - room
            new = new[:room]
        if not new:
            return
        old_width = len(self.columns)
        self.columns.extend(new)
        if self._header_written:
            self._rewrite_wider(old_width)

    def _header_line(self) -> str:
        buf = io.StringIO()
        csv.writer(buf, delimiter=self.sep, lineterminator=self.newline).writerow(
            [TIME_COLUMN, *(column_name(c) for c in self.columns)]
        )
        return buf.getvalue()

    def _rewrite_wider(self, old_width: int) -> None:
        """Rewrite the file with the new header; pad old rows with empty cells."""
        self._file.flush()
        pad = self.sep * (len(self.columns) - old_width)
        with open(self.path, encoding=self.encoding, newline="") as old:
            old.readline()  # the old header
            rows = old.read()
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding=self.encoding, newline="") as new:
            new.write(self._header_line())
            for row in rows.splitlines():
                new.write(row + pad + self.newline)
        self._file.close()
        os.replace(tmp, self.path)
        self._file = open(self.path, "a", encoding=self.encoding, newline="")  # noqa: SIM115
