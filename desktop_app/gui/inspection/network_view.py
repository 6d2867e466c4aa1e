"""Inside the network: each convolution's feature maps for the drawing, the learned filters, and the
saliency overlay drawn on the canvas.

The widgets only draw arrays; `core.inspection` computes them (FeatureMapExtractor, tile_images,
first_layer_filters, first_dense_weights, saliency_map, network_field_in_drawing). `inspection/controller.py` feeds
them the model the prediction panel uses (during training: its copy with the last epoch's weights).
"""

from __future__ import annotations

import logging
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.core import inspection
from desktop_app.core.errors import message_of
from desktop_app.core.texts import QT_TRANSLATE_NOOP
from desktop_app.gui.i18n import bind_text, localized
from desktop_app.gui.i18n.live_text import live_texts

log = logging.getLogger(__name__)

# Templates in InspectionView's context: the view shows them translated (bind_text localizes them).
NO_MODEL_TEXT = QT_TRANSLATE_NOOP("InspectionView", "Open or train a model to look inside it.")
NO_DRAWING_TEXT = QT_TRANSLATE_NOOP("InspectionView", "Draw a digit: each map shows where one filter of this "
                                    "layer responds to it.")
NO_CONVOLUTIONS_TEXT = QT_TRANSLATE_NOOP("InspectionView", "This network has no convolutions: a multilayer "
                                         "perceptron reads the 784 pixels as one long list, so there are no "
                                         "feature maps to show. Below: the weights of its first dense layer, "
                                         "one 28×28 pattern per unit.")


def colour_table(name: str) -> np.ndarray:
    """A 256×3 uint8 lookup table from pyqtgraph's colour maps ("grey" is a plain ramp)."""
    if name == "grey":
        ramp = np.arange(256, dtype=np.uint8)
        return np.stack([ramp, ramp, ramp], axis=1)
    return pg.colormap.get(name).getLookupTable(0.0, 1.0, 256, alpha=False).astype(np.uint8)


def grid_to_image(grid: np.ndarray, shown: np.ndarray, table: np.ndarray) -> QImage:
    """A 0–1 grid as an ARGB image through `table`; pixels where `shown` is False stay transparent."""
    index = np.clip(np.rint(np.nan_to_num(grid) * 255), 0, 255).astype(np.uint8)
    rgba = np.zeros(grid.shape + (4,), np.uint8)
    rgba[..., :3] = table[index]
    rgba[..., 3] = np.where(shown, 255, 0)
    height, width = grid.shape
    # QImage's RGBA8888 reads the bytes in memory order R, G, B, A on every platform
    return QImage(np.ascontiguousarray(rgba).data, width, height, width * 4,
                  QImage.Format.Format_RGBA8888).copy()


