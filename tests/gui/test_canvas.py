"""The drawing canvas: real mouse strokes, undo, eraser, clear (key, button, right-click), MNIST images."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop_app.gui.drawing.canvas import CanvasPanel, DrawingCanvas
from gui_support import ONE, SEVEN, draw_stroke, ink, right_click


@pytest.fixture
def panel(qtbot):
    panel = CanvasPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 440)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _record(canvas: DrawingCanvas) -> list[np.ndarray]:
    seen: list[np.ndarray] = []
    canvas.drawingChanged.connect(seen.append)
    return seen


def test_a_stroke_draws_black_ink_and_emits_the_drawing(panel):
    canvas = panel.canvas
    seen = _record(canvas)
    assert canvas.is_empty()

    draw_stroke(canvas, SEVEN)

    assert not canvas.is_empty()
    assert seen, "drawingChanged was not emitted at the end of the stroke"
    drawing = seen[-1]
    assert drawing.dtype == np.uint8 and drawing.ndim == 2 and drawing.shape[0] == drawing.shape[1]
    assert drawing.shape[0] >= 280
    assert ink(drawing) > 500
    assert drawing[0, 0] == 255  # paper stays white where nothing was drawn


def test_emissions_are_coalesced_during_a_stroke(panel, qtbot):
    canvas = panel.canvas
    seen = _record(canvas)
    many_points = [(0.2 + 0.6 * i / 40, 0.5 + 0.2 * np.sin(i / 5)) for i in range(41)]
    draw_stroke(canvas, many_points)  # 160 moves sent back to back
    assert 1 <= len(seen) < 10


def test_undo_removes_the_last_stroke(panel):
    canvas = panel.canvas
    draw_stroke(canvas, ONE)
    one_only = ink(canvas.drawing())
    draw_stroke(canvas, [(0.2, 0.5), (0.8, 0.5)])
    assert ink(canvas.drawing()) > one_only

    panel.undo_button.click()

    assert ink(canvas.drawing()) == one_only
    canvas.undo()
    assert canvas.is_empty() and ink(canvas.drawing()) == 0


def test_clear_by_button_key_and_right_click(panel, qtbot):
    canvas = panel.canvas
    seen = _record(canvas)
    for clear in (panel.clear_button.click,
                  lambda: qtbot.keyClick(canvas, Qt.Key.Key_Delete),
                  lambda: qtbot.keyClick(canvas, Qt.Key.Key_Backspace),
                  lambda: right_click(canvas)):
        draw_stroke(canvas, SEVEN)
        assert not canvas.is_empty()
        clear()
        assert canvas.is_empty()
        assert ink(canvas.drawing()) == 0
        assert seen[-1].size == 0  # the cleared state: an empty array


def test_eraser_removes_ink(panel):
    canvas = panel.canvas
    draw_stroke(canvas, ONE)
    panel.eraser_button.setChecked(True)
    panel.pen_slider.setValue(40)
    draw_stroke(canvas, ONE)
    assert ink(canvas.drawing()) < 50
    assert canvas.is_empty()


def test_pen_width_changes_the_stroke(panel):
    canvas = panel.canvas
    panel.pen_slider.setValue(10)
    draw_stroke(canvas, ONE)
    thin = ink(canvas.drawing())
    canvas.clear()
    panel.pen_slider.setValue(36)
    assert panel.pen_label.text() == "36 px"
    draw_stroke(canvas, ONE)
    assert ink(canvas.drawing()) > 2.5 * thin


def test_load_image_shows_an_mnist_digit(panel):
    from desktop_app.core.data import load_dataset

    digit = load_dataset().x_test[0]  # a 7, bright ink on black
    seen = _record(panel.canvas)
    panel.canvas.load_image(digit)
    drawing = seen[-1]
    assert not panel.canvas.is_empty()
    assert ink(drawing) > 0.05 * drawing.size
    assert drawing[0, 0] > 200  # shown as dark ink on white paper
    panel.canvas.undo()
    assert panel.canvas.is_empty()


def test_delete_in_a_spin_box_edits_the_number_not_the_drawing(qtbot, window):
    draw_stroke(window.canvas, SEVEN)
    spin = window.training_panel.epochs_spin
    spin.setValue(12)
    spin.setFocus()
    spin.lineEdit().end(False)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Backspace)
    assert spin.lineEdit().text() == "1"
    assert not window.canvas.is_empty()
    # with the canvas focused the same keys clear it, and Ctrl+Z brings the stroke back
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Backspace)
    assert window.canvas.is_empty()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.canvas.is_empty()


def test_a_tablet_pen_draws_thinner_with_less_pressure(panel):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
    from PySide6.QtWidgets import QApplication

    pen = QPointingDevice("test pen", 4711, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2)
    canvas = panel.canvas

    def stroke(pressure: float) -> int:
        canvas.clear()
        points = [QPointF(canvas.width() * 0.5, canvas.height() * y) for y in (0.2, 0.4, 0.6, 0.8)]
        kinds = [QTabletEvent.Type.TabletPress] + [QTabletEvent.Type.TabletMove] * 3
        for kind, point in zip(kinds, points):
            event = QTabletEvent(kind, pen, point, canvas.mapToGlobal(point), pressure, 0, 0, 0, 0, 0,
                                 Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton,
                                 Qt.MouseButton.LeftButton)
            QApplication.sendEvent(canvas, event)
        QApplication.sendEvent(canvas, QTabletEvent(
            QTabletEvent.Type.TabletRelease, pen, points[-1], canvas.mapToGlobal(points[-1]), 0, 0, 0, 0, 0, 0,
            Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton))
        return ink(canvas.drawing())

    light, firm = stroke(0.3), stroke(1.0)
    assert light > 0 and firm > 2 * light


def test_erasing_all_ink_emits_the_cleared_state_and_undo_brings_it_back(panel):
    canvas = panel.canvas
    seen = _record(canvas)
    draw_stroke(canvas, ONE)
    panel.eraser_button.setChecked(True)
    panel.pen_slider.setValue(40)
    draw_stroke(canvas, ONE)
    assert canvas.is_empty() and seen[-1].size == 0  # nothing left: the empty array, as after Clear
    canvas.undo()
    assert not canvas.is_empty() and ink(seen[-1]) > 0
    np.testing.assert_array_equal(seen[-1], canvas.drawing())


def test_load_image_takes_floats_as_the_data_sets_do(panel):
    from desktop_app.core.data import load_dataset

    digit = load_dataset().x_test[0]
    panel.canvas.load_image(digit)
    from_uint8 = panel.canvas.drawing()
    panel.canvas.load_image(digit.astype(np.float32) / 255.0)  # 0–1 floats are scaled up
    np.testing.assert_array_equal(panel.canvas.drawing(), from_uint8)
    panel.canvas.load_image(digit[..., None].astype(np.float64))  # 0–255 floats, with a channel axis
    np.testing.assert_array_equal(panel.canvas.drawing(), from_uint8)
