"""The Calliope mini: finding boards, streaming serial data, logging, plotting, flashing, simulating."""

from schuelerlab._guard import require_namespaced

require_namespaced(__name__, "schuelerlab.hardware")
