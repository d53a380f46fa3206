"""Per-person memory limit with real cgroups: the server, its kernel and the programs the kernel starts
share ``limits.mem_limit``; over it only that person's biggest process is stopped. Needs root and a
writable cgroup file system (CI runs as root)."""

import time
from pathlib import Path

import pytest
from schuelerlab.hub import cgroups

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    cgroups.find_hierarchy() is None, reason="needs root and a writable cgroup file system (CI is root)")]

LIMIT = 400 * 2**20
PROGRAMS = """import subprocess, sys
small = subprocess.run([sys.executable, "-c", "b = b'x' * (50 * 2**20)"]).returncode
big = subprocess.run([sys.executable, "-c", "b = b'x' * (700 * 2**20)"]).returncode
print(small, big)"""


def test_a_persons_processes_share_one_memory_limit(memory_limited_hub, run_code):
    hub = memory_limited_hub
    student = next(a for a in hub.credentials() if a["role"] == "student")
    name = student["username"]
    session = hub.login(name, student["password"])
    session.get(f"{hub.url}/hub/spawn/{name}", timeout=120)
    hub.wait_ready(name)
    assert session.get(f"{hub.url}/user/{name}/lab", timeout=60).status_code == 200  # XSRF cookie
    folders = cgroups.find_hierarchy().person(name)
    assert cgroups.memory_limit(folders[0]) == LIMIT
    inside = {int(pid) for pid in (folders[0] / "cgroup.procs").read_text().split()}
    servers = [pid for pid in inside if b"singleuser" in Path(f"/proc/{pid}/cmdline").read_bytes()]
    assert servers, f"the server is not in its person's group: {inside}"
    # 50 MB fit; 700 MB do not: only that program is stopped (SIGKILL), the kernel answers on
    assert run_code(hub.url, session, name, PROGRAMS).split() == ["0", "-9"]
    assert run_code(hub.url, session, name, "6 * 7") == "42"
    # stopping the server removes the (then empty) group
    assert hub.api("DELETE", f"/users/{name}/server").status_code in (202, 204)
    for _ in range(60):
        if not folders[0].exists():
            break
        time.sleep(0.5)
    assert not folders[0].exists()
