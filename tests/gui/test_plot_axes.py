"""The plots' axes show plain numbers: a loss of 0.2 reads "0.2", never "200" under "(x0.001)"."""

from __future__ import annotations

import re

import pytest

SMALL_LOSSES = {"loss": [0.5, 0.12, 0.03, 0.004, 0.001], "val_loss": [0.45, 0.15, 0.05, 0.01, 0.002],
                "accuracy": [0.85, 0.95, 0.98, 0.99, 0.995], "val_accuracy": [0.86, 0.94, 0.97, 0.98, 0.99]}


def _drawn_tick_strings(qtbot, widget, axis) -> list[str]:
    """The tick labels the axis paints, read while the widget is rendered."""
    drawn: list[str] = []
    original = axis.tickStrings

    def recording(values, scale, spacing):
        strings = original(values, scale, spacing)
        drawn.extend(strings)
        return strings

    axis.tickStrings = recording
    try:
        axis.picture = None  # force the axis to lay its ticks out again
        widget.grab()
    finally:
        del axis.tickStrings
    return drawn


def _assert_plain(axis, label: str, drawn: list[str], largest: float) -> None:
    text = re.sub(r"<[^>]+>", "", axis.labelString()).strip()
    assert text == label  # no "(x0.001)"
    assert axis.autoSIPrefixScale == 1.0
    assert drawn, "the axis drew no tick labels"
    values = [float(string) for string in drawn]
    assert max(values) <= largest, drawn  # 0.2, 0.4, ... and never 200, 400


@pytest.fixture
def training_plots(qtbot):
    from desktop_app.gui.training.plots import TrainingPlots

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(900, 360)
    plots.show()
    qtbot.waitExposed(plots)
    return plots


def test_the_loss_axis_shows_plain_numbers_for_small_losses(qtbot, training_plots):
    training_plots.set_history(SMALL_LOSSES)
    qtbot.wait(50)
    plot = training_plots.loss.plot_widget
    axis = plot.getPlotItem().getAxis("left")
    _assert_plain(axis, "cross-entropy", _drawn_tick_strings(qtbot, plot, axis), largest=1.0)
    bottom = plot.getPlotItem().getAxis("bottom")
    assert re.sub(r"<[^>]+>", "", bottom.labelString()).strip() == "epoch"


def test_the_history_view_axes_show_plain_numbers(qtbot):
    from desktop_app.gui.inspection.history_view import HistoryView

    view = HistoryView()
    qtbot.addWidget(view)
    view.resize(900, 360)
    view.show()
    qtbot.waitExposed(view)
    view.add_run("run 1", SMALL_LOSSES)
    qtbot.wait(50)
    axis = view.loss_plot.getAxis("left")
    _assert_plain(axis, "cross-entropy", _drawn_tick_strings(qtbot, view.graphics, axis), largest=1.0)


def test_a_training_plot_saves_itself_and_says_when_it_cannot(qtbot, tmp_path, message_boxes):
    from PIL import Image

    from desktop_app.gui.training.plots import TrainingPlots

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(600, 300)
    plots.set_history(SMALL_LOSSES)
    target = tmp_path / "loss.png"
    assert plots.loss.save_image(str(target))
    with Image.open(target) as image:
        assert image.size[0] > 100 and image.size[1] > 50
    assert not plots.loss.plot_widget.getPlotItem().menuEnabled()  # pyqtgraph's English-only menus are off

    assert not plots.loss.save_image(str(tmp_path / "no-such-folder" / "loss.png"))
    assert message_boxes.calls and message_boxes.calls[-1][0] == "warning"
    assert "could not be written" in message_boxes.calls[-1][2]
