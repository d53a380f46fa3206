# MicroPython guest code: `time`/`utime` whose sleeps the host can interrupt (Ctrl-C).
import time as _time

ticks_ms = _time.ticks_ms
ticks_us = _time.ticks_us
ticks_diff = _time.ticks_diff
ticks_add = _time.ticks_add
time = _time.time
host_sleep = None  # host function: (ms) -> True if interrupted


def sleep_ms(ms):
    if host_sleep(ms):
        raise KeyboardInterrupt


def sleep(seconds):
    sleep_ms(int(seconds * 1000))


def sleep_us(us):
    sleep_ms(us // 1000)
