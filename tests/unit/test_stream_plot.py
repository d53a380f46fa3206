"""Live plot with the Agg backend: line data, rolling window, units, min/max thinning, blitting."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from schuelerlab.hardware.parse import Sample, TextEvent  # noqa: E402
from schuelerlab.hardware.plot import LivePlot, decimate_minmax, unit_for  # noqa: E402


@pytest.fixture
def ax():
    fig, ax = plt.subplots(figsize=(4, 2), dpi=50)  # 200x100 px: about 150 pixel columns
    yield ax
    plt.close(fig)


def test_series_names_units_and_line_data(ax):
    plot = LivePlot(ax=ax, window_s=10)
    plot.update([Sample(1.0, {"temp": 21.0, "light": 100.0}), TextEvent(1.5, "Hallo"),
                 Sample(2.0, {"temp": 22.0, "light": 120.0})], force=True)
    temp, light = plot.series["temp"].line, plot.series["light"].line
    assert temp.get_label() == "temp (°C)" and light.get_label() == "light (0–255)"
    np.testing.assert_allclose(temp.get_xdata(), [-1.0, 0.0])  # seconds before the newest sample
    np.testing.assert_allclose(temp.get_ydata(), [21.0, 22.0])
    np.testing.assert_allclose(light.get_ydata(), [100.0, 120.0])
    bottom, top = ax.get_ylim()
    assert bottom < 21.0 and top > 120.0
    assert ax.get_ylabel() == "Messwert"  # mixed units: units only in the legend
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["temp (°C)", "light (0–255)"]


def test_single_unit_goes_to_the_axis_label(ax):
    plot = LivePlot(ax=ax)
    plot.update([Sample(0.0, {"temp": 20.0})], force=True)
    assert ax.get_ylabel() == "Messwert (°C)"


def test_rolling_window_drops_old_points_and_scrolls_with_now(ax):
    plot = LivePlot(ax=ax, window_s=5)
    plot.update([Sample(float(t), {"wert1": float(t)}) for t in range(20)], force=True)
    np.testing.assert_allclose(plot.series["wert1"].line.get_ydata(), [14, 15, 16, 17, 18, 19])
    plot.update(now=22.0, force=True)  # no new data, time goes on
    np.testing.assert_allclose(plot.series["wert1"].line.get_xdata(), [-5, -4, -3])


def test_blitting_after_the_first_full_draw_and_full_draw_when_range_grows(ax):
    plot = LivePlot(ax=ax)
    plot.update([Sample(0.0, {"temp": 20.0})], force=True)
    plot.update([Sample(0.1, {"temp": 20.5})], force=True)
    assert plot.full_draws == 1 and plot.blits == 1
    plot.update([Sample(0.2, {"temp": 80.0})], force=True)  # outside the y range
    assert plot.full_draws == 2 and ax.get_ylim()[1] > 80.0


def test_full_rate_is_thinned_but_keeps_min_and_max(ax):
    plot = LivePlot(ax=ax, window_s=10)
    rng = np.random.default_rng(7)
    values = rng.normal(20, 1, 10_470)
    values[5000], values[7000] = 99.0, -50.0  # single-sample spikes
    plot.update([Sample(i / 1047, {"temp": float(v)}) for i, v in enumerate(values)], force=True)
    y = plot.series["temp"].line.get_ydata()
    assert len(y) <= 2 * int(ax.bbox.width) + 2 < len(values)
    assert y.max() == 99.0 and y.min() == -50.0


def test_decimate_minmax_per_column():
    x = np.linspace(0, 1, 1000, endpoint=False)
    y = np.sin(x * 20)
    dx, dy = decimate_minmax(x, y, x0=0.0, x1=1.0, columns=10)
    assert len(dx) == 20
    for c in range(10):
        part = y[c * 100:(c + 1) * 100]
        assert dy[2 * c] == part.min() and dy[2 * c + 1] == part.max()
    same_x, same_y = decimate_minmax(x[:15], y[:15], x0=0, x1=1, columns=10)
    assert len(same_x) == 15 and np.array_equal(same_y, y[:15])  # few points: unchanged


def test_unit_for():
    assert unit_for("temp") == "°C" and unit_for("Light2") == "0–255" and unit_for("wert1") is None


def _line_pixels(ax, color):
    rgb = np.array(matplotlib.colors.to_rgb(color)) * 255
    buf = np.asarray(ax.figure.canvas.buffer_rgba())[..., :3].astype(int)
    return int((np.abs(buf - rgb).sum(axis=2) < 60).sum())


def test_blitted_frames_really_render_the_lines():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    plot = LivePlot(ax=ax, window_s=5)
    plot.update([Sample(t / 10, {"temp": 20.0 + (t % 7)}) for t in range(30)], force=True)
    plot.update([Sample(3.1, {"temp": 21.0})], force=True)
    assert plot.blits >= 1
    color = plot.series["temp"].line.get_color()
    assert _line_pixels(ax, color) > 50
    plot.update(now=100.0, force=True)  # all data left the window: the background comes back
    assert plot.blits >= 2 and _line_pixels(ax, color) < 5
    plt.close(fig)
