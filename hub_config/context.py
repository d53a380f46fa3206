"""Which hub a command talks to: settings file, mode and state folder, resolved in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from schuelerlab.hub import lab
from schuelerlab.hub.runtime import ENV_STATE, effective_settings
from schuelerlab.hub.settings import Settings
from schuelerlab.hub.state import StatePaths, default_state_dir, ensure_state


@dataclass(frozen=True)
class HubContext:
    """Validated settings plus the prepared state folder."""

    settings: Settings
    paths: StatePaths

    @property
    def demo(self) -> bool:
        """True in demo mode (no Unix accounts)."""
        return self.settings.hub.mode == "demo"


def find_state_dir(settings: Settings, state_dir: Path | None) -> Path:
    """``--state-dir``, else ``hub.state_dir``, else $SCHUELERLAB_HUB_STATE, else ``.run/hub`` of
    ``make run`` (if present in the current folder), else the mode's default."""
    if state_dir:
        return Path(state_dir)
    if settings.hub.state_dir:
        return Path(settings.hub.state_dir)
    if os.environ.get(ENV_STATE):
        return Path(os.environ[ENV_STATE])
    demo = settings.hub.mode == "demo"
    local = Path.cwd() / ".run" / "hub"
    if demo and local.is_dir():
        return local
    return default_state_dir(demo=demo)


def resolve_context(*, settings: Path | None, state_dir: Path | None, demo: bool) -> HubContext:
    """Load the settings and prepare the state folder; lab mode requires root."""
    conf = effective_settings(settings, demo=demo)
    if conf.hub.mode == "lab":
        lab.require_root()
    return HubContext(settings=conf, paths=ensure_state(find_state_dir(conf, state_dir)))
