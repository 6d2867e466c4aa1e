"""The prediction panel: probabilities for real strokes, empty canvas, unsure and scattered drawings."""

from __future__ import annotations

import re

import numpy as np
import pytest

from desktop_app.gui.drawing.prediction_panel import EMPTY_TEXT, NO_MODEL_HINT, SCATTERED_TEXT, PredictionPanel
from gui_support import ONE, SEVEN, draw_stroke, open_model


class FixedPredictor:
    def __init__(self, probabilities) -> None:
        self.probabilities = np.asarray(probabilities, np.float32)
        self.images = []

    def predict(self, image):
        self.images.append(image)
        return self.probabilities


def _drawing(*boxes) -> np.ndarray:
    paper = np.full((280, 280), 255, np.uint8)
    for top, left, bottom, right in boxes:
        paper[top:bottom, left:right] = 0
    return paper


def test_strokes_give_ten_probabilities_and_clear_removes_them(qtbot, window, tiny_model_path):
    assert open_model(qtbot, window, tiny_model_path)
    prediction = window.prediction
    assert prediction.status_text() == EMPTY_TEXT and prediction.probabilities() is None

    draw_stroke(window.canvas, ONE)
    first = prediction.probabilities()
    assert first is not None and first.shape == (10,)
    assert abs(float(first.sum()) - 1) < 1e-3
    assert re.fullmatch(r"\d · \d+ %", prediction.headline_text())
    assert int(prediction.headline_text()[0]) == int(np.argmax(first))
    assert prediction.input_view.has_image()

    draw_stroke(window.canvas, [(0.3, 0.3), (0.7, 0.3), (0.7, 0.7), (0.3, 0.7), (0.3, 0.3)])
    second = prediction.probabilities()
    assert not np.allclose(first, second)
    assert abs(float(second.sum()) - 1) < 1e-3

    window.canvas_panel.clear_button.click()
    assert prediction.probabilities() is None
    assert prediction.status_text() == EMPTY_TEXT
    assert prediction.bars.values() is None and not prediction.input_view.has_image()


def test_without_a_model_the_panel_shows_the_hint(qtbot, window):
    assert window.model() is None
    assert window.prediction.status_text() == NO_MODEL_HINT
    draw_stroke(window.canvas, SEVEN)
    assert window.prediction.probabilities() is None
    assert window.prediction.status_text() == NO_MODEL_HINT


@pytest.fixture
def panel(qtbot, monkeypatch):
    """A panel whose verdict comes from the fixed probabilities alone: these tests are about its text
    (the digit checker has tests of its own, and decides on the shapes drawn here by itself)."""
    from desktop_app.core.verdict import judge
    from desktop_app.gui.drawing import prediction_panel

    monkeypatch.setattr(prediction_panel, "verdict_for", lambda image, probabilities: judge(probabilities, None, None))
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_a_confident_answer(panel):
    probabilities = np.full(10, 0.01, np.float32)
    probabilities[7] = 0.91
    predictor = FixedPredictor(probabilities)
    panel.set_predictor(predictor, "Model: test")
    panel.show_drawing(_drawing((40, 120, 240, 160)))
    assert panel.headline_text() == "7 · 91 %"
    assert panel.status_text() == "Looks like a 7."
    assert predictor.images[-1].shape == (28, 28, 1)  # the core's preprocessing ran
    assert panel.bars.values().argmax() == 7


@pytest.mark.parametrize("digit, headline", [(0, "Looks like a 0."), (1, "Looks like a 1."),
                                             (2, "Looks like a 2."), (3, "Looks like a 3."),
                                             (4, "Looks like a 4."), (5, "Looks like a 5."),
                                             (6, "Looks like a 6."), (7, "Looks like a 7."),
                                             (8, "Looks like an 8."), (9, "Looks like a 9.")])
def test_the_answer_reads_as_english_for_every_digit(panel, digit, headline):
    """“an 8” (said “an eight”), “a 7”: the article follows how the digit is spoken."""
    probabilities = np.full(10, 0.01, np.float32)
    probabilities[digit] = 0.91
    panel.set_predictor(FixedPredictor(probabilities))
    panel.show_drawing(_drawing((40, 120, 240, 160)))
    assert panel.status_text() == headline


def test_an_unsure_answer_names_two_digits(panel):
    probabilities = np.full(10, 0.02, np.float32)
    probabilities[4], probabilities[9] = 0.45, 0.39
    panel.set_predictor(FixedPredictor(probabilities))
    panel.show_drawing(_drawing((40, 120, 240, 160)))
    assert panel.status_text() == "Not sure: 4 or 9?"
    assert panel.verdict().kind == "unsure"
    assert panel.headline_text() == "4 · 45 %"


def test_scattered_marks_are_called_out(panel):
    probabilities = np.full(10, 0.0, np.float32)
    probabilities[1] = 1.0
    panel.set_predictor(FixedPredictor(probabilities))
    panel.show_drawing(_drawing((20, 20, 60, 60), (220, 220, 260, 260)))
    assert panel.status_text() == SCATTERED_TEXT


def test_an_empty_drawing_is_not_predicted(panel):
    predictor = FixedPredictor(np.full(10, 0.1, np.float32))
    panel.set_predictor(predictor)
    panel.show_drawing(_drawing())
    assert panel.probabilities() is None and panel.status_text() == EMPTY_TEXT
    panel.show_drawing(np.zeros((0, 0), np.uint8))
    assert panel.probabilities() is None and not predictor.images


def test_network_input_is_the_image_the_predictor_read(panel):
    from desktop_app.core.preprocess import analyse_drawing

    assert panel.network_input() is None  # no predictor, no drawing
    drawing = _drawing((40, 120, 240, 160))
    panel.show_drawing(drawing)
    assert panel.network_input() is None  # without a predictor nothing is analysed
    predictor = FixedPredictor(np.full(10, 0.1, np.float32))
    panel.set_predictor(predictor)
    image = panel.network_input()
    assert image.shape == (28, 28, 1) and image.dtype == np.float32
    np.testing.assert_array_equal(image, predictor.images[-1])
    np.testing.assert_array_equal(image, analyse_drawing(drawing).image)
    image[:] = 0  # a copy: the caller cannot change the panel's
    assert panel.network_input().max() > 0
    np.testing.assert_array_equal(panel.probabilities(), predictor.probabilities)
    panel.show_drawing(np.zeros((0, 0), np.uint8))
    assert panel.network_input() is None and panel.probabilities() is None


def test_not_a_digit_is_said_plainly_and_the_bars_stay(panel, monkeypatch):
    from desktop_app.core.verdict import judge
    from desktop_app.gui.drawing import prediction_panel

    monkeypatch.setattr(prediction_panel, "verdict_for",
                        lambda image, probabilities: judge(probabilities, 0.99, 0.5))  # the checker says no
    probabilities = np.full(10, 0.01, np.float32)
    probabilities[7] = 0.91
    panel.set_predictor(FixedPredictor(probabilities))
    panel.show_drawing(_drawing((40, 120, 240, 160)))

    assert panel.status_text() == "That doesn't look like a digit"
    assert panel.verdict().kind == "not_a_digit"
    assert panel.headline_text() == "7 · 91 %" and panel.bars.values().argmax() == 7
