"""The Digit map dock: how the network sorts digits.

2,000 MNIST test digits placed by what the layer before the classifier makes of them (`core.embedding`),
coloured by their true digit, the model's mistakes ringed in red. The drawing on the canvas is the large
star, placed with the same projection as the user draws; the user's own handwriting samples, when asked
for, are outlined stars coloured by their label. Hovering a point shows that digit; clicking it emits
`imageChosen` with the 28×28 digit, which the controller puts on the canvas.

Projection: PCA is computed here, on the GUI thread (about 150 ms for 2,000 digits,
benchmarks/embedding_map.py), with the model the canvas reads with, which only the GUI thread touches; only
while the dock is shown. New weights (an epoch's end, a time-lapse snapshot) give a new PCA map turned to
match the last one, so points move instead of flipping. Choosing t-SNE emits `tsneRequested`: the
controller runs it on the task runner from the PCA map (`pca_map()`, which keeps the features) and hands the
result to `show_tsne_map`; the dock shows its progress and a Stop button (`stopRequested`). t-SNE has no
transform for new points, so on a t-SNE map the drawing is placed at the distance-weighted mean of its 10
nearest test digits in feature space. Another model or new weights bring the PCA map back.
"""

from __future__ import annotations

import logging

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QToolTip,
                               QVBoxLayout, QWidget)

from desktop_app.core.embedding import DIGIT_COLOURS, MAP_DIGITS, MISTAKE_COLOUR
from desktop_app.core.texts import Template, Text
from desktop_app.gui.drawing.canvas import array_to_image
from desktop_app.gui.i18n import bind_text, localized
from desktop_app.gui.i18n.live_text import live_texts

log = logging.getLogger(__name__)

HOVER_PIXELS = 10  # how near the pointer must be to a point to show it
MAPPERS_KEPT = 2  # traced feature models kept: the live copy and the time-lapse's, so the slider is quick
PROJECTIONS = (("pca", "PCA"), ("tsne", "t-SNE"))  # combo box items: names, not translated


