"""Live training curves with pyqtgraph: loss and accuracy against epochs, train and validation.

Each curve is created once; new figures only call `setData`. Batch points sit at fractional epochs
(epoch + step/steps) and are smoothed with an exponential moving average; epoch points sit at whole epochs
(the end of epoch n is at x = n). A crosshair follows the mouse and a line under each plot reads the curves
at that epoch.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.core.training import BatchProgress, EpochRecord
from desktop_app.gui.i18n import bind_text

pg.setConfigOptions(antialias=True)

TRAIN_COLOUR = QColor("#3b82f6")  # a blue and an orange that read on light and dark backgrounds
VALIDATION_COLOUR = QColor("#f97316")
SMOOTHING = 0.6  # weight of the running average per new batch point
# While training, one plot redraws its batch curve every REDRAW_MS, the two in turn: each pause of the
# event loop is one plot's repaint, and each plot redraws twice a second (a repaint costs about 10 ms of
# the GUI thread, time the training threads lose on two cores).
REDRAW_MS = 250


def _batch_colour() -> QColor:
    colour = QColor(TRAIN_COLOUR)
    colour.setAlpha(120)
    return colour


class MetricPlot(QWidget):
    """One plot (loss or accuracy) with its three curves, crosshair and readout. Its title and value-axis
    label are functions (`lambda: self.tr("Loss")`), said again when the language changes."""

    hovered = Signal(float)  # the epoch under the mouse, for the neighbouring plot's crosshair

    def __init__(self, title: Callable[[], str], unit_label: Callable[[], str], scale: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._scale = scale
        self._readout_x: float | None = None  # the epoch the readout reads (None: nothing read yet)
        self._empty_range = (0.0, 100.0) if scale == 100 else (0.0, 2.5)  # a sensible frame before data
        self._showing_data = True
        self._run_span: tuple[float, float] | None = None  # the epochs of the running training run
        self._value_range: tuple[float, float] | None = None  # the value axis while a run trains
        self._framing_values = False  # a run trains: the value axis moves in round steps
        self._batches_pending = False
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setMinimumSize(220, 120)
        self.plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        bind_text(self, self.plot_widget.setToolTip, lambda: self.tr(
            "{metric} per batch (smoothed) and per epoch, on the training and the validation images. Drag to "
            "pan, scroll to zoom, right-click to show everything or save the plot.").format(metric=title()))
        # pyqtgraph's own menus (FFT, log axes, mouse modes) speak only English and are more than a learner
        # needs; the plot's own menu has the two things worth having.
        self.plot_widget.setMenuEnabled(False)
        self.plot_widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot_widget.customContextMenuRequested.connect(self._show_menu)
        item = self.plot_widget.getPlotItem()
        bind_text(self, item.setTitle, title)  # setTitle and setLabel keep the colours apply_palette gave
        bind_text(self, item.setLabel, lambda: self.tr("epoch"), "bottom")
        bind_text(self, item.setLabel, unit_label, "left")
        item.showGrid(x=True, y=True, alpha=0.15)
        for name in ("left", "bottom"):
            # Grid lines at the labelled and the next finer ticks only: the finest level's faint lines
            # doubled the cost of each repaint (8 → 4.7 ms per plot here), repeated 5 times a second in training.
            item.getAxis(name).setStyle(maxTickLevel=1)
            # Plain numbers: pyqtgraph would otherwise show a loss of 0.2 as "200" under "(x0.001)".
            item.getAxis(name).enableAutoSIPrefix(False)
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
        self.moment_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#10b981", width=2))
        self.moment_line.setVisible(False)  # the time-lapse snapshot the window shows
        item.addItem(self.moment_line, ignoreBounds=True)
        self._mouse_proxy = pg.SignalProxy(self.plot_widget.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._mouse_moved)

        self.readout = QLabel(" ")
        self.readout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # a long readout must not widen its plot: it is clipped instead
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bind_text(self, self.readout.setToolTip, lambda: self.tr(
            "The {metric} curves read at the epoch under the mouse.").format(metric=title().lower()))
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
        self._batches_pending = True

    def has_pending_batches(self) -> bool:
        return self._batches_pending

    def redraw_batches(self) -> None:
        """Draw the batch points added since the last redraw."""
        self._batches_pending = False
        self._frame_data()
        self._frame_values()
        self.batch_curve.setData(self._batch_x, self._batch_y)

    def frame_run(self, span: tuple[float, float] | None) -> None:
        """Fix the epoch axis to a run's span while it trains (None: follow the data again). A fixed axis
        is not redrawn with each batch, and shows how far the run has come."""
        self._run_span = span
        self._framing_values = span is not None
        self._frame_data(again=True)

    def set_epoch_value(self, x: float, train: float | None, validation: float | None) -> None:
        if train is not None and math.isfinite(train):
            self._train[x] = train * self._scale
        if validation is not None and math.isfinite(validation):
            self._validation[x] = validation * self._scale
        self._frame_values()
        self._update_curves(batches=False)

    def counts(self) -> tuple[int, int, int]:
        """(batch points, train epoch points, validation epoch points)."""
        return len(self._batch_x), len(self._train), len(self._validation)

    def _frame_data(self, again: bool = False) -> None:
        """Auto-range once data arrives; a fixed, sensible frame while there is none; during a run the
        epoch axis spans the run. Only when that changes, or `again`."""
        has_data = bool(self._batch_x or self._train or self._validation)
        if has_data == self._showing_data and not again:
            return
        self._showing_data = has_data
        item = self.plot_widget.getPlotItem()
        if has_data:
            item.enableAutoRange()
        else:
            item.setXRange(0.0, 1.0, padding=0.02)
            item.setYRange(*self._empty_range, padding=0.02)
        if self._run_span is not None:
            item.getViewBox().enableAutoRange(x=False, y=not self._framing_values)
            item.setXRange(*self._run_span, padding=0.02)
            self._value_range = None
            self._frame_values()

    @Slot()
    def follow_values(self) -> None:
        """Let the value axis follow the data again (a run has ended)."""
        self._framing_values = False
        self.plot_widget.getPlotItem().getViewBox().enableAutoRange(y=True)

    def _frame_values(self) -> None:
        """During a run, the value axis moves in round steps (0 to 2.5, 20 to 100 %) only when the data
        leave it: an axis that changed with every redraw was re-laid out each time."""
        values = [*self._batch_y, *self._train.values(), *self._validation.values()]
        if not self._framing_values or not values:
            return
        if self._scale == 100:  # accuracy in %: up to 100, down to a multiple of 10 below the data
            wanted = (max(0.0, math.floor(min(values) / 10) * 10), 100.0)
        else:  # a loss: from 0 up to a round step above the data
            top = max(max(values), 1e-6)
            step = 10 ** math.floor(math.log10(top)) / 2
            wanted = (0.0, math.ceil(top / step) * step)
        if wanted != self._value_range:
            self._value_range = wanted
            self.plot_widget.getPlotItem().setYRange(*wanted, padding=0.02)

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
        item.titleLabel.setText(self._title(), color=text.name())
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
        self._readout_x = x
        bind_text(self, self.readout.setText, self._readout_line)

    def _readout_line(self) -> str:
        """“epoch 1.50 · batch 0.123 · train 0.140 · validation 0.151”: the curves at the readout's epoch."""
        x = self._readout_x
        if x is None:
            return " "
        parts = [self.tr("epoch {epoch}").format(epoch=f"{x:.2f}")]
        # each epoch value is shown within half an epoch of its point (epoch n ends at x = n)
        if self._batch_x:
            index = int(np.argmin(np.abs(np.asarray(self._batch_x) - x)))
            parts.append(self.tr("batch {value}").format(value=self._format(self._batch_y[index])))
        for series, label in ((self._train, lambda value: self.tr("train {value}").format(value=value)),
                              (self._validation, lambda value: self.tr("validation {value}").format(value=value))):
            if series:
                nearest = min(series, key=lambda key: abs(key - x))
                if abs(nearest - x) <= 0.5:
                    parts.append(label(self._format(series[nearest])))
        return " · ".join(parts)

    def show_moment(self, x: float | None) -> None:
        """A vertical marker at epoch `x` (the time-lapse snapshot shown); None hides it."""
        if x is not None:
            self.moment_line.setPos(x)
        self.moment_line.setVisible(x is not None)

    def moment(self) -> float | None:
        return float(self.moment_line.value()) if self.moment_line.isVisible() else None

    def readout_text(self) -> str:
        return self.readout.text()

    def _format(self, value: float) -> str:
        return f"{value:.1f} %" if self._scale == 100 else f"{value:.3f}"

    @Slot(QPoint)
    def _show_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Show everything"), self.show_everything)
        menu.addAction(self.tr("Save as PNG…"), self.save_image)
        menu.exec(self.plot_widget.mapToGlobal(position))

    @Slot()
    def show_everything(self) -> None:
        self.plot_widget.getPlotItem().enableAutoRange()

    def save_image(self, path: str = "") -> bool:
        """Save the plot as a PNG image (asks where when `path` is empty); False when nothing was saved."""
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the plot"), "plot.png",
                                                  self.tr("PNG images (*.png)"))
            if not path:
                return False
        if self.plot_widget.grab().save(path, "PNG"):
            return True
        QMessageBox.warning(self, self.tr("Could not save the plot"),
                            self.tr("{path} could not be written: the folder may be read-only or the disk "
                                    "full.").format(path=path))
        return False


