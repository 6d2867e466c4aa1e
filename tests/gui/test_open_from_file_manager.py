"""A model opened from the file manager: `digit-lab MODEL.keras` (Linux, Windows) starts the window with
it; on macOS Finder sends the running application a QFileOpenEvent, which opens the file in the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from desktop_app.gui.app import DigitLabApplication
from desktop_app.gui.drawing.prediction_panel import NO_MODEL_HINT


def test_digit_lab_with_a_model_path_opens_the_window_with_it(qtbot, monkeypatch, tensorflow, tiny_model_path):
    """Through the real entry point, `main([PATH])`, with only the event loop replaced: it runs until the
    model is open instead of until the window closes."""
    from desktop_app import cli
    from desktop_app.gui import app as app_module

    windows = []
    real_open_window = app_module.open_window

    def recording_open_window(argv):
        window = real_open_window(argv)
        window.ask_unsaved = lambda: "discard"
        qtbot.addWidget(window)
        windows.append(window)
        return window

    def event_loop(self=None):
        qtbot.waitUntil(lambda: windows[0].model_path() == tiny_model_path and not windows[0].is_opening(),
                        timeout=60_000)
        return 0

    monkeypatch.setattr(app_module, "open_window", recording_open_window)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert cli.main([str(tiny_model_path)]) == 0
    window = windows[0]
    assert window.isVisible()
    assert window.windowTitle() == "tiny[*] — Digit Lab"
    assert window.model() is not None and window.prediction.status_text() != NO_MODEL_HINT


def test_the_tests_run_with_the_apps_own_application_class(qapp):
    assert isinstance(qapp, DigitLabApplication)


def test_a_file_open_event_opens_the_model_in_the_window(qtbot, qapp, make_window, tiny_model_path):
    window = make_window()
    qapp.open_files_in(window)
    assert window.model() is None
    QCoreApplication.postEvent(qapp, QFileOpenEvent(str(tiny_model_path)))  # as Finder delivers it
    qtbot.waitUntil(lambda: window.model_path() == tiny_model_path and not window.is_opening(), timeout=30_000)
    assert window.model() is not None and window.windowTitle() == "tiny[*] — Digit Lab"


def test_a_file_open_event_before_tensorflow_is_ready_waits_for_it(qtbot, qapp, make_window, tiny_model_path):
    """A double-click that starts the application arrives while TensorFlow still loads."""
    window = make_window(wait_ready=False)
    qapp.open_files_in(window)
    assert not window.tensorflow_ready()
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(tiny_model_path)))
    assert window.model() is None
    assert "tiny.keras opens as soon as TensorFlow has loaded" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.model_path() == tiny_model_path and not window.is_opening(), timeout=60_000)
    assert window.model() is not None
