"""Model files: open (and its errors), save, save as, recent files, unsaved changes, drag and drop, export."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from gui_support import open_model, quick_config


def test_opening_a_corrupt_file_says_which_file_and_keeps_the_model(qtbot, window, message_boxes, tmp_path,
                                                                    tiny_model_path):
    assert open_model(qtbot, window, tiny_model_path)
    model_before, title_before = window.model(), window.windowTitle()
    broken = tmp_path / "broken.keras"
    broken.write_bytes(b"\x00junk, not a zip archive" * 40)

    assert not open_model(qtbot, window, broken)

    errors = message_boxes.texts("critical")
    assert len(errors) == 1
    assert str(broken) in errors[0] and "corrupt" in errors[0]
    assert "What to do" in errors[0]
    assert window.model() is model_before
    assert window.model_path() == tiny_model_path
    assert window.windowTitle() == title_before


def test_open_shows_the_stored_history_and_remembers_the_file(qtbot, window, tiny_model_path, monkeypatch):
    monkeypatch.setattr(window.files, "ask_open_path", lambda: str(tiny_model_path))
    window.open_action.trigger()
    assert window.is_opening() and not window.open_action.isEnabled()  # built on a worker, not the window
    qtbot.waitUntil(lambda: not window.is_opening(), timeout=30_000)

    assert window.model() is not None
    assert window.windowTitle() == "tiny[*] — Digit Lab" and not window.isWindowModified()
    assert window.plots.point_counts()["loss"][1:] == (1, 1)  # one train and one validation epoch point
    assert window.settings.recent_files()[0] == str(tiny_model_path)
    assert window.settings.last_model_path() == str(tiny_model_path)
    recent = [action.data() for action in window.recent_menu.actions() if action.data()]
    assert recent == [str(tiny_model_path)]
    assert window.training_panel.train_button.text() == "Continue training"


def test_save_as_then_save_and_reopen(qtbot, window, tmp_path, monkeypatch):
    window.training_panel.set_config(quick_config())
    window.training_panel.train_button.click()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)
    assert window.isWindowModified()
    target = tmp_path / "my digits.keras"
    monkeypatch.setattr(window.files, "ask_save_path", lambda: str(target))

    window.save_action.trigger()  # no path yet: Save asks for one

    assert target.is_file()
    assert window.windowTitle() == "my digits[*] — Digit Lab" and not window.isWindowModified()
    assert open_model(qtbot, window, target)
    assert len(window.model_history()["loss"]) == 1
    assert window.model_path() == target


def test_unsaved_model_asks_before_new(qtbot, window, monkeypatch):
    window.training_panel.set_config(quick_config())
    window.training_panel.train_button.click()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)
    asked = []

    monkeypatch.setattr(window, "ask_unsaved", lambda: asked.append(1) or "cancel")
    window.new_action.trigger()
    assert asked and window.model() is not None  # Cancel keeps the model

    monkeypatch.setattr(window, "ask_unsaved", lambda: "discard")
    window.new_action.trigger()
    assert window.model() is None
    assert window.windowTitle() == "No model[*] — Digit Lab" and not window.isWindowModified()
    assert window.plots.point_counts()["loss"] == (0, 0, 0)


def test_unsaved_model_can_be_saved_when_closing(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    window.training_panel.set_config(quick_config())
    window.training_panel.train_button.click()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)
    target = tmp_path / "kept.keras"
    monkeypatch.setattr(window, "ask_unsaved", lambda: "save")
    monkeypatch.setattr(window.files, "ask_save_path", lambda: str(target))

    assert window.close()
    assert target.is_file()


def test_cancel_keeps_the_window_open(qtbot, make_window, monkeypatch):
    window = make_window()
    window.training_panel.set_config(quick_config())
    window.training_panel.train_button.click()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)
    monkeypatch.setattr(window, "ask_unsaved", lambda: "cancel")
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(window, "ask_unsaved", lambda: "discard")


def test_dropping_a_keras_file_opens_it(qtbot, window, tiny_model_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tiny_model_path))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.model_path() == tiny_model_path, timeout=10_000)


def test_other_files_are_not_accepted_for_dropping(qtbot, window, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.setAccepted(False)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_open_is_queued_until_tensorflow_is_ready(qtbot, tiny_model_path, tensorflow):
    from desktop_app.gui.main_window import MainWindow

    window = MainWindow(load_tensorflow=False)
    qtbot.addWidget(window)
    window.show()
    assert window.tensorflow_status() == "Loading TensorFlow…"
    assert not window.training_panel.train_button.isEnabled()
    assert not open_model(qtbot, window, tiny_model_path)  # queued, not refused
    assert window.model() is None

    window.start_loading_tensorflow()
    qtbot.waitUntil(lambda: window.model_path() == tiny_model_path, timeout=60_000)
    assert window.training_panel.train_button.isEnabled()


def test_export_writes_tflite_and_saved_model_on_a_thread(qtbot, window, tiny_model_path, tmp_path,
                                                          message_boxes):
    assert open_model(qtbot, window, tiny_model_path)
    tflite = tmp_path / "digits.tflite"
    assert window.export_model(tflite, "tflite")
    assert window.is_exporting() and not window.save_action.isEnabled()
    qtbot.waitUntil(lambda: not window.is_exporting(), timeout=60_000)
    assert tflite.is_file() and tflite.stat().st_size > 1000
    assert f"Exported {tflite}" in window.log_view.toPlainText()

    folder = tmp_path / "saved_model"
    assert window.export_model(folder, "saved_model")
    qtbot.waitUntil(lambda: not window.is_exporting(), timeout=60_000)
    assert (folder / "saved_model.pb").is_file()
    assert not message_boxes.texts("critical")
    assert window.save_action.isEnabled()


def test_a_failed_export_is_shown(qtbot, window, tiny_model_path, tmp_path, message_boxes):
    assert open_model(qtbot, window, tiny_model_path)
    target = tmp_path / "missing-folder" / "deeper" / "digits.tflite"
    assert window.export_model(target, "tflite")
    qtbot.waitUntil(lambda: not window.is_exporting(), timeout=60_000)
    errors = message_boxes.texts("critical")
    assert errors and str(target) in errors[0]
    assert window.model() is not None


# --- issue 11: opening off the window's thread, odd metadata, a broken last model ----------------------

def test_the_window_keeps_answering_while_a_slow_model_opens(qtbot, window, tiny_model_path, monkeypatch):
    import time

    from PySide6.QtCore import QTimer

    from desktop_app.core import modelio

    real_load = modelio.load_model

    def slow_load(path, progress=None):  # stands for a 200-layer model's seconds of building
        time.sleep(1.5)
        return real_load(path, progress)

    monkeypatch.setattr(modelio, "load_model", slow_load)
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(50)

    assert window.open_model(tiny_model_path)
    assert window.is_opening() and window.model() is None
    assert not window.training_panel.train_button.isEnabled() and not window.open_action.isEnabled()
    assert "Opening" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.is_opening(), timeout=30_000)
    timer.stop()

    assert window.model_path() == tiny_model_path
    assert len(ticks) >= 15  # the event loop ran all along: 1.5 s at 50 ms would give 30
    assert max(b - a for a, b in zip(ticks, ticks[1:])) < 0.5
    assert window.open_action.isEnabled()


def test_a_model_with_a_malformed_history_opens_and_the_log_says_why(qtbot, window, tiny_model_path, tmp_path,
                                                                     message_boxes):
    import json
    import zipfile

    odd = tmp_path / "odd.keras"
    with zipfile.ZipFile(tiny_model_path) as source, zipfile.ZipFile(odd, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "digit_lab.json":
                data = json.dumps(dict(json.loads(data), history="abc")).encode()
            target.writestr(name, data)

    assert open_model(qtbot, window, odd)

    assert window.model() is not None and window.model_history() == {}
    assert "odd.keras: its saved history ('abc') is malformed and is ignored" in window.log_view.toPlainText()
    assert window.training_panel.train_button.isEnabled()
    assert not message_boxes.texts("critical")


def test_a_corrupt_last_model_is_reported_once_and_forgotten(qtbot, make_window, tmp_path, message_boxes):
    from desktop_app.gui.settings import AppSettings

    broken = tmp_path / "last.keras"
    broken.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    AppSettings().set_last_model_path(broken)

    window = make_window()
    qtbot.waitUntil(lambda: not window.is_opening() and "Could not open" in window.log_view.toPlainText(),
                    timeout=30_000)

    assert window.model() is None  # the window starts without a model, ready to train
    assert window.training_panel.train_button.isEnabled()
    assert f"Could not open {broken}: the file is corrupt" in window.log_view.toPlainText()
    assert not message_boxes.texts("critical")  # nobody asked to open it: no dialog at start-up
    assert not AppSettings().last_model_path()

    again = make_window()  # the next start does not try again
    assert "Could not open" not in again.log_view.toPlainText()
