"""The time-lapse bar under the curves: a play button, a slider over the run's snapshots, and what the
slider shows. Its last position is the live model; every other position is one snapshot (core.timelapse).

The bar only says which position the user chose (`momentChosen`: a snapshot's index, or -1 for live);
the training controller gives that snapshot's weights to the session's second Predictor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QStyle, QToolButton, QWidget

PLAY_INTERVAL_MS = 450  # each snapshot shows for about half a second while playing
LIVE_TEXT = "Live: the network as it is now"


class TimelapseBar(QWidget):
    """Play button, slider and label; positions 0…n-1 are snapshots, n is live."""

    momentChosen = Signal(int)  # a snapshot's index, or -1: the live model

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self.play_button = QToolButton()
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolTip("Play the time-lapse of the last run from its start: the drawing is read "
                                    "by the network as it was at each moment.")
        self.play_button.setAccessibleName("Play the time-lapse")
        self.play_button.setCheckable(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("TimelapseSlider")
        self.slider.setAccessibleName("Training time-lapse")
        self.slider.setToolTip("Drag back through the last run: the prediction, the feature maps, the filters "
                               "and the saliency show the network as it was then. The right end is live.")
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.label = QLabel()
        self.label.setMinimumWidth(250)
        self.label.setToolTip("The moment of the run the window shows.")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Time-lapse:"))
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
        if not self._labels:
            self.label.setText("no snapshots yet: train to record one")
        elif self.is_live():
            self.label.setText(LIVE_TEXT)
        else:
            self.label.setText(f"{self.slider.value() + 1}/{len(self._labels)} · {self._labels[self.slider.value()]}")

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
