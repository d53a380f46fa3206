"""Test-cell helpers: child-friendly German messages (no processes)."""

from __future__ import annotations

import pytest
from schuelerlab.graders.checks import Pruefungsfehler, pruefe_fehler, pruefe_gleich, pruefe_wahr


def test_equal_passes_and_unequal_explains():
    pruefe_gleich(9, 9)
    with pytest.raises(AssertionError) as err:
        pruefe_gleich(6, 9, was="quadrat(3)", hinweis="Multipliziere x mit sich selbst.")
    assert str(err.value) == ("Bei quadrat(3): erwartet wurde 9, herausgekommen ist 6. "
                              "Tipp: Multipliziere x mit sich selbst.")


def test_tolerance_for_floats_also_in_lists():
    pruefe_gleich(0.1 + 0.2, 0.3, toleranz=1e-9)
    pruefe_gleich([0.1 + 0.2, 1.0], [0.3, 1], toleranz=1e-9)
    with pytest.raises(Pruefungsfehler):
        pruefe_gleich(0.1 + 0.2, 0.3)
    with pytest.raises(Pruefungsfehler):
        pruefe_gleich([1.0], [1.0, 2.0], toleranz=0.1)


def test_wrong_type_is_named():
    with pytest.raises(Pruefungsfehler) as err:
        pruefe_gleich("9", 9)
    assert "str statt int" in str(err.value)


def test_true_and_error_checks():
    pruefe_wahr(True, "egal")
    with pytest.raises(Pruefungsfehler, match="Die Liste muss sortiert sein. Tipp: sorted"):
        pruefe_wahr(False, "Die Liste muss sortiert sein.", hinweis="sorted")
    pruefe_fehler(lambda: int("x"), ValueError)
    with pytest.raises(Pruefungsfehler, match="aber es gab keinen Fehler"):
        pruefe_fehler(lambda: 1, ValueError)
    with pytest.raises(Pruefungsfehler, match="gekommen ist ZeroDivisionError"):
        pruefe_fehler(lambda: 1 / 0, ValueError)


def test_long_values_are_shortened():
    with pytest.raises(Pruefungsfehler) as err:
        pruefe_gleich("x" * 1000, "y")
    assert len(str(err.value)) < 400
