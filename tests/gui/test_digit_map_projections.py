"""The Digit map dock beyond PCA (issue 14): t-SNE on the task runner with progress and a Stop that ends it
within a second, leaving the PCA map; the map following the time-lapse slider and back to live; the user's
own handwriting drawn on the map."""

from __future__ import annotations

import time

import numpy as np
from gui_support import draw_stroke, open_model
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_app.core.embedding import procrustes_rotation
from desktop_app.core.resources import resource_path
from desktop_app.core.synthetic import DRAWN_DIGITS
from desktop_app.core.timelapse import Timelapse
from desktop_app.gui.inspection.controller import DIGIT_MAP


def _window_with_map(qtbot, window, digits: int | None = None):
    controller = window.inspection
    view = controller.digit_map
    if digits is not None:
        view.digit_limit = digits  # before the first map: a smaller map keeps t-SNE to about a second
    assert open_model(qtbot, window, resource_path("ready_model.keras"))
    controller.map_dock.show()
    controller.map_dock.raise_()
    qtbot.waitUntil(lambda: window.session.predictor() is not None, timeout=30_000)
    controller.update_now()
    qtbot.waitUntil(lambda: view.digit_map() is not None, timeout=10_000)
    return controller, view


def _choose(view, method: str) -> None:
    view.projection_combo.setCurrentIndex(view.projection_combo.findData(method))


def test_tsne_runs_on_the_task_runner_and_the_drawing_is_placed_among_its_neighbours(qtbot, window):
    controller, view = _window_with_map(qtbot, window, digits=300)
    pca = view.digit_map()
    assert pca.method == "pca" and view.projection_combo.currentText() == "PCA"

    _choose(view, "tsne")
    assert window.tasks.is_running(DIGIT_MAP)
    assert view.progress_bar.isVisible() and view.stop_button.isVisible()
    assert not view.projection_combo.isEnabled()
    qtbot.waitUntil(lambda: not window.tasks.is_running(DIGIT_MAP), timeout=30_000)
    shown = view.digit_map()
    assert shown.method == "tsne" and view.projection_combo.currentText() == "t-SNE"
    assert not view.progress_bar.isVisible() and view.projection_combo.isEnabled()
    assert "t-SNE map of 300 test digits" in view.text.text()
    assert np.array_equal(shown.labels, pca.labels) and not np.allclose(shown.points, pca.points)
    assert view.pca_map() is pca  # t-SNE started from it; it stays for the next weights

    draw_stroke(window.canvas, DRAWN_DIGITS[0])
    controller.update_now()
    features, _ = view._mapper.features(controller.drawing.network_input()[None])
    assert np.allclose(view.drawing_point, shown.locate(features)[0], atol=1e-4 * np.ptp(shown.points))
    near = np.argsort(np.linalg.norm(shown.points - view.drawing_point, axis=1))[:10]
    assert np.bincount(shown.predicted[near], minlength=10).argmax() == 0

    # New weights: back to PCA, which follows them.
    weights = window.session.predictor().model.get_weights()
    window.session.show_weights([w * 1.01 for w in weights], "nudged weights")
    controller.update_now()
    assert view.digit_map().method == "pca" and view.projection_combo.currentText() == "PCA"
    assert view.digit_map() is not pca


def test_stop_ends_tsne_within_a_second_and_the_map_stays(qtbot, window):
    controller, view = _window_with_map(qtbot, window)  # 2,000 digits: t-SNE would take many seconds
    pca = view.digit_map()
    _choose(view, "tsne")
    qtbot.waitUntil(lambda: view.progress_bar.value() >= 5, timeout=30_000)  # well into its iterations
    assert window.tasks.is_running(DIGIT_MAP)

    started = time.perf_counter()
    QTest.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks.is_running(DIGIT_MAP), timeout=1000)
    assert time.perf_counter() - started < 1.0
    qtbot.wait(50)  # anything the worker had queued has arrived
    assert view.digit_map() is pca and view.projection_combo.currentText() == "PCA"
    assert not view.progress_bar.isVisible() and not view.stop_button.isVisible()
    assert view.projection_combo.isEnabled()


