"""Every choice survives a restart, in a temporary QSettings location (never the user's)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop_app.core.training import TrainConfig
from desktop_app.gui.settings import MAX_RECENT_FILES, AppSettings


def test_choices_survive_a_new_window(qtbot, make_window, isolated_settings, tmp_path):
    first = make_window()
    panel = first.training_panel
    panel.epochs_spin.setValue(7)
    panel.batch_spin.setValue(64)
    panel.lr_spin.setValue(0.0015)
    panel.optimizer_combo.setCurrentIndex(panel.optimizer_combo.findData("sgd"))
    panel.validation_spin.setValue(20)
    panel.augment_check.setChecked(False)
    panel.patience_spin.setValue(3)
    panel.limit_spin.setValue(5000)
    panel.preset_combo.setCurrentIndex(panel.preset_combo.findData("small-cnn"))
    panel.device_combo.setCurrentIndex(panel.device_combo.findData("cpu"))
    first.canvas_panel.pen_slider.setValue(31)
    first.training.curves_dock.toggleViewAction().trigger()  # the user hides the curves
    assert first.training.curves_dock.isHidden()
    assert first.close()

    second = make_window()

    config = second.training_panel.config()
    assert (config.epochs, config.batch_size, config.optimizer, config.preset) == (7, 64, "sgd", "small-cnn")
    assert abs(config.learning_rate - 0.0015) < 1e-9
    assert config.validation_split == 0.2 and config.augment is False
    assert config.early_stopping_patience == 3 and config.train_limit == 5000 and config.device == "cpu"
    assert second.training_panel.epochs_spin.value() == 7
    assert second.canvas_panel.pen_slider.value() == 31 and second.canvas.pen_width() == 31
    assert second.training.curves_dock.isHidden()  # the window's dock layout came back
    assert second.settings.window_geometry() is not None
    # the settings went to the test's folder
    assert str(isolated_settings) in QSettings().fileName()


def test_a_chosen_data_folder_is_remembered(qtbot, make_window, tmp_path, monkeypatch):
    folder = tmp_path / "my-digits"
    folder.mkdir()
    first = make_window()
    panel = first.training_panel
    monkeypatch.setattr(panel, "_choose_data_folder", lambda: str(folder))
    panel.data_combo.setCurrentIndex(panel.data_combo.findData("\x00choose"))
    panel._data_activated(panel.data_combo.currentIndex())
    assert panel.config().data == str(folder)
    assert first.close()

    second = make_window()
    assert second.training_panel.config().data == str(folder)
    assert second.training_panel.data_combo.currentText() == "my-digits"


def test_last_model_reopens_on_start(qtbot, make_window, tiny_model_path):
    AppSettings().set_last_model_path(tiny_model_path)
    window = make_window()
    qtbot.waitUntil(lambda: window.model_path() == tiny_model_path, timeout=30_000)
    assert window.windowTitle() == "tiny[*] — Digit Lab"
    assert "Model: tiny" in window.prediction.model_note.text()


def test_a_missing_last_model_is_forgotten_quietly(qtbot, make_window, tmp_path, message_boxes):
    AppSettings().set_last_model_path(tmp_path / "gone.keras")
    window = make_window()
    assert window.model() is None
    assert not message_boxes.calls
    assert "no longer there" in window.log_view.toPlainText()
    assert AppSettings().last_model_path() == ""


def test_recent_files_keep_the_newest_eight(tmp_path):
    settings = AppSettings()
    paths = [tmp_path / f"model-{index}.keras" for index in range(MAX_RECENT_FILES + 3)]
    for path in paths:
        settings.add_recent_file(path)
    settings.add_recent_file(paths[5])  # reopening moves it to the top
    recent = AppSettings().recent_files()
    assert len(recent) == MAX_RECENT_FILES
    assert recent[0] == str(paths[5])
    assert str(paths[0]) not in recent
    settings.remove_recent_file(paths[5])
    assert str(paths[5]) not in AppSettings().recent_files()


def test_unreadable_values_fall_back_to_defaults():
    raw = QSettings()
    raw.setValue("training/epochs", "many")
    raw.setValue("training/learning_rate", "-3")
    raw.setValue("canvas/pen_width", "thick")
    raw.setValue("models/recent", "{not json")
    settings = AppSettings()
    assert settings.train_config() == TrainConfig()  # an impossible value: all defaults
    assert settings.pen_width() == 18
    assert settings.recent_files() == []