class TrainingPlots(QWidget):
    """The loss and accuracy plots side by side, with one legend below both (it never hides a curve)."""


    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss = MetricPlot(lambda: self.tr("Loss"), lambda: self.tr("cross-entropy"), 1.0)
        self.accuracy = MetricPlot(lambda: self.tr("Accuracy"), lambda: self.tr("accuracy (%)"), 100.0)
        self._next_redraw = 0  # which plot the redraw timer draws next
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(REDRAW_MS)
        self._redraw_timer.timeout.connect(self._redraw_next)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend.setWordWrap(True)
        bind_text(self, self.legend.setToolTip, lambda: self.tr(
            "Per batch: the running loss and accuracy of the training batches, smoothed. Per epoch: the figures "
            "at the end of each epoch, on the training images and on the held-back validation images."))
        bind_text(self, self.legend.setText, self._legend_html)
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

    def _legend_html(self) -> str:
        batch = _batch_colour()
        batch_css = f"rgba({batch.red()}, {batch.green()}, {batch.blue()}, {batch.alphaF():.2f})"
        entries = [
            (batch_css, "━━━", self.tr("train, per batch (smoothed)")),
            (TRAIN_COLOUR.name(), "━●━", self.tr("train, per epoch")),
            (VALIDATION_COLOUR.name(), "╍■╍", self.tr("validation, per epoch")),
        ]
        return "&nbsp;&nbsp;&nbsp;&nbsp;".join(
            f"<span style='color:{colour}; font-weight:bold'>{glyph}</span>&nbsp;{text.replace(' ', '&nbsp;')}"
            for colour, glyph, text in entries)

    def clear(self) -> None:
        for plot in (self.loss, self.accuracy):
            plot.frame_run(None)
            plot.clear()

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

    def begin_run(self, first_epoch: int, epochs: int) -> None:
        """A run of `epochs` epochs after `first_epoch` starts: the epoch axis spans it."""
        for plot in (self.loss, self.accuracy):
            plot.frame_run((float(first_epoch), float(first_epoch + epochs)))

    def end_run(self) -> None:
        """The run has ended: the redraw timer draws what is left, one plot at a time; then each plot's
        value axis follows its data again, one after the other. The epoch axis keeps the run's span until
        another history is shown."""
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()
        for turn, plot in enumerate((self.loss, self.accuracy), start=2):
            QTimer.singleShot(turn * REDRAW_MS, plot, plot.follow_values)

    @Slot(object)
    def add_batch(self, progress: BatchProgress) -> None:
        x = progress.epoch + progress.step / max(progress.steps, 1)
        self.loss.add_batch(x, progress.loss)
        self.accuracy.add_batch(x, progress.accuracy)
        if not self._redraw_timer.isActive():
            self._redraw_next()  # the first points show at once
            self._redraw_timer.start()

    @Slot()
    def _redraw_next(self) -> None:
        plots = (self.loss, self.accuracy)
        for offset in range(len(plots)):
            plot = plots[(self._next_redraw + offset) % len(plots)]
            if plot.has_pending_batches():
                plot.redraw_batches()
                self._next_redraw = (self._next_redraw + offset + 1) % len(plots)
                return
        self._redraw_timer.stop()  # nothing new: the next batch starts the timer again

    @Slot(object)
    def add_epoch(self, record: EpochRecord) -> None:
        metrics = record.metrics
        x = record.epoch + 1
        self.loss.set_epoch_value(x, metrics.get("loss"), metrics.get("val_loss"))
        self.accuracy.set_epoch_value(x, metrics.get("accuracy"), metrics.get("val_accuracy"))

    def show_moment(self, x: float | None) -> None:
        """Both plots mark epoch `x` (a time-lapse snapshot); None: the live model, no marker."""
        for plot in (self.loss, self.accuracy):
            plot.show_moment(x)

    def point_counts(self) -> dict[str, tuple[int, int, int]]:
        return {"loss": self.loss.counts(), "accuracy": self.accuracy.counts()}
