"""Which board a stream reads when no port is given: a local one, the browser's, or the simulator.

Order (``choose_source``): an explicit port or URL → that; exactly one Calliope/micro:bit on this
computer's USB → it (several → the German "which one?" error); a board connected in the browser
with the ``SerialWidget`` (``webserial://``) → it; else, in a notebook (or with ``simulator=True``),
a simulated board running :data:`DEMO_PROGRAM`, clearly called „simuliert“. Outside a notebook
without a board the usual "Kein Calliope gefunden" error stays: a terminal user wants to know.
The choice is announced in German through the stream's status callback.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from schuelerlab.hardware import ports
from schuelerlab.hardware.webserial import registry

#: what the simulated board runs when it stands in for a missing Calliope
DEMO_PROGRAM = """from calliopemini import *
while True:
    print("temperatur:%d licht:%d" % (temperature(), display.read_light_level()))
    sleep(100)
"""


@dataclass
class Source:
    """A chosen board: the URL to open, its kind, a German description, and what to close at the end."""

    url: str
    kind: str  # "port" (given), "local", "browser" or "simulator"
    label: str
    owned: object | None = None

    def close(self) -> None:
        """Switch off what this source started (the simulated board)."""
        owned, self.owned = self.owned, None
        if owned is not None:
            owned.close()


def in_notebook() -> bool:
    """True inside a Jupyter kernel."""
    shell = sys.modules.get("IPython")
    get = getattr(shell, "get_ipython", None)
    return bool(get and type(get()).__name__ == "ZMQInteractiveShell")


def start_simulator(program: str = DEMO_PROGRAM) -> Source:
    """A simulated Calliope (TCP face) running ``program``."""
    from schuelerlab.hardware.sim.serialface import SimulatedSerialBoard

    with tempfile.TemporaryDirectory(prefix="schuelerlab-demo-") as folder:
        path = Path(folder) / "main.py"
        path.write_text(program, encoding="utf-8")
        board = SimulatedSerialBoard(program=path, pty=False, tcp_port=0)
    return Source(board.url, "simulator", "vom simulierten Calliope (simuliert, keine echten Messwerte)",
                  owned=board)


def choose_source(port: str | None = None, *, simulator: bool | None = None,
                  on_status: Callable[[str], None] | None = None) -> Source:
    """Pick the board to read (see module docstring) and announce it through ``on_status``.

    Args:
        port: an explicit device path or URL (used as given, not announced).
        simulator: fall back to the simulator when no board is found (None: only in a notebook).

    Raises:
        UserError: several local boards; no board at all and no simulator fallback (German).
    """
    if port is not None:
        return Source(port, "port", port)
    found = ports.board_ports()
    if len(found) > 1:
        ports.find_port()  # raises the German "which one?" message
    if found:
        source = Source(found[0].device, "local", f"vom Calliope an {found[0].device}")
    elif registry.current() is not None:
        source = Source("webserial://", "browser", "vom Calliope im Browser (Web Serial)")
    elif simulator or (simulator is None and (registry.simulator_wanted or in_notebook())):
        source = start_simulator()
    else:
        ports.find_port()  # raises the German "no board" message
        raise AssertionError("unreachable")
    if on_status is not None:
        text = f"Ich lese {source.label}."
        if source.kind == "simulator":
            text = f"Kein Calliope gefunden – ich lese {source.label}."
        on_status(text)
    return source
