"""The Digit map dock: how the network sorts digits.

2,000 MNIST test digits placed by what the layer before the classifier makes of them (PCA to 2-D,
`core.embedding`), coloured by their true digit, the model's mistakes ringed in red. The drawing on the
canvas is the large star, placed with the same projection as the user draws. Hovering a point shows that
digit; clicking it emits `imageChosen` with the 28×28 digit, which the controller puts on the canvas.

The map is computed on the GUI thread (about 150 ms for 2,000 digits, benchmarks/embedding_map.py) with the
model the canvas reads with, which only the GUI thread touches; it is computed only while the dock is shown,
and new weights turn the new map to match the last one (no flipping between epochs).
"""

from __future__ import annotations

import logging

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from desktop_app.core.embedding import DIGIT_COLOURS, MISTAKE_COLOUR
from desktop_app.gui.drawing.canvas import array_to_image

log = logging.getLogger(__name__)

HOVER_PIXELS = 10  # how near the pointer must be to a point to show it
EMPTY_TEXT = "Open or train a model to see how it sorts the digits."
HINT_TEXT = "Hover a point to see the digit; click it to put it on the canvas. ★ is your drawing."


class DigitMapView(QWidget):
    """The scatter, a legend, the hovered digit and a line of text."""

    imageChosen = Signal(object)  # a 28×28 uint8 MNIST digit (ink bright)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = None
        self._mapper = None
        self._map = None
        self._images: np.ndarray | None = None
        self._labels: np.ndarray | None = None
        self._stale = True
        self._drawing: np.ndarray | None = None
        self.drawing_point: np.ndarray | None = None  # where the drawing is on the map (None: no drawing)
        self.hovered: int | None = None  # the row of the digit under the pointer

        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setBackground("w")
        self.plot_widget.setMinimumSize(260, 240)
        item = self.plot_widget.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.setMenuEnabled(False)
        legend = item.addLegend(offset=(4, 4), labelTextColor="#222", brush=pg.mkBrush(255, 255, 255, 220),
                                colCount=5)
        self.digit_items = []
        for digit, colour in enumerate(DIGIT_COLOURS):
            scatter = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(QColor(colour)), name=str(digit))
            item.addItem(scatter)
            self.digit_items.append(scatter)
        self.mistake_item = pg.ScatterPlotItem(size=11, pen=pg.mkPen(MISTAKE_COLOUR, width=1.6), brush=None)
        item.addItem(self.mistake_item)
        legend.addItem(self.mistake_item, "mistake")
        self.hover_item = pg.ScatterPlotItem(size=14, pen=pg.mkPen("#111", width=2), brush=None)
        item.addItem(self.hover_item)
        self.drawing_item = pg.ScatterPlotItem(size=26, symbol="star", pen=pg.mkPen("#111", width=1.5),
                                               brush=pg.mkBrush("#ffd400"))
        self.drawing_item.setZValue(10)
        item.addItem(self.drawing_item)
        self.plot_widget.scene().sigMouseMoved.connect(self._mouse_moved)
        self.plot_widget.scene().sigMouseClicked.connect(self._mouse_clicked)

        self.preview = QLabel()
        self.preview.setFixedSize(56, 56)
        self.preview.setStyleSheet("background: white; border: 1px solid #bbb;")
        self.text = QLabel(EMPTY_TEXT)
        self.text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.preview)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.plot_widget, 1)
        layout.addLayout(row)

    # -- what the controller calls --------------------------------------------------------------
    def set_model(self, model) -> None:
        """Another model (or None). The new map is turned to match the last one, as after an epoch: the
        copy a training run starts from, or a retrained model, keeps the picture the user knows."""
        self._model = model
        self._mapper = None
        self._stale = True
        if model is None:
            self._map = None
            self._clear()
            return
        self._refresh_if_shown()

    def refresh_weights(self) -> None:
        """The model's weights changed (an epoch ended): the map follows, turned to match the last one."""
        self._stale = True
        self._refresh_if_shown()

    def show_image(self, image: np.ndarray | None) -> None:
        """The preprocessed 28×28 image the network reads (None: no drawing): the star moves there."""
        self._drawing = image
        self._place_drawing()

    def digit_map(self):
        """The map on show (core.embedding.DigitMap), or None."""
        return self._map

    @Slot()
    def update_map(self) -> None:
        """Compute the map now (the dock was shown, or a test asks)."""
        if self._model is None or not self._stale:
            return
        from desktop_app.core import embedding
        from desktop_app.core.data import embedded_mnist

        try:
            if self._mapper is None:
                self._mapper = embedding.DigitMapper(self._model)
            if self._images is None:
                data = embedded_mnist()
                self._images, self._labels, _ = embedding.map_digits(data.x_test, data.y_test)
            self._map = self._mapper.compute_map(self._images, self._labels, self._map)
        except ValueError as error:  # a model the map cannot read (no Dense classifier at its end)
            self._clear(str(error))
            self._stale = False
            return
        self._stale = False
        self._show_map()
        self._place_drawing()

    # -- drawing the map ------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.update_map()

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.update_map()

    def _clear(self, text: str = EMPTY_TEXT) -> None:
        for scatter in (*self.digit_items, self.mistake_item, self.hover_item, self.drawing_item):
            scatter.setData([], [])
        self.drawing_point = None
        self.hovered = None
        self.preview.clear()
        self.text.setText(text)

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
        self.text.setText(f"{len(points)} test digits, {int(wrong.sum())} read wrongly (ringed). {HINT_TEXT}")

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
            return
        digit_map = self._map
        image = np.asarray(self._images[row]).reshape(28, 28)
        pixmap = QPixmap.fromImage(array_to_image(255 - image).scaled(
            56, 56, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.preview.setPixmap(pixmap)
        true, read = int(digit_map.labels[row]), int(digit_map.predicted[row])
        verdict = f"read as {read}" if read == true else f"read wrongly as {read}"
        self.text.setText(f"Test digit #{int(digit_map.indices[row])}: a {true}, {verdict}. "
                          "Click to put it on the canvas.")
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