def _caption_label() -> QLabel:
    """A quiet one-line caption under an image grid that never widens its panel."""
    label = QLabel(" ")
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class TileGridView(QWidget):
    """Many small images (feature maps, filters) in one grid, enlarged without smoothing; the tile under
    the mouse is reported through `tileHovered` (-1 when none)."""

    tileHovered = Signal(int)

    def __init__(self, colours: str = "viridis", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = colour_table(colours)
        self._grid: np.ndarray | None = None
        self._image: QImage | None = None
        self._layout = inspection.TileLayout(0, 1, 0, 0)
        self._target = QRectF()
        self.setMouseTracking(True)
        self.setMinimumSize(120, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(320, 260)

    def set_tiles(self, tiles: np.ndarray | None, columns: int | None = None, gap: int = 1) -> None:
        """Show (N, h, w) images, each scaled to 0–1 on its own (`core.inspection.tile_images`)."""
        if tiles is None or len(tiles) == 0:
            self._grid, self._image = None, None
            self.update()
            return
        count, height, width = tiles.shape
        columns = columns or self._columns_for(count, height, width)
        layout = inspection.TileLayout(count, columns, height, width, gap)
        grid = inspection.tile_images(tiles, columns=columns, gap=gap)
        shown = np.zeros(grid.shape, bool)  # the gaps and the empty end of the last row stay transparent
        for index in range(count):
            top, left = layout.origin(index)
            shown[top:top + height, left:left + width] = True
        self._grid = grid
        self._layout = layout
        self._image = grid_to_image(grid, shown, self._table)
        self.update()

    def grid(self) -> np.ndarray | None:
        """The grid image shown now (0–1), or None."""
        return None if self._grid is None else self._grid.copy()

    def tile_count(self) -> int:
        return self._layout.count if self._grid is not None else 0

    def _columns_for(self, count: int, height: int, width: int) -> int:
        """Columns that make the grid's shape closest to the widget's, so the tiles come out largest."""
        aspect = max(self.width(), 1) / max(self.height(), 1)
        best, best_scale = 1, 0.0
        for columns in range(1, count + 1):
            rows = math.ceil(count / columns)
            scale = min(aspect / (columns * (width + 1)), 1 / (rows * (height + 1)))
            if scale > best_scale + 1e-12:
                best, best_scale = columns, scale
        return best

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if self._image is not None:
            scale = min(self.width() / self._image.width(), self.height() / self._image.height())
            width, height = self._image.width() * scale, self._image.height() * scale
            self._target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
            painter.drawImage(self._target, self._image)
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        self.tileHovered.emit(self._tile_at(event.position().x(), event.position().y()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self.tileHovered.emit(-1)
        super().leaveEvent(event)

    def _tile_at(self, x: float, y: float) -> int:
        if self._image is None or not self._target.contains(x, y):
            return -1
        scale = self._target.width() / self._image.width()
        return self._layout.index_at((y - self._target.top()) / scale, (x - self._target.left()) / scale)


class InspectionView(QWidget):
    """A layer picker, that layer's feature maps for the drawing, and the first layer's learned weights."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = None
        self._extractor: inspection.FeatureMapExtractor | None = None
        self._built = False
        self._image: np.ndarray | None = None
        self._maps: list[np.ndarray] = []

        self.layer_combo = QComboBox()

        def layer_tip() -> str:
            return self.tr("The convolution layer whose feature maps are shown, with the shape of its output: "
                           "height × width × number of filters.")

        bind_text(self, self.layer_combo.setToolTip, layer_tip)
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer_combo.setMinimumContentsLength(16)
        self.message = QLabel()
        bind_text(self, self.message.setText, lambda: NO_MODEL_TEXT)
        self.message.setWordWrap(True)
        bind_text(self, self.message.setToolTip, lambda: self.tr("What the maps below show."))
        self.message.setMinimumHeight(self.fontMetrics().height() * 2 + 4)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.maps_view = TileGridView("viridis")
        bind_text(self, self.maps_view.setToolTip,
                  lambda: self.tr("One small image per filter of the chosen layer: bright where the filter "
                                  "responds strongly to your drawing (each map scaled on its own)."))
        bind_text(self, self.maps_view.setAccessibleName, lambda: self.tr("Feature maps"))
        self.maps_caption = _caption_label()
        self.weights_title = QLabel()
        self.weights_title.setWordWrap(True)
        bold = self.weights_title.font()
        bold.setBold(True)
        self.weights_title.setFont(bold)
        self.weights_view = TileGridView("grey")
        self.weights_view.setMinimumHeight(70)
        bind_text(self, self.weights_view.setToolTip,
                  lambda: self.tr("What the first layer has learned to look for: each filter's weights as a "
                                  "small image, bright for positive weights, dark for negative."))
        bind_text(self, self.weights_view.setAccessibleName, lambda: self.tr("Learned filters"))
        self.weights_caption = _caption_label()

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        bind_text(self, label.setText, lambda: self.tr("&Layer"))
        label.setBuddy(self.layer_combo)
        bind_text(self, label.setToolTip, layer_tip)
        form.addRow(label, self.layer_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.maps_view, 3)
        layout.addWidget(self.maps_caption)
        layout.addWidget(self.weights_title)
        layout.addWidget(self.weights_view, 2)
        layout.addWidget(self.weights_caption)

        self.layer_combo.currentIndexChanged.connect(self._layer_changed)
        self.maps_view.tileHovered.connect(self._map_hovered)
        self.weights_view.tileHovered.connect(self._weight_hovered)
        self._show_model_state()

    # -- public ---------------------------------------------------------------------------------
    def set_model(self, model) -> None:
        """Look inside `model` from now on (None: no model). Built when the view is first shown."""
        self._model = model
        self._extractor = None
        self._built = False
        self._maps = []
        if self.isVisible():
            self._build()
        else:
            self._show_model_state()

    def show_image(self, image: np.ndarray | None) -> None:
        """The 28×28 image the network reads now (None: nothing drawn). Cheap: about a millisecond."""
        self._image = None if image is None else np.asarray(image, np.float32).reshape(28, 28)
        if not self.isVisible():
            return
        if not self._built:
            self._build()
        self._update_maps()

    @Slot()
    def refresh_weights(self) -> None:
        """The model's weights changed (an epoch ended): redraw the learned filters."""
        if self.isVisible() and self._built:
            self._show_weights()

    def layer_labels(self) -> list[str]:
        return [self.layer_combo.itemText(index) for index in range(self.layer_combo.count())
                if self.layer_combo.itemData(index) is not None]

    def message_text(self) -> str:
        return self.message.text()

    def shown_image(self) -> np.ndarray | None:
        """The 28×28 image whose feature maps are shown (None: no drawing)."""
        return self._image

    # -- internals ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._built:
            self._build()
        self._update_maps()

    def _build(self) -> None:
        self._built = True
        self.layer_combo.blockSignals(True)
        live_texts(self).forget(self.layer_combo.setItemText, 0)  # a layer's own label may come there now
        self.layer_combo.clear()
        self._extractor = None
        if self._model is not None:
            try:
                self._extractor = inspection.FeatureMapExtractor(self._model)
            except Exception:  # a foreign model that cannot be probed: say so, never fail
                log.exception("could not build the feature map extractor")
        layers = self._extractor.layers if self._extractor is not None else []
        for info in layers:
            self.layer_combo.addItem(info.label, info.name)
        if not layers:
            self.layer_combo.addItem("")
            if self._model is not None:
                bind_text(self, self.layer_combo.setItemText, lambda: self.tr("No convolutions"), 0)
            else:
                bind_text(self, self.layer_combo.setItemText, lambda: self.tr("No model"), 0)
        self.layer_combo.setEnabled(bool(layers))
        self.layer_combo.blockSignals(False)
        self._show_model_state()
        self._show_weights()

    def _show_model_state(self) -> None:
        if self._model is None:
            bind_text(self, self.message.setText, lambda: NO_MODEL_TEXT)
        elif self._built and (self._extractor is None or not self._extractor.layers):
            bind_text(self, self.message.setText, lambda: NO_CONVOLUTIONS_TEXT)
        elif self._image is None:
            bind_text(self, self.message.setText, lambda: NO_DRAWING_TEXT)
        if self._model is None or not self._built:
            self.maps_view.set_tiles(None)
            self.weights_view.set_tiles(None)
            bind_text(self, self.weights_title.setText, lambda: "")
            bind_text(self, self.maps_caption.setText, lambda: " ")

    def _show_weights(self) -> None:
        bind_text(self, self.weights_caption.setText, lambda: " ")
        if self._model is None:
            self.weights_view.set_tiles(None)
            bind_text(self, self.weights_title.setText, lambda: "")
            return
        filters = inspection.first_layer_filters(self._model)
        if filters is not None:
            count, size = filters.shape[0], filters.shape[1]
            bind_text(self, self.weights_title.setText,
                      lambda: self.tr("Learned filters of the first convolution: {count} of {size}×{size}")
                      .format(count=count, size=size))
            self.weights_view.set_tiles(filters, gap=1)
            return
        weights = inspection.first_dense_weights(self._model)
        if weights is not None:
            count = len(weights)
            bind_text(self, self.weights_title.setText,
                      lambda: self.tr("First dense layer: {count} weight patterns of 28×28").format(count=count))
            self.weights_view.set_tiles(weights, gap=2)
            return
        bind_text(self, self.weights_title.setText,
                  lambda: self.tr("This model's first layer has no weights to show as images."))
        self.weights_view.set_tiles(None)

    def _update_maps(self) -> None:
        if self._extractor is None or not self._extractor.layers:
            self.maps_view.set_tiles(None)
            bind_text(self, self.maps_caption.setText, lambda: " ")
            return
        if self._image is None:
            self._maps = []
            self.maps_view.set_tiles(None)
            bind_text(self, self.message.setText, lambda: NO_DRAWING_TEXT)
            bind_text(self, self.maps_caption.setText, lambda: " ")
            return
        try:
            self._maps = self._extractor(self._image)
        except Exception as error:  # a model that cannot answer must not break drawing
            log.exception("feature maps failed")
            kind, message = type(error).__name__, message_of(error)
            bind_text(self, self.message.setText,
                      lambda: self.tr("Could not compute the feature maps: {kind}: {error}")
                      .format(kind=kind, error=localized(message)))
            return
        index = max(self.layer_combo.currentIndex(), 0)
        info = self._extractor.layers[index]
        maps = self._maps[index]
        height, width, channels = maps.shape
        name = info.name
        bind_text(self, self.message.setText,
                  lambda: self.tr("{channels} feature maps of {height}×{width} from {layer}: bright where a "
                                  "filter responds to your drawing.")
                  .format(channels=channels, height=height, width=width, layer=name))
        self.maps_view.set_tiles(inspection.feature_map_tiles(maps), gap=max(1, height // 8))

    @Slot(int)
    def _layer_changed(self, index: int) -> None:
        self._update_maps()

    @Slot(int)
    def _map_hovered(self, index: int) -> None:
        if index < 0 or not self._maps or self._extractor is None:
            bind_text(self, self.maps_caption.setText, lambda: " ")
            return
        maps = self._maps[max(self.layer_combo.currentIndex(), 0)]
        channel = maps[..., index]
        number, count = index + 1, maps.shape[-1]
        strongest, mean = f"{float(channel.max()):.2f}", f"{float(channel.mean()):.2f}"
        bind_text(self, self.maps_caption.setText,
                  lambda: self.tr("Filter {number} of {count}: strongest response {strongest}, mean {mean}")
                  .format(number=number, count=count, strongest=strongest, mean=mean))

    @Slot(int)
    def _weight_hovered(self, index: int) -> None:
        count = self.weights_view.tile_count()
        if index < 0:
            bind_text(self, self.weights_caption.setText, lambda: " ")
            return
        number = index + 1
        bind_text(self, self.weights_caption.setText,
                  lambda: self.tr("Pattern {number} of {count}").format(number=number, count=count))


class SaliencyOverlay(QWidget):
    """A child of the canvas that tints, semi-transparently, the pixels the top answer depends on most.

    The 28×28 saliency map is stretched over the rectangle the network's 28×28 field covers on the drawing
    (`core.inspection.network_field_in_drawing`), so the colour sits on the strokes it came from. Mouse
    events pass through to the canvas.
    """

    COLOUR = QColor(255, 90, 0)

    def __init__(self, canvas: QWidget) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._image: QImage | None = None
        self._field = QRectF()
        self._drawing_side = 1.0
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setGeometry(canvas.rect())
        canvas.installEventFilter(self)
        self.hide()

    def set_map(self, saliency: np.ndarray | None, field: tuple[float, float, float, float] | None = None,
                drawing_side: float = 1.0) -> None:
        """A 0–1 28×28 map, the field rectangle in drawing pixels, and the drawing's side in pixels."""
        if saliency is None or field is None:
            self._image = None
        else:
            # squared: the few pixels that matter stand out, the gradient's faint noise elsewhere fades away
            alpha = np.clip(np.asarray(saliency, np.float32).reshape(28, 28), 0, 1) ** 1.6 * 235
            rgba = np.zeros((28, 28, 4), np.uint8)
            rgba[..., 0], rgba[..., 1], rgba[..., 2] = self.COLOUR.red(), self.COLOUR.green(), self.COLOUR.blue()
            rgba[..., 3] = alpha.astype(np.uint8)
            self._image = QImage(rgba.data, 28, 28, 28 * 4, QImage.Format.Format_RGBA8888).copy()
            self._field = QRectF(*field)
            self._drawing_side = float(max(drawing_side, 1))
        self.update()

    def has_map(self) -> bool:
        return self._image is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not hasattr(self, "_canvas"):  # the wrapper is being torn down with its window
            return False
        if watched is self._canvas and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._canvas.rect())
        return False

    def paintEvent(self, event) -> None:
        if self._image is None:
            return
        paper = self._canvas.paper_rect()  # the overlay covers the canvas: the same coordinates
        scale = paper.width() / self._drawing_side
        target = QRectF(paper.left() + self._field.left() * scale, paper.top() + self._field.top() * scale,
                        self._field.width() * scale, self._field.height() * scale)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.setClipRect(paper)
        painter.drawImage(target, self._image)
        painter.end()
