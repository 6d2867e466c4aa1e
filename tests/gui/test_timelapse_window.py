"""The training time-lapse in the window: snapshots recorded while training, the slider (keys and mouse)
showing the network as it was, back to live at the end, saved in the file and scrubbed after reopening."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from desktop_app.core.inference import Predictor
from gui_support import SEVEN, draw_stroke, open_model, quick_config, send_mouse


def _train(qtbot, window, config):
    window.training_panel.set_config(config)
    window.training_panel.train_button.click()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=90_000)
    return window.last_training_result()


def _views(window):
    look = window.inspection
    look.update_now()
    return window.prediction.probabilities().copy(), look.inspection.weights_view.grid()


def _expected(window, snapshot):
    predictor = Predictor.copy_of(window.session.live_predictor().model)
    predictor.set_weights(snapshot.float_weights())
    return predictor.predict(window.prediction.network_input())


def _drag_handle_to(slider, share: float) -> None:
    """Press on the slider's handle, move with the left button held to `share` of its width, release."""
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderHandle, slider)
    start, end = QPointF(handle.center()), QPointF(share * slider.width(), handle.center().y())
    left, held, none = Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send_mouse(slider, QEvent.Type.MouseButtonPress, start, left, held)
    for step in range(1, 6):
        send_mouse(slider, QEvent.Type.MouseMove, start + (end - start) * (step / 5), none, held)
    send_mouse(slider, QEvent.Type.MouseButtonRelease, end, left, none)


def test_the_slider_shows_the_network_as_it_was_and_returns_to_live(qtbot, window, tmp_path):
    result = _train(qtbot, window, quick_config(preset="small-cnn", epochs=2, batch_size=16, train_limit=600))
    assert result.status == "finished", result.reason
    bar, timelapse = window.training.timelapse_bar, window.session.timelapse()
    epochs = [round(snapshot.epoch, 3) for snapshot in timelapse.snapshots]
    assert len(timelapse) >= 5 and bar.count() == len(timelapse) and bar.is_live()
    assert [e for e in epochs if 0 < e < 1] == [0.029, 0.088, 0.294]  # moments within the first epoch
    assert epochs[0] == 0 and epochs[-2:] == [1, 2]

    window.inspection.inside_dock.raise_()
    draw_stroke(window.canvas, SEVEN)
    live_probabilities, live_filters = _views(window)
    assert live_filters is not None

    bar.slider.setFocus()
    QTest.keyClick(bar.slider, Qt.Key.Key_Home)  # the start: the untrained network
    assert bar.index() == 0 and window.session.is_showing_moment()
    probabilities, filters = _views(window)
    np.testing.assert_allclose(probabilities, _expected(window, timelapse[0]), atol=1e-3)
    assert not np.allclose(probabilities, live_probabilities, atol=1e-3)
    assert not np.allclose(filters, live_filters)
    assert window.plots.loss.moment() == 0 and window.plots.accuracy.moment() == 0
    assert "start" in bar.label_text() and "Time-lapse" in window.prediction.model_note.text()

    QTest.keyClick(bar.slider, Qt.Key.Key_Right)  # 3 % into the first epoch
    probabilities, second_filters = _views(window)
    np.testing.assert_allclose(probabilities, _expected(window, timelapse[1]), atol=1e-3)
    assert not np.allclose(second_filters, filters)
    assert abs(window.plots.accuracy.moment() - timelapse[1].epoch) < 1e-6

    _drag_handle_to(bar.slider, 1.0)  # dragged and released at the end: live again
    assert bar.is_live() and not window.session.is_showing_moment()
    probabilities, filters = _views(window)
    np.testing.assert_allclose(probabilities, live_probabilities, atol=1e-6)
    np.testing.assert_array_equal(filters, live_filters)
    assert window.plots.loss.moment() is None and window.prediction.predictor() is window.session.live_predictor()

    # saved in the file, scrubbed after reopening
    path = window.session.save(tmp_path / "lapse.keras")
    window.session.close_model()
    assert bar.count() == 0 and not bar.isEnabled()
    assert open_model(qtbot, window, path)
    reopened = window.session.timelapse()
    assert [round(s.epoch, 3) for s in reopened.snapshots] == epochs and bar.count() == len(epochs)
    draw_stroke(window.canvas, SEVEN)
    QTest.keyClick(bar.slider, Qt.Key.Key_Home)
    probabilities, _ = _views(window)
    np.testing.assert_allclose(probabilities, _expected(window, reopened[0]), atol=1e-3)


def test_a_file_without_a_timelapse_opens_with_an_idle_slider(qtbot, window, tiny_model_path):
    assert open_model(qtbot, window, tiny_model_path)
    bar = window.training.timelapse_bar
    assert window.session.timelapse() is None and bar.count() == 0 and not bar.isEnabled()
    assert "no snapshots" in bar.label_text()


def test_play_walks_through_the_snapshots_to_live(qtbot, window, monkeypatch):
    from desktop_app.gui.training import timelapse_bar

    _train(qtbot, window, quick_config(epochs=1, train_limit=300))
    bar = window.training.timelapse_bar
    bar._timer.setInterval(20)
    seen = []
    bar.momentChosen.connect(seen.append)
    QTest.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.play_button.isChecked(), timeout=10_000)
    assert seen[0] == 0 and seen[-1] == -1 and seen[:-1] == list(range(bar.count()))
    assert bar.is_live() and not window.session.is_showing_moment()
    assert timelapse_bar.PLAY_INTERVAL_MS >= 100
