"""Serial ingest: bytes -> samples -> CSV on a real pty, against a plain pyserial ``readline()`` loop.

Three measurements, each with the board side (``PtyDevice``) in a separate writer process:

1. **full path**: ``Stream.read`` (chunked reader + ``LineParser``) into ``CsvLogger`` (flushed per
   batch), fed ``temp:23.5\\r\\n`` lines as fast as the pty takes them; every row of the CSV is counted.
2. **baseline**: ``serial.Serial(path).readline()`` in a loop on the same pty, same lines.
3. **line rate**: the full path fed at the real link's rate (1047 lines/s = 115200 baud / 11 bytes),
   one ``write`` per line like USB packets, for ``--cpu-seconds``; the reader's process CPU time.

Run: ``.venv/bin/python benchmarks/serial_ingest.py``. The last line prints ``key=value`` pairs.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

import serial
from schuelerlab.hardware.csvlog import CsvLogger
from schuelerlab.hardware.ptydev import PtyDevice
from schuelerlab.hardware.stream import Stream

LINE = b"temp:23.5\r\n"
LINE_RATE = 1047  # lines/s of `temp:23.5\r\n` at 115200 baud 8N1 (11,520 B/s / 11 B)


def _bulk_writer(dev: PtyDevice, lines: int) -> None:
    time.sleep(0.2)  # let the reader settle after the open (pyserial flushes input on open)
    chunk_lines = 6000
    chunk = LINE * chunk_lines
    left = lines
    while left:
        n = min(left, chunk_lines)
        dev.write(chunk if n == chunk_lines else LINE * n, timeout=60)
        left -= n


def _paced_writer(dev: PtyDevice, seconds: float) -> None:
    time.sleep(0.2)
    start = time.monotonic()
    total = int(seconds * LINE_RATE)
    for i in range(total):
        due = start + i / LINE_RATE
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        dev.write(LINE, timeout=60)


def _start_writer(target, dev: PtyDevice, arg) -> multiprocessing.Process:  # noqa: ANN001
    proc = multiprocessing.get_context("fork").Process(target=target, args=(dev, arg), daemon=True)
    proc.start()
    return proc


def full_path(lines: int, workdir: Path) -> tuple[float, int]:
    """Samples/s of pty -> Stream -> CsvLogger, and the number of lines lost."""
    out = workdir / "full.csv"
    with PtyDevice() as dev, Stream(port=dev.path, baudrate=115200, reconnect=False,
                                    on_status=lambda m: None) as stream, CsvLogger(out) as logger:
        writer = _start_writer(_bulk_writer, dev, lines)
        first = last = None
        idle = 0
        while logger.rows < lines and idle < 3:
            records = stream.read(1.0)
            if not records:
                idle += not writer.is_alive()
                continue
            now = time.perf_counter()
            first = first or now
            last = now
            logger.write(records)
        writer.join()
    with open(out, newline="") as f:
        rows = list(csv.reader(f))[1:]
    good = sum(1 for r in rows if r[1] == "23.5")
    elapsed = (last or 0) - (first or 0)
    return (good / elapsed if elapsed > 0 else 0.0), lines - good


def readline_baseline(lines: int) -> float:
    """Lines/s of a plain pyserial ``readline()`` loop on the same kind of pty."""
    with PtyDevice() as dev:
        port = serial.Serial(dev.path, 115200, timeout=2)
        writer = _start_writer(_bulk_writer, dev, lines)
        count = 0
        first = None
        while count < lines:
            line = port.readline()
            if not line:
                break
            first = first or time.perf_counter()
            count += 1
        elapsed = time.perf_counter() - (first or time.perf_counter())
        writer.join()
        port.close()
    return count / elapsed if elapsed > 0 else 0.0


def cpu_at_line_rate(seconds: float, workdir: Path) -> tuple[float, int]:
    """Percent of one core the full path costs at 1047 lines/s, and the rows written."""
    with PtyDevice() as dev, Stream(port=dev.path, baudrate=115200, reconnect=False,
                                    on_status=lambda m: None) as stream, \
            CsvLogger(workdir / "rate.csv") as logger:
        writer = _start_writer(_paced_writer, dev, seconds)
        cpu0, wall0 = time.process_time(), time.monotonic()
        while writer.is_alive():
            logger.write(stream.read(0.2))
        cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
        while logger.write(stream.read(0.2)):
            pass
        writer.join()
    return 100.0 * cpu / wall, logger.rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=600_000, help="lines for the full path")
    parser.add_argument("--baseline-lines", type=int, default=60_000, help="lines for readline()")
    parser.add_argument("--cpu-seconds", type=float, default=6.0, help="seconds at the line rate")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        rate, lost = full_path(args.lines, workdir)
        print(f"full path (pty -> samples -> CSV): {rate:,.0f} samples/s, lost {lost}")
        base = readline_baseline(args.baseline_lines)
        print(f"pyserial readline() loop:          {base:,.0f} lines/s")
        cpu, rows = cpu_at_line_rate(args.cpu_seconds, workdir)
        expected = int(args.cpu_seconds * LINE_RATE)
        print(f"at {LINE_RATE} lines/s for {args.cpu_seconds:g} s: {cpu:.2f} % of one core, "
              f"{rows}/{expected} rows")
    lost_total = lost + (expected - rows)
    print(f"samples_per_s={rate:.0f} readline_lines_per_s={base:.0f} speedup_vs_readline={rate / base:.1f} "
          f"line_rate_multiple={rate / LINE_RATE:.0f} lost={lost_total} cpu_percent_at_line_rate={cpu:.2f} "
          f"cpu_s={os.cpu_count()} python={sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
