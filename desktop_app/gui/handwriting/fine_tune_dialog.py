"""The dialog after fine-tuning on the user's handwriting: the figures before and after, and whether to keep
the new weights.

A transient window-modal dialog: its texts are said once, in the language of the moment it opens."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from desktop_app.gui.text_format import percent


class FineTuneResultDialog(QDialog):
    """Before and after, side by side; Keep or Discard. `decided` says which (True = keep)."""

    decided = Signal(bool)

    def __init__(self, report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fine-tuned on your handwriting"))
        self.setObjectName("FineTuneResultDialog")
        self._answered = False
        stopped = report.result.status == "stopped"
        title = QLabel(self.tr("Stopped early: the model learned your handwriting for part of the run.")
                       if stopped else self.tr("The model has practised on your handwriting."))
        title.setWordWrap(True)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        for column, text in enumerate(("", self.tr("Before"), self.tr("After"), self.tr("Change"))):
            header = QLabel(text)
            header.setFont(bold)
            header.setAlignment(Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(header, 0, column)
        rows = ((self.tr("Your handwriting (%n held-out drawings)", "", report.holdout_size),
                 report.personal_before, report.personal_after),
                (self.tr("MNIST test set"), report.mnist_before, report.mnist_after))
        self.figure_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for row, (name, before, after) in enumerate(rows, start=1):
            grid.addWidget(QLabel(name), row, 0)
            change = after - before if math.isfinite(before) and math.isfinite(after) else float("nan")
            cells = (QLabel(percent(before)), QLabel(percent(after)),
                     QLabel("–" if not math.isfinite(change)
                            else self.tr("{change} points").format(change=f"{change * 100:+.1f}")))
            for column, cell in enumerate(cells, start=1):
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                grid.addWidget(cell, row, column)
            self.figure_labels["personal" if row == 1 else "mnist"] = cells
        note = QLabel(self.tr("Learned from %n of your drawings (each shown several times, mixed with MNIST "
                              "digits); measured on the drawings it did not learn from. Keep the new weights, or "
                              "discard them to get the model back as it was.", "", report.train_size))
        note.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.keep_button = QPushButton(self.tr("Keep"))
        self.keep_button.setToolTip(self.tr("Keep the fine-tuned weights; the model is then modified and unsaved."))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Restore the weights the model had before fine-tuning."))
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setDefault(True)
        self.keep_button.clicked.connect(self._keep)
        self.discard_button.clicked.connect(self._discard)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def figures_text(self) -> str:
        return "\n".join(" ".join(cell.text() for cell in cells) for cells in self.figure_labels.values())

    @Slot()
    def _keep(self) -> None:
        self._answer(True)

    @Slot()
    def _discard(self) -> None:
        self._answer(False)

    def reject(self) -> None:  # Escape or the close box: the safe answer
        self._answer(False)

    def _answer(self, keep: bool) -> None:
        if not self._answered:
            self._answered = True
            self.decided.emit(keep)
        self.done(QDialog.DialogCode.Accepted if keep else QDialog.DialogCode.Rejected)
