"""Spawners: demo mode runs every server as the hub's own user in a private folder; lab mode switches
to the person's Unix account. Both give each role its own Jupyter config folder (``JUPYTER_CONFIG_PATH``):
students get no formgrader, teachers get it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner
from schuelerlab.hub import cgroups
from schuelerlab.hub.limits import apply_rlimits
from traitlets import Dict, HasTraits, Unicode


def role_of(user) -> str:
    """``teacher`` if the user is in any ``formgrade-<course>`` group, else ``student``."""
    groups = [getattr(g, "name", g) for g in getattr(user, "groups", [])]
    return "teacher" if any(str(g).startswith("formgrade-") for g in groups) else "student"


class RoleConfigMixin(HasTraits):
    """Point ``JUPYTER_CONFIG_PATH`` at the role's config folder plus the common one."""

    jupyter_config_root = Unicode("", config=True, help="Folder with common/, student/, teacher/.")

    def get_env(self):
        """The parent's environment plus the role's config path, and this Python's scripts on PATH.

        The hub may have been started as ``.venv/bin/schuelerlab`` without an activated venv; the
        terminals of teachers and students must still find ``schuelerlab``, ``nbgrader`` and ``mpremote``.
        """
        env = super().get_env()
        scripts = str(Path(sys.executable).parent)
        path = env.get("PATH", os.defpath)
        if scripts not in path.split(os.pathsep):
            env["PATH"] = os.pathsep.join([scripts, path])
        if self.jupyter_config_root:
            root = Path(self.jupyter_config_root)
            role = role_of(self.user)
            env["JUPYTER_CONFIG_PATH"] = os.pathsep.join([str(root / role), str(root / "common")])
            env["SCHUELERLAB_ROLE"] = role
        return env


class LimitsMixin(HasTraits):
    """Set POSIX rlimits (``limits.rlimits_for``) in the child before the server starts.

    They are set first, while the child still has the hub's privileges, then the parent's preexec
    (switching to the person's account in lab mode) runs.
    """

    rlimits = Dict({}, config=True, help="Limit name (AS, NOFILE, NPROC, CORE) -> value.")

    def make_preexec_fn(self, name):
        """The parent's preexec, preceded by setting the rlimits."""
        parent = super().make_preexec_fn(name)
        limits = dict(self.rlimits)

        def preexec():
            apply_rlimits(limits)
            if parent is not None:
                parent()

        return preexec


class CgroupMixin(HasTraits):
    """Put each server into its person's cgroup (``cgroups.py``): memory limit ``mem_limit`` for the
    server, kernels and terminals together, and an equal CPU share per person. Needs root and a
    writable cgroup file system; otherwise the hub log says once that nothing is enforced."""

    _warned = False

    def make_preexec_fn(self, name):
        """Prepare the person's group here (in the hub), join it first thing in the child."""
        parent = super().make_preexec_fn(name)
        folders = self._prepare_cgroup(name)

        def preexec():
            try:
                cgroups.join(folders)
            except OSError:  # the server starts anyway; only its memory is not limited
                pass
            if parent is not None:
                parent()

        return preexec

    def _prepare_cgroup(self, name: str) -> tuple[Path, ...]:
        if not self.mem_limit:
            return ()
        hierarchy = cgroups.find_hierarchy()
        if hierarchy is None:
            self._warn("der Hub läuft nicht als root oder ohne beschreibbare cgroups")
            return ()
        try:
            return cgroups.prepare_person(hierarchy, name, int(self.mem_limit))
        except OSError as error:
            self._warn(f"die cgroup-Gruppe ließ sich nicht anlegen ({error})")
            return ()

    def _warn(self, why: str) -> None:
        if not CgroupMixin._warned:
            CgroupMixin._warned = True
            self.log.warning("schuelerlab: Speichergrenze pro Person (limits.mem_limit) wird nicht "
                             "durchgesetzt: %s.", why)

    async def stop(self, now=False):
        """Stop the server, then remove the person's now empty groups."""
        await super().stop(now=now)
        hierarchy = cgroups.find_hierarchy()
        if hierarchy is not None:
            cgroups.remove_person(hierarchy, self.user.name)


class PrivateHomeSpawner(RoleConfigMixin, SimpleLocalProcessSpawner):
    """Runs each server as the hub's user, with HOME and the notebook folder in ``homes/<name>``."""

    def make_preexec_fn(self, name):
        """Create the private (0700) home and start there; never switch users."""
        home = self.home_dir

        def preexec():
            os.makedirs(home, 0o700, exist_ok=True)
            os.chdir(home)

        return preexec


class DemoSpawner(CgroupMixin, LimitsMixin, PrivateHomeSpawner):
    """Demo mode: private homes and rlimits, but no isolation between users (one machine to try out)."""


class LabSpawner(CgroupMixin, LimitsMixin, RoleConfigMixin, LocalProcessSpawner):
    """Runs each server as the person's own Unix account (lab mode)."""
