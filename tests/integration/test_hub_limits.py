"""Rlimits in a real forked child (as the spawner's subprocess), and on a real server (/proc/<pid>/limits)."""

import os
import resource
from types import SimpleNamespace

from schuelerlab.hub.limits import apply_rlimits
from schuelerlab.hub.spawner import DemoSpawner


def test_preexec_sets_limits_before_the_parent_hook_in_a_child(tmp_path):
    spawner = DemoSpawner(rlimits={"NOFILE": 64, "CORE": 0}, user=SimpleNamespace(name="kind", groups=[]))
    spawner.home_dir_template = str(tmp_path / "home")
    pid = os.fork()
    if pid == 0:  # the child, as the spawner's subprocess would be
        code = 1
        try:
            spawner.make_preexec_fn("kind")()
            ok = (resource.getrlimit(resource.RLIMIT_NOFILE) == (64, 64)
                  and os.getcwd() == str(tmp_path / "home"))
            code = 0 if ok else 2
        finally:
            os._exit(code)
    assert os.waitpid(pid, 0)[1] == 0
    assert (tmp_path / "home").stat().st_mode & 0o777 == 0o700


def test_unprivileged_process_never_raises_a_hard_limit():
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (50, 50))
            if os.geteuid() == 0:
                os.setuid(65534)  # nobody: like a lab-mode server after the switch
            apply_rlimits({"NOFILE": 4096})
            code = 0 if resource.getrlimit(resource.RLIMIT_NOFILE) == (50, 50) else 2
        finally:
            os._exit(code)
    assert os.waitpid(pid, 0)[1] == 0
