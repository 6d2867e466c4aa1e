"""The training log: each run's epochs and the messages of the training engine, time-stamped."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop_app.gui.i18n import bind_text, localized


class TrainingLog(QPlainTextEdit):
    """A read-only log of the training runs and the messages of the core."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setMaximumBlockCount(5000)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        bind_text(self, self.setPlaceholderText,
                  lambda: self.tr("Each epoch's loss and accuracy appear here while a model trains."))
        bind_text(self, self.setToolTip,
                  lambda: self.tr("The training log: each epoch's figures and the messages of the training engine."))
        self.setMinimumSize(220, 100)

    @Slot(object)
    def append_line(self, text: object) -> None:
        """Add a line in the current language (a core Text is translated); lines written before a change of
        language stay as they were written."""
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        self.appendPlainText(f"{stamp}  {localized(text)}")
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