class DigitMapView(QWidget):
    """The scatter, the projection choice, a legend, the hovered digit and a line of text."""

    imageChosen = Signal(object)  # a 28×28 uint8 MNIST digit (ink bright)
    tsneRequested = Signal()  # the user chose t-SNE: the controller starts it from pca_map()
    stopRequested = Signal()  # the user stopped the t-SNE being computed
    handwritingToggled = Signal(bool)  # "Show my handwriting" changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = None
        self._mapper = None
        self._mappers: list[tuple[object, object]] = []  # (model, DigitMapper), most recent last
        self._pca_map = None  # the last PCA map: what t-SNE starts from and new weights are turned to
        self._map = None  # the map on show: the PCA map or a t-SNE map of the same digits
        self._images: np.ndarray | None = None
        self._labels: np.ndarray | None = None
        self._stale = True
        self._drawing: np.ndarray | None = None
        self._tsne_wanted = False  # a t-SNE is being computed for the map on show, and not stopped
        self._handwriting: tuple[np.ndarray, np.ndarray] | None = None  # (images M×28×28, labels)
        self.drawing_point: np.ndarray | None = None  # where the drawing is on the map (None: no drawing)
        self.handwriting_points: np.ndarray | None = None  # (M, 2) where the samples are (None: not shown)
        self.hovered: int | None = None  # the row of the digit under the pointer
        self.digit_limit = MAP_DIGITS  # the first N MNIST test digits are mapped (tests use fewer)

        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setBackground("w")
        self.plot_widget.setMinimumSize(260, 240)
        item = self.plot_widget.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.setMenuEnabled(False)
        self.legend = legend = item.addLegend(offset=(4, 4), labelTextColor="#222",
                                              brush=pg.mkBrush(255, 255, 255, 220), colCount=5)
        self.digit_items = []
        for digit, colour in enumerate(DIGIT_COLOURS):
            scatter = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(QColor(colour)), name=str(digit))
            item.addItem(scatter)
            self.digit_items.append(scatter)
        self.mistake_item = pg.ScatterPlotItem(size=11, pen=pg.mkPen(MISTAKE_COLOUR, width=1.6), brush=None)
        item.addItem(self.mistake_item)
        legend.addItem(self.mistake_item, "mistake")
        bind_text(self, legend.items[-1][1].setText, lambda: self.tr("mistake"))
        self.handwriting_item = pg.ScatterPlotItem(size=15, symbol="star", pen=pg.mkPen("#444", width=1.6),
                                                   brush=None)
        self.handwriting_item.setZValue(5)
        item.addItem(self.handwriting_item)
        self.hover_item = pg.ScatterPlotItem(size=14, pen=pg.mkPen("#111", width=2), brush=None)
        item.addItem(self.hover_item)
        self.drawing_item = pg.ScatterPlotItem(size=26, symbol="star", pen=pg.mkPen("#111", width=1.5),
                                               brush=pg.mkBrush("#ffd400"))
        self.drawing_item.setZValue(10)
        item.addItem(self.drawing_item)
        self.plot_widget.scene().sigMouseMoved.connect(self._mouse_moved)
        self.plot_widget.scene().sigMouseClicked.connect(self._mouse_clicked)

        self.projection_combo = QComboBox()
        for method, name in PROJECTIONS:
            self.projection_combo.addItem(name, method)
        bind_text(self, self.projection_combo.setToolTip, self._projection_tip)
        self.projection_combo.currentIndexChanged.connect(self._projection_chosen)
        projection_label = QLabel()
        bind_text(self, projection_label.setText, lambda: self.tr("&Projection"))
        projection_label.setBuddy(self.projection_combo)
        bind_text(self, projection_label.setToolTip, self._projection_tip)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFormat("t-SNE %p%")
        bind_text(self, self.progress_bar.setToolTip,
                  lambda: self.tr("Computing the t-SNE map; the PCA map stays on show until it is ready."))
        self.progress_bar.setVisible(False)
        self.stop_button = QPushButton()
        bind_text(self, self.stop_button.setText, lambda: self.tr("Stop"))
        bind_text(self, self.stop_button.setToolTip,
                  lambda: self.tr("Stop computing the t-SNE map; the PCA map stays."))
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop_tsne)
        self.handwriting_check = QCheckBox()
        bind_text(self, self.handwriting_check.setText, lambda: self.tr("Show my handwriting"))
        self.set_handwriting_available(0)
        self.handwriting_check.toggled.connect(self._handwriting_toggled)

        controls = QHBoxLayout()  # narrow: the dock keeps the width it had (it shares a tab with others)
        controls.addWidget(projection_label)
        controls.addWidget(self.projection_combo)
        controls.addWidget(self.progress_bar, 1)
        controls.addWidget(self.stop_button)
        controls.addStretch(1)

        self.preview = QLabel()
        self.preview.setFixedSize(56, 56)
        self.preview.setStyleSheet("background: white; border: 1px solid #bbb;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self._say(self._empty_text)
        words = QVBoxLayout()
        words.addWidget(self.text, 1)
        words.addWidget(self.handwriting_check)
        row = QHBoxLayout()
        row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addWidget(self.plot_widget, 1)
        layout.addLayout(row)

    # -- texts ----------------------------------------------------------------------------------
    def _empty_text(self) -> str:
        return self.tr("Open or train a model to see how it sorts the digits.")

    def _projection_tip(self) -> str:
        return self.tr("How the digits are laid out in 2-D. PCA: the two directions in which the features "
                       "spread most; immediate, and it follows new weights. t-SNE: keeps each digit near the "
                       "digits the network finds most alike, so classes separate more clearly; it takes a few "
                       "seconds. Your drawing is placed among its 10 nearest test digits, as t-SNE cannot "
                       "place a new point itself.")

    def _say(self, make_text) -> None:
        """The line below the map, said again in a new language (`make_text` reads its values)."""
        bind_text(self, self.text.setText, make_text)

    def _map_text(self) -> str:
        digit_map = self._map
        if digit_map is None:
            return self._empty_text()
        count, wrong = len(digit_map.points), int(digit_map.mistakes.sum())
        if digit_map.method == "tsne":
            return self.tr("t-SNE map of {count} test digits, {wrong} read wrongly (ringed). Hover a point to "
                           "see the digit; click it to put it on the canvas. ★ is your drawing, placed among "
                           "its 10 nearest digits.").format(count=count, wrong=wrong)
        return self.tr("{count} test digits, {wrong} read wrongly (ringed). Hover a point to see the digit; "
                       "click it to put it on the canvas. ★ is your drawing.").format(count=count, wrong=wrong)

    # -- what the controller calls --------------------------------------------------------------
    def set_model(self, model) -> None:
        """Another model (or None). The new map is turned to match the last one, as after an epoch: the
        copy a training run starts from, a time-lapse snapshot's copy or a retrained model keeps the
        picture the user knows. A t-SNE map gives way to the PCA map."""
        self._model = model
        self._mapper = None
        self._stale = True
        self._back_to_pca()
        if model is None:
            self._map = self._pca_map = None
            self._show_projection("pca")
            self._clear()
            return
        self._refresh_if_shown()

    def refresh_weights(self) -> None:
        """The model's weights changed (an epoch ended, a time-lapse snapshot): the PCA map follows, turned
        to match the last one; a t-SNE map (of the old weights) gives way to it."""
        self._stale = True
        self._back_to_pca()
        self._refresh_if_shown()

    def _back_to_pca(self) -> None:
        """A t-SNE map shows the old weights' features: the PCA map takes its place (made anew when shown)."""
        self._tsne_wanted = False
        if self._map is not None and self._map is not self._pca_map:
            self._map = self._pca_map
        self._show_projection("pca")

    def show_image(self, image: np.ndarray | None) -> None:
        """The preprocessed 28×28 image the network reads (None: no drawing): the star moves there."""
        self._drawing = image
        self._place_drawing()

    def digit_map(self):
        """The map on show (core.embedding.DigitMap: PCA or t-SNE), or None."""
        return self._map

    def pca_map(self):
        """The PCA map of the current weights (it keeps the features t-SNE starts from), or None."""
        return None if self._stale else self._pca_map

    def projection(self) -> str:
        """The projection on show: "pca" or "tsne"."""
        return self._map.method if self._map is not None else "pca"

    @Slot()
    def update_map(self) -> None:
        """Compute the PCA map now (the dock was shown, or a test asks)."""
        if self._model is None or not self._stale:
            return
        from desktop_app.core import embedding
        from desktop_app.core.data import embedded_mnist

        try:
            self._mapper = self._mapper_for(self._model)
            if self._images is None:
                data = embedded_mnist()
                self._images, self._labels, _ = embedding.map_digits(data.x_test, data.y_test, self.digit_limit)
            self._pca_map = self._mapper.compute_map(self._images, self._labels, self._pca_map)
        except ValueError as error:  # a model the map cannot read (no Dense classifier at its end)
            message = error.args[0] if len(error.args) == 1 else str(error)
            self._map = self._pca_map = self._mapper = None
            self._clear(lambda: localized(message) if isinstance(message, (Template, Text)) else str(message))
            self._stale = False
            return
        self._stale = False
        self._map = self._pca_map
        self._show_projection("pca")
        self._show_map()

    def _mapper_for(self, model):
        """The DigitMapper of `model`, traced once: the live copy's and a time-lapse snapshot's are kept, so
        moving the slider and coming back to live costs no new tracing."""
        from desktop_app.core import embedding

        for index, (known, mapper) in enumerate(self._mappers):
            if known is model:
                self._mappers.append(self._mappers.pop(index))
                return mapper
        mapper = embedding.DigitMapper(model)
        self._mappers = [*self._mappers[-(MAPPERS_KEPT - 1):], (model, mapper)]
        return mapper

    # -- t-SNE ----------------------------------------------------------------------------------
    @Slot(int)
    def _projection_chosen(self, index: int) -> None:
        method = self.projection_combo.itemData(index)
        if method == self.projection():
            return
        if method == "pca":
            self.show_pca()
        elif self.pca_map() is None:  # nothing to start from (no model, or the dock never shown)
            self._show_projection(self.projection())
        else:
            self._tsne_wanted = True
            self.tsneRequested.emit()

    def show_pca(self) -> None:
        """Back to the PCA map (the user chose PCA)."""
        if self._tsne_wanted:
            self.stop_tsne()
        if self._pca_map is not None and self._map is not self._pca_map:
            self._map = self._pca_map
            self._show_map()
        self._show_projection("pca")

    def show_tsne_started(self) -> None:
        """The controller started the t-SNE: a progress bar and a Stop button instead of the choice."""
        self._tsne_wanted = True
        self.projection_combo.setEnabled(False)
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(True)
        self.stop_button.setVisible(True)
        self.stop_button.setEnabled(True)

    def show_tsne_refused(self) -> None:
        """The t-SNE could not start: the PCA map stays."""
        self._tsne_wanted = False
        self._show_projection(self.projection())

    @Slot(float)
    def show_tsne_progress(self, share: float) -> None:
        self.progress_bar.setValue(int(round(100 * share)))

    @Slot(object, object)
    def show_tsne_map(self, tsne_map, base) -> None:
        """A t-SNE map arrived: shown if it was made from the PCA map on show and nobody stopped it."""
        if not self._tsne_wanted or base is not self._pca_map or self._stale or tsne_map is None:
            return
        self._map = tsne_map
        self._show_map()
        self._show_projection("tsne")

    @Slot()
    def show_tsne_ended(self) -> None:
        """The t-SNE task ended (done, stopped or failed): the choice again, showing what is on show."""
        self._tsne_wanted = False
        self.progress_bar.setVisible(False)
        self.stop_button.setVisible(False)
        self.projection_combo.setEnabled(True)
        self._show_projection(self.projection())

    @Slot(str)
    def show_tsne_failure(self, message: str) -> None:
        self._say(lambda: self.tr("The t-SNE map could not be made: {error}").format(error=message))

    @Slot()
    def stop_tsne(self) -> None:
        """Stop the t-SNE being computed: the map on show stays (the controller cancels the task)."""
        self._tsne_wanted = False
        self.stop_button.setEnabled(False)
        self.stopRequested.emit()

    def is_computing_tsne(self) -> bool:
        return self.progress_bar.isVisible()

    def _show_projection(self, method: str) -> None:
        index = self.projection_combo.findData(method)
        if index >= 0 and index != self.projection_combo.currentIndex():
            self.projection_combo.blockSignals(True)
            self.projection_combo.setCurrentIndex(index)
            self.projection_combo.blockSignals(False)

    # -- personal handwriting -------------------------------------------------------------------
    def set_handwriting_available(self, count: int) -> None:
        """How many samples the user has: the check box is disabled, and says why, when none."""
        self.handwriting_check.setEnabled(count > 0)
        if count > 0:
            bind_text(self, self.handwriting_check.setToolTip,
                      lambda: self.tr("Show your {count} handwriting samples on the map as outlined stars, "
                                      "coloured by their digit and placed with the same projection as the "
                                      "test digits.").format(count=count))
        else:
            bind_text(self, self.handwriting_check.setToolTip,
                      lambda: self.tr("You have no handwriting samples yet: store some drawings with the digit "
                                      "buttons under the canvas (My handwriting) to see them here."))

    def set_handwriting(self, images: np.ndarray | None, labels: np.ndarray | None) -> None:
        """The samples to show while "Show my handwriting" is on (preprocessed 28×28 images, labels)."""
        self._handwriting = None if images is None or not len(images) else (np.asarray(images),
                                                                           np.asarray(labels, np.int64))
        self._place_handwriting()

    def shows_handwriting(self) -> bool:
        return self.handwriting_check.isEnabled() and self.handwriting_check.isChecked()

    @Slot(bool)
    def _handwriting_toggled(self, on: bool) -> None:
        if not on:
            self._place_handwriting()  # gone at once; on: the controller reads the samples, then set_handwriting
        self.handwritingToggled.emit(on)

    def _place_handwriting(self) -> None:
        shown = self.shows_handwriting() and self._handwriting is not None
        if shown and self._map is not None and self._mapper is not None:
            images, labels = self._handwriting
            try:
                points, _ = self._mapper.place_many(images, self._map)
            except Exception:  # decoration: never break the map
                log.exception("placing the handwriting samples on the digit map failed")
                points = None
        else:
            points = None
        self.handwriting_points = points
        if points is None:
            self.handwriting_item.setData([], [])
            self._show_handwriting_legend(False)
            return
        pens = [pg.mkPen(DIGIT_COLOURS[int(label) % 10], width=2) for label in labels]
        self.handwriting_item.setData(points[:, 0].astype(float), points[:, 1].astype(float), pen=pens,
                                      brush=None, symbol="star", size=15)
        self._show_handwriting_legend(True)

    def _show_handwriting_legend(self, shown: bool) -> None:
        labels = [label for sample, label in self.legend.items if sample.item is self.handwriting_item]
        if shown and not labels:
            self.legend.addItem(self.handwriting_item, "my handwriting")
            bind_text(self, self.legend.items[-1][1].setText, lambda: self.tr("my handwriting"))
        elif not shown and labels:
            live_texts(self).forget(labels[0].setText)
            self.legend.removeItem(self.handwriting_item)

    # -- drawing the map ------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_if_shown()

    def is_on_screen(self) -> bool:
        """Whether the user can see the map. A dock tabbed behind another stays "visible" to Qt, moved out of
        the window, so its region tells: the map's 2,000 digits are not computed (on the GUI thread) for a
        map nobody sees, which took 1.1 s at the first batch of a run and 160 ms at each epoch's end."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _refresh_if_shown(self) -> None:
        if self.is_on_screen():
            self.update_map()

    def _clear(self, make_text=None) -> None:
        for scatter in (*self.digit_items, self.mistake_item, self.hover_item, self.drawing_item,
                        self.handwriting_item):
            scatter.setData([], [])
        self._show_handwriting_legend(False)
        self.drawing_point = None
        self.handwriting_points = None
        self.hovered = None
        self.preview.clear()
        self._say(make_text or self._empty_text)

    def _show_map(self) -> None:
        digit_map = self._map
        points = digit_map.points
        for digit, scatter in enumerate(self.digit_items):
            chosen = digit_map.labels == digit
            scatter.setData(points[chosen, 0], points[chosen, 1])
        wrong = digit_map.mistakes
        self.mistake_item.setData(points[wrong, 0], points[wrong, 1])
        self.hover_item.setData([], [])
        self.hovered = None
        low, high = points.min(axis=0).astype(float), points.max(axis=0).astype(float)
        span = np.maximum(high - low, 1e-6)
        box = self.plot_widget.getPlotItem().getViewBox()  # room at the top for the legend
        box.setRange(xRange=(float(low[0] - 0.04 * span[0]), float(high[0] + 0.04 * span[0])),
                     yRange=(float(low[1] - 0.04 * span[1]), float(high[1] + 0.22 * span[1])), padding=0)
        self._say(self._map_text)
        self._place_drawing()
        self._place_handwriting()

    def _place_drawing(self) -> None:
        if self._map is None or self._mapper is None or self._drawing is None:
            self.drawing_point = None
            self.drawing_item.setData([], [])
            return
        try:
            point, _ = self._mapper.place(self._drawing, self._map)
        except Exception:  # decoration: never break drawing
            log.exception("placing the drawing on the digit map failed")
            return
        self.drawing_point = point
        self.drawing_item.setData([float(point[0])], [float(point[1])])

    # -- hover and click ------------------------------------------------------------------------
    def row_at(self, scene_position: QPointF) -> int | None:
        """The digit whose point is within a few pixels of `scene_position` (the nearest), or None."""
        if self._map is None or not len(self._map.points):
            return None
        box = self.plot_widget.getPlotItem().getViewBox()
        if not box.sceneBoundingRect().contains(scene_position):
            return None
        position = box.mapSceneToView(scene_position)
        width, height = box.viewPixelSize()
        if not width or not height:
            return None
        offsets = (self._map.points - np.array([position.x(), position.y()])) / np.array([width, height])
        distances = np.hypot(offsets[:, 0], offsets[:, 1])
        row = int(np.argmin(distances))
        return row if distances[row] <= HOVER_PIXELS else None

    def scene_position_of(self, row: int) -> QPointF:
        """Where digit `row` is drawn, in scene coordinates (tests and the screenshot use it)."""
        x, y = self._map.points[row]
        return self.plot_widget.getPlotItem().getViewBox().mapViewToScene(QPointF(float(x), float(y)))

    @Slot(object)
    def _mouse_moved(self, scene_position) -> None:
        self.show_hovered(self.row_at(scene_position))

    def show_hovered(self, row: int | None) -> None:
        """Show digit `row` below the map (its image, true and read label) and ring it; None clears."""
        if row == self.hovered:
            return
        self.hovered = row
        if row is None or self._map is None:
            self.hover_item.setData([], [])
            self.preview.clear()
            QToolTip.hideText()
            if self._map is not None:
                self._say(self._map_text)
            return
        digit_map = self._map
        image = np.asarray(self._images[row]).reshape(28, 28)
        pixmap = QPixmap.fromImage(array_to_image(255 - image).scaled(
            56, 56, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.preview.setPixmap(pixmap)
        index, true, read = int(digit_map.indices[row]), int(digit_map.labels[row]), int(digit_map.predicted[row])
        if read == true:
            self._say(lambda: self.tr("Test digit #{index}: a {true}, read as {read}. Click to put it on the "
                                      "canvas.").format(index=index, true=true, read=read))
        else:
            self._say(lambda: self.tr("Test digit #{index}: a {true}, read wrongly as {read}. Click to put it "
                                      "on the canvas.").format(index=index, true=true, read=read))
        x, y = digit_map.points[row]
        self.hover_item.setData([float(x)], [float(y)])

    @Slot(object)
    def _mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        row = self.row_at(event.scenePos())
        if row is not None:
            self.choose(row)

    def choose(self, row: int) -> None:
        """Put digit `row` on the canvas (as a click on its point does)."""
        self.imageChosen.emit(np.asarray(self._images[row]))
