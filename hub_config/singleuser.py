"""The single-user server command of the Schülerlab: ``jupyterhub-singleuser`` with fewer preloaded modules.

``python -m schuelerlab.hub.singleuser [args]`` is what the spawners run. Before JupyterHub's own
``main()`` it blocks modules an idle server does not need, so each server starts faster and uses less
memory:

- ``rfc3987_syntax`` (pulled in by ``jsonschema`` through ``jupyter_events``): it builds a Lark
  grammar at import time (≈16 MB RSS, ≈0.8 s CPU per server) only to check the ``iri`` formats of
  Jupyter's event schemas. ``jsonschema`` skips those format checks when it is missing.
"""

from __future__ import annotations

import sys

#: Modules that are optional for every importer and costly at start-up.
BLOCKED = ("rfc3987_syntax",)


def block_optional_modules() -> None:
    """Make ``import`` of each :data:`BLOCKED` module raise ImportError (importers fall back)."""
    for name in BLOCKED:
        sys.modules.setdefault(name, None)


def main() -> int:
    """Start ``jupyterhub-singleuser`` with the blocked modules."""
    block_optional_modules()
    from jupyterhub.singleuser import main as singleuser_main

    sys.argv[0] = "jupyterhub-singleuser"
    return singleuser_main() or 0


if __name__ == "__main__":
    sys.exit(main())
