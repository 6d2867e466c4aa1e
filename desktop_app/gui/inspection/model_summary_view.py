"""The model summary: the architecture's name and layers, one row per Keras layer (name, type, output shape,
parameters) with the totals, like Keras' `model.summary()`, and a Copy button that puts the same on the
clipboard as text."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.core.inspection import parameter_totals
from desktop_app.core.models import layer_summary
from desktop_app.gui.text_format import count_text

log = logging.getLogger(__name__)


def _shape_text(shape) -> str:
    return "(" + ", ".join("None" if part is None else str(part) for part in shape) + ")" if shape else "?"


def summary_text(name: str, rows: list[dict], totals: dict[str, int], architecture: str = "") -> str:
    """The table as plain text in Keras' layout: one line per layer, then the three totals; the
    `architecture` line (its name and layers) under the model's name."""
    cells = [(f"{row['name']} ({row['type']})", _shape_text(row["output_shape"]), count_text(row["parameters"]))
             for row in rows]
    header = ("Layer (type)", "Output shape", "Param #")
    widths = [max(len(header[i]), *(len(cell[i]) for cell in cells)) if cells else len(header[i])
              for i in range(3)]
    rule = "─" * (sum(widths) + 6)

    def line(cell) -> str:
        return f"{cell[0]:<{widths[0]}}   {cell[1]:<{widths[1]}}   {cell[2]:>{widths[2]}}"

    lines = [f'Model: "{name}"', *([f"Architecture: {architecture}"] if architecture else []), rule, line(header), rule, *(line(cell) for cell in cells), rule,
             f"Total params: {count_text(totals['total'])}",
             f"Trainable params: {count_text(totals['trainable'])}",
             f"Non-trainable params: {count_text(totals['non_trainable'])}"]
    return "\n".join(lines) + "\n"


class ModelSummaryView(QWidget):
    """The layers of the open model; `set_model` fills it, Copy puts it on the clipboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._architecture = ""
        self._summary: tuple | None = None  # (name, rows, totals) of the model shown
        self.title = QLabel("No model")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setToolTip("The model the canvas reads with: the open model, or the one being trained.")
        self.architecture_label = QLabel()
        self.architecture_label.setWordWrap(True)
        self.architecture_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.architecture_label.setToolTip("The architecture the model was built from: its name and its layers "
                                           "as the layer editor and `digit-lab train --layers` write them (the "
                                           "output Dense 10 is added to every network).")
        self.architecture_label.hide()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Layer", "Type", "Output shape", "Parameters"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setToolTip("Each layer of the network, the shape of what it outputs (None: any number of "
                              "images), and how many numbers it learns.")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.totals = QLabel(" ")
        self.totals.setWordWrap(True)
        self.totals.setToolTip("Trainable parameters change in training; non-trainable ones (batch "
                               "normalisation's running statistics) are measured, not learned.")
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy the summary as text, laid out like Keras' model.summary().")
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
        if not name:
            text = ""
        elif layers:
            text = f"{name}: {layers}"
        else:
            text = f"{name} (layers Digit Lab does not describe)"
        self._architecture = text
        self.architecture_label.setText(f"Architecture: {text}" if text else "")
        self.architecture_label.setVisible(bool(text))
        if self._summary is not None:
            self._text = summary_text(*self._summary, architecture=text)

    def architecture_text(self) -> str:
        """“Wide CNN: conv 32 5, pool, …” as the view shows it ("" when none is shown)."""
        return self._architecture

    def set_model(self, model, name: str = "") -> None:
        self._summary = None
        if model is None:
            self.table.setRowCount(0)
            self.title.setText("No model")
            self.totals.setText("Open or train a model to see its layers.")
            self._text = ""
            self.copy_button.setEnabled(False)
            return
        try:
            rows, totals = layer_summary(model), parameter_totals(model)
        except Exception as error:  # a foreign model: say so, never fail
            log.exception("could not summarise the model")
            self.table.setRowCount(0)
            self.totals.setText(f"Could not list the layers: {type(error).__name__}: {error}")
            self.copy_button.setEnabled(False)
            return
        name = name or model.name
        self.title.setText(f"Model “{name}”: {len(rows)} layers")
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
        self.totals.setText(f"Total parameters: {count_text(totals['total'])} · trainable "
                            f"{count_text(totals['trainable'])} · non-trainable {count_text(totals['non_trainable'])}")
        self._summary = (name, rows, totals)
        self._text = summary_text(name, rows, totals, self._architecture)
        self.copy_button.setEnabled(True)

    def text(self) -> str:
        """The summary as the Copy button copies it ("" without a model)."""
        return self._text

    @Slot()
    def copy_to_clipboard(self) -> None:
        if self._text:
            QGuiApplication.clipboard().setText(self._text)
            self.copy_button.setText("Copied")
            QTimer.singleShot(1500, self, lambda: self.copy_button.setText("Copy"))
