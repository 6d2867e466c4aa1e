"""The model summary: the architecture's name and layers, one row per Keras layer (name, type, output shape,
parameters) with the totals, like Keras' `model.summary()`, and a Copy button that puts the same on the
clipboard as text."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.core.errors import message_of
from desktop_app.core.inspection import parameter_totals
from desktop_app.core.models import layer_summary
from desktop_app.gui.i18n import bind_text, localized
from desktop_app.gui.text_format import count_text

log = logging.getLogger(__name__)


def _shape_text(shape) -> str:
    return "(" + ", ".join("None" if part is None else str(part) for part in shape) + ")" if shape else "?"


def summary_text(name: str, rows: list[dict], totals: dict[str, int], architecture: str = "") -> str:
    """The table as plain text in Keras' layout: one line per layer, then the three totals; the
    `architecture` line (its name and layers) under the model's name. English, like Keras' own summary."""
    cells = [(f"{row['name']} ({row['type']})", _shape_text(row["output_shape"]), count_text(row["parameters"]))
             for row in rows]
    header = ("Layer (type)", "Output shape", "Param #")
    widths = [max(len(header[i]), *(len(cell[i]) for cell in cells)) if cells else len(header[i])
              for i in range(3)]
    rule = "─" * (sum(widths) + 6)

    def line(cell) -> str:
        return f"{cell[0]:<{widths[0]}}   {cell[1]:<{widths[1]}}   {cell[2]:>{widths[2]}}"

    lines = [f'Model: "{name}"', *([f"Architecture: {architecture}"] if architecture else []), rule, line(header),
             rule, *(line(cell) for cell in cells), rule,
             f"Total params: {count_text(totals['total'])}",
             f"Trainable params: {count_text(totals['trainable'])}",
             f"Non-trainable params: {count_text(totals['non_trainable'])}"]
    return "\n".join(lines) + "\n"


class ModelSummaryView(QWidget):
    """The layers of the open model; `set_model` fills it, Copy puts it on the clipboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._architecture: tuple[str, str] = ("", "")  # the architecture's name and layers ("" when none)
        self._summary: tuple | None = None  # (name, rows, totals) of the model shown
        self.title = QLabel()
        bind_text(self, self.title.setText, lambda: self.tr("No model"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        bind_text(self, self.title.setToolTip,
                  lambda: self.tr("The model the canvas reads with: the open model, or the one being trained."))
        self.architecture_label = QLabel()
        self.architecture_label.setWordWrap(True)
        self.architecture_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bind_text(self, self.architecture_label.setToolTip,
                  lambda: self.tr("The architecture the model was built from: its name and its layers as the "
                                  "layer editor and `digit-lab train --layers` write them (the output Dense 10 "
                                  "is added to every network)."))
        self.architecture_label.hide()
        self.table = QTableWidget(0, 4)
        self._label_columns()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        bind_text(self, self.table.setToolTip,
                  lambda: self.tr("Each layer of the network, the shape of what it outputs (None: any number of "
                                  "images), and how many numbers it learns."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.totals = QLabel(" ")
        self.totals.setWordWrap(True)
        bind_text(self, self.totals.setToolTip,
                  lambda: self.tr("Trainable parameters change in training; non-trainable ones (batch "
                                  "normalisation's running statistics) are measured, not learned."))
        self.copy_button = QPushButton()
        bind_text(self, self.copy_button.setText, lambda: self.tr("Copy"))
        bind_text(self, self.copy_button.setToolTip,
                  lambda: self.tr("Copy the summary as text, laid out like Keras' model.summary()."))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_to_clipboard)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.architecture_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    def set_architecture(self, name: str, layers: str) -> None:
        """Name the model's architecture and its layers (core.architecture's text; "" when they are not
        kinds Digit Lab describes)."""
        self._architecture = (name, layers)
        if name:
            bind_text(self, self.architecture_label.setText,
                      lambda: self.tr("Architecture: {architecture}").format(architecture=self.architecture_text()))
        else:
            bind_text(self, self.architecture_label.setText, lambda: "")
        self.architecture_label.setVisible(bool(name))
        if self._summary is not None:
            self._text = summary_text(*self._summary, architecture=self._english_architecture())

    def architecture_text(self) -> str:
        """“Wide CNN: conv 32 5, pool, …” as the view shows it ("" when none is shown)."""
        name, layers = self._architecture
        if not name:
            return ""
        if layers:
            return f"{localized(name)}: {layers}"
        return self.tr("{name} (layers Digit Lab does not describe)").format(name=localized(name))

    def _english_architecture(self) -> str:
        """The architecture line of the copied summary, which stays in English like Keras' own."""
        name, layers = self._architecture
        if not name:
            return ""
        return f"{name}: {layers}" if layers else f"{name} (layers Digit Lab does not describe)"

    def _label_columns(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Type"), self.tr("Output shape"),
                                              self.tr("Parameters")])

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "table"):
            self._label_columns()

    def set_model(self, model, name: str = "") -> None:
        self._summary = None
        if model is None:
            self.table.setRowCount(0)
            bind_text(self, self.title.setText, lambda: self.tr("No model"))
            bind_text(self, self.totals.setText, lambda: self.tr("Open or train a model to see its layers."))
            self._text = ""
            self.copy_button.setEnabled(False)
            return
        try:
            rows, totals = layer_summary(model), parameter_totals(model)
        except Exception as error:  # a foreign model: say so, never fail
            log.exception("could not summarise the model")
            self.table.setRowCount(0)
            kind, message = type(error).__name__, message_of(error)
            bind_text(self, self.totals.setText,
                      lambda: self.tr("Could not list the layers: {kind}: {error}")
                      .format(kind=kind, error=localized(message)))
            self.copy_button.setEnabled(False)
            return
        name = name or model.name
        count = len(rows)
        bind_text(self, self.title.setText,
                  lambda: self.tr("Model “{name}”: {count} layers").format(name=localized(name), count=count))
        self.table.setRowCount(len(rows))
        for row, layer in enumerate(rows):
            values = [layer["name"], layer["type"], _shape_text(layer["output_shape"]), count_text(layer["parameters"])]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if layer["parameters"] == 0:
                    item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                self.table.setItem(row, column, item)
        total, trainable = count_text(totals["total"]), count_text(totals["trainable"])
        non_trainable = count_text(totals["non_trainable"])
        bind_text(self, self.totals.setText,
                  lambda: self.tr("Total parameters: {total} · trainable {trainable} · non-trainable {non_trainable}")
                  .format(total=total, trainable=trainable, non_trainable=non_trainable))
        self._summary = (name, rows, totals)
        self._text = summary_text(name, rows, totals, self._english_architecture())
        self.copy_button.setEnabled(True)

    def text(self) -> str:
        """The summary as the Copy button copies it ("" without a model)."""
        return self._text

    @Slot()
    def copy_to_clipboard(self) -> None:
        if self._text:
            QGuiApplication.clipboard().setText(self._text)
            bind_text(self, self.copy_button.setText, lambda: self.tr("Copied"))
            QTimer.singleShot(1500, self, lambda: bind_text(self, self.copy_button.setText, lambda: self.tr("Copy")))
