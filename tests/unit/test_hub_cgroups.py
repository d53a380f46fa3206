"""Person groups in cgroup v1 and v2 layouts: which folders, which limit files (a folder tree stands in
for /sys/fs/cgroup; the real kernel interface is used in tests/integration/test_hub_cgroups.py)."""

import os

import pytest
from schuelerlab.hub import cgroups

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="person groups are made only when the hub is root")

V1_SELF = "4:memory:/process_api/abc\n3:cpu,cpuacct:/\n0::/\n"


def _v1_tree(root):
    (root / "memory" / "process_api" / "abc").mkdir(parents=True)
    (root / "memory" / "memory.limit_in_bytes").write_text("9223372036854771712\n")
    (root / "cpu,cpuacct").mkdir()
    return root


def test_v1_groups_go_below_the_hubs_own_group_with_the_limit(tmp_path):
    hierarchy = cgroups.find_hierarchy(_v1_tree(tmp_path), V1_SELF)
    assert hierarchy.version == 1
    folders = cgroups.prepare_person(hierarchy, "kim", 512 * 2**20)
    assert folders == (tmp_path / "memory/process_api/abc/schuelerlab/kim",
                       tmp_path / "cpu,cpuacct/schuelerlab/kim")
    assert cgroups.memory_limit(folders[0]) == 512 * 2**20
    cgroups.join(folders, pid=4242)
    assert (folders[1] / "cgroup.procs").read_text() == "4242"


def test_v2_enables_the_controllers_and_limits_memory_without_swap(tmp_path):
    (tmp_path / "cgroup.controllers").write_text("cpuset cpu io memory pids\n")
    hierarchy = cgroups.find_hierarchy(tmp_path, "0::/init.scope\n")
    assert hierarchy.version == 2 and hierarchy.bases == (tmp_path / "schuelerlab",)
    (tmp_path / "schuelerlab").mkdir()
    (tmp_path / "schuelerlab" / "kim").mkdir()
    (tmp_path / "schuelerlab" / "kim" / "memory.swap.max").write_text("max\n")
    folders = cgroups.prepare_person(hierarchy, "kim", 10**9)
    assert (tmp_path / "cgroup.subtree_control").read_text() == "+memory +cpu"
    assert (tmp_path / "schuelerlab" / "cgroup.subtree_control").read_text() == "+memory +cpu"
    assert cgroups.memory_limit(folders[0]) == 10**9
    assert (folders[0] / "memory.swap.max").read_text() == "0"


def test_no_memory_controller_means_no_groups(tmp_path):
    (tmp_path / "cgroup.controllers").write_text("cpu pids\n")
    assert cgroups.find_hierarchy(tmp_path, "0::/\n") is None
    assert cgroups.find_hierarchy(tmp_path / "missing", "0::/\n") is None


def test_removing_keeps_groups_that_still_have_processes(tmp_path):
    hierarchy = cgroups.find_hierarchy(_v1_tree(tmp_path), V1_SELF)
    folders = cgroups.prepare_person(hierarchy, "kim", 1)
    assert not cgroups.remove_person(hierarchy, "kim")  # the folders are not empty (stand-in files)
    for f in folders[0].iterdir():
        f.unlink()
    assert cgroups.remove_person(hierarchy, "kim") and not folders[0].exists()
    assert cgroups.remove_person(hierarchy, "kim")  # already gone is fine
