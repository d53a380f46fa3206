"""The course-local helpers shipped beside every notebook: German checks (pruefen.py) and data (messen.py)."""

from __future__ import annotations

from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

MASTER = Path(__file__).resolve().parents[2] / "scripts" / "coursegen"


def _load(name: str):
    spec = spec_from_file_location(f"courses_{name}", MASTER / f"{name}.py")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pruefen = _load("pruefen")
messen = _load("messen")


def test_number_check_names_expected_actual_and_tip():
    pruefen.pruefe_zahl(3.3001, 3.3, was="spannung(1023)", toleranz=0.001)
    with pytest.raises(AssertionError) as err:
        pruefen.pruefe_zahl(25.0, 2.5, was="spannung(775)", einheit="V", tipp="Hast du durch 1023 geteilt?")
    text = str(err.value)
    assert "Erwartet wurde 2.5 V, dein Ergebnis ist 25 V." in text
    assert "Tipp: Hast du durch 1023 geteilt?" in text
    with pytest.raises(AssertionError, match="Erwartet wurde eine Zahl"):
        pruefen.pruefe_zahl("2.5", 2.5, was="x")
    with pytest.raises(AssertionError):
        pruefen.pruefe_zahl(True, 1, was="x")


def test_equality_check_is_strict_about_truth_values_and_text():
    np = pytest.importorskip("numpy")
    pruefen.pruefe_gleich(np.bool_(True), True, was="ist_dunkel(100)")
    for wrong in ("dunkel", 1):
        with pytest.raises(AssertionError, match="Erwartet wurde True"):
            pruefen.pruefe_gleich(wrong, True, was="ist_dunkel(100)")
    pruefen.pruefe_gleich([1, 2], [1, 2], was="liste")
    with pytest.raises(AssertionError, match="dein Ergebnis ist \\[2, 1\\]"):
        pruefen.pruefe_gleich([2, 1], [1, 2], was="liste")


def test_list_and_type_checks():
    pruefen.pruefe_liste([0.0, 0.2], [0, 0.2], was="sekunden")
    with pytest.raises(AssertionError, match="Erwartet wurden 2 Werte, deine Liste hat 1"):
        pruefen.pruefe_liste([0.0], [0, 0.2], was="sekunden")
    with pytest.raises(AssertionError, match="An Stelle 1 wurde 0.2 erwartet, bei dir steht 2"):
        pruefen.pruefe_liste([0, 2], [0, 0.2], was="sekunden")
    with pytest.raises(AssertionError, match="Erwartet wurde eine Liste"):
        pruefen.pruefe_liste(None, [1], was="x")
    with pytest.raises(AssertionError, match="eine ganze Zahl \\(int\\)"):
        pruefen.pruefe_typ(1023.0, int, was="rohwert(3.3)")
    with pytest.raises(AssertionError, match="Fehlt"):
        pruefen.pruefe_wahr(False, "Fehlt", tipp="x")


def test_student_function_errors_become_german_messages():
    def leer(x):
        raise NotImplementedError("Hier fehlt noch dein Code.")

    def kaputt(x):
        return int("21.5")

    spannung = lambda wert: wert / 1023 * 3.3  # noqa: E731 - a student's function in the caller's globals
    assert pruefen.funktion.__name__ == "funktion"
    ns = {"funktion": pruefen.funktion, "leer": leer, "kaputt": kaputt, "spannung": spannung, "zahl": 3}
    assert eval('funktion("spannung")(1023)', ns) == pytest.approx(3.3)
    with pytest.raises(AssertionError, match="leer ist noch nicht fertig: Hier fehlt noch dein Code"):
        eval('funktion("leer")(1)', ns)
    with pytest.raises(AssertionError, match="ist ein Fehler passiert: ValueError.*Tipp: float"):
        eval('funktion("kaputt", tipp="float statt int")(1)', ns)
    with pytest.raises(AssertionError, match="Die Funktion fehlt gibt es noch nicht"):
        eval('funktion("fehlt")', ns)
    with pytest.raises(AssertionError, match="soll eine Funktion sein"):
        eval('funktion("zahl")', ns)


def test_sample_data_without_board(monkeypatch, tmp_path, capsys):
    # The only stand-in: the USB port list (no physical board in the test machine).
    from serial.tools import list_ports

    monkeypatch.setattr(list_ports, "comports", lambda: [])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "licht.csv").write_text("t_ms,licht\n0,100\n100,120\n", encoding="utf-8")
    daten = messen.calliope_oder_beispiel("licht.csv", spalten=["licht"], sekunden=10)
    assert list(daten["licht"]) == [100, 120]
    assert "Kein Calliope gefunden – wir nehmen die simulierten Messwerte." in capsys.readouterr().out
    with pytest.raises(FileNotFoundError, match="Die Datei fehlt.csv fehlt"):
        messen.lade_beispiel("fehlt.csv")


def test_board_present_but_recording_fails_falls_back(monkeypatch, tmp_path, capsys):
    from serial.tools import list_ports

    monkeypatch.setattr(list_ports, "comports", lambda: [SimpleNamespace(vid=0x0D28, pid=0x0204)])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.csv").write_text("t_ms,temp\n0,21\n", encoding="utf-8")
    assert messen.calliope_angeschlossen()
    daten = messen.calliope_oder_beispiel("t.csv", spalten=["temp"], sekunden=0.1)
    assert list(daten["temp"]) == [21]
    assert "simulierten Messwerte" in capsys.readouterr().out


def test_recording_is_mapped_to_course_columns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.csv").write_text("t_ms,temp,light\n0,1,2\n", encoding="utf-8")
    named = pd.DataFrame({"time_s": [0.0, 0.2], "temp": [21.5, 21.6], "light": [128, 130]})
    out = messen._passend(named, "x.csv", ["temp", "light"])
    assert list(out.columns) == ["t_ms", "temp", "light"] and list(out["t_ms"]) == [0, 200]
    unnamed = pd.DataFrame({"time_s": [1.0], "value_1": [5.0], "value_2": [7.0]})
    assert list(messen._passend(unnamed, "x.csv", ["licht"])["licht"]) == [7.0]
    too_few = pd.DataFrame({"time_s": [1.0], "a": [5.0]})
    assert list(messen._passend(too_few, "x.csv", ["temp", "light"]).columns) == ["t_ms", "temp", "light"]


def test_a_board_connected_in_the_browser_counts_as_connected(monkeypatch):
    """On the hub the board reaches the kernel only through Web Serial; the helper must see it."""
    from schuelerlab.hardware.webserial import BrowserPort, handle_request, registry
    from serial.tools import list_ports

    monkeypatch.setattr(list_ports, "comports", lambda: [])  # no USB board at the server
    assert not messen.calliope_angeschlossen()
    port = BrowserPort("tok-kurs", lambda message: None)
    registry.add(port)
    try:
        assert not messen.calliope_angeschlossen()  # the widget exists, but no board is chosen yet
        assert handle_request({"token": "tok-kurs", "event": "open"}) == {"status": "ok"}
        assert messen.calliope_angeschlossen()
    finally:
        registry.remove(port)
    assert not messen.calliope_angeschlossen()
