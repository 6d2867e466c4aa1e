"""Evaluation on the MNIST test set: accuracy and loss, the confusion matrix as a heat map, accuracy per
digit, and a gallery of the most confident mistakes (or of any confusion-matrix cell that was clicked).

The inspection controller runs `core.evaluation.evaluate` on the task runner; the view only draws what it
is given (`show_started`, `show_progress`, `show_report`, `show_failure`, `show_idle`).
Clicking a gallery image emits `imageChosen` with the 28×28 digit, which the window puts on the canvas.
"""

from __future__ import annotations

import logging
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (QBoxLayout, QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem,
                               QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from desktop_app.core.evaluation import EvaluationReport, Mistake, cell_examples
from desktop_app.gui.drawing.canvas import array_to_image
from desktop_app.gui.i18n import bind_text, localized
from desktop_app.gui.text_format import count_text

log = logging.getLogger(__name__)

CELL_IMAGES_SHOWN = 60
GAMMA = 0.35  # colour level = (count / largest) ** GAMMA: a handful of mistakes still shows
BLUES = [(247, 251, 255), (198, 219, 239), (107, 174, 214), (33, 113, 181), (8, 48, 107)]


def heat_lut() -> np.ndarray:
    """A 256-entry white-to-dark-blue table whose index is read through GAMMA."""
    levels = (np.arange(256) / 255.0) ** GAMMA * (len(BLUES) - 1)
    low = np.floor(levels).astype(int).clip(0, len(BLUES) - 2)
    t = (levels - low)[:, None]
    colours = np.array(BLUES, np.float32)
    return np.rint(colours[low] * (1 - t) + colours[low + 1] * t).astype(np.uint8)


class ConfusionMatrixView(QWidget):
    """The 10×10 confusion matrix: rows the true digit, columns the predicted one, counts in the cells."""

    cellClicked = Signal(int, int)  # true, predicted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confusion = np.zeros((10, 10), np.int64)
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setMinimumSize(260, 280)
        bind_text(self, self.plot_widget.setToolTip,
                  lambda: self.tr("Rows: the true digit. Columns: what the network answered. The diagonal holds "
                                  "the right answers; click a cell to list its images."))
        item = self.plot_widget.getPlotItem()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.invertY(True)
        item.setAspectLocked(True)
        item.getViewBox().setDefaultPadding(0.0)
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.image_item.setLookupTable(heat_lut())
        item.addItem(self.image_item)
        ticks = [[(index + 0.5, str(index)) for index in range(10)]]
        for name in ("left", "top"):
            item.showAxis(name)
            item.getAxis(name).setTicks(ticks)
        item.hideAxis("bottom")
        item.setXRange(0, 10, padding=0)
        item.setYRange(0, 10, padding=0)
        self._texts: list[list[pg.TextItem]] = []
        for row in range(10):
            line = []
            for column in range(10):
                text = pg.TextItem("", anchor=(0.5, 0.5))
                text.setPos(column + 0.5, row + 0.5)
                item.addItem(text)
                line.append(text)
            self._texts.append(line)
        self.readout = QLabel(" ")
        self.readout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bind_text(self, self.readout.setToolTip, lambda: self.tr("The cell under the mouse."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.readout)
        self.plot_widget.scene().sigMouseMoved.connect(self._mouse_moved)
        self.plot_widget.scene().sigMouseClicked.connect(self._mouse_clicked)
        self.apply_palette()
        self.set_matrix(None)

    def set_matrix(self, confusion: np.ndarray | None) -> None:
        if confusion is None:
            self._confusion = np.zeros((10, 10), np.int64)
            self.image_item.setImage(np.zeros((10, 10), np.float32), levels=(0, 1))
        else:
            self._confusion = np.asarray(confusion, np.int64)
            self.image_item.setImage(self._confusion.astype(np.float32), levels=(0, max(1, self._confusion.max())))
        self.image_item.setRect(QRectF(0, 0, 10, 10))  # one unit per cell; set after each image
        self._update_texts()

    def image_data(self) -> np.ndarray:
        """The counts the heat map draws (rows true, columns predicted)."""
        return np.asarray(self.image_item.image)

    def cell_text(self, true: int, predicted: int) -> str:
        return self._texts[true][predicted].textItem.toPlainText()

    def apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self.plot_widget.setBackground(palette.color(QPalette.ColorRole.Base))
        item = self.plot_widget.getPlotItem()
        for name in ("left", "top"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        item.setLabel("left", self.tr("true digit"), color=text.name())
        item.setLabel("top", self.tr("predicted digit"), color=text.name())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self.apply_palette()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_texts()

    def _update_texts(self) -> None:
        largest = max(1, int(self._confusion.max()))
        cell = max(8.0, min(self.plot_widget.width(), self.plot_widget.height()) / 11.5)
        font = QFont(self.font())
        font.setPixelSize(int(max(7, min(14, cell * 0.34))))
        for row in range(10):
            for column in range(10):
                count = int(self._confusion[row, column])
                text = self._texts[row][column]
                level = (count / largest) ** GAMMA
                text.setText(str(count) if count else "",
                             color=QColor(255, 255, 255) if level > 0.55 else QColor(20, 20, 20))
                text.setFont(font)

    def _cell_at(self, scene_position) -> tuple[int, int] | None:
        view = self.plot_widget.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_position):
            return None
        point = view.mapSceneToView(scene_position)
        column, row = int(math.floor(point.x())), int(math.floor(point.y()))
        return (row, column) if 0 <= row < 10 and 0 <= column < 10 else None

    @Slot(object)
    def _mouse_moved(self, position) -> None:
        cell = self._cell_at(position)
        if cell is None:
            bind_text(self, self.readout.setText, lambda: " ")
            return
        bind_text(self, self.readout.setText, lambda: self.describe_cell(*cell))

    def describe_cell(self, true: int, predicted: int) -> str:
        count = int(self._confusion[true, predicted])
        if count == 1:
            return self.tr("true {true} → predicted {predicted}: 1 image").format(true=true, predicted=predicted)
        return self.tr("true {true} → predicted {predicted}: {count} images").format(true=true, predicted=predicted,
                                                                                      count=count)

    @Slot(object)
    def _mouse_clicked(self, event) -> None:
        cell = self._cell_at(event.scenePos())
        if cell is not None:
            self.cellClicked.emit(*cell)


class PerClassChart(pg.PlotWidget):
    """Accuracy per digit as ten bars, each labelled with its percentage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(130)
        bind_text(self, self.setToolTip,
                  lambda: self.tr("The share of each digit's test images the network reads correctly."))
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.getAxis("bottom").setTicks([[(index, str(index)) for index in range(10)]])
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.65, brush=QColor("#3b82f6"),
                                    pen=pg.mkPen(None))
        item.addItem(self.bars)
        self._labels = []
        for index in range(10):
            label = pg.TextItem("", anchor=(0.5, 1.0))
            item.addItem(label)
            self._labels.append(label)
        self._values = np.full(10, np.nan)
        self.apply_palette()
        self.set_values(None)

    def set_values(self, accuracy: np.ndarray | None) -> None:
        item = self.getPlotItem()
        self._values = np.full(10, np.nan) if accuracy is None else np.asarray(accuracy, np.float64) * 100
        heights = np.nan_to_num(self._values, nan=0.0)
        finite = self._values[np.isfinite(self._values)]
        low = 0.0 if finite.size == 0 else max(0.0, math.floor((finite.min() - 3) / 5) * 5)
        self.bars.setOpts(height=heights - low, y0=low)
        top = 100 + (100 - low) * 0.16
        item.setYRange(low, top, padding=0)
        item.setXRange(-0.6, 9.6, padding=0)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.8))
        for index, label in enumerate(self._labels):
            value = self._values[index]
            label.setText("" if not np.isfinite(value) else f"{value:.1f}", color=self._text_colour())
            label.setFont(small)
            label.setPos(index, max(heights[index], low) + (100 - low) * 0.01)

    def values(self) -> np.ndarray:
        return self._values.copy()

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def apply_palette(self) -> None:
        text = self._text_colour()
        self.setBackground(self.palette().color(QPalette.ColorRole.Base))
        item = self.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        item.setTitle(self.tr("Accuracy per digit (%)"), color=text.name(), size="9pt")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if not hasattr(self, "_values"):  # not while constructing
            return
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
            self.set_values(None if not np.isfinite(self._values).any() else self._values / 100)
        elif event.type() == QEvent.Type.LanguageChange:
            self.apply_palette()


class ImageGallery(QListWidget):
    """Digits as icons with "true → predicted, confidence" under each; `chosen` carries the clicked index."""

    chosen = Signal(int)  # index into the evaluated images

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(56, 56))
        self.setGridSize(QSize(78, 96))
        self.setSpacing(2)
        self.setMinimumHeight(110)
        self._examples: list[Mistake] = []
        bind_text(self, self.setToolTip,
                  lambda: self.tr("Click an image to put it on the canvas: the prediction and the feature maps "
                                  "follow."))
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def set_examples(self, examples: list[Mistake], images: np.ndarray) -> None:
        self.clear()
        self._examples = list(examples)
        for example in examples:
            image = array_to_image(255 - np.asarray(images[example.index]).reshape(28, 28).astype(np.uint8))
            pixmap = QPixmap.fromImage(image.scaled(56, 56, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                    Qt.TransformationMode.FastTransformation))
            item = QListWidgetItem(QIcon(pixmap), f"{example.true_label} → {example.predicted_label}\n"
                                                  f"{example.confidence:.0%}")
            item.setData(Qt.ItemDataRole.UserRole, int(example.index))
            item.setToolTip(self._tip(example))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.addItem(item)

    def _tip(self, example: Mistake) -> str:
        return self.tr("Test image {index}: a {true}, read as {predicted} with {confidence} confidence. Click "
                       "to put it on the canvas.").format(index=example.index, true=example.true_label,
                                                          predicted=example.predicted_label,
                                                          confidence=f"{example.confidence:.1%}")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            for row, example in enumerate(self._examples[:self.count()]):
                self.item(row).setToolTip(self._tip(example))

    def indices(self) -> list[int]:
        return [int(self.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.count())]

    @Slot(QListWidgetItem)
    def _clicked(self, item: QListWidgetItem) -> None:
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class EvaluationView(QWidget):
    """Evaluate button, progress, headline figures, heat map, accuracy per digit and the gallery."""

    evaluateRequested = Signal()
    imageChosen = Signal(object)  # a 28×28 uint8 MNIST digit (ink bright)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: EvaluationReport | None = None
        self._images: np.ndarray | None = None
        self._labels: np.ndarray | None = None
        self._model_note = ""
        self._possible = False
        self._running = False

        self.evaluate_button = QPushButton()
        bind_text(self, self.evaluate_button.setText, lambda: self.tr("Evaluate on the test set"))
        bind_text(self, self.evaluate_button.setToolTip,
                  lambda: self.tr("Read the 10 000 MNIST test images, which no model trains on, and count the "
                                  "right and wrong answers (Ctrl+Shift+E)."))
        self.evaluate_button.setEnabled(False)
        self.evaluate_button.clicked.connect(self.evaluateRequested)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        bind_text(self, self.progress_bar.setFormat, lambda: self.tr("%v / %m images"))
        bind_text(self, self.progress_bar.setToolTip, lambda: self.tr("Test images read so far."))
        self.progress_bar.setVisible(False)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self._headline = lambda: self.tr("Open or train a model, then evaluate it on the MNIST test set.")
        bind_text(self, self.headline.setText, self._headline)
        bind_text(self, self.headline.setToolTip,
                  lambda: self.tr("Accuracy: the share of test images read correctly. Loss: the mean "
                                  "cross-entropy, lower is better."))
        self.matrix = ConfusionMatrixView()
        self.per_class = PerClassChart()
        self.gallery_title = QLabel()
        bind_text(self, self.gallery_title.setText, lambda: self.tr("Most confident mistakes"))
        bold = self.gallery_title.font()
        bold.setBold(True)
        self.gallery_title.setFont(bold)
        self.gallery_title.setWordWrap(True)
        self.gallery = ImageGallery()

        header = QHBoxLayout()
        header.addWidget(self.evaluate_button)
        header.addWidget(self.progress_bar, 1)
        side = QVBoxLayout()
        side.setSpacing(4)
        side.addWidget(self.per_class, 2)
        side.addWidget(self.gallery_title)
        side.addWidget(self.gallery, 3)
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._body.setSpacing(8)
        self._body.addWidget(self.matrix, 3)
        self._body.addLayout(side, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.headline)
        layout.addLayout(self._body, 1)

        self.matrix.cellClicked.connect(self.show_cell)
        self.gallery.chosen.connect(self._image_clicked)

    # -- public ---------------------------------------------------------------------------------
    def set_can_evaluate(self, possible: bool) -> None:
        self._possible = possible
        self.evaluate_button.setEnabled(possible and not self.is_running())

    def is_running(self) -> bool:
        return self._running

    def show_started(self, total: int, model_note: str = "") -> None:
        """An evaluation of `total` images has started; `model_note` says which weights it reads with."""
        self._running = True
        self._model_note = model_note
        self.evaluate_button.setEnabled(False)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self._show_headline(lambda: self.tr("Evaluating…"))

    @Slot()
    def show_idle(self) -> None:
        """The evaluation has ended (with a report, a failure, or cancelled)."""
        self._running = False
        self.progress_bar.setVisible(False)
        self.evaluate_button.setEnabled(self._possible)

    def report(self) -> EvaluationReport | None:
        return self._report

    def headline_text(self) -> str:
        return self.headline.text()

    @Slot(int, int)
    def show_cell(self, true: int, predicted: int) -> None:
        """List the images of one confusion-matrix cell in the gallery."""
        if self._report is None or self._images is None:
            return
        examples = cell_examples(self._report, self._labels, true, predicted, CELL_IMAGES_SHOWN)
        count = int(self._report.confusion[true, predicted])
        shown = len(examples)
        bind_text(self, self.gallery_title.setText, lambda: self._cell_title(true, predicted, count, shown))
        self.gallery.set_examples(examples, self._images)

    def _cell_title(self, true: int, predicted: int, count: int, shown: int) -> str:
        """“4 images of a 3 read as 5”, “… read correctly”, “… (the 60 most confident)” when not all shown."""
        if true == predicted:
            if count == 1:
                text = self.tr("1 image of a {true} read correctly")
            elif shown < count:
                text = self.tr("{count} images of a {true} read correctly (the {shown} most confident)")
            else:
                text = self.tr("{count} images of a {true} read correctly")
        elif count == 1:
            text = self.tr("1 image of a {true} read as {predicted}")
        elif shown < count:
            text = self.tr("{count} images of a {true} read as {predicted} (the {shown} most confident)")
        else:
            text = self.tr("{count} images of a {true} read as {predicted}")
        return text.format(count=count, true=true, predicted=predicted, shown=shown)

    def show_mistakes(self) -> None:
        if self._report is None or self._images is None:
            return
        count = len(self._report.mistakes)
        bind_text(self, self.gallery_title.setText,
                  lambda: self.tr("The {count} most confident mistakes (click a matrix cell for others)")
                  .format(count=count))
        self.gallery.set_examples(self._report.mistakes, self._images)

    def mark_stale(self) -> None:
        if self._report is not None:
            shown = self._headline
            self._show_headline(lambda: shown().split("<br>")[0] + "<br><i>"
                                + self.tr("For the previous model: evaluate again for this one.") + "</i>")

    def _show_headline(self, make_text) -> None:
        """Show `make_text()` as the headline, said anew when the language changes."""
        self._headline = make_text
        bind_text(self, self.headline.setText, make_text)

    # -- internals ------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() > self.height() * 1.25
        self._body.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    @Slot(object, object, object)
    def show_report(self, report: EvaluationReport, images: np.ndarray, labels: np.ndarray) -> None:
        self._report, self._images, self._labels = report, images, labels
        self.matrix.set_matrix(report.confusion)
        self.per_class.set_values(report.per_class_accuracy)
        note = self._model_note
        wrong = report.samples - int(np.trace(report.confusion))
        accuracy, loss = f"{report.accuracy * 100:.2f}", f"{report.loss:.4f}"
        samples, wrong = count_text(report.samples), count_text(wrong)
        self._show_headline(
            lambda: self.tr("<b>Accuracy {accuracy} %</b> · loss {loss} · {samples} test images · {wrong} wrong")
            .format(accuracy=accuracy, loss=loss, samples=samples, wrong=wrong)
            + f"<br><small>{localized(note) if note else ''}</small>")
        self.show_mistakes()

    @Slot(object)
    def show_failure(self, message) -> None:
        """The evaluation failed: `message` says why (a core text is shown in the current language)."""
        self._show_headline(lambda: localized(message))

    @Slot(int)
    def _image_clicked(self, index: int) -> None:
        if self._images is not None and 0 <= index < len(self._images):
            self.imageChosen.emit(np.asarray(self._images[index]))
