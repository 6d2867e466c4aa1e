"""What the network reads: the top digit and its confidence, ten probability bars, the 28×28 input.

The panel asks the core for everything: `preprocess.analyse_drawing` turns the canvas into the 28×28 image
(and says whether the marks look scattered), `inference.Predictor.predict` gives the ten probabilities,
and `verdict.verdict_for` says whether it is a digit at all, or the model is torn between two.
"""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.core.errors import DigitLabError, EmptyDrawingError, message_of
from desktop_app.core.preprocess import analyse_drawing
from desktop_app.core.texts import QT_TRANSLATE_NOOP
from desktop_app.core.verdict import Verdict, verdict_for
from desktop_app.gui.drawing.canvas import array_to_image
from desktop_app.gui.i18n import bind_text, localized

log = logging.getLogger(__name__)

# Texts that stand alone (the drawing controller passes hints in): English strs that remember their
# translation context, shown with `localized` in the language of the moment.
NO_MODEL_HINT = QT_TRANSLATE_NOOP("PredictionPanel", "Train a model (Train button on the left) or open one "
                                  "(File ▸ Open) to start reading your digits.")
EMPTY_TEXT = QT_TRANSLATE_NOOP("PredictionPanel", "Draw a digit")
SCATTERED_TEXT = QT_TRANSLATE_NOOP("PredictionPanel", "These look like several separate marks, not one digit")
NOT_A_DIGIT_TEXT = QT_TRANSLATE_NOOP("PredictionPanel", "That doesn't look like a digit")


class ProbabilityBars(QWidget):
    """Ten vertical bars, one per digit, the most probable one in the highlight colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: np.ndarray | None = None
        self.setMinimumSize(250, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        bind_text(self, self.setToolTip, lambda: self.tr(
            "The probability the network gives each digit; the tallest bar is its answer."))
        bind_text(self, self.setAccessibleName, lambda: self.tr("Probabilities per digit"))

    def sizeHint(self) -> QSize:
        return QSize(340, 190)

    def set_values(self, values: np.ndarray | None) -> None:
        self._values = None if values is None else np.asarray(values, dtype=np.float32).copy()
        self.update()

    def values(self) -> np.ndarray | None:
        return None if self._values is None else self._values.copy()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor(text_colour)
        muted.setAlphaF(0.35)
        faint = QColor(text_colour)
        faint.setAlphaF(0.08)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        metrics = painter.fontMetrics()
        label_height = metrics.height() + 4
        top_margin = metrics.height() + 4
        area = QRectF(self.rect()).adjusted(2, top_margin, -2, -label_height)
        column = area.width() / 10
        bar_width = max(6.0, column * 0.62)
        best = int(np.argmax(self._values)) if self._values is not None else -1
        painter.setPen(QPen(muted, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        small = QFont(painter.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        for digit in range(10):
            left = area.left() + digit * column + (column - bar_width) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(faint)
            painter.drawRoundedRect(QRectF(left, area.top(), bar_width, area.height()), 3, 3)
            if self._values is not None:
                value = float(np.clip(self._values[digit], 0.0, 1.0))
                height = value * area.height()
                painter.setBrush(highlight if digit == best else muted)
                if height > 0.5:
                    painter.drawRoundedRect(QRectF(left, area.bottom() - height, bar_width, height), 3, 3)
                if value >= 0.005:
                    painter.setPen(text_colour)
                    painter.setFont(small)
                    label = f"{value * 100:.0f}"
                    painter.drawText(QRectF(area.left() + digit * column, area.bottom() - height - top_margin,
                                            column, top_margin), Qt.AlignmentFlag.AlignHCenter
                                     | Qt.AlignmentFlag.AlignBottom, label)
            font = QFont(self.font())
            font.setBold(digit == best)
            painter.setFont(font)
            painter.setPen(highlight if digit == best else text_colour)
            painter.drawText(QRectF(area.left() + digit * column, area.bottom() + 2, column, label_height),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(digit))
        painter.end()


class NetworkInputView(QWidget):
    """The 28×28 image the network reads, scaled up without smoothing so each pixel shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self.setFixedSize(112, 112)
        bind_text(self, self.setToolTip, self.tip)
        bind_text(self, self.setAccessibleName, lambda: self.tr("Network input, 28 by 28 pixels"))

    def tip(self) -> str:
        """The tooltip, in the language of the moment (the caption beside the view shows it too)."""
        return self.tr("The 28×28 image the network reads: your drawing cropped, scaled to 20 pixels and "
                       "centred by its centre of mass, the way MNIST was made.")

    def set_image(self, image: np.ndarray | None) -> None:
        if image is None:
            self._image = None
        else:
            plane = np.asarray(image, dtype=np.float32).reshape(28, 28)
            self._image = array_to_image(np.clip(np.rint(plane * 255), 0, 255).astype(np.uint8))
        self.update()

    def has_image(self) -> bool:
        return self._image is not None

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        target = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(target, Qt.GlobalColor.black)
        if self._image is not None:
            painter.drawImage(target, self._image)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(target)
        painter.end()


