"""The single-user server command of the Schülerlab: ``jupyterhub-singleuser`` with fewer preloaded modules.

``python -m schuelerlab.hub.singleuser [args]`` is what the spawners run. Before JupyterHub's own
``main()`` it keeps modules out that an idle server never uses, so each server starts faster and needs
less memory (measured in ``benchmarks/classroom.py``):

- ``rfc3987_syntax`` (pulled in by ``jsonschema`` through ``jupyter_events``) builds a Lark grammar
  at import time (≈16 MB, ≈0.8 s CPU per server) only to check the ``iri`` formats of Jupyter's
  event schemas. ``jsonschema`` imports it inside ``suppress(ImportError)``, so it is blocked.
- Hub-only modules: ``jupyterhub.log`` (used by the single-user server for its access log) imports
  the hub's page handlers and metrics, and ``jupyterhub.scopes`` imports the hub's database models;
  together they load ``jupyterhub.orm`` and ``alembic`` (≈19 MB). The single-user server only uses
  functions that never touch them, so they are replaced by small stand-ins that fail loudly if
  anything does use them.
"""

from __future__ import annotations

import sys
import types

#: Optional for every importer and costly at start-up.
BLOCKED = ("rfc3987_syntax",)
#: Hub-side modules imported (but not used) by ``jupyterhub.singleuser``.
HUB_ONLY = ("jupyterhub.orm", "jupyterhub.handlers", "jupyterhub.handlers.pages", "jupyterhub.metrics")


class _HubOnly(types.ModuleType):
    """A stand-in module: any attribute not provided raises a clear error."""

    def __getattr__(self, name: str):
        raise AttributeError(f"{self.__name__}.{name} is hub-only and not loaded in the single-user "
                             "server (see schuelerlab.hub.singleuser)")


class HealthCheckHandler:
    """Stand-in for the hub's health-check handler (``jupyterhub.log`` only tests isinstance)."""


def prometheus_log_method(handler) -> None:
    """Stand-in for the hub's request metrics (the single-user server exports none)."""


def _stand_in(name: str, **attrs) -> None:
    module = _HubOnly(name)
    module.__dict__.update(attrs)
    sys.modules.setdefault(name, module)


def block_optional_modules() -> None:
    """Make ``import`` of each :data:`BLOCKED` module raise ImportError (importers fall back)."""
    for name in BLOCKED:
        sys.modules.setdefault(name, None)


def stand_in_hub_modules() -> None:
    """Install the stand-ins for :data:`HUB_ONLY` (before ``jupyterhub.singleuser`` is imported)."""
    _stand_in("jupyterhub.orm")
    _stand_in("jupyterhub.handlers", __path__=[])
    _stand_in("jupyterhub.handlers.pages", HealthCheckHandler=HealthCheckHandler)
    _stand_in("jupyterhub.metrics", prometheus_log_method=prometheus_log_method)


def main() -> int:
    """Start ``jupyterhub-singleuser`` with the blocked and stood-in modules."""
    block_optional_modules()
    stand_in_hub_modules()
    from jupyterhub.singleuser import main as singleuser_main

    sys.argv[0] = "jupyterhub-singleuser"
    return singleuser_main() or 0


if __name__ == "__main__":
    sys.exit(main())
