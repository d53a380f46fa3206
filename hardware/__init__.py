"""The Calliope mini: finding boards, streaming serial data, logging, plotting, flashing, simulating.

Notebook API (imported on first use, so ``import schuelerlab.hardware`` stays cheap)::

    from schuelerlab.hardware import open_stream, record, live_plot, log_csv, list_boards
    df = record(seconds=10)            # pandas DataFrame: time_s, temp, light, ...
    live_plot(seconds=30)              # after %matplotlib widget
"""

from schuelerlab._guard import require_namespaced

require_namespaced(__name__, "schuelerlab.hardware")

#: public name -> module that defines it (loaded lazily: pandas/matplotlib stay out of CLI start-up)
_LAZY = {
    "open_stream": "stream", "record": "stream", "Stream": "stream", "samples_to_frame": "stream",
    "Sample": "records", "TextEvent": "records", "LineParser": "parse",
    "live_plot": "plot", "LivePlot": "plot",
    "log_csv": "live", "stream_lines": "live", "CsvLogger": "csvlog",
    "list_boards": "ports", "find_port": "ports", "PtyDevice": "ptydev",
    "SerialWidget": "webserial_widget",
}
_ALIASES = {"list_boards": "board_ports"}

__all__ = sorted(_LAZY)


def _register_url_handlers() -> None:
    """Let pyserial open ``webserial://`` (our ``protocol_webserial`` module; STYLE R2)."""
    try:
        import serial
    except ImportError:  # pragma: no cover - pyserial is a dependency
        return
    if __name__ not in serial.protocol_handler_packages:
        serial.protocol_handler_packages.append(__name__)


_register_url_handlers()


def __getattr__(name: str) -> object:
    """Import a public name on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), _ALIASES.get(name, name))
    globals()[name] = value
    return value
