"""Spawners: demo mode runs every server as the hub's own user in a private folder; lab mode switches
to the person's Unix account. Both give each role its own Jupyter config folder (``JUPYTER_CONFIG_PATH``):
students get no formgrader, teachers get it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner
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


class PrivateHomeSpawner(RoleConfigMixin, SimpleLocalProcessSpawner):
    """Runs each server as the hub's user, with HOME and the notebook folder in ``homes/<name>``."""

    def make_preexec_fn(self, name):
        """Create the private (0700) home and start there; never switch users."""
        home = self.home_dir

        def preexec():
            os.makedirs(home, 0o700, exist_ok=True)
            os.chdir(home)

        return preexec


class DemoSpawner(LimitsMixin, PrivateHomeSpawner):
    """Demo mode: private homes and rlimits, but no isolation between users (one machine to try out)."""


class LabSpawner(LimitsMixin, RoleConfigMixin, LocalProcessSpawner):
    """Runs each server as the person's own Unix account (lab mode)."""
