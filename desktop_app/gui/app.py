"""Start the application: `run_gui(argv)` opens the window.

TensorFlow is not imported here: the window appears first and `MainWindow` imports TensorFlow on a thread.
The self-test is in `self_test`, the runtime tuning in `runtime`, synthetic input in `driver`.
"""

from __future__ import annotations

import sys
from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__
from desktop_app.gui.runtime import tune_for_responsiveness

ORGANIZATION = "Digit Lab"


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (the running one if there is one), named, with the application icon, and the
    runtime tuned for a responsive window."""
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
    tune_for_responsiveness()
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
