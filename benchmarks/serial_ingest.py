"""Serial ingest: bytes -> samples -> CSV on a real pty, against a plain pyserial ``readline()`` loop.

Three measurements, each with the board side (``PtyDevice``) in a separate writer process:

1. **full path**: ``Stream.read`` (chunked reader + ``LineParser``) into ``CsvLogger`` (flushed per
   batch), fed ``temp:23.5\\r\\n`` lines as fast as the pty takes them; every row of the CSV is counted.
2. **baseline**: ``serial.Serial(path).readline()`` in a loop on the same pty, same lines.
3. **line rate**: the full path fed at the real link's rate (1047 lines/s = 115200 baud / 11 bytes),
   one ``write`` per line like USB packets, for ``--cpu-seconds``; the reader's process CPU time
   (in-process), and the CPU time of a real ``schuelerlab log`` process from ``/proc`` (Linux).

Full path and baseline run ``--runs`` times, interleaved (other load hits both alike); the medians
are compared. Run: ``.venv/bin/python benchmarks/serial_ingest.py``. The last line prints
``key=value`` pairs.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def _start_writer(target: Callable[[PtyDevice, Any], None], dev: PtyDevice,
                  arg: Any) -> multiprocessing.Process:
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


def _proc_cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def cli_cpu_at_line_rate(seconds: float, workdir: Path) -> tuple[float, int]:
    """Percent of one core of a real ``schuelerlab log`` process at 1047 lines/s (Linux /proc), rows."""
    with PtyDevice() as dev:
        proc = subprocess.Popen([sys.executable, "-m", "schuelerlab", "log", dev.path, "-o",
                                 str(workdir / "cli.csv")], stderr=subprocess.PIPE, text=True)
        try:
            assert proc.stderr is not None
            proc.stderr.readline()  # "Verbunden mit ..." : start-up is over
            writer = _start_writer(_paced_writer, dev, seconds)
            time.sleep(0.2)  # the writer's own start delay
            cpu0, wall0 = _proc_cpu_seconds(proc.pid), time.monotonic()
            writer.join()
            cpu, wall = _proc_cpu_seconds(proc.pid) - cpu0, time.monotonic() - wall0
        finally:
            time.sleep(0.3)  # let the last lines arrive before Ctrl-C
            proc.send_signal(signal.SIGINT)
            proc.wait(30)
    with open(workdir / "cli.csv", newline="") as f:
        rows = sum(1 for r in csv.reader(f) if r[1:] == ["23.5"])
    return 100.0 * cpu / wall, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=600_000, help="lines per full-path run")
    parser.add_argument("--baseline-lines", type=int, default=60_000, help="lines per readline() run")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs of each; medians are reported")
    parser.add_argument("--cpu-seconds", type=float, default=6.0, help="seconds at the line rate")
    args = parser.parse_args(argv)
    rates, bases, lost = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for run in range(1, args.runs + 1):  # interleaved, so load from elsewhere hits both alike
            rate, run_lost = full_path(args.lines, workdir)
            base = readline_baseline(args.baseline_lines)
            rates.append(rate)
            bases.append(base)
            lost += run_lost
            print(f"run {run}: full path (pty -> samples -> CSV) {rate:,.0f} samples/s, lost {run_lost}; "
                  f"pyserial readline() loop {base:,.0f} lines/s")
        cpu, rows = cpu_at_line_rate(args.cpu_seconds, workdir)
        expected = int(args.cpu_seconds * LINE_RATE)
        print(f"at {LINE_RATE} lines/s for {args.cpu_seconds:g} s: {cpu:.2f} % of one core, "
              f"{rows}/{expected} rows")
        cli_cpu, cli_rows = -1.0, expected
        if Path("/proc/self/stat").exists():
            cli_cpu, cli_rows = cli_cpu_at_line_rate(args.cpu_seconds, workdir)
        print(f"`schuelerlab log` process at {LINE_RATE} lines/s: {cli_cpu:.2f} % of one core "
              f"(/proc, {1000 / os.sysconf('SC_CLK_TCK'):.0f} ms ticks), {cli_rows}/{expected} rows")
    rate, base = statistics.median(rates), statistics.median(bases)
    lost += (expected - rows) + (expected - cli_rows)
    print(f"samples_per_s={rate:.0f} readline_lines_per_s={base:.0f} speedup_vs_readline={rate / base:.1f} "
          f"line_rate_multiple={rate / LINE_RATE:.0f} lost={lost} cpu_percent_at_line_rate={cpu:.2f} "
          f"cli_cpu_percent_at_line_rate={cli_cpu:.2f} "
          f"runs={args.runs} cpus={os.cpu_count()} python={sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
