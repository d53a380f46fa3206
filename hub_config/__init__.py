"""The JupyterHub that serves the courses: settings, accounts, provisioning.

``apply(settings, c)`` turns validated settings into JupyterHub configuration; the shipped
``jupyterhub_config.py`` is a thin shim around it.
"""

from schuelerlab._guard import require_namespaced

require_namespaced(__name__, "schuelerlab.hub")

from schuelerlab.hub.configure import Runtime, apply  # noqa: E402
from schuelerlab.hub.settings import Settings, load_settings  # noqa: E402

__all__ = ["Runtime", "Settings", "apply", "load_settings"]
