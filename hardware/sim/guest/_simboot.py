# Boot code of the simulated board (MicroPython): shims, import rules, then run the program
# (batch mode) or serve code snippets (live mode). Host-side counterpart: schuelerlab.hardware.sim.
import builtins
import gc
import io  # before the import rules: the board has no io module, the simulator needs it
import sys

import _simhost

_call = _simhost.call
_PROFILE = _simhost.PROFILE


def _print(*args, sep=" ", end="\n", file=None):
    text = sep.join([str(a) for a in args]) + end
    if file is None or file is sys.stdout:
        _call("out", text)
    else:
        file.write(text)


def _input(prompt=""):
    return _call("input", str(prompt))


def _install_shims():
    import _simtime
    sys.modules["time"] = _simtime
    sys.modules["utime"] = _simtime
    import _simos
    sys.modules["os"] = _simos
    sys.modules["uos"] = _simos
    if "machine" in _PROFILE["modules"]:
        import _simmachine
        sys.modules["machine"] = _simmachine
    try:
        import random  # its first import fails: the VM has no /dev/urandom to seed from
    except OSError:
        import random
    random.seed(_PROFILE["seed"])
    for name in ("json", "host", "io"):
        sys.modules.pop(name, None)


_orig_import = builtins.__import__
_blocked = set(_PROFILE["blocked"])


def _import(name, *args):
    if name.split(".")[0] in _blocked:
        raise ImportError("no module named '%s'" % name)
    return _orig_import(name, *args)


def _report(exc):
    buf = io.StringIO()
    sys.print_exception(exc, buf)
    _call("err", buf.getvalue())


def _run_code(source, filename, scope, mode="exec"):
    try:
        exec(compile(source, filename, mode), scope)
    except SystemExit:
        pass
    except BaseException as exc:  # noqa - everything is reported to the host
        _report(exc)


def _show_error(exc):
    """Like the firmware after an error in main.py: a sad face for a second, then scroll
    "line N TypeName message" (the line of the innermost main.py frame, as the host found it)."""
    if isinstance(exc, KeyboardInterrupt):
        return
    try:
        import _simdisplay
        import _simimage
        line = _call("errline")
        text = ("line %s " % line if line else "") + type(exc).__name__ + " "
        if exc.args:
            text += str(exc.args[0])
        _simdisplay.display.show(_simimage.Image.SAD)
        _simhost.sleep_ms(1000)
        _simdisplay.display.scroll(text)
    except MemoryError:
        pass


def _run_program():
    try:
        exec(compile(_call("prog"), "main.py", "exec"), {"__name__": "__main__"})
    except SystemExit:
        pass
    except BaseException as exc:  # noqa - everything is reported to the host
        _report(exc)
        gc.collect()  # the program's data is garbage now: room for the error display
        _show_error(exc)


def _serve():
    scope = {"__name__": "__main__"}
    while True:
        try:
            request = _call("next")
        except KeyboardInterrupt:
            continue
        if request == "\x04":
            return
        filename, mode, code = request.split("\x00", 2)
        _run_code(code, filename, scope, mode)
        _call("done")


_install_shims()
builtins.print = _print
builtins.input = _input
builtins.__import__ = _import
if _PROFILE["mode"] == "live":
    _serve()
else:
    _run_program()
