"""Simulated sample measurements for the courses, generated deterministically (fixed seeds).

Every file is small CSV with one header row; the notebooks label them as „simulierte Messwerte“.
"""

from __future__ import annotations

import csv
import math
import random
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

MIN = 60_000
HOUR = 60 * MIN


def _write(path: Path, header: list[str], rows: Iterable[Iterable[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def _clamp(x: float, lo: int = 0, hi: int = 1023) -> int:
    return max(lo, min(hi, round(x)))


def poti(rng: random.Random) -> list[tuple[int, int]]:
    """A potentiometer turned slowly up and down again (20 s, 10 per second)."""
    rows = []
    for i in range(200):
        phase = i / 199
        ideal = 1023 * (math.sin(math.pi * phase) ** 2 if phase < 1 else 0)
        rows.append((i * 100, _clamp(ideal + rng.gauss(0, 2))))
    return rows


def divider(rng: random.Random) -> list[tuple[int, int]]:
    """R1 = 10 kΩ; R2 swapped every 5 s: 1 kΩ, 4.7 kΩ, 10 kΩ, 22 kΩ (10 values per second)."""
    rows = []
    for i in range(200):
        r2 = (1000, 4700, 10000, 22000)[i // 50]
        rows.append((i * 100, _clamp(1023 * r2 / (10000 + r2) + rng.gauss(0, 2))))
    return rows


def classroom_light(rng: random.Random) -> list[tuple[int, int]]:
    """Light in a classroom from 7:30 to 14:00, one value per minute (lamps, sun, clouds)."""
    rows = []
    for m in range(390):
        clock = 7.5 + m / 60
        sun = max(0.0, math.sin(math.pi * (clock - 7.3) / 9.2)) * 520
        cloud = 0.55 if 10.8 < clock < 11.6 else 1.0
        lamps = 330 if (7.75 <= clock < 9.5 or 12.2 <= clock < 13.5) else 0
        rows.append((m * MIN, _clamp(40 + sun * cloud + lamps + rng.gauss(0, 6))))
    return rows


def soil(rng: random.Random) -> list[tuple[int, int]]:
    """Soil moisture between two nails over 10 days, hourly; watered on day 0 and day 6."""
    rows, level = [], 820.0
    for h in range(240):
        if h in (0, 6 * 24 + 9):
            level = 820.0 + rng.uniform(-10, 10)
        day_factor = 1.6 if 10 <= h % 24 <= 17 else 0.7
        level -= (level - 180) * 0.0065 * day_factor
        rows.append((h * HOUR, _clamp(level + rng.gauss(0, 4))))
    return rows


def thermometer_pairs(rng: random.Random) -> list[tuple[float, float]]:
    """Calliope temperature next to a reference thermometer (ice water to warm room)."""
    rows = []
    for ref in (0.2, 4.8, 10.1, 15.3, 18.0, 20.4, 22.1, 24.9, 27.5, 30.2, 33.8, 36.1):
        rows.append((ref, round(1.06 * ref + 2.7 + rng.gauss(0, 0.25))))
    return rows


def calliope_day(rng: random.Random) -> list[tuple[int, int]]:
    """The Calliope's own (uncalibrated, whole-degree) temperature over a school day, every 5 min."""
    rows = []
    for i in range(96):
        real = 19.0 + 3.0 * math.sin(math.pi * i / 95) + rng.gauss(0, 0.2)
        rows.append((i * 5 * MIN, round(1.06 * real + 2.7 + rng.gauss(0, 0.3))))
    return rows


def noise(rng: random.Random) -> list[tuple[int, int]]:
    """A lamp switched on halfway: noisy light values, 20 per second for 15 s."""
    return [(i * 50, _clamp((180 if i < 150 else 640) + rng.gauss(0, 18))) for i in range(300)]


def zeitz_temp(hour: float) -> float:
    """A November day in Zeitz: about 1 °C before dawn, 7 °C in the early afternoon."""
    return 4.0 - 3.0 * math.cos(2 * math.pi * (hour - 2.5) / 24)


def zeitz_light(hour: float) -> float:
    """Daylight between about 7:20 and 16:15 (light sensor 0..255)."""
    return max(0.0, math.sin(math.pi * (hour - 7.3) / 8.95)) * 170


def live_temp_light(rng: random.Random) -> list[tuple[int, float, int]]:
    """30 s at 5 values per second: a hand covers the sensor, then someone breathes on it."""
    rows = []
    for i in range(150):
        t = i * 0.2
        light = 140 - (115 if 8 <= t < 14 else 0) + rng.gauss(0, 3)
        temp = 22.0 + (3.5 * (1 - math.exp(-(t - 18) / 3)) if t >= 18 else 0) + rng.gauss(0, 0.1)
        rows.append((i * 200, round(temp, 1), _clamp(light, 0, 255)))
    return rows


def zeitz_day(rng: random.Random, step_min: int = 5) -> list[tuple[int, float, int]]:
    """A day in Zeitz in November (t_ms,temp,light), every ``step_min`` minutes."""
    rows = []
    for i in range(24 * 60 // step_min):
        hour = i * step_min / 60
        temp = zeitz_temp(hour) + rng.gauss(0, 0.25)
        light = zeitz_light(hour) * (0.6 if 11 < hour < 12.5 else 1.0) + abs(rng.gauss(0, 2))
        rows.append((i * step_min * MIN, round(temp, 1), _clamp(light, 0, 255)))
    return rows


def classroom_temp(rng: random.Random) -> list[tuple[int, float]]:
    """Classroom temperature every minute for 2 hours, with three sensor glitches."""
    rows = []
    for m in range(120):
        temp = 20.5 + m * 0.012 + rng.gauss(0, 0.3)
        if m in (17, 64, 101):
            temp = (85.0, -12.5, 55.0)[(17, 64, 101).index(m)]
        rows.append((m * MIN, round(temp, 1)))
    return rows


def steps(rng: random.Random) -> list[tuple[int, int, int, int]]:
    """Accelerometer (milli-g) at 50 Hz for 12 s: standing 2 s, then 16 steps, then standing."""
    rows = []
    for i in range(600):
        t = i / 50
        walking = 2.0 <= t < 2.0 + 16 * 0.55
        bump = 0.0
        if walking:
            phase = ((t - 2.0) % 0.55) / 0.55
            bump = 650 * math.exp(-((phase - 0.3) ** 2) / 0.012) - 120
        x = rng.gauss(30, 25) + (bump * 0.3 if walking else 0)
        y = rng.gauss(-990, 25) - bump
        z = rng.gauss(60, 25) + (bump * 0.2 if walking else 0)
        rows.append((i * 20, round(x), round(y), round(z)))
    return rows


def door(rng: random.Random) -> list[tuple[int, int]]:
    """Magnet field at a door frame (µT) every 5 s for one hour; the door opens four times."""
    openings = [(300, 330), (1210, 1245), (2000, 2010), (2950, 3100)]
    rows = []
    for i in range(720):
        t = i * 5
        is_open = any(a <= t < b for a, b in openings)
        rows.append((t * 1000, round((45 if is_open else 620) + rng.gauss(0, 8))))
    return rows


def park_payloads(rng: random.Random) -> list[tuple[str, str, str]]:
    """LoRaWAN-style 6-byte payloads from three park sensors, every 30 min for 3 November days.

    Layout: temperature x10 (int16, big-endian), humidity % (uint8), light in lux (uint16, big-endian),
    battery % (uint8).
    """
    start = datetime(2026, 11, 16, 0, 0)
    sensors = {"rosengarten": 0.0, "teich": -0.8, "spielplatz": 0.5}
    battery = {"rosengarten": 97.0, "teich": 88.0, "spielplatz": 64.0}
    rows = []
    for k in range(3 * 48):
        when = start + timedelta(minutes=30 * k)
        hour = when.hour + when.minute / 60
        for name, offset in sensors.items():
            temp = zeitz_temp(hour) - 2.5 + offset + rng.gauss(0, 0.3) + (k // 48) * 0.7
            humid = _clamp(92 - 4 * (temp + 2) + rng.gauss(0, 2), 0, 100)
            lux = _clamp(zeitz_light(hour) * 95 + abs(rng.gauss(0, 40)), 0, 65535)
            battery[name] -= 0.02
            payload = (round(temp * 10).to_bytes(2, "big", signed=True) + bytes([humid])
                       + lux.to_bytes(2, "big") + bytes([round(battery[name])]))
            rows.append((when.strftime("%Y-%m-%d %H:%M"), name, payload.hex()))
    return rows


def write_all(root: Path) -> list[Path]:
    """Write every sample file below ``root`` (the ``courses`` folder); return the paths."""
    s, d = root / "sensoren" / "source", root / "daten" / "source"
    files = [
        (s / "01_spannung" / "poti.csv", ["t_ms", "wert"], poti),
        (s / "02_spannungsteiler" / "teiler.csv", ["t_ms", "wert"], divider),
        (s / "03_lichtsensor" / "licht_klassenzimmer.csv", ["t_ms", "licht"], classroom_light),
        (s / "04_bodenfeuchte" / "bodenfeuchte.csv", ["t_ms", "feuchte"], soil),
        (s / "05_thermometer" / "vergleich.csv", ["referenz", "calliope"], thermometer_pairs),
        (s / "05_thermometer" / "calliope_tag.csv", ["t_ms", "temp"], calliope_day),
        (s / "06_rauschen" / "rauschen.csv", ["t_ms", "licht"], noise),
        (d / "01_live" / "live_temp_licht.csv", ["t_ms", "temp", "light"], live_temp_light),
        (d / "02_csv" / "wetterstation.csv", ["t_ms", "temp", "light"], lambda r: zeitz_day(r, 30)),
        (d / "03_diagramme" / "zeitz_november.csv", ["t_ms", "temp", "light"], zeitz_day),
        (d / "04_statistik" / "klassenraum_temp.csv", ["t_ms", "temp"], classroom_temp),
        (d / "05_ereignisse" / "schritte.csv", ["t_ms", "x", "y", "z"], steps),
        (d / "05_ereignisse" / "tuer.csv", ["t_ms", "magnet"], door),
        (d / "06_smart_region" / "park_payloads.csv", ["zeit", "sensor", "payload"], park_payloads),
        (d / "06_smart_region" / "mein_parksensor.csv", ["t_ms", "temp", "light"],
         lambda r: zeitz_day(r, 60)),
    ]
    written = []
    for seed, (path, header, make) in enumerate(files, start=2026):
        _write(path, header, make(random.Random(seed)))
        written.append(path)
    return written
