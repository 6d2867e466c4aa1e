"""Drive Digit Lab's window as a user would, for the self-test, the screenshot script, the benchmarks and tests.

It draws with real mouse events and presses real buttons, and uses only the window's public API, so a
script built on it keeps working when the window's insides change.
"""

from __future__ import annotations

import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QPointF, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # the window imports a great deal; a script that only draws needs none of it
    from desktop_app.core.training import TrainConfig, TrainingResult
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.training.layer_editor import LayerEditor

SEVEN = [(0.30, 0.25), (0.70, 0.25), (0.45, 0.80)]  # a "7" as fractions of the canvas
ONE = [(0.50, 0.20), (0.50, 0.80)]
TEMPORARY_ORGANIZATION = "Digit Lab temporary"
STOP_GRACE_S = 30.0  # how long a run that overran its time gets to stop after the current batch


# --- synthesized input ---------------------------------------------------------------------------------

def send_mouse(widget: QWidget, kind: QEvent.Type, position: QPointF, button: Qt.MouseButton,
               buttons: Qt.MouseButton) -> None:
    """Send one mouse event to `widget` at `position` (widget pixels), as the platform would."""
    global_position = QPointF(widget.mapToGlobal(position.toPoint()))
    event = QMouseEvent(kind, position, global_position, button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def draw_stroke(widget: QWidget, points: Sequence[tuple[float, float]], relative: bool = True) -> None:
    """Draw one stroke with real mouse events: press, moves with the left button held, release.

    `points` are fractions of the widget's width and height (0–1) when `relative`, else pixels.
    (QTest.mouseMove carries no button state, so a canvas would never see a drag from it.)
    """
    def at(point: tuple[float, float]) -> QPointF:
        x, y = point
        return QPointF(x * widget.width(), y * widget.height()) if relative else QPointF(x, y)

    left = Qt.MouseButton.LeftButton
    positions = [at(point) for point in points]
    send_mouse(widget, QEvent.Type.MouseButtonPress, positions[0], left, left)
    for start, end in zip(positions, positions[1:]):
        for step in range(1, 5):  # a few intermediate moves, as a real drag has
            t = step / 4
            middle = QPointF(start.x() + (end.x() - start.x()) * t, start.y() + (end.y() - start.y()) * t)
            send_mouse(widget, QEvent.Type.MouseMove, middle, Qt.MouseButton.NoButton, left)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, positions[-1], left, Qt.MouseButton.NoButton)


def wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until `condition()` holds or the time is up; True when it held."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            return False
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    return True


# --- settings ------------------------------------------------------------------------------------------

@contextmanager
def temporary_settings(folder: str | Path | None = None, organization: str = TEMPORARY_ORGANIZATION,
                       first_launch: bool = False) -> Iterator[Path]:
    """Keep QSettings in `folder` under `organization` inside the block, so a script never reads or
    writes the user's settings; afterwards the previous location and organisation come back.

    With no `folder`, a temporary one is made and removed afterwards. Yields the folder. The window then
    starts with no model, unless `first_launch`: then it opens the ready-made model, as a new user's does.
    """
    with ExitStack() as cleanup:
        if folder is None:
            folder = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="digit-lab-settings-"))
        # QSettings cannot tell its INI folder; a probe's file lies in <folder>/<organisation>/<name>.ini
        probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "probe", "probe").fileName()
        previous_folder = str(Path(probe).parent.parent)
        previous_format, previous_organization = QSettings.defaultFormat(), QCoreApplication.organizationName()
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        QCoreApplication.setOrganizationName(organization)
        if not first_launch:
            QSettings().setValue("models/ready_model_offered", True)
        try:
            yield Path(folder)
        finally:
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, previous_folder)
            QSettings.setDefaultFormat(previous_format)
            QCoreApplication.setOrganizationName(previous_organization)


# --- the window ----------------------------------------------------------------------------------------

def _discard_unsaved() -> str:
    return "discard"


def _stop_running_work() -> bool:
    return True


