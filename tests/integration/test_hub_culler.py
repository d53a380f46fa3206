"""The idle culler (a hub-managed service) stops a server nobody uses."""

import time

import pytest

pytestmark = pytest.mark.slow


def test_idle_server_is_culled(culling_hub):
    name = culling_hub.credentials()[1]["username"]
    assert culling_hub.api("POST", f"/users/{name}/server").status_code in (201, 202)
    culling_hub.wait_ready(name)
    for _ in range(120):
        if not culling_hub.api("GET", f"/users/{name}").json()["servers"]:
            break
        time.sleep(0.5)
    assert culling_hub.api("GET", f"/users/{name}").json()["servers"] == {}
    assert "Culling server" in culling_hub.log.read_text()
