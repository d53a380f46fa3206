"""From a hub start to ``apply``'s inputs: settings file + state folder → (Settings, Runtime).

``schuelerlab hub run`` passes its choices to the ``jupyterhub_config.py`` shim through environment
variables; :func:`load_from_environment` reads them there (inside a function, never at import time).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from schuelerlab.hub.accounts import load_store
from schuelerlab.hub.configure import Runtime
from schuelerlab.hub.settings import Settings, load_settings
from schuelerlab.hub.state import SECRET_NAMES, StatePaths

ENV_STATE, ENV_SETTINGS, ENV_DEMO, ENV_CHP = (
    "SCHUELERLAB_HUB_STATE", "SCHUELERLAB_HUB_SETTINGS", "SCHUELERLAB_HUB_DEMO", "SCHUELERLAB_HUB_CHP")


def effective_settings(settings_file: Path | None, *, demo: bool) -> Settings:
    """Load the settings; ``demo`` forces demo mode whatever the file says."""
    settings = load_settings(settings_file)
    if demo and settings.hub.mode != "demo":
        settings = replace(settings, hub=replace(settings.hub, mode="demo"))
    return settings


def build_runtime(state_dir: Path, *, chp: Path | str) -> Runtime:
    """Read accounts and secrets from an (already prepared) state folder."""
    paths = StatePaths(Path(state_dir).absolute())
    secrets = {name: paths.secret_file(name).read_text(encoding="utf-8").strip()
               for name in SECRET_NAMES if paths.secret_file(name).exists()}
    return Runtime(state_dir=paths.root, accounts=load_store(paths.accounts), chp_command=(str(chp),),
                   python=sys.executable, as_root=os.geteuid() == 0, secrets=secrets)


def hub_environment(*, state_dir: Path, settings_file: Path | None, demo: bool, chp: Path) -> dict[str, str]:
    """The variables :func:`load_from_environment` expects."""
    env = {ENV_STATE: str(Path(state_dir).absolute()), ENV_DEMO: "1" if demo else "0", ENV_CHP: str(chp)}
    if settings_file is not None:
        env[ENV_SETTINGS] = str(Path(settings_file).absolute())
    return env


def load_from_environment(env: Mapping[str, str]) -> tuple[Settings, Runtime]:
    """Settings and runtime for the shim, from the variables set by ``schuelerlab hub run``."""
    settings_file = Path(env[ENV_SETTINGS]) if env.get(ENV_SETTINGS) else None
    settings = effective_settings(settings_file, demo=env.get(ENV_DEMO) == "1")
    state = Path(env.get(ENV_STATE) or settings.state_path(Path(".run/hub")))
    return settings, build_runtime(state, chp=env.get(ENV_CHP) or "configurable-http-proxy")
