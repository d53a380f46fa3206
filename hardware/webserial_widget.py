"""``SerialWidget``: the button „Calliope verbinden“ that brings a board on the child's computer into
the kernel on the hub (Web Serial in Chrome/Edge).

    from schuelerlab.hardware.webserial_widget import SerialWidget
    SerialWidget()                    # click „Calliope verbinden“, choose the board
    df = record(seconds=10)           # reads the browser's board (announced), while the cell runs
    flash("main.py", port="webserial://")   # main.py onto the board through the browser

The page reads the port and sends the bytes on the kernel's control channel (see
:mod:`.webserial`); the kernel reads them through the pyserial URL ``webserial://``, so parsing,
recording, the CSV logger, the live plot and the REPL flasher are the ones used for a local port.
Browsers without Web Serial (Firefox, Safari) get a German explanation and a „Simulator nehmen“ button.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import anywidget
import traitlets
from schuelerlab.hardware.webserial import BrowserPort, install_control_handler, kernel_id, registry

_HERE = Path(__file__).parent


class SerialWidget(anywidget.AnyWidget):
    """A board on the browser's USB port, for this kernel (see module docstring)."""

    _esm = _HERE / "webserial.js"
    token = traitlets.Unicode("").tag(sync=True)
    kernel_id = traitlets.Unicode("").tag(sync=True)
    status = traitlets.Unicode("idle").tag(sync=True)
    status_text = traitlets.Unicode("").tag(sync=True)

    def __init__(self) -> None:
        install_control_handler()
        token = secrets.token_urlsafe(16)
        super().__init__(token=token, kernel_id=kernel_id())
        self.port = BrowserPort(token, self.send)
        registry.add(self.port)
        self.on_msg(self._on_msg)

    @property
    def url(self) -> str:
        """The pyserial URL of this widget's port (``webserial://`` means the newest connected one)."""
        return f"webserial://{self.token}"

    @property
    def connected(self) -> bool:
        """True while the page has a board connected."""
        return self.port.connected

    def flash(self, program: str | Path, **kwargs):
        """Put ``program`` (text or ``.py`` file) on the board as ``main.py`` through the browser."""
        from schuelerlab.hardware.flash import flash

        return flash(program, port=self.url, **kwargs)

    def _on_msg(self, widget, content, buffers) -> None:
        if isinstance(content, dict) and content.get("type") == "simulator":
            registry.simulator_wanted = True

    def close(self) -> None:
        """Forget the port and close the widget."""
        registry.remove(self.port)
        super().close()

    def _repr_mimebundle_(self, **kwargs):
        """The widget view plus a German text for exports without JavaScript."""
        bundle = super()._repr_mimebundle_(**kwargs)
        data, meta = bundle if isinstance(bundle, tuple) else (bundle, {})
        data = {**(data or {}), "text/plain": "Calliope verbinden (Web Serial; braucht Chrome oder Edge)"}
        return (data, meta) if isinstance(bundle, tuple) else data
