"""“My handwriting”: the personal data set as counts per digit and thumbnails, its files (import, export,
delete), how well the model reads it, and fine-tuning.

A view only: it shows what it is given (`show_samples`, `show_measurement`) and says what the user asked for
through signals; the handwriting controller does the work with the core.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSizePolicy, QSpinBox, QToolButton, QVBoxLayout,
                               QWidget)

from desktop_app.core.fine_tuning import MIN_SAMPLES_PER_DIGIT
from desktop_app.gui.handwriting.collect_bar import digit_word
from desktop_app.gui.i18n import bind_text, localized
from desktop_app.gui.text_format import percent

THUMBNAIL = 48
SKIPPED_SHOWN = 12  # a measurement names this many drawings it left out
# What a list item holds beside its file: the digit it was stored as, and when (ISO) or the mistake made
LABEL_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
BAR_COLOUR = QColor("#3b82f6")
LOW_COLOUR = QColor("#f97316")


def thumbnail_icon(path: Path) -> QIcon:
    pixmap = QPixmap(str(path))
    if pixmap.isNull():
        return QIcon()
    return QIcon(pixmap.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation))


class CountsChart(QWidget):
    """Ten small bars: how many drawings of each digit the set holds (too few to fine-tune on in orange)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts = [0] * 10
        self.setMinimumHeight(self.fontMetrics().height() * 2 + 40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bind_text(self, self.setToolTip, lambda: self.tr(
            "Drawings per digit in your set. Orange: fewer than {minimum}, not enough to fine-tune on.").format(
                minimum=MIN_SAMPLES_PER_DIGIT))
        bind_text(self, self.setAccessibleName, lambda: self.tr("Drawings per digit"))

    def sizeHint(self) -> QSize:
        return QSize(280, self.minimumHeight())

    def set_counts(self, counts: list[int]) -> None:
        self._counts = list(counts)
        self.setAccessibleDescription(", ".join(f"{d}: {c}" for d, c in enumerate(self._counts)))
        self.update()

    def counts(self) -> list[int]:
        return list(self._counts)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height()
        slot = self.width() / 10
        top, bottom = line + 2, self.height() - line - 2
        highest = max(max(self._counts, default=0), 1)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        for digit, count in enumerate(self._counts):
            left = digit * slot
            height = (bottom - top) * count / highest
            bar = QRectF(left + slot * 0.2, bottom - height, slot * 0.6, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LOW_COLOUR if count < MIN_SAMPLES_PER_DIGIT else BAR_COLOUR)
            painter.drawRoundedRect(bar, 2, 2)
            painter.setPen(text)
            painter.drawText(QRectF(left, bar.top() - line - 1, slot, line), Qt.AlignmentFlag.AlignCenter,
                             str(count))
            painter.drawText(QRectF(left, bottom + 2, slot, line), Qt.AlignmentFlag.AlignCenter, str(digit))
        painter.end()


class HandwritingSetView(QWidget):
    """The dock's contents."""

    deleteRequested = Signal(list)  # the selected samples' files (relative to the root)
    importZipRequested = Signal()
    exportZipRequested = Signal()
    importFolderRequested = Signal()
    measureRequested = Signal()
    fineTuneRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._root = Path()
        self._samples: list = []

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bind_text(self, self.summary.setAccessibleName, lambda: self.tr("Handwriting set summary"))
        self.chart = CountsChart()

        self.filter_combo = QComboBox()
        self.filter_combo.addItem("", -1)
        bind_text(self, self.filter_combo.setItemText, lambda: self.tr("All digits"), 0)
        for digit in range(10):
            self.filter_combo.addItem("", digit)
            bind_text(self, self.filter_combo.setItemText,
                      lambda digit=digit: self.tr("Only {digits}").format(digits=localized(digit_word(digit))),
                      digit + 1)
        bind_text(self, self.filter_combo.setToolTip, lambda: self.tr("Show the drawings of one digit only."))
        self.filter_combo.currentIndexChanged.connect(self._rebuild_thumbnails)

        self.thumbnails = QListWidget()
        self.thumbnails.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbnails.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.thumbnails.setGridSize(QSize(THUMBNAIL + 14, THUMBNAIL + self.fontMetrics().height() + 10))
        self.thumbnails.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.thumbnails.setMovement(QListWidget.Movement.Static)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        bind_text(self, self.thumbnails.setToolTip, lambda: self.tr(
            "Your drawings, labelled with the digit they were stored as. Select a wrong one and press Delete to "
            "remove it."))
        bind_text(self, self.thumbnails.setAccessibleName, lambda: self.tr("Your drawings"))
        self.thumbnails.setMinimumHeight(THUMBNAIL * 2 + 40)
        self.thumbnails.itemSelectionChanged.connect(self._selection_changed)
        # Delete here removes drawings, not the canvas's ink (the window's Delete shortcut): claim the key
        self.thumbnails.installEventFilter(self)

        self.delete_button = QToolButton()
        bind_text(self, self.delete_button.setText, lambda: self.tr("Delete"))
        bind_text(self, self.delete_button.setToolTip, lambda: self.tr(
            "Remove the selected drawings from your set (Delete)."))
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_button.setEnabled(False)
        self.import_zip_button = QToolButton()
        bind_text(self, self.import_zip_button.setText, lambda: self.tr("Import zip…"))
        bind_text(self, self.import_zip_button.setToolTip, lambda: self.tr(
            "Add the drawings of a zip exported by Digit Lab (or any zip of folders 0–9 of PNG images)."))
        self.import_zip_button.clicked.connect(self.importZipRequested)
        self.export_zip_button = QToolButton()
        bind_text(self, self.export_zip_button.setText, lambda: self.tr("Export zip…"))
        bind_text(self, self.export_zip_button.setToolTip, lambda: self.tr(
            "Save your whole set as one zip file, to back it up or share it."))
        self.export_zip_button.clicked.connect(self.exportZipRequested)
        self.import_folder_button = QToolButton()
        bind_text(self, self.import_folder_button.setText, lambda: self.tr("Import folder…"))
        bind_text(self, self.import_folder_button.setToolTip, lambda: self.tr(
            "Add the images of a folder with sub-folders 0 to 9."))
        self.import_folder_button.clicked.connect(self.importFolderRequested)

        files_row = QGridLayout()  # two by two: the dock stays narrow
        files_row.setSpacing(4)
        files_row.addWidget(self.delete_button, 0, 0)
        files_row.addWidget(self.export_zip_button, 0, 1)
        files_row.addWidget(self.import_zip_button, 1, 0)
        files_row.addWidget(self.import_folder_button, 1, 1)
        for button in (self.delete_button, self.export_zip_button, self.import_zip_button,
                       self.import_folder_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        filter_row = QHBoxLayout()
        show_caption = QLabel()
        bind_text(self, show_caption.setText, lambda: self.tr("Show:"))
        filter_row.addWidget(show_caption)
        filter_row.addWidget(self.filter_combo, 1)

        set_box = QGroupBox()
        bind_text(self, set_box.setTitle, lambda: self.tr("Your drawings"))
        set_layout = QVBoxLayout(set_box)
        set_layout.setSpacing(6)
        set_layout.addWidget(self.summary)
        set_layout.addWidget(self.chart)
        set_layout.addLayout(filter_row)
        set_layout.addWidget(self.thumbnails, 1)
        set_layout.addLayout(files_row)

        # -- how well the model reads it -------------------------------------------------------
        self.measure_button = QPushButton()
        bind_text(self, self.measure_button.setText, self.measure_text)
        bind_text(self, self.measure_button.setToolTip, self.measure_tip)
        self.measure_button.clicked.connect(self.measureRequested)
        self.measure_result = QLabel()
        bind_text(self, self.measure_result.setText, lambda: self.tr("Open or train a model, then ask."))
        self.measure_result.setWordWrap(True)
        self.measure_result.setTextFormat(Qt.TextFormat.RichText)
        bind_text(self, self.measure_result.setAccessibleName, lambda: self.tr("Measurement"))
        self.mistakes_caption = QLabel()
        bind_text(self, self.mistakes_caption.setText, lambda: self.tr("Misread drawings (stored as → read as):"))
        self.mistakes = QListWidget()
        self.mistakes.setViewMode(QListWidget.ViewMode.IconMode)
        self.mistakes.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.mistakes.setGridSize(QSize(THUMBNAIL + 22, THUMBNAIL + self.fontMetrics().height() + 10))
        self.mistakes.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.mistakes.setMovement(QListWidget.Movement.Static)
        self.mistakes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        bind_text(self, self.mistakes.setToolTip, lambda: self.tr(
            "The drawings the model misread: the digit you stored → the digit it read."))
        self.mistakes.setFixedHeight(THUMBNAIL + self.fontMetrics().height() + 24)
        self.mistakes_caption.setVisible(False)
        self.mistakes.setVisible(False)
        measure_box = QGroupBox()
        bind_text(self, measure_box.setTitle, lambda: self.tr("Does it read your writing?"))
        measure_layout = QVBoxLayout(measure_box)
        measure_layout.addWidget(self.measure_button)
        measure_layout.addWidget(self.measure_result)
        measure_layout.addWidget(self.mistakes_caption)
        measure_layout.addWidget(self.mistakes)

        # -- fine-tuning -----------------------------------------------------------------------
        self.fine_tune_button = QPushButton()
        bind_text(self, self.fine_tune_button.setText, lambda: self.tr("Fine-tune on my handwriting"))
        bind_text(self, self.fine_tune_button.setToolTip, self.fine_tune_tip)
        self.fine_tune_button.clicked.connect(self.fineTuneRequested)
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setRange(1, 50)
        self.epochs_spin.setValue(4)
        bind_text(self, self.epochs_spin.setSuffix, lambda: self.tr(" epochs"))
        bind_text(self, self.epochs_spin.setToolTip, lambda: self.tr(
            "How many passes over your drawings (mixed with MNIST) fine-tuning makes."))
        self.fine_tune_result = QLabel()
        bind_text(self, self.fine_tune_result.setText, lambda: self.tr(
            "Needs an open model and at least {minimum} drawings of every digit.").format(
                minimum=MIN_SAMPLES_PER_DIGIT))
        self.fine_tune_result.setWordWrap(True)
        bind_text(self, self.fine_tune_result.setAccessibleName, lambda: self.tr("Fine-tuning result"))
        tune_row = QHBoxLayout()
        tune_row.addWidget(self.fine_tune_button, 1)
        tune_row.addWidget(self.epochs_spin)
        self.fine_tune_button.setMinimumWidth(self.fine_tune_button.fontMetrics().horizontalAdvance(
            self.fine_tune_button.text()) // 2)
        self.measure_button.setMinimumWidth(80)  # the dock is narrow: the button elides rather than widen it
        tune_box = QGroupBox()
        bind_text(self, tune_box.setTitle, lambda: self.tr("Teach it your handwriting"))
        self.tune_box = tune_box
        tune_layout = QVBoxLayout(tune_box)
        tune_layout.addLayout(tune_row)
        tune_layout.addWidget(self.fine_tune_result)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(set_box, 1)
        layout.addWidget(measure_box)
        layout.addWidget(tune_box)

    # The texts the handwriting menu's actions share with the buttons (said in this class's context)
    def measure_text(self) -> str:
        return self.tr("How well does this model read my writing?")

    def measure_tip(self) -> str:
        return self.tr("Let the open model read every drawing in your set and compare with its accuracy on the "
                       "MNIST test set.")

    def fine_tune_tip(self) -> str:
        return self.tr("Train the open model a little more on your drawings mixed with MNIST digits, then "
                       "compare before and after and keep or discard.")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "mistakes"):
            self._retranslate_items()

    def eventFilter(self, watched, event) -> bool:
        if not hasattr(self, "thumbnails"):  # the wrapper is being torn down with its window
            return False
        if watched is self.thumbnails and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) \
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    # -- the set ---------------------------------------------------------------------------------
    def show_samples(self, root: Path, samples: list, counts: list[int]) -> None:
        self._root = Path(root)
        self._samples = list(samples)
        self.chart.set_counts(counts)
        bind_text(self, self.summary.setText, lambda counts=list(counts): self._summary(counts))
        bind_text(self, self.summary.setToolTip,
                  lambda root=str(self._root): self.tr("Kept in {folder}").format(folder=root))
        self._rebuild_thumbnails()

    def _summary(self, counts: list[int]) -> str:
        total = sum(counts)
        if total == 0:
            return self.tr("No drawings yet. Draw a digit and press its button under the canvas (Ctrl+0 … "
                           "Ctrl+9), or try Practice.")
        fewest = min(counts)
        rare = ", ".join(str(d) for d in range(10) if counts[d] == fewest)
        if total == 1:
            return self.tr("%n drawing · fewest: {digits} ({fewest} each)", "", total).format(
                digits=rare, fewest=fewest)
        return self.tr("%n drawings · fewest: {digits} ({fewest} each)", "", total).format(
            digits=rare, fewest=fewest)

    def thumbnail_count(self) -> int:
        return self.thumbnails.count()

    @Slot()
    def _rebuild_thumbnails(self) -> None:
        digit = self.filter_combo.currentData()
        self.thumbnails.clear()
        for sample in reversed(self._samples):  # newest first
            if digit is not None and digit >= 0 and sample.label != digit:
                continue
            item = QListWidgetItem(thumbnail_icon(self._root / sample.file), str(sample.label))
            item.setData(Qt.ItemDataRole.UserRole, sample.file)
            item.setData(LABEL_ROLE, sample.label)
            item.setData(DETAIL_ROLE, sample.created or "")
            item.setToolTip(self._sample_tip(sample.label, sample.created or ""))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.thumbnails.addItem(item)
        self._selection_changed()

    def _sample_tip(self, label: int, created: str) -> str:
        if not created:
            return self.tr("Stored as {digit}").format(digit=label)
        day, _, time = created.partition("T")
        if not time:
            return self.tr("Stored as {digit} on {date}").format(digit=label, date=day)
        return self.tr("Stored as {digit} on {date} at {time}").format(digit=label, date=day, time=time)

    def _mistake_tip(self, stored: int, read: int, confidence: float) -> str:
        return self.tr("Stored as {stored}; the model read {read} ({confidence} % sure).").format(
            stored=stored, read=read, confidence=f"{confidence * 100:.0f}")

    def _retranslate_items(self) -> None:
        """The items' tooltips in the language of the moment (the items themselves stay, selection too)."""
        for row in range(self.thumbnails.count()):
            item = self.thumbnails.item(row)
            item.setToolTip(self._sample_tip(item.data(LABEL_ROLE), item.data(DETAIL_ROLE) or ""))
        for row in range(self.mistakes.count()):
            item = self.mistakes.item(row)
            stored, read, confidence = item.data(DETAIL_ROLE)
            item.setToolTip(self._mistake_tip(stored, read, confidence))

    @Slot()
    def _selection_changed(self) -> None:
        self.delete_button.setEnabled(bool(self.thumbnails.selectedItems()))

    @Slot()
    def delete_selected(self) -> None:
        files = [item.data(Qt.ItemDataRole.UserRole) for item in self.thumbnails.selectedItems()]
        if files:
            self.deleteRequested.emit(files)

    # -- measurement and fine-tuning -------------------------------------------------------------
    def set_busy(self, busy: bool, has_model: bool) -> None:
        self.measure_button.setEnabled(has_model and not busy)
        self.fine_tune_button.setEnabled(has_model and not busy)
        self.epochs_spin.setEnabled(not busy)
        for button in (self.import_zip_button, self.import_folder_button):
            button.setEnabled(not busy)

    def show_measuring(self) -> None:
        bind_text(self, self.measure_result.setText, lambda: self.tr("Reading your drawings…"))
        self.mistakes.clear()

    def show_measurement(self, measured) -> None:
        bind_text(self, self.measure_result.setText, lambda: self._measurement_html(measured))
        report = measured.personal
        self.mistakes.clear()
        for mistake in report.mistakes:
            sample = measured.samples[mistake.index]
            item = QListWidgetItem(thumbnail_icon(self._root / sample.file),
                                   f"{mistake.true_label} → {mistake.predicted_label}")
            item.setData(DETAIL_ROLE, (mistake.true_label, mistake.predicted_label, float(mistake.confidence)))
            item.setToolTip(self._mistake_tip(mistake.true_label, mistake.predicted_label, mistake.confidence))
            self.mistakes.addItem(item)
        has_mistakes = bool(report.mistakes)
        self.mistakes_caption.setVisible(has_mistakes)
        self.mistakes.setVisible(has_mistakes)

    def _measurement_html(self, measured) -> str:
        """The figures of a measurement as rich text, in the language of the moment."""
        report, mnist = measured.personal, measured.mnist
        correct = int(round(report.accuracy * report.samples)) if report.samples else 0
        per_digit = " ".join(
            f"<span title='{digit}'><b>{digit}</b>&nbsp;{'–' if math.isnan(value) else f'{value * 100:.0f}%'}"
            f"</span>&nbsp;" for digit, value in enumerate(report.per_class_accuracy))
        lines = [
            html.escape(self.tr("Your handwriting: {accuracy} ({correct} of {total})")).format(
                accuracy=f"<b>{html.escape(percent(report.accuracy))}</b>", correct=correct, total=report.samples),
            html.escape(self.tr("MNIST test: {accuracy} (%n images)", "", mnist.samples)).format(
                accuracy=f"<b>{html.escape(percent(mnist.accuracy))}</b>"),
            "<small>" + html.escape(self.tr("Per digit: {figures}")).format(figures=per_digit) + "</small>"]
        skipped = measured.skipped
        text = "<br>".join(lines)
        if skipped:
            files = "; ".join(localized(line) for line in skipped[:SKIPPED_SHOWN]) \
                + (" …" if len(skipped) > SKIPPED_SHOWN else "")
            text += "<br><small>" + html.escape(self.tr(
                "Left out %n drawing(s) that cannot be read: {files}", "", len(skipped)).format(files=files)) \
                + "</small>"
        return text

    def mistake_texts(self) -> list[str]:
        return [self.mistakes.item(row).text() for row in range(self.mistakes.count())]

