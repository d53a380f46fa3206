"""The hub never outlives the `schuelerlab hub run` that started it."""

import os
import signal
import time

import pytest


@pytest.mark.slow
def test_hub_proxy_and_culler_stop_when_the_launcher_is_killed(tmp_path, hub_factory):
    hub = hub_factory(tmp_path)
    os.kill(hub.proc.pid, signal.SIGKILL)  # the launcher only: no chance to clean up itself
    hub.proc.wait(timeout=10)
    left = hub.stop()
    for _ in range(120):
        if not left:
            break
        time.sleep(0.25)
        left = hub.stop()
    assert left == [], f"hub processes outlived their launcher: {left}"


@pytest.mark.slow
def test_ctrl_c_stops_the_hub_even_when_started_with_sigint_ignored(tmp_path, hub_factory, monkeypatch):
    """A background job of a non-interactive shell (`make run &`) inherits SIGINT as ignored."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # inherited by the launcher we start
    try:
        hub = hub_factory(tmp_path)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert hub.stop() == []
    assert hub.proc.returncode == 0
