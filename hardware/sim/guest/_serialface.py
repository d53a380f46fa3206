# MicroPython guest code: the serial face's addition to the simulator's live mode.
# install() (run by hardware/sim/liveexec.py after every VM start) replaces the live loop's code
# runner by one that reports SystemExit to the host: on a board, sys.exit() in the REPL is a soft
# reboot. Everything else (open/os persona, import rules, single mode) is the simulator's.
import sys

import _simhost


def _run_code(source, filename, scope, mode="exec"):
    try:
        exec(compile(source, filename, mode), scope)
    except SystemExit:
        _simhost.call("ssexit", "")
    except BaseException as exc:  # noqa - everything is reported to the host
        sys.modules["_simboot"]._report(exc)


def install():
    sys.modules["_simboot"]._run_code = _run_code
