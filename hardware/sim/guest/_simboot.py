# Boot code of the simulated board (MicroPython): shims, import rules, then run the program
# (batch mode) or serve code snippets (live mode). Host-side counterpart: schuelerlab.hardware.sim.
import builtins
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
    for name in ("json", "host"):
        sys.modules.pop(name, None)


_orig_import = builtins.__import__
_blocked = set(_PROFILE["blocked"])


def _import(name, *args):
    if name.split(".")[0] in _blocked:
        raise ImportError("no module named '%s'" % name)
    return _orig_import(name, *args)


def _report(exc):
    import io
    buf = io.StringIO()
    sys.print_exception(exc, buf)
    _call("err", buf.getvalue())


def _run_code(source, filename, scope):
    try:
        exec(compile(source, filename, "exec"), scope)
    except SystemExit:
        pass
    except BaseException as exc:  # noqa - everything is reported to the host
        _report(exc)


def _run_program():
    _run_code(_call("prog"), "main.py", {"__name__": "__main__"})


def _serve():
    scope = {"__name__": "__main__"}
    while True:
        try:
            request = _call("next")
        except KeyboardInterrupt:
            continue
        if request == "\x04":
            return
        filename, _, code = request.partition("\x00")
        _run_code(code, filename, scope)
        _call("done")


_install_shims()
builtins.print = _print
builtins.__import__ = _import
if _PROFILE["mode"] == "live":
    _serve()
else:
    _run_program()
