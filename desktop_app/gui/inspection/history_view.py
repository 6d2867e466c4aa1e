"""Training history: every run of the session (and the history inside opened models) overlaid in one loss
and one accuracy plot, each run named by its preset and settings, shown or hidden one by one, and exported
as a PNG picture (pyqtgraph's ImageExporter) or as CSV tables (`core.report_files.write_history_csv`, one
file per run)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401  (registers ImageExporter under pg.exporters)
from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QSizePolicy, QSplitter, QVBoxLayout, QWidget)

from desktop_app.core.report_files import write_history_csv
from desktop_app.core.texts import QT_TRANSLATE_NOOP
from desktop_app.gui.i18n import bind_text, localized

log = logging.getLogger(__name__)

RUN_COLOURS = ["#3b82f6", "#f97316", "#10b981", "#e11d48", "#8b5cf6", "#ca8a04", "#0891b2", "#db2777",
               "#65a30d", "#64748b"]
SERIES = {"validation": ("val_loss", "val_accuracy"), "training": ("loss", "accuracy")}


@dataclass
class TrainingRun:
    label: str  # e.g. "batchnorm-cnn · adam 0.003 · 5 ep" (English; a marked Text is shown translated)
    history: dict[str, list[float]]
    details: str = ""  # e.g. the architecture's name and layers, for the list's tooltip
    colour: str = RUN_COLOURS[0]
    visible: bool = True
    curves: list = field(default_factory=list)  # the pyqtgraph curves drawn for this run

    @property
    def epochs(self) -> int:
        return max((len(values) for values in self.history.values()), default=0)


def run_label(config, epochs_completed: int, total_epochs: int, architecture: str = "") -> str:
    """"batchnorm-cnn · adam 0.003 · 5 ep", with the epoch range when the run continued a model; a run of
    the user's own layers is named by their `architecture` name ("custom" when they have none).

    The label is English as a str (file names are made from it) and a marked text the view shows in the
    current language."""
    if getattr(config, "layers", ""):
        name = architecture or QT_TRANSLATE_NOOP("HistoryView", "custom")
    else:
        name = config.preset
    label = QT_TRANSLATE_NOOP("HistoryView", "{name} · {optimizer} {rate} · {epochs} ep").format(
        name=name, optimizer=config.optimizer, rate=f"{config.learning_rate:g}", epochs=epochs_completed)
    if total_epochs > epochs_completed:
        label = QT_TRANSLATE_NOOP("HistoryView", "{label} (epochs {first}–{last})").format(
            label=label, first=total_epochs - epochs_completed + 1, last=total_epochs)
    if config.loop == "tape":
        label = QT_TRANSLATE_NOOP("HistoryView", "{label} · tape").format(label=label)
    return label


def _clean_history(history: dict | None) -> dict[str, list[float]]:
    """A history as a run keeps it: plain floats, series without values dropped."""
    return {key: [float(v) for v in values] for key, values in (history or {}).items() if values}


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-")[:60] or "run"


class HistoryView(QWidget):
    """A list of runs with check boxes beside the overlaid loss and accuracy plots."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runs: list[TrainingRun] = []

        self._saved_note = None  # a function saying what the last export saved, shown until the runs clear
        self.run_list = QListWidget()
        bind_text(self, self.run_list.setToolTip,
                  lambda: self.tr("Every training run of this session and the history of each opened model. "
                                  "Untick a run to hide its curves."))
        self.run_list.setMinimumWidth(180)
        self.run_list.setWordWrap(True)
        self.series_combo = QComboBox()
        for data in ("validation", "training", "both"):
            self.series_combo.addItem("", data)
        bind_text(self, self.series_combo.setItemText, lambda: self.tr("Validation curves"), 0)
        bind_text(self, self.series_combo.setItemText, lambda: self.tr("Training curves"), 1)
        bind_text(self, self.series_combo.setItemText, lambda: self.tr("Both"), 2)
        bind_text(self, self.series_combo.setToolTip,
                  lambda: self.tr("Which figures to overlay: those on the validation images (solid), on the "
                                  "training images (dashed), or both."))
        self.png_button = QPushButton()
        bind_text(self, self.png_button.setText, lambda: self.tr("Export PNG…"))
        bind_text(self, self.png_button.setToolTip,
                  lambda: self.tr("Save the two plots, with the names of the shown runs, as a PNG picture."))
        self.csv_button = QPushButton()
        bind_text(self, self.csv_button.setText, lambda: self.tr("Export CSV…"))
        bind_text(self, self.csv_button.setToolTip,
                  lambda: self.tr("Save each shown run's figures per epoch as a CSV table (one file per run) in "
                                  "a folder you choose."))
        self.clear_button = QPushButton()
        bind_text(self, self.clear_button.setText, lambda: self.tr("Clear"))
        bind_text(self, self.clear_button.setToolTip,
                  lambda: self.tr("Forget the runs listed here (the models keep their histories)."))
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setMinimumSize(300, 150)
        bind_text(self, self.graphics.setToolTip,
                  lambda: self.tr("Loss and accuracy per epoch of the shown runs. Drag to pan, scroll to zoom."))
        self.loss_plot = self.graphics.addPlot(row=0, col=0)
        self.accuracy_plot = self.graphics.addPlot(row=0, col=1)
        self.names = pg.LabelItem(justify="left")
        self.graphics.addItem(self.names, row=1, col=0, colspan=2)
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.setMenuEnabled(False)  # pyqtgraph's menus speak English only; PNG and CSV are buttons here
            for name in ("left", "bottom"):  # plain numbers, never "200" under "(x0.001)"
                plot.getAxis(name).enableAutoSIPrefix(False)
            plot.showGrid(x=True, y=True, alpha=0.15)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.csv_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(4)
        side_layout.addWidget(self.series_combo)
        side_layout.addWidget(self.run_list, 1)
        side_layout.addWidget(self.empty_label)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.clear_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(side)
        splitter.addWidget(self.graphics)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(splitter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.run_list.itemChanged.connect(self._item_changed)
        self.series_combo.currentIndexChanged.connect(self._redraw)
        self.png_button.clicked.connect(self._export_png_dialog)
        self.csv_button.clicked.connect(self._export_csv_dialog)
        self.clear_button.clicked.connect(self.clear)
        self.apply_palette()
        self._update_buttons()

    # -- runs -----------------------------------------------------------------------------------
    def add_run(self, label: str, history: dict[str, list[float]], details: str = "") -> TrainingRun | None:
        """Overlay a run's curves; `details` (the architecture and its layers) go into its tooltip."""
        history = _clean_history(history)
        if not history:
            return None
        run = TrainingRun(label, history, details, RUN_COLOURS[len(self._runs) % len(RUN_COLOURS)])
        self._runs.append(run)
        swatch = QPixmap(14, 14)
        swatch.fill(QColor(run.colour))
        item = QListWidgetItem(QIcon(swatch), localized(label))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        item.setToolTip(self._run_tip(run))
        self.run_list.blockSignals(True)
        self.run_list.addItem(item)
        self.run_list.blockSignals(False)
        self._redraw()
        return run

    def _run_tip(self, run: TrainingRun) -> str:
        if run.details:
            text = self.tr("{label}: %n epoch(s). {details} Untick to hide.", "", run.epochs)
        else:
            text = self.tr("{label}: %n epoch(s). Untick to hide.", "", run.epochs)
        return text.format(label=localized(run.label), details=localized(run.details))

    def runs(self) -> list[TrainingRun]:
        return list(self._runs)

    def has_run(self, label: str, history: dict[str, list[float]]) -> bool:
        clean = _clean_history(history)  # as add_run stores it, so an opened model's history compares equal
        return any(run.label == label and run.history == clean for run in self._runs)

    def set_visible(self, index: int, visible: bool) -> None:
        self.run_list.item(index).setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)

    def visible_runs(self) -> list[TrainingRun]:
        return [run for run in self._runs if run.visible]

    def shown_curve_count(self) -> int:
        """The curves drawn now, in both plots together."""
        return sum(len(run.curves) for run in self._runs if run.visible)

    @Slot()
    def clear(self) -> None:
        self._runs = []
        self._saved_note = None
        self.run_list.clear()
        self._redraw()

    # -- export ---------------------------------------------------------------------------------
    def export_png(self, path: str | Path) -> Path:
        path = Path(path)
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        exporter = pg.exporters.ImageExporter(self.graphics.scene())
        exporter.parameters()["width"] = max(1200, self.graphics.width())
        exporter.export(str(path))
        return path

    def export_csv(self, folder: str | Path) -> list[Path]:
        """One CSV per shown run, named by its position and label; returns the files written."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for number, run in enumerate(self._runs, start=1):
            if run.visible:
                written.append(write_history_csv(run.history, folder / f"run-{number:02d}-{_slug(run.label)}.csv"))
        return written

    def _ask_png_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the curves as a picture"),
                                              "training-history.png", self.tr("PNG picture (*.png)"))
        return path

    def _ask_csv_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Export one CSV table per run into"))

    @Slot()
    def _export_png_dialog(self) -> None:
        path = self._ask_png_path()
        if path:
            written = self.export_png(path)
            self._saved_note = lambda: self.tr("Saved {path}.").format(path=written)
            self._update_buttons()

    @Slot()
    def _export_csv_dialog(self) -> None:
        folder = self._ask_csv_folder()
        if folder:
            count = len(self.export_csv(folder))
            self._saved_note = lambda: self.tr("Saved %n CSV file(s) in {folder}.", "", count).format(folder=folder)
            self._update_buttons()

    # -- drawing --------------------------------------------------------------------------------
    @Slot(QListWidgetItem)
    def _item_changed(self, item: QListWidgetItem) -> None:
        row = self.run_list.row(item)
        if 0 <= row < len(self._runs):
            self._runs[row].visible = item.checkState() == Qt.CheckState.Checked
            self._redraw()

    @Slot()
    def _redraw(self, *_args) -> None:
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.clear()
        which = self.series_combo.currentData() or "validation"
        series = ["validation", "training"] if which == "both" else [which]
        names = []
        for run in self._runs:
            run.curves = []
            if not run.visible:
                continue
            names.append(f"<span style='color:{run.colour}'>━━</span>&nbsp;{localized(run.label)}")
            for kind in series:
                loss_key, accuracy_key = SERIES[kind]
                style = Qt.PenStyle.SolidLine if kind == "validation" else Qt.PenStyle.DashLine
                pen = pg.mkPen(run.colour, width=2, style=style)
                for plot, key, scale in ((self.loss_plot, loss_key, 1.0), (self.accuracy_plot, accuracy_key, 100.0)):
                    values = run.history.get(key) or []
                    if values:
                        curve = plot.plot(list(range(1, len(values) + 1)), [v * scale for v in values], pen=pen,
                                          symbol="o", symbolSize=5, symbolBrush=run.colour, symbolPen=None,
                                          name=f"{run.label} ({kind})")
                        run.curves.append(curve)
        text = self.palette().color(QPalette.ColorRole.Text).name()
        self.names.setText("&nbsp;&nbsp;&nbsp;".join(names) or " ", color=text, size="9pt")
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = any(run.visible for run in self._runs)
        self.png_button.setEnabled(has)
        self.csv_button.setEnabled(has)
        self.clear_button.setEnabled(bool(self._runs))
        if not self._runs:
            bind_text(self, self.empty_label.setText,
                      lambda: self.tr("Each finished training run appears here, to compare with the others."))
        elif self._saved_note is not None:
            bind_text(self, self.empty_label.setText, self._saved_note)
        self.empty_label.setVisible(not self._runs or self._saved_note is not None)

    def apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self.graphics.setBackground(palette.color(QPalette.ColorRole.Base))
        for plot in (self.loss_plot, self.accuracy_plot):
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(text))
                axis.setTextPen(pg.mkPen(text))
        self._label_plots()
        self._redraw()

    def _label_plots(self) -> None:
        """The plots' titles and axis labels, in the current language and the palette's text colour."""
        colour = self.palette().color(QPalette.ColorRole.Text).name()
        for plot, title, unit in ((self.loss_plot, self.tr("Loss"), self.tr("cross-entropy")),
                                  (self.accuracy_plot, self.tr("Accuracy"), self.tr("accuracy (%)"))):
            plot.setTitle(title, color=colour)
            plot.setLabel("bottom", self.tr("epoch"), color=colour)
            plot.setLabel("left", unit, color=colour)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
        elif event.type() == QEvent.Type.LanguageChange and hasattr(self, "loss_plot"):
            self._label_plots()
            for row, run in enumerate(self._runs[:self.run_list.count()]):
                item = self.run_list.item(row)
                self.run_list.blockSignals(True)  # a text change is no tick change
                item.setText(localized(run.label))
                item.setToolTip(self._run_tip(run))
                self.run_list.blockSignals(False)
            self._redraw()
