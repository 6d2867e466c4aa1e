"""Drawing and reading: the canvas, and the prediction panel that reads each drawing with the session's
Predictor (the open model, or during training the last finished epoch's weights)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop_app.core.texts import QT_TRANSLATE_NOOP
from desktop_app.gui.drawing.canvas import CanvasPanel
from desktop_app.gui.drawing.prediction_panel import NO_MODEL_HINT, PredictionPanel
from desktop_app.gui.session import ModelSession
from desktop_app.gui.settings import AppSettings

PREPARING_HINT = QT_TRANSLATE_NOOP("DrawingController", "The new model reads your drawing in a moment…")


class DrawingController(QObject):
    """Owns the canvas and the prediction panel and keeps the reading in step with the session."""

    read = Signal()  # the drawing was read again: a new drawing, new weights or another model

    def __init__(self, session: ModelSession, settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.canvas_panel = CanvasPanel()
        self.canvas = self.canvas_panel.canvas
        self.prediction = PredictionPanel()
        self.prediction.set_hint(NO_MODEL_HINT)
        self.canvas_panel.pen_slider.setValue(settings.pen_width())

        self.canvas.drawingChanged.connect(self.prediction.show_drawing)
        self.prediction.refreshed.connect(self.read)
        self.canvas_panel.pen_slider.valueChanged.connect(settings.set_pen_width)
        session.modelChanged.connect(self._model_changed)
        session.weightsChanged.connect(self._weights_changed)
        session.noteChanged.connect(self._note_changed)
        session.predictorChanged.connect(self._model_changed)

    def widget(self) -> QWidget:
        """The canvas and the prediction panel side by side (the window's centre)."""
        centre = QWidget()
        layout = QHBoxLayout(centre)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(16)
        layout.addWidget(self.canvas_panel, 3)
        layout.addWidget(self.prediction, 2)
        return centre

    def network_input(self) -> np.ndarray | None:
        """The 28×28 image the network read last, or None (no drawing, or no model to read it)."""
        return None if self.canvas.is_empty() else self.prediction.network_input()

    def show_image(self, image: np.ndarray) -> None:
        """Put a 28×28 digit (ink bright) on the canvas; it is read at once."""
        self.canvas.load_image(image)

    @Slot()
    def _model_changed(self) -> None:
        if self.session.has_model() and self.session.predictor() is None:
            self.prediction.set_hint(PREPARING_HINT)  # a new model's copy is on its way
        elif not self.session.has_model():
            self.prediction.set_hint(NO_MODEL_HINT)
        self.prediction.set_predictor(self.session.predictor(), self.session.weights_note())

    @Slot()
    def _note_changed(self) -> None:
        self.prediction.set_model_note(self.session.weights_note())

    @Slot()
    def _weights_changed(self) -> None:
        if self.prediction.predictor() is not self.session.predictor():  # a time-lapse moment, or back
            self.prediction.set_predictor(self.session.predictor(), self.session.weights_note())
            return
        self.prediction.set_model_note(self.session.weights_note())
        self.prediction.refresh()
