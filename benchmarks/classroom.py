"""A class of 30 logs in within one minute: once after ``class start``, once on demand.

Starts ``schuelerlab hub run --demo`` (real npm proxy) on free ports in a temp state folder, creates
class ``bench`` with 30 accounts via the classes API, then

1. ``class start`` (staggered pre-start), waits until every server is ready, measures the idle
   memory of the 30 single-user servers (/proc/<pid>/smaps_rollup: RSS, PSS, USS), then 30 logins
   spread over 60 s: POST /hub/login with _xsrf, GET /hub/spawn/<name>, poll /user/<name>/api/status
   until 200 → ``p95_ready_s``;
2. ``class stop``, then the same 30 logins again with no server running → ``p95_ready_on_demand_s``.

During the logins a thread polls GET /hub/api/users/<name> with the service token → ``hub_p95_api_ms``.
``idle_server_mb`` is the mean **PSS** of one idle server (shared pages split between the 30
servers); USS and RSS are printed too. Everything is stopped at the end (process group).

Usage: ``.venv/bin/python benchmarks/classroom.py [--students 30] [--window 60]``
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def memory_kb(pid: int) -> dict[str, int]:
    """RSS, PSS and USS (private clean + dirty) of one process in kB."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                fields[parts[0].rstrip(":")] = int(parts[1])
    return {"rss": fields["Rss"], "pss": fields["Pss"],
            "uss": fields["Private_Clean"] + fields["Private_Dirty"]}


def server_pids(homes: Path) -> list[int]:
    """PIDs of single-user servers (working folder inside ``homes``, not kernels)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cwd = os.readlink(entry / "cwd")
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if cwd.startswith(str(homes)) and "singleuser" in cmd and "ipykernel" not in cmd:
            pids.append(int(entry.name))
    return pids


class Bench:
    """One demo hub in a temp folder."""

    def __init__(self, base: Path, students: int):
        self.base, self.students = base, students
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.settings = base / "hub.toml"
        self.settings.write_text(
            f'[hub]\nbind_url = "{self.url}"\n'
            f'hub_api_url = "http://127.0.0.1:{free_port()}"\n'
            f'proxy_api_url = "http://127.0.0.1:{free_port()}"\n'
            f"[limits]\nconcurrent_spawn_limit = {students}\n[demo]\nstudents = 1\n", encoding="utf-8")
        self.state = base / "state"
        self.proc: subprocess.Popen | None = None
        self.api_ms: list[float] = []

    def start(self) -> None:
        """Start the hub and wait for its API."""
        cmd = [sys.executable, "-m", "schuelerlab", "hub", "run", "--demo", "--settings", str(self.settings),
               "--state-dir", str(self.state), "--proxy-dir", str(ROOT)]
        self.proc = subprocess.Popen(cmd, stdout=(self.base / "hub.log").open("w"), stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/hub/api", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                time.sleep(0.3)
        raise RuntimeError("hub did not start:\n" + (self.base / "hub.log").read_text()[-2000:])

    def stop(self) -> None:
        """Ctrl-C the hub's process group (hub, proxy, servers), SIGKILL if it hangs."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def kwargs(self) -> dict:
        """Arguments for the classes/lesson API."""
        return {"settings": self.settings, "state_dir": self.state, "demo": True}

    def token(self) -> str:
        """The service token."""
        return (self.state / "secrets" / "service_token").read_text().strip()

    def login_until_ready(self, name: str, password: str, delay: float, deadline: float) -> float:
        """Wait ``delay`` s, log in, open the spawn page, poll the server; seconds from login to 200."""
        time.sleep(delay)
        s = requests.Session()
        t0 = time.monotonic()
        s.get(self.url + "/hub/login", timeout=30)
        r = s.post(self.url + "/hub/login?next=", timeout=120, allow_redirects=False,
                   data={"username": name, "password": password,
                         "_xsrf": s.cookies.get("_xsrf", path="/hub/")})
        if r.status_code != 302:
            raise RuntimeError(f"login {name}: {r.status_code}")
        s.get(f"{self.url}/hub/spawn/{name}", timeout=120)
        while time.monotonic() < deadline:
            try:
                r = s.get(f"{self.url}/user/{name}/api/status", timeout=30)
                if r.status_code == 200 and r.headers.get("content-type", "").startswith("application/json"):
                    return time.monotonic() - t0
                if r.status_code == 403:  # running, but no cookie yet: the browser's OAuth round trip
                    s.get(f"{self.url}/user/{name}/lab", timeout=60)
                    continue
            except requests.RequestException:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"server of {name} not ready in time")

    def poll_api(self, names: list[str], stop: threading.Event) -> None:
        """Measure hub REST latency while the class logs in."""
        headers = {"Authorization": f"token {self.token()}"}
        i = 0
        while not stop.is_set():
            t0 = time.monotonic()
            requests.get(f"{self.url}/hub/api/users/{names[i % len(names)]}", headers=headers, timeout=30)
            self.api_ms.append((time.monotonic() - t0) * 1000)
            i += 1
            stop.wait(0.5)

    def storm(self, rows: list[tuple[str, str, str]], window: float) -> list[float]:
        """All students log in, spread evenly over ``window`` seconds; return ready times."""
        stop = threading.Event()
        poller = threading.Thread(target=self.poll_api, args=([r[0] for r in rows], stop), daemon=True)
        poller.start()
        deadline = time.monotonic() + window + 240
        step = window / len(rows)
        try:
            with ThreadPoolExecutor(len(rows)) as pool:
                futures = [pool.submit(self.login_until_ready, name, pw, i * step, deadline)
                           for i, (name, pw, *_rest) in enumerate(rows)]
                return [f.result() for f in futures]
        finally:
            stop.set()
            poller.join()


