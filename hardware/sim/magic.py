"""The ``%%calliope`` cell magic: run the cell's program in the simulator and show the animated board.

    %load_ext schuelerlab.hardware.sim.magic

    %%calliope --board mini3 --seconds 5 --press a@1000,b@2000 --set temperature=25
    from calliopemini import *
    ...

The program runs in virtual time (``simulate``); ``--live`` shows a live board to click instead
(``CalliopeWidget``). The options use the ``simulate`` command's syntax
(``scenario.from_cli``). Bad options give a German ``UsageError``, a failing program a German message
on the board.
"""

from __future__ import annotations

import shlex

import click
from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, magics_class
from IPython.display import display
from schuelerlab.hardware.sim.animation import TraceView
from schuelerlab.hardware.sim.engine import simulate
from schuelerlab.hardware.sim.liverun import SENSOR_RANGES
from schuelerlab.hardware.sim.scenario import from_cli, parse_setting
from schuelerlab.hardware.sim.widget import CalliopeWidget

from schuelerlab.errors import UserError

DEFAULT_SECONDS = 10.0
MAX_SECONDS = 600.0


@click.command("%%calliope", add_help_option=False)
@click.option("--board", type=click.Choice(["mini3", "mini2"]), default="mini3")
@click.option("--seconds", type=click.FloatRange(min=0, max=MAX_SECONDS), default=None)
@click.option("--press", default="")
@click.option("--gesture", default="")
@click.option("--set", "settings", multiple=True)
@click.option("--seed", type=int, default=1)
@click.option("--live", is_flag=True)
def _options(**kwargs) -> dict:
    return kwargs


USAGE = ("So geht es: %%calliope [--board mini3|mini2] [--seconds 10] [--press a@1000,b@2000] "
         "[--set temperature=25] [--gesture shake@1000] [--seed 1], oder %%calliope --live "
         "[--board mini2] [--set temperature=25] für ein Board zum Anklicken.")


def parse_options(line: str) -> dict:
    """The magic's option line -> keyword arguments (German UsageError if it is wrong)."""
    try:
        args = shlex.split(line)
        return _options.main(args=args, standalone_mode=False)
    except ValueError as err:  # shlex: an open quote
        raise UsageError(f"Die Optionen verstehe ich nicht ({err}). {USAGE}") from None
    except click.UsageError as err:
        raise UsageError(f"{_german(err)} {USAGE}") from None


_EXPECTED = {"board": "mini3 oder mini2", "seconds": f"eine Zahl von 0 bis {MAX_SECONDS:.0f}",
             "seed": "eine ganze Zahl"}


def _german(err: click.UsageError) -> str:
    if isinstance(err, click.NoSuchOption):
        return f"Die Option {err.option_name} gibt es nicht."
    if isinstance(err, click.BadOptionUsage):
        return f"Nach {err.option_name} fehlt der Wert."
    if isinstance(err, click.BadParameter) and err.param is not None:
        name = err.param.name
        return f"Der Wert für --{name} passt nicht: erlaubt ist {_EXPECTED.get(name, 'ein anderer Wert')}."
    return "Die Optionen stimmen nicht (nur Optionen wie --seconds 5, kein anderer Text)."


def run_cell(line: str, cell: str) -> TraceView | CalliopeWidget:
    """Simulate the cell's program with the options in ``line``; returns the animated board
    (or, with ``--live``, a live board running the program)."""
    options = parse_options(line)
    if options["live"]:
        return live_board(options, cell)
    try:
        scenario = from_cli(press=options["press"], gesture=options["gesture"],
                            settings=tuple(options["settings"]), seed=options["seed"])
        # A leading blank line stands for the magic's line: error line numbers match the cell's.
        until_ms = round((options["seconds"] if options["seconds"] is not None else DEFAULT_SECONDS) * 1000)
        trace = simulate(program="\n" + cell, board=options["board"], until_ms=until_ms, scenario=scenario)
    except UserError as err:
        raise UsageError(str(err)) from None
    return TraceView(trace, scenario)


def live_board(options: dict, cell: str) -> CalliopeWidget:
    """``--live``: the cell's program on a live board; ``--set`` gives the sliders' start values."""
    if options["press"] or options["gesture"] or options["seconds"] is not None:
        raise UsageError("--press, --gesture und --seconds gehen nur ohne --live: beim Live-Board "
                         "klickst du selbst, und es läuft, bis du „Stopp“ drückst.")
    sensors = {}
    for text in options["settings"]:
        try:
            name, series = parse_setting(text)
        except UserError as err:
            raise UsageError(str(err)) from None
        if name not in SENSOR_RANGES or len(series) != 1:
            raise UsageError(f"„{text}“: beim Live-Board geht --set nur mit einem Wert für "
                             f"{', '.join(SENSOR_RANGES)}, z. B. --set temperature=25.")
        sensors[name] = series[0][1]
    board = CalliopeWidget("\n" + cell, board=options["board"], autostart=False)
    for name, value in sensors.items():
        board.set_trait(name, value)
    board.start()
    return board


@magics_class
class CalliopeMagics(Magics):
    """``%%calliope``: the simulated Calliope mini in a notebook cell."""

    @cell_magic
    def calliope(self, line: str, cell: str) -> None:
        """Run the cell's program on a simulated Calliope mini and show the board.

        Options: --board mini3|mini2, --seconds N (board time, default 10), --press a@MS,b@MS,
        --set NAME=WERT (repeatable), --gesture shake@MS, --seed N; --live: a live board to click.
        """
        view = run_cell(line, cell)
        if isinstance(view, TraceView):
            self.shell.user_ns["_calliope_trace"] = view.trace
        else:
            self.shell.user_ns["_calliope_board"] = view
        display(view)


def load_ipython_extension(ipython) -> None:
    """``%load_ext schuelerlab.hardware.sim.magic`` registers ``%%calliope``."""
    ipython.register_magics(CalliopeMagics)
