"""Start the application: `run_gui(argv)` opens the window, `run_self_test(argv)` checks the whole loop.

TensorFlow is not imported here: the window appears first and `MainWindow` imports TensorFlow on a thread.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import APP_NAME, __version__

ORGANIZATION = "Digit Lab"
SELF_TEST_TIMEOUT_S = 120.0


_garbage_collector = None
_frozen = False


def collect_garbage_on_gui_thread() -> None:
    """Let Python's cycle collector run only on the GUI thread, from a timer.

    Left automatic, it runs in whichever thread happens to allocate, and a Qt widget it frees on the
    training thread deadlocks (seen here: a window from an earlier test freed inside TensorFlow's loader
    thread) or crashes Qt. pyqtgraph's GarbageCollector disables automatic collection and collects on
    a QTimer instead: every 0.1 s, so each collection stays short (a 1 s backlog of the objects graph
    tracing makes took 40–90 ms, a visible hitch).
    """
    global _garbage_collector
    if _garbage_collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _garbage_collector = GarbageCollector(interval=0.1)


def freeze_long_lived_objects() -> None:
    """Exempt every object alive now (TensorFlow's and Keras' modules, the window) from later collections.

    With them in view, each full collection on the GUI thread took about 90 ms (320,000 objects);
    frozen, it takes under 1 ms. Only the first call freezes (after TensorFlow has loaded): what is frozen
    is never freed, so a later window must not freeze what an earlier one left behind.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (the running one if there is one), named and with the application icon."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv) if argv else [sys.argv[0] if sys.argv else "digit-lab"])
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName("digit-lab")
    from desktop_app.gui.resources import app_icon

    app.setWindowIcon(app_icon())
    collect_garbage_on_gui_thread()
    # The training thread runs Python between batches (Keras' loop, the callbacks); hand the GIL back
    # to the GUI thread every millisecond instead of every 5 so repaints and input are not held up.
    sys.setswitchinterval(0.001)
    return app


def run_gui(argv: Sequence[str] | None = None) -> int:
    """Show the main window and run the event loop; a `.keras` path among the arguments is opened."""
    argv = list(argv if argv is not None else sys.argv)
    app = create_application(argv)
    from desktop_app.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    for argument in argv[1:]:
        if argument.lower().endswith(".keras"):
            window.open_model(argument)  # queued until TensorFlow is ready
            break
    return app.exec()


# --- synthesized input (the self-test, the tests and the screenshot script draw with it) ---------------

def send_mouse(widget: QWidget, kind: QEvent.Type, position: QPointF, button: Qt.MouseButton,
               buttons: Qt.MouseButton) -> None:
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


SEVEN = [(0.30, 0.25), (0.70, 0.25), (0.45, 0.80)]  # a "7" as fractions of the canvas
ONE = [(0.50, 0.20), (0.50, 0.80)]


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


# --- the self-test -----------------------------------------------------------------------------------

class SelfTestFailure(Exception):
    pass


def _use_temporary_settings(folder: str) -> tuple[QSettings.Format, str, str]:
    """Point QSettings at `folder` so the self-test never touches the user's settings; returns what to
    give to `_restore_settings_location` afterwards."""
    probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "probe", "probe").fileName()
    previous = (QSettings.defaultFormat(), QCoreApplication.organizationName(), str(Path(probe).parent.parent))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    QCoreApplication.setOrganizationName(f"{ORGANIZATION} self-test")
    return previous


def _restore_settings_location(previous: tuple[QSettings.Format, str, str]) -> None:
    settings_format, organization, ini_folder = previous
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ini_folder)
    QSettings.setDefaultFormat(settings_format)
    QCoreApplication.setOrganizationName(organization)