def main() -> int:
    """Run both scenarios and print the figures (last line: key=value)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--window", type=float, default=60.0, help="seconds over which logins arrive")
    args = parser.parse_args()
    from schuelerlab.hub import classes, lesson

    with tempfile.TemporaryDirectory(prefix="classroom-") as tmp:
        bench = Bench(Path(tmp), args.students)
        try:
            bench.start()
            result = classes.create_class(name="bench", students=args.students, course="sensoren",
                                          **bench.kwargs())
            rows = result.rows
            names = [r[0] for r in rows]
            t0 = time.monotonic()
            lesson.start_class(name="bench", stagger=0.5, log=lambda _m: None, **bench.kwargs())
            if not lesson.wait_ready(names=names, timeout=300, **bench.kwargs()):
                raise RuntimeError("class start: not every server became ready")
            class_start_s = time.monotonic() - t0
            time.sleep(5)  # let the servers settle into idle
            mem = [memory_kb(pid) for pid in server_pids(bench.state / "homes")]
            prestarted = bench.storm(rows, args.window)
            lesson.stop_class(name="bench", **bench.kwargs())
            for _ in range(120):
                if not server_pids(bench.state / "homes"):
                    break
                time.sleep(0.5)
            api_prestarted = list(bench.api_ms)
            on_demand = bench.storm(rows, args.window)
        finally:
            bench.stop()
    figures = {
        "students": args.students,
        "class_start_s": round(class_start_s, 1),
        "p95_ready_s": round(p95(prestarted), 2),
        "median_ready_s": round(statistics.median(prestarted), 2),
        "p95_ready_on_demand_s": round(p95(on_demand), 2),
        "median_ready_on_demand_s": round(statistics.median(on_demand), 2),
        "idle_servers_measured": len(mem),
        "idle_server_mb": round(statistics.mean(m["pss"] for m in mem) / 1024, 1),
        "idle_server_uss_mb": round(statistics.mean(m["uss"] for m in mem) / 1024, 1),
        "idle_server_rss_mb": round(statistics.mean(m["rss"] for m in mem) / 1024, 1),
        "hub_p95_api_ms": round(p95(bench.api_ms), 1),
        "hub_p95_api_ms_prestarted": round(p95(api_prestarted), 1),
    }
    print(" ".join(f"{k}={v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
