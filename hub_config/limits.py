"""Per-process resource limits for single-user servers without systemd: POSIX rlimits set in the child.

``rlimits_for(settings, mode)`` is pure (unit-tested); ``apply_rlimits`` runs in the forked child just
before ``jupyterhub-singleuser`` is executed, so the server, its kernels and terminals inherit them.
Enforced: address space and open files per process, processes/threads per account (lab mode only).
The per-person memory total and CPU share come from cgroups (``cgroups.py``); disk quotas are not set.
"""

from __future__ import annotations

import os
import resource

from schuelerlab.hub.settings import Settings, parse_size

#: Limit names (as in ``/proc/<pid>/limits`` and ``prlimit``) → ``resource`` constants.
RESOURCES = {"AS": resource.RLIMIT_AS, "NOFILE": resource.RLIMIT_NOFILE, "NPROC": resource.RLIMIT_NPROC,
             "CORE": resource.RLIMIT_CORE}


def rlimits_for(settings: Settings) -> dict[str, int]:
    """The limits a single-user server gets, by name (value = soft and hard limit).

    ``NPROC`` counts every process and thread of one Unix account, so it is only set in lab mode:
    in demo mode all servers run as the hub's own account and would share (and exhaust) one budget.
    """
    lim = settings.limits
    limits = {"CORE": 0}
    if lim.address_space:
        limits["AS"] = parse_size(lim.address_space) or 0
    if lim.open_files:
        limits["NOFILE"] = lim.open_files
    if lim.processes and settings.hub.mode == "lab":
        limits["NPROC"] = lim.processes
    return limits


def prlimit_command(limits: dict[str, int], cmd: list[str]) -> list[str]:
    """The same limits as a ``prlimit`` command line (util-linux), for trying them by hand."""
    return ["prlimit", *(f"--{name.lower()}={value}" for name, value in sorted(limits.items())), "--", *cmd]


def apply_rlimits(limits: dict[str, int]) -> None:
    """Set each limit as soft and hard limit in this process; never raise above the current hard
    limit unless running as root (an unprivileged hub can only lower its own limits)."""
    for name, value in limits.items():
        res = RESOURCES[name]
        _soft, hard = resource.getrlimit(res)
        if os.geteuid() != 0 and hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(res, (value, value))
