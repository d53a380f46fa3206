"""The hub commands through the real command line entry point (German output, exit codes)."""

import pytest

from schuelerlab.cli import main


def test_hub_config_shows_every_section(capsys):
    main(["hub", "config"])
    out = capsys.readouterr().out
    for section in ("[hub]", "[limits]", "[demo]", "[lab]"):
        assert section in out
    assert 'mode = "demo"' in out and "http_timeout = 120" in out


def test_hub_config_names_a_bad_key(tmp_path, capsys):
    bad = tmp_path / "hub.toml"
    bad.write_text("[limits]\nhttp_timout = 5\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["hub", "config", "--settings", str(bad)])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("schuelerlab: ") and "limits.http_timout" in err and "Traceback" not in err


def test_class_commands(tmp_path, capsys):
    state = ["--state-dir", str(tmp_path / "s"), "--demo"]
    main(["class", "create", "klasse5b", "--students", "2", "--course", "sensoren", *state])
    out = capsys.readouterr().out
    assert "klasse5b: 2 Konten" in out and "karten.pdf" in out
    main(["class", "list", *state])
    assert "klasse5b-01, klasse5b-02" in capsys.readouterr().out
    main(["class", "reset-password", "klasse5b-02", *state])
    assert "Neues Passwort für klasse5b-02: " in capsys.readouterr().out
    main(["class", "delete", "klasse5b", "--yes", *state])
    assert "gelöscht (2 Konten)" in capsys.readouterr().out


def test_hub_run_refuses_a_taken_port(tmp_path, capsys):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        settings = tmp_path / "hub.toml"
        settings.write_text(f'[hub]\nbind_url = "http://127.0.0.1:{port}"\n', encoding="utf-8")
        with pytest.raises(SystemExit):
            main(["hub", "run", "--demo", "--settings", str(settings), "--state-dir", str(tmp_path / "s")])
    err = capsys.readouterr().err
    assert f"127.0.0.1:{port}" in err and "schon belegt" in err