class PredictionPanel(QWidget):
    """The network's answer to the drawing on the canvas."""

    refreshed = Signal()  # after each refresh: a new drawing, new weights or another predictor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._predictor = None
        self._drawing: np.ndarray | None = None
        self._network_input: np.ndarray | None = None  # analyse_drawing's image of self._drawing
        self._verdict: Verdict | None = None
        self._scattered = False  # the marks of the drawing read last look like several, not one digit
        self._headline: tuple[str, float | None] = ("–", None)  # the digit shown, its probability (0–1)
        self._hint = NO_MODEL_HINT

        title = QLabel()
        bind_text(self, title.setText, lambda: self.tr("The network reads"))
        title_font = QFont(title.font())
        title_font.setBold(True)
        title.setFont(title_font)
        bind_text(self, title.setToolTip, lambda: self.tr(
            "The answer of the open model, or of the model being trained (its last finished epoch)."))

        self.headline = QLabel()
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setMinimumHeight(self.fontMetrics().height() * 3 + 8)
        bind_text(self, self.headline.setToolTip, lambda: self.tr(
            "The most probable digit and the probability the network gives it."))
        bind_text(self, self.headline.setAccessibleName, lambda: self.tr("Top answer"))

        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.fontMetrics().height() * 2 + 4)
        bind_text(self, self.status.setToolTip, lambda: self.tr("What the panel makes of the drawing."))
        bind_text(self, self.status.setAccessibleName, lambda: self.tr("Prediction status"))

        self.bars = ProbabilityBars()
        self.input_view = NetworkInputView()
        input_caption = QLabel()
        bind_text(self, input_caption.setText, lambda: self.tr(
            "What the network sees:\nyour drawing as a 28×28 image, centred the way MNIST digits are."))
        input_caption.setWordWrap(True)
        bind_text(self, input_caption.setToolTip, self.input_view.tip)
        input_caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.model_note = QLabel()
        self.model_note.setWordWrap(True)
        self.model_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.model_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bind_text(self, self.model_note.setToolTip, lambda: self.tr(
            "Which weights answer: the open model, or the last finished epoch while training."))

        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.HLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)

        input_row = QHBoxLayout()
        input_row.setSpacing(10)
        input_row.addWidget(self.input_view, 0, Qt.AlignmentFlag.AlignTop)
        input_row.addWidget(input_caption, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.headline)
        layout.addWidget(self.status)
        layout.addWidget(self.bars, 1)
        layout.addWidget(separator)
        layout.addLayout(input_row)
        layout.addWidget(self.model_note)
        self.setMinimumWidth(260)
        self._show_nothing(self._hint)

    # -- public ---------------------------------------------------------------------------------
    def set_predictor(self, predictor, note: str = "") -> None:
        """Answer with `predictor` (a core.inference.Predictor) from now on; None shows the hint."""
        self._predictor = predictor
        self.set_model_note(note)
        self.refresh()

    def predictor(self):
        return self._predictor

    def set_model_note(self, note: str) -> None:
        """Say which weights answer; a translatable text (core.texts) follows the language."""
        bind_text(self, self.model_note.setText, lambda: localized(note))

    def set_hint(self, text: str) -> None:
        """The text shown while there is no predictor (a translatable text follows the language)."""
        self._hint = text
        if self._predictor is None:
            self._show_nothing(text)

    @Slot(object)
    def show_drawing(self, drawing: np.ndarray) -> None:
        """Read a new drawing from the canvas (an empty array when it was cleared)."""
        self._drawing = None if drawing is None or np.asarray(drawing).size == 0 else np.asarray(drawing)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Predict again: the drawing or the weights changed."""
        try:
            self._predict_again()
        finally:
            self.refreshed.emit()

    def _predict_again(self) -> None:
        self._network_input = None
        self._verdict = None
        if self._predictor is None:
            self._show_nothing(self._hint)
            return
        if self._drawing is None:
            self._show_nothing(EMPTY_TEXT)
            return
        try:
            analysis = analyse_drawing(self._drawing)
        except EmptyDrawingError:
            self._show_nothing(EMPTY_TEXT)
            return
        except DigitLabError as error:
            self._show_nothing(message_of(error))
            return
        self._network_input = analysis.image
        try:
            probabilities = self._predictor.predict(analysis.image)
        except Exception as error:  # a model that cannot answer must not break drawing
            log.exception("prediction failed")
            detail = f"{type(error).__name__}: {error}"
            self._show_nothing(lambda: self.tr("The model could not read the drawing: {error}").format(error=detail))
            return
        self._verdict = verdict_for(analysis.image, probabilities)
        self._show_answer(probabilities, analysis, self._verdict)

    def verdict(self) -> Verdict | None:
        """The verdict shown now (digit, unsure or not_a_digit), or None when nothing is read."""
        return self._verdict

    def probabilities(self) -> np.ndarray | None:
        """The ten probabilities shown now, or None when no prediction is shown."""
        return self.bars.values()  # the bars hold the only copy (float32); values() returns a copy

    def network_input(self) -> np.ndarray | None:
        """The 28×28×1 float32 image (0–1, ink bright) that `analyse_drawing` made of the current drawing
        at the last refresh, or None when there is none: no drawing, no predictor (the panel then analyses
        nothing) or nothing readable. A copy, so callers need not preprocess the drawing again."""
        return None if self._network_input is None else self._network_input.copy()

    def headline_text(self) -> str:
        """The top answer as plain text, e.g. "7 · 98 %" (empty when there is none)."""
        digit, probability = self._headline
        return "" if probability is None else f"{digit} · {self._percent(probability)}"

    def status_text(self) -> str:
        return self.status.text()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()  # the headline's colours come from the palette
        elif event.type() == QEvent.Type.LanguageChange:
            self._show_headline()  # the status line is bound (bind_text): it re-says itself

    # -- display --------------------------------------------------------------------------------
    def _show_nothing(self, text) -> None:
        """No answer: `text` (a str, a core text, or a function giving one) says why."""
        self.bars.set_values(None)
        self.input_view.set_image(None)
        self._scattered = False
        self._headline = ("–", None)
        self._show_headline()
        bind_text(self, self.status.setText, text if callable(text) else lambda: localized(text))

    def _show_answer(self, probabilities: np.ndarray, analysis, verdict: Verdict) -> None:
        probabilities = np.asarray(probabilities, dtype=np.float32)
        self.bars.set_values(probabilities)  # shown whatever the verdict: the network's own answer
        self.input_view.set_image(analysis.image)
        self._scattered = bool(analysis.scattered)
        self._headline = (str(verdict.digit), float(probabilities[verdict.digit]))
        self._show_headline()
        bind_text(self, self.status.setText, self._verdict_text)

    def _verdict_text(self) -> str:
        """The sentence for the verdict shown now, in the language of the moment."""
        verdict = self._verdict
        if verdict is None or verdict.kind == "empty":
            return localized(EMPTY_TEXT)
        if self._scattered:
            return localized(SCATTERED_TEXT)
        if verdict.kind == "not_a_digit":
            return localized(NOT_A_DIGIT_TEXT)
        if verdict.kind == "unsure":
            return self.tr("Not sure: {digit} or {runner_up}?").format(digit=verdict.digit,
                                                                        runner_up=verdict.runner_up)
        if verdict.digit == 8:  # “an eight”: the article follows how the digit is spoken
            return self.tr("Looks like an {digit}.").format(digit=verdict.digit)
        return self.tr("Looks like a {digit}.").format(digit=verdict.digit)

    def _percent(self, probability: float) -> str:
        return self.tr("{value} %").format(value=f"{probability * 100:.0f}")

    def _show_headline(self) -> None:
        digit, probability = self._headline
        if probability is None:
            self.headline.setText(self._headline_html(digit, "", muted=True))
            return
        muted = self._verdict is None or self._verdict.kind != "digit" or self._scattered
        self.headline.setText(self._headline_html(digit, self._percent(probability), muted=muted))

    def _headline_html(self, digit: str, percent: str, muted: bool) -> str:
        size = self.font().pointSizeF()
        size = size if size > 0 else 10.0
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        if muted:  # halfway to the background: readable, clearly secondary, in light and dark themes
            back = palette.color(QPalette.ColorRole.Window)
            text = QColor((text.red() + back.red()) // 2, (text.green() + back.green()) // 2,
                          (text.blue() + back.blue()) // 2)
        opacity = f"color: {text.name()};"
        tail = f"<span style='font-size:{size * 2.0:.0f}pt;'>&nbsp;·&nbsp;{percent}</span>" if percent else ""
        return (f"<span style='font-size:{size * 4.2:.0f}pt; font-weight:600; {opacity}'>{digit}</span>"
                f"{tail}")
