# MicroPython guest code: `machine` of the Calliope mini 3 (reset() boots the simulated board again).
host_reset = None  # host function: () -> None


def reset():
    host_reset()
    raise SystemExit


def freq():
    return 64000000


def unique_id():
    return b"\xca\x11\x10\xbe\x00\x00\x00\x03"
