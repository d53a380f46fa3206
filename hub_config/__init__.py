"""The JupyterHub that serves the courses: settings, accounts, provisioning."""

from schuelerlab._guard import require_namespaced

require_namespaced(__name__, "schuelerlab.hub")
