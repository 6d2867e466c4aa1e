"""The row under the canvas that files the drawing under a digit: "This is a: 0 1 … 9", and Practice.

A plain widget: it only says what the user pressed (`labelChosen`, `storeRequested`, …); the handwriting
controller stores the drawing and tells the bar what to ask for next (`set_prompt`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

SHORTCUT_MODIFIER = "Ctrl"  # Ctrl+0 … Ctrl+9 store the drawing as that digit


def digit_shortcut(digit: int) -> str:
    return f"{SHORTCUT_MODIFIER}+{digit}"


class CollectBar(QWidget):
    """Ten digit buttons that store the drawing with that label, and a Practice mode that asks for digits."""

    labelChosen = Signal(int)  # a digit button (or its shortcut): store the drawing as this digit
    practiceToggled = Signal(bool)
    storeRequested = Signal()  # Practice: store the drawing as the digit asked for (Enter)
    skipRequested = Signal()  # Practice: ask for another digit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CollectBar")
        caption = QLabel("This is a:")
        caption.setToolTip("File the drawing in your personal handwriting set under the digit it shows; "
                           "the canvas is then cleared for the next one.")
        self.digit_buttons: list[QToolButton] = []
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        row.addWidget(caption)
        width = self.fontMetrics().horizontalAdvance("0") * 2 + 14
        for digit in range(10):
            button = QToolButton()
            button.setText(str(digit))
            button.setMinimumWidth(width)
            button.setToolTip(f"Store the drawing as a {digit} in your handwriting set "
                              f"({digit_shortcut(digit)}).")
            button.setAccessibleName(f"Store as {digit}")
            button.clicked.connect(self._digit_clicked)
            self.digit_buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        self.practice_button = QToolButton()
        self.practice_button.setText("Practice")
        self.practice_button.setCheckable(True)
        self.practice_button.setToolTip("Practice: Digit Lab asks for digits in turn, the ones you have "
                                        "drawn least first; draw each and press Enter to store it.")
        self.practice_button.toggled.connect(self._practice_toggled)
        row.addWidget(self.practice_button)

        self.prompt = QLabel()
        prompt_font = QFont(self.prompt.font())
        prompt_font.setBold(True)
        prompt_font.setPointSizeF(prompt_font.pointSizeF() * 1.15)
        self.prompt.setFont(prompt_font)
        self.prompt.setAccessibleName("Practice prompt")
        self.prompt.setToolTip("The digit to draw next, and how many of it your set holds.")
        self.store_button = QPushButton("Store (Enter)")
        self.store_button.setToolTip("Store the drawing as the digit asked for, and ask for the next (Enter).")
        self.store_button.clicked.connect(self.storeRequested)
        self.skip_button = QToolButton()
        self.skip_button.setText("Skip")
        self.skip_button.setToolTip("Ask for another digit without storing anything.")
        self.skip_button.clicked.connect(self.skipRequested)
        self.practice_row = QWidget()
        practice_layout = QHBoxLayout(self.practice_row)
        practice_layout.setContentsMargins(0, 0, 0, 0)
        practice_layout.setSpacing(6)
        practice_layout.addWidget(self.prompt, 1)
        practice_layout.addWidget(self.skip_button)
        practice_layout.addWidget(self.store_button)
        self.practice_row.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.practice_row)

    def in_practice(self) -> bool:
        return self.practice_button.isChecked()

    def set_prompt(self, text: str) -> None:
        self.prompt.setText(text)

    def prompt_text(self) -> str:
        return self.prompt.text()

    @Slot()
    def _digit_clicked(self) -> None:
        button = self.sender()
        if button in self.digit_buttons:
            self.labelChosen.emit(self.digit_buttons.index(button))

    @Slot(bool)
    def _practice_toggled(self, on: bool) -> None:
        self.practice_row.setVisible(on)
        self.practiceToggled.emit(on)
