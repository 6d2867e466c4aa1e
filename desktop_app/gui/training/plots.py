"""Live training curves with pyqtgraph: loss and accuracy against epochs, train and validation.

Each curve is created once; new figures only call `setData`. Batch points sit at fractional epochs
(epoch + step/steps) and are smoothed with an exponential moving average; epoch points sit at whole epochs
(the end of epoch n is at x = n). A crosshair follows the mouse and a line under each plot reads the curves
at that epoch.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.core.training import BatchProgress, EpochRecord

pg.setConfigOptions(antialias=True)

TRAIN_COLOUR = QColor("#3b82f6")  # a blue and an orange that read on light and dark backgrounds
VALIDATION_COLOUR = QColor("#f97316")
SMOOTHING = 0.6  # weight of the running average per new batch point
# The accuracy plot redraws its batch curve this long after the loss plot, so each pause of the event loop
# during training is one plot's repaint (about 5 ms), not both back to back.
STAGGER_MS = 100


def _batch_colour() -> QColor:
    colour = QColor(TRAIN_COLOUR)
    colour.setAlpha(120)
    return colour


class MetricPlot(QWidget):
    """One plot (loss or accuracy) with its three curves, crosshair and readout."""

    hovered = Signal(float)  # the epoch under the mouse, for the neighbouring plot's crosshair

    def __init__(self, title: str, unit_label: str, scale: float, redraw_delay_ms: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(redraw_delay_ms)
        self._redraw_timer.timeout.connect(self._redraw_batches)
        self._title = title
        self._scale = scale
        self._empty_range = (0.0, 100.0) if scale == 100 else (0.0, 2.5)  # a sensible frame before data
        self._showing_data = True
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setMinimumSize(220, 120)
        self.plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot_widget.setToolTip(f"{title} per batch (smoothed) and per epoch, on the training and the "
                                    "validation images. Drag to pan, scroll to zoom, right-click for options.")
        self.plot_widget.setMenuEnabled(True)
        item = self.plot_widget.getPlotItem()
        item.setTitle(title)
        item.setLabel("bottom", "epoch")
        item.setLabel("left", unit_label)
        item.showGrid(x=True, y=True, alpha=0.15)
        for name in ("left", "bottom"):
            # Grid lines at the labelled and the next finer ticks only: the finest level's faint lines
            # doubled the cost of each repaint (8 → 4.7 ms per plot here), repeated 5 times a second in training.
            item.getAxis(name).setStyle(maxTickLevel=1)
        item.setMouseEnabled(x=True, y=True)
        item.getViewBox().setDefaultPadding(0.04)
        self.batch_curve = item.plot([], [], name="train, per batch (smoothed)",
                                     pen=pg.mkPen(_batch_colour(), width=1.2))
        self.train_curve = item.plot([], [], name="train, per epoch", pen=pg.mkPen(TRAIN_COLOUR, width=2),
                                     symbol="o", symbolSize=7, symbolBrush=TRAIN_COLOUR, symbolPen=None)
        self.validation_curve = item.plot([], [], name="validation, per epoch",
                                          pen=pg.mkPen(VALIDATION_COLOUR, width=2, style=Qt.PenStyle.DashLine),
                                          symbol="s", symbolSize=7, symbolBrush=VALIDATION_COLOUR,
                                          symbolPen=None)
        self.crosshair = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair.setVisible(False)
        item.addItem(self.crosshair, ignoreBounds=True)
        self._mouse_proxy = pg.SignalProxy(self.plot_widget.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._mouse_moved)

        self.readout = QLabel(" ")
        self.readout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # a long readout must not widen its plot: it is clipped instead
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.readout.setToolTip(f"The {title.lower()} curves read at the epoch under the mouse.")
        self.readout.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.readout)
        self._batch_x: list[float] = []
        self._batch_y: list[float] = []
        self._train: dict[float, float] = {}
        self._validation: dict[float, float] = {}
        self.apply_palette()
        self._frame_data()

    # -- data -----------------------------------------------------------------------------------
    def clear(self) -> None:
        self._batch_x, self._batch_y = [], []
        self._train, self._validation = {}, {}
        self._update_curves()

    def clear_batches(self) -> None:
        self._batch_x, self._batch_y = [], []
        self._update_curves()

    def add_batch(self, x: float, value: float) -> None:
        if not math.isfinite(value):
            return
        value *= self._scale
        if self._batch_y and self._batch_x and x > self._batch_x[-1] - 1e-9:
            value = SMOOTHING * value + (1 - SMOOTHING) * self._batch_y[-1]
        self._batch_x.append(x)
        self._batch_y.append(value)
        if self._redraw_timer.interval() == 0:
            self._redraw_batches()
        elif not self._redraw_timer.isActive():
            self._redraw_timer.start()

    @Slot()
    def _redraw_batches(self) -> None:
        self._frame_data()
        self.batch_curve.setData(self._batch_x, self._batch_y)

    def set_epoch_value(self, x: float, train: float | None, validation: float | None) -> None:
        if train is not None and math.isfinite(train):
            self._train[x] = train * self._scale
        if validation is not None and math.isfinite(validation):
            self._validation[x] = validation * self._scale
        self._update_curves(batches=False)

    def counts(self) -> tuple[int, int, int]:
        """(batch points, train epoch points, validation epoch points)."""
        return len(self._batch_x), len(self._train), len(self._validation)

    def _frame_data(self) -> None:
        """Auto-range once data arrives; a fixed, sensible frame while there is none."""
        has_data = bool(self._batch_x or self._train or self._validation)
        if has_data == self._showing_data:
            return
        self._showing_data = has_data
        item = self.plot_widget.getPlotItem()
        if has_data:
            item.enableAutoRange()
        else:
            item.setXRange(0.0, 1.0, padding=0.02)
            item.setYRange(*self._empty_range, padding=0.02)

    def _update_curves(self, batches: bool = True) -> None:
        self._frame_data()
        if batches:
            self.batch_curve.setData(self._batch_x, self._batch_y)
        xs = sorted(self._train)
        self.train_curve.setData(xs, [self._train[x] for x in xs])
        xs = sorted(self._validation)
        self.validation_curve.setData(xs, [self._validation[x] for x in xs])

    # -- look -----------------------------------------------------------------------------------
    def apply_palette(self) -> None:
        """Background and text from the widget palette, so the plot reads in light and dark themes."""
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        self.plot_widget.setBackground(background)
        item = self.plot_widget.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        item.titleLabel.setText(self._title, color=text.name())
        for name, unit in (("bottom", item.getAxis("bottom").labelText), ("left", item.getAxis("left").labelText)):
            item.setLabel(name, unit, color=text.name())
        line = QColor(text)
        line.setAlpha(110)
        self.crosshair.setPen(pg.mkPen(line, width=1, style=Qt.PenStyle.DotLine))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()

    # -- crosshair ------------------------------------------------------------------------------
    @Slot(object)
    def _mouse_moved(self, event) -> None:
        position = event[0]
        item = self.plot_widget.getPlotItem()
        if not item.sceneBoundingRect().contains(position):
            return
        x = item.getViewBox().mapSceneToView(position).x()
        self.show_readout(x)
        self.hovered.emit(x)

    @Slot(float)
    def show_readout(self, x: float) -> None:
        self.crosshair.setPos(x)
        self.crosshair.setVisible(True)
        parts = [f"epoch {x:.2f}"]
        # each epoch value is shown within half an epoch of its point (epoch n ends at x = n)
        if self._batch_x:
            index = int(np.argmin(np.abs(np.asarray(self._batch_x) - x)))
            parts.append(f"batch {self._format(self._batch_y[index])}")
        for label, series in (("train", self._train), ("validation", self._validation)):
            if series:
                nearest = min(series, key=lambda key: abs(key - x))
                if abs(nearest - x) <= 0.5:
                    parts.append(f"{label} {self._format(series[nearest])}")
        self.readout.setText(" · ".join(parts))

    def readout_text(self) -> str:
        return self.readout.text()

    def _format(self, value: float) -> str:
        return f"{value:.1f} %" if self._scale == 100 else f"{value:.3f}"


class TrainingPlots(QWidget):
    """The loss and accuracy plots side by side, with one legend below both (it never hides a curve)."""


    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss = MetricPlot("Loss", "cross-entropy", 1.0)
        self.accuracy = MetricPlot("Accuracy", "accuracy (%)", 100.0, redraw_delay_ms=STAGGER_MS)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend.setWordWrap(True)
        self.legend.setToolTip("Per batch: the running loss and accuracy of the training batches, smoothed. "
                               "Per epoch: the figures at the end of each epoch, on the training images and "
                               "on the held-back validation images.")
        self.legend.setText(self._legend_html())
        self.loss.hovered.connect(self.accuracy.show_readout)  # one crosshair across both plots
        self.accuracy.hovered.connect(self.loss.show_readout)
        plots = QHBoxLayout()
        plots.setContentsMargins(0, 0, 0, 0)
        plots.setSpacing(8)
        plots.addWidget(self.loss, 1)
        plots.addWidget(self.accuracy, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(plots, 1)
        layout.addWidget(self.legend)

    @staticmethod
    def _legend_html() -> str:
        batch = _batch_colour()
        batch_css = f"rgba({batch.red()}, {batch.green()}, {batch.blue()}, {batch.alphaF():.2f})"
        entries = [
            (batch_css, "━━━", "train, per batch (smoothed)"),
            (TRAIN_COLOUR.name(), "━●━", "train, per epoch"),
            (VALIDATION_COLOUR.name(), "╍■╍", "validation, per epoch"),
        ]
        return "&nbsp;&nbsp;&nbsp;&nbsp;".join(
            f"<span style='color:{colour}; font-weight:bold'>{glyph}</span>&nbsp;{text.replace(' ', '&nbsp;')}"
            for colour, glyph, text in entries)

    def clear(self) -> None:
        self.loss.clear()
        self.accuracy.clear()

    def set_history(self, history: dict[str, list[float]]) -> None:
        """Show a model's stored history: epoch n (1-based) at x = n."""
        self.clear()
        history = history or {}
        epochs = max((len(values) for values in history.values()), default=0)
        for index in range(epochs):
            def value(key: str) -> float | None:
                values = history.get(key) or []
                return float(values[index]) if index < len(values) and values[index] is not None else None

            self.loss.set_epoch_value(index + 1, value("loss"), value("val_loss"))
            self.accuracy.set_epoch_value(index + 1, value("accuracy"), value("val_accuracy"))

    @Slot(object)
    def add_batch(self, progress: BatchProgress) -> None:
        x = progress.epoch + progress.step / max(progress.steps, 1)
        self.loss.add_batch(x, progress.loss)
        self.accuracy.add_batch(x, progress.accuracy)

    @Slot(object)
    def add_epoch(self, record: EpochRecord) -> None:
        metrics = record.metrics
        x = record.epoch + 1
        self.loss.set_epoch_value(x, metrics.get("loss"), metrics.get("val_loss"))
        self.accuracy.set_epoch_value(x, metrics.get("accuracy"), metrics.get("val_accuracy"))

    def point_counts(self) -> dict[str, tuple[int, int, int]]:
        return {"loss": self.loss.counts(), "accuracy": self.accuracy.counts()}