def test_another_model_stops_tsne_and_shows_pca(qtbot, window, tiny_model_path):
    controller, view = _window_with_map(qtbot, window)
    _choose(view, "tsne")
    qtbot.waitUntil(lambda: view.progress_bar.value() >= 5, timeout=30_000)
    assert open_model(qtbot, window, tiny_model_path)
    qtbot.waitUntil(lambda: window.session.predictor() is not None, timeout=30_000)
    controller.update_now()
    qtbot.waitUntil(lambda: not window.tasks.is_running(DIGIT_MAP), timeout=2000)
    qtbot.waitUntil(lambda: view.digit_map() is not None, timeout=10_000)
    assert view.digit_map().method == "pca" and view.projection_combo.currentText() == "PCA"


def test_the_map_follows_the_timelapse_slider_and_comes_back_to_live(qtbot, window):
    controller, view = _window_with_map(qtbot, window, digits=600)
    live = view.digit_map()
    weights = window.session.predictor().model.get_weights()
    rng = np.random.default_rng(0)
    early = [w + rng.normal(scale=0.6, size=w.shape).astype(w.dtype) * (np.std(w) + 1e-3) for w in weights]
    timelapse = Timelapse()
    timelapse.add(0.0, {}, early, kind="start")
    timelapse.add(0.5, {"accuracy": 0.9}, [0.5 * (a + b) for a, b in zip(early, weights)])
    window.session.set_timelapse(timelapse)
    bar = window.training.timelapse_bar
    assert bar.count() == 2 and bar.is_live()

    bar.slider.setFocus()
    QTest.keyClick(bar.slider, Qt.Key.Key_Home)  # the first snapshot
    assert window.session.is_showing_moment()
    controller.update_now()
    start = view.digit_map()
    assert start is not live and not np.allclose(start.points, live.points, atol=1e-3 * np.ptp(live.points))
    assert not np.array_equal(start.predicted, live.predicted)  # the snapshot's own readings

    QTest.keyClick(bar.slider, Qt.Key.Key_Right)  # the next: turned to match the one before
    controller.update_now()
    middle = view.digit_map()
    assert middle is not start
    # Already turned to match: the best turn from it to the one before is (about) none, no flip.
    assert np.allclose(procrustes_rotation(middle.points, start.points), np.eye(2), atol=0.2)

    QTest.keyClick(bar.slider, Qt.Key.Key_End)  # live again
    assert bar.is_live() and not window.session.is_showing_moment()
    controller.update_now()
    back = view.digit_map()
    assert np.array_equal(back.predicted, live.predicted)
    # The live picture again, up to the turn that keeps it close to the snapshot before.
    centred = back.points - back.points.mean(axis=0)
    target = live.points - live.points.mean(axis=0)
    rotation = procrustes_rotation(centred, target)
    assert np.allclose(centred @ rotation, target, atol=1e-3 * np.ptp(target))


def test_my_handwriting_is_shown_on_the_map(qtbot, window):
    controller, view = _window_with_map(qtbot, window, digits=600)
    controller.follow_handwriting(window.handwriting)  # as the main window wires it
    check = view.handwriting_check
    assert not check.isEnabled() and "no handwriting samples" in check.toolTip()

    for digit in (0, 1, 7):
        draw_stroke(window.canvas, DRAWN_DIGITS[digit])
        assert window.handwriting.store_drawing(digit)
    assert check.isEnabled() and "3 handwriting samples" in check.toolTip()
    assert view.handwriting_points is None and len(view.handwriting_item.data) == 0

    check.setChecked(True)
    assert view.handwriting_points.shape == (3, 2) and len(view.handwriting_item.data) == 3
    legend = [label.text for _, label in view.legend.items]
    assert "my handwriting" in legend
    images = window.handwriting.dataset.read().dataset.x_train
    expected = view.digit_map().locate(view._mapper.features(images)[0])
    assert np.allclose(view.handwriting_points, expected)

    draw_stroke(window.canvas, DRAWN_DIGITS[2])  # a new sample appears at once
    assert window.handwriting.store_drawing(2)
    assert view.handwriting_points.shape == (4, 2)

    check.setChecked(False)
    assert view.handwriting_points is None and len(view.handwriting_item.data) == 0
    assert "my handwriting" not in [label.text for _, label in view.legend.items]
