"""CsvLogger: header, rows, late names, excel-de, flushing, DataFrame conversion."""

import csv

from schuelerlab.hardware.csvlog import CsvLogger
from schuelerlab.hardware.parse import Sample, TextEvent
from schuelerlab.hardware.stream import samples_to_frame


def read_rows(path, delimiter=",", encoding="utf-8"):
    with open(path, newline="", encoding=encoding) as f:
        return list(csv.reader(f, delimiter=delimiter))


def test_header_rows_and_text_lines_skipped(tmp_path):
    out = tmp_path / "m.csv"
    with CsvLogger(out) as log:
        assert log.write([Sample(0.1234, {"temp": 21.0, "light": 128.0}), TextEvent(0.2, "Hallo")]) == 1
        log.write([Sample(1.5, {"temp": 21.5, "light": 7.25})])
        # flushed after each batch: the file is complete while the logger is still open
        assert read_rows(out) == [
            ["time_s", "temp", "light"], ["0.123", "21", "128"], ["1.500", "21.5", "7.25"],
        ]
    assert log.rows == 2


def test_new_names_later_widen_the_file_and_pad_old_rows(tmp_path):
    out = tmp_path / "m.csv"
    with CsvLogger(out) as log:
        log.write([Sample(0.0, {"temp": 1.0}), Sample(0.1, {"temp": 2.0})])
        log.write([Sample(0.2, {"light": 5.0}), Sample(0.3, {"temp": 3.0, "light": 6.0})])
        log.write([Sample(0.4, {"temp": 4.0})])
    assert read_rows(out) == [
        ["time_s", "temp", "light"],
        ["0.000", "1", ""], ["0.100", "2", ""], ["0.200", "", "5"], ["0.300", "3", "6"], ["0.400", "4", ""],
    ]


def test_excel_de_uses_semicolon_decimal_comma_and_bom(tmp_path):
    out = tmp_path / "m.csv"
    with CsvLogger(out, excel_de=True) as log:
        log.write([Sample(1.25, {"Temperatur (°C)": 21.5, "light": 128.0})])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert read_rows(out, ";", "utf-8-sig") == [
        ["time_s", "Temperatur (°C)", "light"], ["1,250", "21,5", "128"],
    ]


def test_empty_log_has_a_header_and_time_s_name_clash(tmp_path):
    out = tmp_path / "leer.csv"
    CsvLogger(out).close()
    assert read_rows(out) == [["time_s"]]
    out2 = tmp_path / "clash.csv"
    with CsvLogger(out2) as log:
        log.write([Sample(0.5, {"time_s": 9.0})])
    assert read_rows(out2)[0] == ["time_s", "time_s (Calliope)"]


def test_unwritable_file_is_a_german_user_error(tmp_path):
    import pytest

    from schuelerlab.errors import UserError

    with pytest.raises(UserError, match="lässt sich nicht anlegen"):
        CsvLogger(tmp_path / "fehlt" / "m.csv")


def test_samples_to_frame():
    frame = samples_to_frame([Sample(0.0, {"temp": 1.0}), Sample(0.5, {"temp": 2.0, "light": 3.0})])
    assert list(frame.columns) == ["time_s", "temp", "light"]
    assert frame["time_s"].tolist() == [0.0, 0.5]
    assert frame["temp"].tolist() == [1.0, 2.0]
    assert frame["light"].isna().tolist() == [True, False]
