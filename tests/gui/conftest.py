"""GUI test set-up: offscreen Qt, settings in a temporary folder per test, no modal dialog ever blocks.

QT_QPA_PLATFORM is set here, before any test module imports Qt widgets or creates the QApplication.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # a checkout that is not pip-installed still imports desktop_app
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402


@pytest.fixture(scope="session")
def qapp_cls():
    """The app's own QApplication class (pytest-qt creates it): the tests see what it adds, such as the
    files the system sends it to open."""
    from desktop_app.gui.app import DigitLabApplication

    return DigitLabApplication


@pytest.fixture(scope="session", autouse=True)
def garbage_collected_on_gui_thread(qapp):
    """As in the app: cycles are collected on the GUI thread only, never inside a worker thread."""
    from desktop_app.gui.runtime import collect_garbage_on_gui_thread

    collect_garbage_on_gui_thread()


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path):
    """QSettings in tmp_path under a test organisation: a test never reads or writes the user's settings."""
    previous = (QSettings.defaultFormat(), QCoreApplication.organizationName(), QCoreApplication.applicationName())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("Digit Lab tests")
    QCoreApplication.setApplicationName("digit-lab-tests")
    QSettings().setValue("handwriting/root", str(tmp_path / "handwriting"))  # never the user's own drawings
    QSettings().setValue("models/ready_model_offered", True)  # a window starts empty unless a test asks
    QSettings().setValue("ui/language", "en")  # the texts tests look for, whatever the machine's locale
    yield tmp_path / "settings"
    from desktop_app.gui.i18n import install_language

    install_language("en")  # a test that switched to Korean leaves the next one in English
    QSettings.setDefaultFormat(previous[0])
    QCoreApplication.setOrganizationName(previous[1])
    QCoreApplication.setApplicationName(previous[2])


class MessageBoxes:
    """Records QMessageBox calls instead of showing modal dialogs."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []  # (kind, title, text)

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for call_kind, _, text in self.calls if kind is None or call_kind == kind]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def recorder(kind, answer):
        def record(parent, title, text, *args, **kwargs):
            boxes.calls.append((kind, title, text))
            return answer
        return staticmethod(record)

    monkeypatch.setattr(QMessageBox, "critical", recorder("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "warning", recorder("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", recorder("information", QMessageBox.StandardButton.Ok))
    def question(parent, title, text, buttons=QMessageBox.StandardButton.Yes, *args, **kwargs):
        boxes.calls.append(("question", title, text))
        # go on: discard an unsaved model, say yes to stopping work (a test that wants Cancel patches this)
        button = QMessageBox.StandardButton
        return button.Discard if buttons & button.Discard else button.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "about", recorder("about", None))
    return boxes


@pytest.fixture(scope="session")
def tensorflow():
    """TensorFlow imported once, synchronously: the windows' loader threads then finish at once."""
    import keras  # noqa: F401
    import tensorflow as tf

    return tf


@pytest.fixture(scope="session")
def tiny_model_path(tmp_path_factory, tensorflow) -> Path:
    """A small MLP trained one epoch on 600 images, saved as a Digit Lab .keras file."""
    from desktop_app.core.modelio import ModelMetadata, save_model
    from desktop_app.core.training import TrainConfig, train

    config = TrainConfig(preset="mlp", epochs=1, batch_size=32, train_limit=600, augment=False)
    result = train(config)
    path = tmp_path_factory.mktemp("models") / "tiny.keras"
    save_model(result.model, path, ModelMetadata("mlp", "mnist", config.to_dict(), result.history))
    return path


@pytest.fixture
def make_window(qtbot, tensorflow):
    """Build MainWindows that are shown, have TensorFlow ready, and never ask about unsaved models."""
    from desktop_app.gui.main_window import MainWindow

    def make(wait_ready: bool = True) -> MainWindow:
        window = MainWindow()
        window.ask_unsaved = lambda: "discard"
        qtbot.addWidget(window)
        if window.settings.window_geometry() is None:  # a restored size is part of what tests check
            window.resize(1280, 860)
        window.show()
        if wait_ready:
            qtbot.waitUntil(window.tensorflow_ready, timeout=60_000)
        return window

    yield make
    import gc

    gc.collect()  # free this test's windows here, on the GUI thread, not in the next test's threads


@pytest.fixture
def window(make_window):
    return make_window()


# The offscreen platform plugin (not Digit Lab) warns when a shown top-level widget's size hints change.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
