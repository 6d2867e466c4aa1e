"""The training log: each run's epochs and the messages of the training engine, time-stamped."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class TrainingLog(QPlainTextEdit):
    """A read-only log of the training runs and the messages of the core."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setMaximumBlockCount(5000)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlaceholderText("Each epoch's loss and accuracy appear here while a model trains.")
        self.setToolTip("The training log: each epoch's figures and the messages of the training engine.")
        self.setMinimumSize(220, 100)

    @Slot(str)
    def append_line(self, text: str) -> None:
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        self.appendPlainText(f"{stamp}  {text}")
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
