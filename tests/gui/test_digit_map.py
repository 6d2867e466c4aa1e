"""The Digit map dock: the ready-made model's map, the drawing's star moving as the user draws, and hovering
and clicking a point putting that digit on the canvas."""

from __future__ import annotations

import numpy as np
from gui_support import draw_stroke, open_model, send_mouse
from PySide6.QtCore import QEvent, QPoint, Qt

from desktop_app.core.resources import resource_path
from desktop_app.core.synthetic import DRAWN_DIGITS


def _window_with_map(qtbot, window):
    assert open_model(qtbot, window, resource_path("ready_model.keras"))
    controller = window.inspection
    controller.map_dock.show()
    controller.map_dock.raise_()
    qtbot.waitUntil(lambda: window.session.predictor() is not None, timeout=30_000)
    controller.update_now()
    view = controller.digit_map
    qtbot.waitUntil(lambda: view.digit_map() is not None, timeout=10_000)
    return controller, view


def test_the_drawing_is_a_point_that_moves_as_the_user_draws(qtbot, window):
    controller, view = _window_with_map(qtbot, window)
    digit_map = view.digit_map()
    assert len(digit_map.points) == 2000 and digit_map.mistakes.sum() > 0
    assert len(view.mistake_item.data) == digit_map.mistakes.sum()
    assert view.drawing_point is None  # nothing drawn yet

    draw_stroke(window.canvas, DRAWN_DIGITS[1])
    controller.update_now()
    first = view.drawing_point
    assert first is not None and len(view.drawing_item.data) == 1

    window.canvas.clear()
    draw_stroke(window.canvas, DRAWN_DIGITS[0])
    controller.update_now()
    second = view.drawing_point
    assert second is not None
    spread = np.ptp(digit_map.points, axis=0).max()
    assert np.linalg.norm(second - first) > 0.05 * spread  # a 1 and a 0 land far apart

    # The star sits among the digits the model reads as the drawing's digit.
    near = np.argsort(np.linalg.norm(digit_map.points - second, axis=1))[:15]
    assert np.bincount(digit_map.predicted[near], minlength=10).argmax() == 0


def test_hovering_shows_a_digit_and_clicking_puts_it_on_the_canvas(qtbot, window):
    controller, view = _window_with_map(qtbot, window)
    digit_map = view.digit_map()
    qtbot.waitUntil(lambda: view.plot_widget.width() > 100, timeout=5000)
    # A digit far from the others, so the pointer finds that one.
    distances = np.linalg.norm(digit_map.points[:, None] - digit_map.points[None, :200], axis=-1)
    legend = view.plot_widget.getPlotItem().legend.sceneBoundingRect()
    isolation = np.sort(distances, axis=0)[1]
    for row in np.argsort(-isolation):
        row = int(row)
        scene_position = view.scene_position_of(row)
        if not legend.contains(scene_position):
            break
    assert view.row_at(scene_position) == row

    view._mouse_moved(scene_position)  # as the scene's sigMouseMoved delivers it
    assert view.hovered == row and not view.preview.pixmap().isNull()
    assert f"#{row}:" in view.text.text()

    viewport = view.plot_widget.viewport()
    at = view.plot_widget.mapFromScene(scene_position)
    with qtbot.waitSignal(view.imageChosen, timeout=5000) as chosen:
        left = Qt.MouseButton.LeftButton
        send_mouse(viewport, QEvent.Type.MouseButtonPress, QPoint(at).toPointF(), left, left)
        send_mouse(viewport, QEvent.Type.MouseButtonRelease, QPoint(at).toPointF(), left, Qt.MouseButton.NoButton)
    assert np.array_equal(chosen.args[0], view._images[row])
    assert not window.canvas.is_empty()
    controller.update_now()
    assert view.drawing_point is not None  # the chosen digit is now the star


def test_the_map_follows_new_weights_without_flipping(qtbot, window):
    """Each finished epoch hands the canvas' copy new weights: the map is made again, turned to match."""
    controller, view = _window_with_map(qtbot, window)
    before = view.digit_map()
    weights = window.session.predictor().model.get_weights()
    rng = np.random.default_rng(0)
    window.session.show_weights([w + (rng.normal(scale=0.02, size=w.shape) * (np.std(w) + 1e-3)).astype(w.dtype)
                                 for w in weights], "nudged weights")
    controller.update_now()
    after = view.digit_map()
    assert after is not before and not np.array_equal(after.points, before.points)
    spread = np.ptp(before.points)
    assert np.median(np.linalg.norm(after.points - before.points, axis=1)) < 0.1 * spread


def test_a_map_behind_another_tab_is_not_computed_until_its_tab_is_chosen(qtbot, window):
    """2,000 digits through the network take the GUI thread 160 ms (1.1 s with the first tracing): a map
    nobody sees is not made, and it appears as soon as its tab comes to the front."""
    assert open_model(qtbot, window, resource_path("ready_model.keras"))
    controller = window.inspection
    qtbot.waitUntil(lambda: window.session.predictor() is not None, timeout=30_000)
    controller.update_now()
    qtbot.wait(200)
    view = controller.digit_map
    assert not view.is_on_screen() and view.digit_map() is None  # Inside the network is in front

    controller.map_dock.raise_()
    qtbot.waitUntil(lambda: view.digit_map() is not None, timeout=10_000)
    assert view.is_on_screen() and len(view.digit_map().points) == 2000
