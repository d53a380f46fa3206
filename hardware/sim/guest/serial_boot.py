# MicroPython guest code: turn the VM into the board persona of the serial face.
# install() swaps in the flat-file-system open()/os, interruptible time, machine, the board module,
# and refuses modules a Calliope lacks (a CPython-like hashlib sends mpremote down its hash path).
import builtins
import sys

import serial_flatfs
import serial_machine
import serial_os
import serial_time

BLOCKED = ("hashlib", "uhashlib", "socket", "usocket", "select", "uselect", "ssl", "ussl", "tls",
           "binascii", "ubinascii", "json", "ujson", "re", "ure",
           "serial_flatfs", "serial_os", "serial_time", "serial_machine", "serial_boot")
OS_NAMES = ("listdir", "ilistdir", "stat", "remove", "size", "uname")
_import = builtins.__import__


def _guarded_import(name, *args):
    if name in BLOCKED or (name == "machine" and "machine" not in sys.modules):
        raise ImportError(f"no module named '{name}'")
    return _import(name, *args)


def install(cfg, fs, sleep, reset):
    serial_flatfs.fs_call = fs
    serial_time.host_sleep = sleep
    serial_machine.host_reset = reset
    serial_os._UNAME = serial_os._Uname([tuple(kv) for kv in cfg["uname"]])
    for name in OS_NAMES:
        if name not in cfg["os"]:
            delattr(serial_os, name)
    serial_os.__name__ = "os"
    delattr(serial_os, "__file__")
    sys.modules["os"] = sys.modules["uos"] = serial_os
    sys.modules["time"] = sys.modules["utime"] = serial_time
    if cfg["machine"]:
        sys.modules["machine"] = serial_machine
    try:
        import calliopemini  # noqa: F401  (the simulator's full board model, if installed)
    except Exception:  # missing, or needs the simulator's host functions
        import serial_calliopemini
        sys.modules["calliopemini"] = serial_calliopemini
    builtins.open = serial_flatfs.open
    builtins.__import__ = _guarded_import
