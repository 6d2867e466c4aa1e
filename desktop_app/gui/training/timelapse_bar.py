"""The time-lapse bar under the curves: a play button, a slider over the run's snapshots, and what the
slider shows. Its last position is the live model; every other position is one snapshot (core.timelapse).

The bar only says which position the user chose (`momentChosen`: a snapshot's index, or -1 for live);
the training controller gives that snapshot's weights to the session's second Predictor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QStyle, QToolButton, QWidget

from desktop_app.gui.i18n import bind_text, localized

PLAY_INTERVAL_MS = 450  # each snapshot shows for about half a second while playing


class TimelapseBar(QWidget):
    """Play button, slider and label; positions 0…n-1 are snapshots, n is live."""

    momentChosen = Signal(int)  # a snapshot's index, or -1: the live model

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []  # core texts (Template/Text) too: shown with localized()
        self.play_button = QToolButton()
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        bind_text(self, self.play_button.setToolTip, lambda: self.tr(
            "Play the time-lapse of the last run from its start: the drawing is read by the network as it was "
            "at each moment."))
        bind_text(self, self.play_button.setAccessibleName, lambda: self.tr("Play the time-lapse"))
        self.play_button.setCheckable(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("TimelapseSlider")
        bind_text(self, self.slider.setAccessibleName, lambda: self.tr("Training time-lapse"))
        bind_text(self, self.slider.setToolTip, lambda: self.tr(
            "Drag back through the last run: the prediction, the feature maps, the filters and the saliency "
            "show the network as it was then. The right end is live."))
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.label = QLabel()
        self.label.setMinimumWidth(250)
        bind_text(self, self.label.setToolTip, lambda: self.tr("The moment of the run the window shows."))
        title = QLabel()
        bind_text(self, title.setText, lambda: self.tr("Time-lapse:"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.play_button)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._step)
        self.slider.valueChanged.connect(self._moved)
        self.play_button.toggled.connect(self._play_toggled)
        self.set_labels([])

    # -- what it holds --------------------------------------------------------------------------
    def set_labels(self, labels: list[str]) -> None:
        """The snapshots' labels, in order; a bar at the live end stays there as snapshots arrive."""
        at_live = self.is_live()
        self._labels = list(labels)
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(self._labels))
        if at_live or self.slider.value() > len(self._labels):
            self.slider.setValue(len(self._labels))
        self.slider.blockSignals(False)
        self.setEnabled(bool(self._labels))
        if not self._labels:
            self.play_button.setChecked(False)
        self._describe()

    def count(self) -> int:
        return len(self._labels)

    def is_live(self) -> bool:
        return self.slider.value() >= self.slider.maximum()

    def index(self) -> int:
        """The snapshot shown, or -1 for live."""
        return -1 if self.is_live() else self.slider.value()

    def label_text(self) -> str:
        return self.label.text()

    # -- moving -------------------------------------------------------------------------------------
    def go_live(self) -> None:
        self.slider.setValue(self.slider.maximum())

    @Slot(int)
    def _moved(self, _value: int) -> None:
        self._describe()
        self.momentChosen.emit(self.index())

    def _describe(self) -> None:
        bind_text(self, self.label.setText, self._description)  # said again from the state on a language change

    def _description(self) -> str:
        if not self._labels:
            return self.tr("no snapshots yet: train to record one")
        if self.is_live():
            return self.tr("Live: the network as it is now")
        position = min(self.slider.value(), len(self._labels) - 1)
        return f"{position + 1}/{len(self._labels)} · {localized(self._labels[position])}"

    @Slot(bool)
    def _play_toggled(self, playing: bool) -> None:
        style = self.style()
        self.play_button.setIcon(style.standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay))
        if playing:
            if self.is_live():
                self.slider.setValue(0)
            self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def _step(self) -> None:
        if self.is_live():
            self.play_button.setChecked(False)
            return
        self.slider.setValue(self.slider.value() + 1)  # the last step returns to live
        if self.is_live():
            self.play_button.setChecked(False)