def run_self_test(argv: Sequence[str] | None = None, out=None, err=None) -> int:
    """Train briefly through the real window, draw a digit, predict, save and reopen; 0 when all is well.

    Prints one line per step; on failure the reason goes to stderr and the result is 1.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    argv = list(argv if argv is not None else sys.argv)
    started = time.monotonic()

    def say(text: str) -> None:
        print(f"self-test: {text}", file=out, flush=True)

    app = create_application(argv)
    with tempfile.TemporaryDirectory(prefix="digit-lab-self-test-") as folder:
        previous = _use_temporary_settings(str(Path(folder) / "settings"))
        window = None
        try:
            from desktop_app.core.training import TrainConfig
            from desktop_app.gui.main_window import MainWindow
            from desktop_app.gui.settings import AppSettings

            window = MainWindow(AppSettings())
            window._ask_unsaved = lambda: "discard"  # nothing of the self-test's is worth asking about
            window.resize(1280, 860)
            window.show()
            if not window.isVisible():
                raise SelfTestFailure("the main window did not appear")
            say(f"window shown ({window.tensorflow_status()}) … OK")
            if not wait_until(lambda: window.tensorflow_ready() or bool(window._tf_failed), SELF_TEST_TIMEOUT_S):
                raise SelfTestFailure("TensorFlow did not load within the time limit")
            if not window.tensorflow_ready():
                raise SelfTestFailure(f"TensorFlow failed to load: {window._tf_failed}")
            say(f"{window.tensorflow_status()} … OK")

            panel = window.training_panel
            panel.set_config(TrainConfig(epochs=1, batch_size=32, train_limit=600, validation_split=0.1,
                                         augment=False, device=panel.config().device))
            if not panel.train_button.isEnabled():
                raise SelfTestFailure("the Train button is disabled although TensorFlow is ready")
            panel.train_button.click()
            if not window.is_training():
                raise SelfTestFailure("pressing Train did not start training")
            remaining = SELF_TEST_TIMEOUT_S - (time.monotonic() - started)
            if not wait_until(lambda: not window.is_training(), max(remaining, 10.0)):
                window.stop_training()
                wait_until(lambda: not window.is_training(), 30)
                raise SelfTestFailure("training did not finish within the time limit")
            result = window.last_training_result()
            if result is None or result.status != "finished":
                reason = result.reason if result else "no result"
                raise SelfTestFailure(f"training did not finish: {reason}")
            metrics = result.final_metrics
            say(f"trained 1 epoch on 600 images (loss {metrics.get('loss', float('nan')):.2f}, "
                f"accuracy {metrics.get('accuracy', float('nan')):.2f}, "
                f"validation accuracy {metrics.get('val_accuracy', float('nan')):.2f}) … OK")
            counts = window.plots.point_counts()["loss"]
            if counts[1] < 1:
                raise SelfTestFailure("the loss plot shows no epoch point after training")

            window.canvas.clear()
            draw_stroke(window.canvas, SEVEN)
            app.processEvents()
            probabilities = window.prediction.probabilities()
            if probabilities is None or len(probabilities) != 10:
                raise SelfTestFailure(f"no 10 probabilities after drawing (panel says: "
                                      f"{window.prediction.status_text()!r})")
            if abs(float(probabilities.sum()) - 1.0) > 1e-3:
                raise SelfTestFailure(f"the probabilities sum to {probabilities.sum():.4f}, not 1")
            say(f"drew a 7; the network reads {window.prediction.headline_text()} "
                f"(10 probabilities summing to {probabilities.sum():.3f}) … OK")

            path = Path(folder) / "self-test.keras"
            if not window.save_model_to(path) or not path.is_file():
                raise SelfTestFailure(f"could not save the model to {path}")
            say(f"saved {path.name} ({path.stat().st_size // 1024} KiB) … OK")
            if not window.open_model(path, interactive=False):
                raise SelfTestFailure(f"could not reopen {path}")
            if len(window.model_history().get("loss", [])) != 1:
                raise SelfTestFailure("the reopened model lost its training history")
            app.processEvents()
            again = window.prediction.probabilities()
            if again is None or abs(float(again.sum()) - 1.0) > 1e-3:
                raise SelfTestFailure("the reopened model gives no prediction for the drawing")
            say(f"reopened it: 1 epoch of history, reads {window.prediction.headline_text()} … OK")
            say(f"all checks passed in {time.monotonic() - started:.1f} s")
            return 0
        except SelfTestFailure as failure:
            print(f"self-test FAILED: {failure}", file=err, flush=True)
            return 1
        except Exception as error:  # report, never crash: the self-test is a diagnostic
            import traceback

            traceback.print_exc(file=err)
            print(f"self-test FAILED: {type(error).__name__}: {error}", file=err, flush=True)
            return 1
        finally:
            if window is not None:
                window.close()
                window.deleteLater()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                app.processEvents()
            _restore_settings_location(previous)
