"""The layers of an architecture in a table: name, type, output shape and parameters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.gui.text_format import count_text


class LayersDialog(QDialog):
    """The layers of a preset, as `core.models.layer_summary` lists them."""

    def __init__(self, title: str, rows: list[dict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Layers — {title}")
        table = QTableWidget(len(rows), 4)
        table.setHorizontalHeaderLabels(["Layer", "Type", "Output shape", "Parameters"])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setToolTip("Each layer of the network, the shape of what it outputs, and how many numbers it "
                         "learns.")
        for row, layer in enumerate(rows):
            shape = layer.get("output_shape")
            shape_text = "×".join("N" if part is None else str(part) for part in shape) if shape else "–"
            values = [layer["name"], layer["type"], shape_text, count_text(layer["parameters"])]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        total = sum(layer["parameters"] for layer in rows)
        summary = QLabel(f"{len(rows)} layers · {count_text(total)} parameters")
        summary.setToolTip("Trainable and non-trainable parameters together.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip("Close this list.")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(summary)
        layout.addWidget(buttons)
        self.table = table
        rows_height = table.verticalHeader().defaultSectionSize() * len(rows) + table.horizontalHeader().height()
        self.resize(600, min(680, rows_height + 110))
