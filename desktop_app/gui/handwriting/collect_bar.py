"""The row under the canvas that files the drawing under a digit: "This is a: 0 1 … 9", and Practice.

A plain widget: it only says what the user pressed (`labelChosen`, `storeRequested`, …); the handwriting
controller stores the drawing and tells the bar what to ask for next (`set_prompt`).
"""

from __future__ import annotations

from typing import Callable, Union

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from desktop_app.core.texts import QT_TRANSLATE_NOOP, Template
from desktop_app.gui.i18n import bind_text

SHORTCUT_MODIFIER = "Ctrl"  # Ctrl+0 … Ctrl+9 store the drawing as that digit

# The digits' names as English counts them (“1 seven”, “2 sevens”), for the sentences that name a digit
# with a count; another language gives its own word (Korean: the digit itself). Shown with `localized`.
DIGIT_WORDS: tuple[tuple[Template, Template], ...] = (
    (QT_TRANSLATE_NOOP("DigitWords", "zero"), QT_TRANSLATE_NOOP("DigitWords", "zeros")),
    (QT_TRANSLATE_NOOP("DigitWords", "one"), QT_TRANSLATE_NOOP("DigitWords", "ones")),
    (QT_TRANSLATE_NOOP("DigitWords", "two"), QT_TRANSLATE_NOOP("DigitWords", "twos")),
    (QT_TRANSLATE_NOOP("DigitWords", "three"), QT_TRANSLATE_NOOP("DigitWords", "threes")),
    (QT_TRANSLATE_NOOP("DigitWords", "four"), QT_TRANSLATE_NOOP("DigitWords", "fours")),
    (QT_TRANSLATE_NOOP("DigitWords", "five"), QT_TRANSLATE_NOOP("DigitWords", "fives")),
    (QT_TRANSLATE_NOOP("DigitWords", "six"), QT_TRANSLATE_NOOP("DigitWords", "sixes")),
    (QT_TRANSLATE_NOOP("DigitWords", "seven"), QT_TRANSLATE_NOOP("DigitWords", "sevens")),
    (QT_TRANSLATE_NOOP("DigitWords", "eight"), QT_TRANSLATE_NOOP("DigitWords", "eights")),
    (QT_TRANSLATE_NOOP("DigitWords", "nine"), QT_TRANSLATE_NOOP("DigitWords", "nines")),
)


def digit_word(digit: int, count: int = 2) -> Template:
    """The digit's name for `count` of it (“seven” for 1, “sevens” otherwise); `localized` translates it."""
    singular, plural = DIGIT_WORDS[digit]
    return singular if count == 1 else plural


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
        caption = QLabel()
        bind_text(self, caption.setText, lambda: self.tr("This is a:"))
        bind_text(self, caption.setToolTip, lambda: self.tr(
            "File the drawing in your personal handwriting set under the digit it shows; the canvas is then "
            "cleared for the next one."))
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
            bind_text(self, button.setToolTip, lambda digit=digit: self._digit_tip(digit))
            bind_text(self, button.setAccessibleName,
                      lambda digit=digit: self.tr("Store as {digit}").format(digit=digit))
            button.clicked.connect(self._digit_clicked)
            self.digit_buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        self.practice_button = QToolButton()
        bind_text(self, self.practice_button.setText, lambda: self.tr("Practice"))
        self.practice_button.setCheckable(True)
        bind_text(self, self.practice_button.setToolTip, lambda: self.tr(
            "Practice: Digit Lab asks for digits in turn, the ones you have drawn least first; draw each and "
            "press Enter to store it."))
        self.practice_button.toggled.connect(self._practice_toggled)
        row.addWidget(self.practice_button)

        self.prompt = QLabel()
        prompt_font = QFont(self.prompt.font())
        prompt_font.setBold(True)
        prompt_font.setPointSizeF(prompt_font.pointSizeF() * 1.15)
        self.prompt.setFont(prompt_font)
        bind_text(self, self.prompt.setAccessibleName, lambda: self.tr("Practice prompt"))
        bind_text(self, self.prompt.setToolTip, lambda: self.tr(
            "The digit to draw next, and how many of it your set holds."))
        self.store_button = QPushButton()
        bind_text(self, self.store_button.setText, lambda: self.tr("Store (Enter)"))
        bind_text(self, self.store_button.setToolTip, lambda: self.tr(
            "Store the drawing as the digit asked for, and ask for the next (Enter)."))
        self.store_button.clicked.connect(self.storeRequested)
        self.skip_button = QToolButton()
        bind_text(self, self.skip_button.setText, lambda: self.tr("Skip"))
        bind_text(self, self.skip_button.setToolTip, lambda: self.tr(
            "Ask for another digit without storing anything."))
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

    def _digit_tip(self, digit: int) -> str:
        if digit == 8:  # “an eight”
            return self.tr("Store the drawing as an {digit} in your handwriting set ({shortcut}).").format(
                digit=digit, shortcut=digit_shortcut(digit))
        return self.tr("Store the drawing as a {digit} in your handwriting set ({shortcut}).").format(
            digit=digit, shortcut=digit_shortcut(digit))

    def set_prompt(self, text: Union[str, Callable[[], str]]) -> None:
        """Show the practice prompt: a text, or a function that says it (again on a language change)."""
        bind_text(self, self.prompt.setText, text if callable(text) else lambda: text)

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
