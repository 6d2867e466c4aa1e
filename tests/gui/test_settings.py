"""Every choice survives a restart, in a temporary QSettings location (never the user's)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox

from desktop_app.core.config_fields import Choice, described
from desktop_app.core.training import TrainConfig
from desktop_app.gui.settings import MAX_RECENT_FILES, AppSettings
from desktop_app.gui.training.panel import TrainingPanel


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
    monkeypatch.setattr(panel, "choose_data_folder", lambda: str(folder))
    panel.data_combo.setCurrentIndex(panel.data_combo.findData("\x00choose"))
    panel.data_combo.activated.emit(panel.data_combo.currentIndex())  # as a click on the entry does
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


def test_infinite_or_nan_numbers_fall_back_to_their_defaults():
    raw = QSettings()
    raw.setValue("training/epochs", "inf")  # int(float("inf")) raises OverflowError
    raw.setValue("training/batch_size", "nan")
    raw.setValue("training/learning_rate", "-inf")
    raw.setValue("training/validation_split", "nan")
    raw.setValue("training/optimizer", "sgd")  # a good value beside them is kept
    raw.setValue("canvas/pen_width", "inf")
    settings = AppSettings()
    assert settings.train_config() == TrainConfig(optimizer="sgd")
    assert settings.pen_width() == 18


@pytest.fixture()
def smoothed_config():
    """TrainConfig with one more hyper-parameter, described once like the others."""

    @dataclass
    class SmoothedConfig(TrainConfig):
        label_smoothing: float = described(
            0.0, help="spread this share of each label over the other digits (default %(default)s)",
            flag="--label-smoothing", label="La&bel smoothing", maximum=0.5, step=0.05,
            tooltip="Teach the network to be a little less sure of every label.")

    return SmoothedConfig


def test_one_described_field_reaches_the_flag_the_panel_and_the_settings(qtbot, capsys, smoothed_config):
    from desktop_app.cli import build_parser, config_from_args

    # the command line
    args = build_parser(smoothed_config).parse_args(["train", "--label-smoothing", "0.1", "--out", "x.keras"])
    assert config_from_args(args, smoothed_config) == smoothed_config(label_smoothing=0.1)
    with pytest.raises(SystemExit):
        build_parser(smoothed_config).parse_args(["train", "--help"])
    assert "--label-smoothing LABEL_SMOOTHING" in capsys.readouterr().out

    # the panel: a labelled spin box in the Training box, both ways
    panel = TrainingPanel(config_class=smoothed_config)
    qtbot.addWidget(panel)
    spin = panel.field_widget("label_smoothing")
    assert isinstance(spin, QDoubleSpinBox) and spin.maximum() == 0.5
    assert spin.toolTip() == "Teach the network to be a little less sure of every label."
    label = next(label for label in panel.findChildren(QLabel) if label.buddy() is spin)
    assert label.text() == "La&bel smoothing" and label.parent().title() == "Training"
    assert panel.config() == smoothed_config()
    spin.setValue(0.2)
    assert panel.config().label_smoothing == 0.2
    panel.set_config(smoothed_config(label_smoothing=0.15, epochs=3))
    assert spin.value() == 0.15 and panel.config() == smoothed_config(label_smoothing=0.15, epochs=3)

    # the settings file
    AppSettings().set_train_config(panel.config())
    assert float(QSettings().value("training/label_smoothing")) == 0.15
    assert AppSettings().train_config(smoothed_config) == smoothed_config(label_smoothing=0.15, epochs=3)


def test_a_new_field_gets_the_widget_its_type_asks_for(qtbot):
    @dataclass
    class Extended(TrainConfig):
        mixed_precision: bool = described(False, help="float16 compute", label="&Mixed precision")
        warmup: int | None = described(None, help="warm-up epochs", label="Warm-&up", maximum=10, off_text="Off")
        schedule: str = described("cosine", help="the rate's schedule", label="&Schedule",
                                  choices=(Choice("cosine", "Half cosine"), Choice("step", "Steps")))
        run_name: str | None = described(None, help="a name for the run", label="Run &name")

    panel = TrainingPanel(config_class=Extended)
    qtbot.addWidget(panel)
    check, spin, combo, edit = (panel.field_widget(name) for name in ("mixed_precision", "warmup", "schedule",
                                                                      "run_name"))
    assert isinstance(check, QCheckBox) and check.text() == "&Mixed precision"
    assert isinstance(spin, QSpinBox) and spin.specialValueText() == "Off" and spin.maximum() == 10
    assert isinstance(combo, QComboBox) and [combo.itemText(i) for i in range(2)] == ["Half cosine", "Steps"]
    assert isinstance(edit, QLineEdit)
    assert panel.config() == Extended()  # None shows as the spin box's minimum and an empty edit
    chosen = Extended(mixed_precision=True, warmup=3, schedule="step", run_name="first")
    panel.set_config(chosen)
    assert (check.isChecked(), spin.value(), combo.currentText(), edit.text()) == (True, 3, "Steps", "first")
    assert panel.config() == chosen
    AppSettings().set_train_config(chosen)
    assert AppSettings().train_config(Extended) == chosen
    AppSettings().set_train_config(Extended())
    assert AppSettings().train_config(Extended) == Extended()
