"""JupyterHub configuration shim: load schuelerlab's settings and runtime, then ``apply`` them.

Started by ``schuelerlab hub run``, which sets SCHUELERLAB_HUB_STATE (and SCHUELERLAB_HUB_SETTINGS,
SCHUELERLAB_HUB_DEMO, SCHUELERLAB_HUB_CHP). Everything else lives in ``schuelerlab.hub``.
"""

import os

from schuelerlab.hub import apply
from schuelerlab.hub.runtime import load_from_environment

settings, runtime = load_from_environment(os.environ)
apply(settings, c, runtime=runtime)  # noqa: F821 - `c` is provided by JupyterHub
