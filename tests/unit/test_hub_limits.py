"""Resource limits of single-user servers (rlimits set in the child, no systemd needed)."""

import pytest
from schuelerlab.hub import Runtime, apply
from schuelerlab.hub.limits import prlimit_command, rlimits_for
from schuelerlab.hub.settings import parse_settings, parse_size
from schuelerlab.hub.spawner import LabSpawner
from traitlets.config import Config

from schuelerlab.errors import UserError


def test_sizes_in_binary_units():
    assert parse_size("4G") == 4 * 1024**3
    assert parse_size("512m") == 512 * 1024**2
    assert parse_size("1.5GB") == int(1.5 * 1024**3)
    assert parse_size("viel") is None


def test_bad_address_space_is_refused_in_german():
    with pytest.raises(UserError, match="limits.address_space"):
        parse_settings({"limits": {"address_space": "ganz viel"}})


def test_lab_mode_limits_processes_per_account():
    limits = rlimits_for(parse_settings({"hub": {"mode": "lab"}, "limits": {"processes": 300}}))
    assert limits == {"CORE": 0, "AS": 4 * 1024**3, "NOFILE": 1024, "NPROC": 300}


def test_demo_mode_has_no_process_limit_because_all_servers_share_one_account():
    limits = rlimits_for(parse_settings({"limits": {"address_space": "2G", "open_files": 0}}))
    assert limits == {"CORE": 0, "AS": 2 * 1024**3}


def test_empty_address_space_means_no_limit():
    assert "AS" not in rlimits_for(parse_settings({"limits": {"address_space": ""}}))


def test_prlimit_command_line():
    cmd = prlimit_command({"AS": 1024, "NPROC": 5}, ["jupyterhub-singleuser", "--x"])
    assert cmd == ["prlimit", "--as=1024", "--nproc=5", "--", "jupyterhub-singleuser", "--x"]


def test_apply_config_passes_limits_to_both_spawners():
    settings = parse_settings({"hub": {"mode": "lab"}})
    c = apply(settings, Config(), runtime=Runtime(state_dir="/srv/state"))
    assert c.LabSpawner.rlimits == rlimits_for(settings) == c.DemoSpawner.rlimits
    assert c.LabSpawner.rlimits["NPROC"] == 256


def test_lab_spawner_has_the_limits_hook():
    assert "rlimits" in LabSpawner.class_trait_names()
