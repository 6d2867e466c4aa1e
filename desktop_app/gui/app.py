"""Start the application: `run_gui(argv)` opens the window.

TensorFlow is not imported here: the window appears first and `MainWindow` imports TensorFlow on a thread.
The self-test is in `self_test`, the runtime tuning in `runtime`, synthetic input in `driver`.

A model file reaches the window two ways: as an argument (`digit-lab MODEL.keras`, as Linux file managers
and Windows Explorer run it), or, on macOS, as a QFileOpenEvent that Finder sends the application for a
double-clicked file, at start-up or while the window is open. Both are opened as soon as TensorFlow has
loaded.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__
from desktop_app.gui.runtime import tune_for_responsiveness

if TYPE_CHECKING:
    from desktop_app.gui.main_window import MainWindow

ORGANIZATION = "Digit Lab"


class DigitLabApplication(QApplication):
    """The QApplication, which also opens the files the system asks it to: on macOS a double-clicked
    `.keras` file (or one dropped on the Dock icon) arrives as a QFileOpenEvent sent to the application,
    not as an argument, at start-up as well as later. Qt delivers it from the event loop, so a window
    handed to `open_files_in` before the loop runs gets the file that started the application too."""

    def __init__(self, argv: Sequence[str]) -> None:
        super().__init__(list(argv))
        self._window: MainWindow | None = None

    def open_files_in(self, window: MainWindow) -> None:
        """Open each file the system asks for in `window`, from now on."""
        self._window = window
        window.destroyed.connect(self._window_destroyed)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file() or event.url().toLocalFile()
            if path and self._window is not None:
                if self._window.isMinimized():  # the file opens where the user sees it
                    self._window.showNormal()
                self._window.activateWindow()
                self._window.open_model(path)  # queued until TensorFlow is ready, like an argument
            return True
        return super().event(event)

    @Slot(QObject)
    def _window_destroyed(self, _window: QObject | None = None) -> None:
        self._window = None


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (the running one if there is one), named, with the application icon, and the
    runtime tuned for a responsive window."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = DigitLabApplication(list(argv) if argv else [sys.argv[0] if sys.argv else "digit-lab"])
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName("digit-lab")
    from desktop_app.gui.resources import app_icon

    app.setWindowIcon(app_icon())
    tune_for_responsiveness()
    return app


def open_window(argv: Sequence[str] | None = None) -> MainWindow:
    """The application and its shown main window; a `.keras` path among the arguments, and (macOS) each
    file the system asks the application to open, opens in it once TensorFlow has loaded."""
    argv = list(argv if argv is not None else sys.argv)
    app = create_application(argv)
    from desktop_app.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    for argument in argv[1:]:
        if argument.lower().endswith(".keras"):
            window.open_model(argument)  # queued until TensorFlow is ready
            break
    if isinstance(app, DigitLabApplication):  # another QApplication (a test's, a script's) gets no file events
        app.open_files_in(window)
    return window


def run_gui(argv: Sequence[str] | None = None) -> int:
    """Show the main window and run the event loop; a `.keras` path among the arguments is opened."""
    window = open_window(argv)  # noqa: F841 — held here until the event loop ends
    return QApplication.instance().exec()
