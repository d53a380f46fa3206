"""The simulated board's flat file system and `os` persona (calliope.md §2, §7; serial-and-repl.md §3)."""

import pytest
from schuelerlab.hardware.boards import MINI2, MINI3
from schuelerlab.hardware.sim.flatfs import CHUNK_PAYLOAD, FlatFS, FsError, chunks_for
from schuelerlab.hardware.sim.liveexec import LiveExecutor


def test_names_are_flat(tmp_path):
    fs = FlatFS(tmp_path, capacity_bytes=MINI3.fs_bytes)
    assert FlatFS.normalize("/main.py") == FlatFS.normalize("./main.py") == "main.py"
    for bad in ("lib/x.py", "", "..", "x" * 121):
        with pytest.raises(FsError):
            FlatFS.normalize(bad)
    assert not fs.exists("sub/x.py")
    with pytest.raises(FsError, match="ENOENT"):
        fs.read("main.py")


def test_capacity_counts_chunks_and_refuses_overflow(tmp_path):
    fs = FlatFS(tmp_path, capacity_bytes=10 * CHUNK_PAYLOAD)
    fs.create("a")
    fs.append("a", b"x" * (8 * CHUNK_PAYLOAD))
    assert fs.used_chunks() == chunks_for("a", 8 * CHUNK_PAYLOAD) == 9
    fs.create("b")  # the tenth chunk
    with pytest.raises(FsError, match="ENOSPC"):
        fs.append("b", b"y" * CHUNK_PAYLOAD)
    assert fs.size("b") == 0  # nothing half-written
    fs.remove("a")
    fs.append("b", b"y" * CHUNK_PAYLOAD)
    assert fs.read("b") == b"y" * CHUNK_PAYLOAD


@pytest.fixture(scope="module")
def vm3(tmp_path_factory):
    fs = FlatFS(tmp_path_factory.mktemp("fs3"), capacity_bytes=MINI3.fs_bytes)
    out = []
    ex = LiveExecutor(profile=MINI3, fs=fs, on_output=out.append)
    yield ex, out
    ex.close()


def run(vm, code):
    ex, out = vm
    out.clear()
    tb = ex.execute(code)
    return "".join(out), tb or ""


def test_mini3_os_persona(vm3):
    out, tb = run(vm3, "import os\nprint([n for n in ('listdir', 'ilistdir', 'stat', 'remove', 'size',"
                       " 'uname', 'mkdir', 'getcwd', 'rmdir') if hasattr(os, n)])\nprint(os.uname())")
    assert tb == ""
    names, uname = out.splitlines()
    assert names == "['listdir', 'ilistdir', 'stat', 'remove', 'size', 'uname']"
    assert uname.startswith("(sysname='microbit', nodename='microbit', release='2.1.2b', "
                            "version='micro:bit v2.1.2b+5d837a8 on 2024-11-05; ")


def test_files_round_trip_through_open_and_os(vm3):
    out, tb = run(vm3, "with open('data.txt', 'w') as f:\n f.write('temp:21\\n')\n"
                       "import os\nprint(os.listdir(), os.size('data.txt'), os.stat('data.txt')[0])\n"
                       "print(list(os.ilistdir()))\nprint(open('data.txt').read(), end='')\n"
                       "b = bytearray(4)\nf = open('data.txt', 'rb')\nprint(f.readinto(b), bytes(b))")
    assert tb == ""
    assert out.splitlines() == ["['data.txt'] 8 32768", "[('data.txt', 32768, 0)]", "temp:21",
                                "4 b'temp'"]


@pytest.mark.parametrize(("code", "error"), [
    ("open('missing.py')", "OSError: [Errno 2] ENOENT"),
    ("import os\nos.stat('missing.py')", "OSError: [Errno 2] ENOENT"),
    ("open('log.txt', 'a')", "ValueError: illegal mode"),
    ("f = open('big', 'wb')\nfor i in range(250):\n f.write(b'x' * 100)", "OSError: [Errno 28] ENOSPC"),
    ("import hashlib", "ImportError: no module named 'hashlib'"),
    ("import os\nos.mkdir('lib')", "AttributeError"),
])
def test_board_errors_read_like_the_board(vm3, code, error):
    out, tb = run(vm3, code)
    assert tb.startswith("Traceback (most recent call last):\n  File \"<stdin>\"")
    assert tb.splitlines()[-1].startswith(error)
    assert "/sim/" not in tb


def test_mini2_os_has_no_stat_and_no_machine(tmp_path):
    out = []
    ex = LiveExecutor(profile=MINI2, fs=FlatFS(tmp_path, capacity_bytes=MINI2.fs_bytes), on_output=out.append)
    try:
        assert ex.execute("import os\nprint([n for n in ('listdir', 'ilistdir', 'stat', 'remove', 'size', "
                          "'uname') if hasattr(os, n)])") is None
        assert "".join(out).strip() == "['listdir', 'remove', 'size', 'uname']"
        assert "ImportError" in ex.execute("import machine")
        assert "AttributeError" in ex.execute("import os\nos.stat('x')")
    finally:
        ex.close()


def test_program_fills_the_board_only_as_far_as_the_host_counts(tmp_path):
    """The board's own writes count 128-byte chunks like the host side (FlatFS) and the real board."""
    fs = FlatFS(tmp_path, capacity_bytes=MINI3.fs_bytes)
    fs.create("alt.txt")
    fs.append("alt.txt", b"a")
    out = []
    ex = LiveExecutor(profile=MINI3, fs=fs, on_output=out.append)
    try:
        tb = ex.execute("f = open('voll.bin', 'wb')\ntry:\n    while True:\n        f.write(b'x')\n"
                        "except OSError as e:\n    print(e)\nf.close()\n")
    finally:
        ex.close()
    assert (tb or "") == "" and "".join(out) == "[Errno 28] ENOSPC\n"
    assert fs.used_chunks() == fs.capacity_chunks
    with pytest.raises(FsError, match="ENOSPC"):
        fs.append("voll.bin", b"x")