class _FirstBatchClock(QObject):
    """Notes when the GUI thread sees a run's first batch. A QObject living in the GUI thread, so the
    worker's signal reaches it queued, in the GUI thread (a plain function would run in the worker's)."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    @Slot(object)
    def seen(self, progress) -> None:
        if self.at is None:
            self.at = time.perf_counter()


class WindowDriver:
    """Works a MainWindow through its public API: buttons, the canvas, the training panel.

    It answers "discard" when the window asks about an unsaved model and "yes" when it asks whether to
    stop running work, so nothing a script does ever waits on a dialog.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        window.ask_unsaved = _discard_unsaved
        window.ask_stop_work = _stop_running_work
        self._first_batch = _FirstBatchClock()

    @classmethod
    def show_new(cls, size: tuple[int, int] | None = None) -> WindowDriver:
        """A new window with the application's settings (see `temporary_settings`), shown; it starts
        loading TensorFlow."""
        from desktop_app.gui.main_window import MainWindow
        from desktop_app.gui.settings import AppSettings

        window = MainWindow(AppSettings())
        if size is not None:
            window.resize(*size)
        window.show()
        return cls(window)

    def wait_for_tensorflow(self, timeout_s: float) -> bool:
        """Wait until TensorFlow has loaded or failed (see the window's `tensorflow_failure()`), and any model
        it opens then (the last one, or the ready-made one) is open; True when it is ready."""
        wait_until(lambda: (self.window.tensorflow_ready() and not self.window.is_opening())
                   or bool(self.window.tensorflow_failure()), timeout_s)
        return self.window.tensorflow_ready()

    def configure_training(self, config: TrainConfig) -> None:
        """Put `config` into the training panel, as if the user had set each control."""
        self.window.training_panel.set_config(config)

    def press_train(self) -> bool:
        """Click the Train button; True when training started."""
        button = self.window.training_panel.train_button
        if not button.isEnabled():
            return False
        self._first_batch.at = None
        button.click()
        worker = self.window.tasks.worker("training")
        if worker is None:
            return False
        # Connected after the click: the worker only exists from then on, and its first batch comes
        # seconds later (graph tracing), after this.
        worker.batch_progress.connect(self._first_batch.seen)
        return self.window.is_training()

    def first_batch_at(self) -> float | None:
        """`time.perf_counter()` when the GUI thread saw the first batch of the run `press_train` started;
        None before it has."""
        return self._first_batch.at

    def wait_for_run(self, timeout_s: float) -> TrainingResult | None:
        """Wait for the running training to end and return its result. None when it overran `timeout_s`;
        it is then stopped (after its current batch), given `STOP_GRACE_S` to do so."""
        if not wait_until(lambda: not self.window.is_training(), timeout_s):
            self.window.stop_training()
            wait_until(lambda: not self.window.is_training(), STOP_GRACE_S)
            return None
        return self.window.last_training_result()

    def open_layer_editor(self) -> LayerEditor:
        """Click Edit layers… in the training panel; the editor it opens."""
        panel = self.window.training_panel
        panel.edit_layers_button.click()
        QApplication.processEvents()
        return panel.layer_editor

    def start_layers_from(self, title: str) -> bool:
        """Choose `title` (a preset's title or a named architecture) in the open editor's Start from list;
        False when it is not there."""
        combo = self.window.training_panel.layer_editor.start_combo
        index = combo.findText(title)
        if index <= 0:
            return False
        combo.setCurrentIndex(index)
        combo.activated.emit(index)  # what choosing the entry with the mouse sends
        return True

    def draw(self, points: Sequence[tuple[float, float]], clear: bool = True) -> None:
        """Draw one stroke through `points` (fractions of the canvas) on the canvas, on a cleared one when
        `clear`, and let the window predict."""
        if clear:
            self.window.canvas.clear()
        draw_stroke(self.window.canvas, points)
        QApplication.processEvents()

    def close(self, delete: bool = False) -> bool:
        """Close the window (running work is stopped, an unsaved model discarded); True when it closed.
        With `delete`, the window is also deleted now rather than left to Python."""
        closed = self.window.close()
        if delete:
            self.window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()
        return closed
