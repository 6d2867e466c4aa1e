"""The layer editor (issue 13): layers added, changed and moved with the mouse and the keyboard, the shapes
and parameters following as you type, an impossible stack marked and Train refused with the reason, your
own network trained, saved and reopened with its layers, named architectures kept across a restart, and a
model built elsewhere shown read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_app.core.modelio import load_model
from desktop_app.gui.training.layer_editor import SHAPE_COLUMN
from gui_support import open_model, quick_config


def _open_editor(qtbot, window):
    panel = window.training_panel
    qtbot.mouseClick(panel.edit_layers_button, Qt.MouseButton.LeftButton)
    editor = panel.layer_editor
    qtbot.waitExposed(editor)
    return editor


def _click_layer(qtbot, editor, index: int) -> None:
    """Click layer `index`'s output-shape cell, as a user picks a row."""
    table = editor.table
    rect = table.visualRect(table.model().index(editor.layer_row(index), SHAPE_COLUMN))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.selected_layer() == index


def _type_number(qtbot, spin, text: str) -> None:
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)


def _start_from(qtbot, editor, title: str) -> None:
    combo = editor.start_combo
    index = combo.findText(title)
    assert index > 0, title
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as choosing the entry with the mouse does


def test_adding_a_convolution_shows_its_shapes_and_parameters(qtbot, window):
    panel = window.training_panel
    panel.set_config(quick_config(preset="mlp"))  # flatten, dense 128, dropout 0.2
    editor = _open_editor(qtbot, window)
    assert not editor.is_read_only() and editor.architecture().to_text() == "flatten, dense 128, dropout 0.2"
    assert editor.row_texts(0) == ("784", "0")

    _click_layer(qtbot, editor, 0)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # a copy of flatten after it …
    assert editor.selected_layer() == 1
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)  # … moved first …
    assert editor.selected_layer() == 0
    qtbot.keyClicks(editor.kind_combo(0), "C")  # … and made a convolution (conv 32 3) with the keyboard
    assert editor.kind_combo(0).currentData() == "conv"
    assert editor.row_texts(0) == ("28×28×32", "320") and editor.row_texts(1) == ("25088", "0")

    _type_number(qtbot, editor.option_widget(0, "filters"), "8")  # the figures follow each key
    assert editor.row_texts(0) == ("28×28×8", "80")
    assert editor.row_texts(2) == ("128", "802 944")  # dense 128 on the 6 272 values
    assert editor.row_texts(4) == ("10", "1 290")  # the output layer the app adds
    assert "804 314 parameters" in editor.summary_label.text()
    assert panel.parameters_label.text() == "Parameters: 804 314"
    assert panel.config().layers == "conv 8 3, flatten, dense 128, dropout 0.2"
    assert panel.config().preset == "mlp"  # kept as it was
    assert panel.preset_combo.currentText() == "Your layers"
    assert panel.train_button.isEnabled()


def test_an_impossible_pool_is_marked_and_train_says_why(qtbot, window):
    panel = window.training_panel
    editor = _open_editor(qtbot, window)
    _start_from(qtbot, editor, "Small CNN")  # conv 10 3, pool, flatten, dropout 0.5, dense 100
    assert panel.preset_combo.currentData() == "small-cnn"

    _type_number(qtbot, editor.option_widget(1, "size"), "40")

    sentence = "Layer 2 (pool 40): a 40×40 pool shrinks the 28×28 map below 1×1."
    assert editor.row_is_marked(1) and not editor.row_is_marked(0)
    assert editor.row_tooltip(1) == sentence
    assert editor.row_texts(0) == ("28×28×10", "100") and editor.row_texts(1) == ("–", "–")
    assert sentence in editor.summary_label.text()
    assert not panel.train_button.isEnabled() and sentence in panel.train_button.toolTip()
    assert not editor.save_button.isEnabled()
    assert not window.start_training()  # nor does Ctrl+T build it

    _type_number(qtbot, editor.option_widget(1, "size"), "2")  # back to a pool that fits
    assert not editor.row_is_marked(1) and panel.train_button.isEnabled()
    assert panel.preset_combo.currentData() == "small-cnn"  # the preset's own layers again


def test_your_named_network_trains_saves_and_reopens_with_its_layers(qtbot, window, tmp_path):
    panel = window.training_panel
    panel.set_config(quick_config(preset="mlp"))
    editor = _open_editor(qtbot, window)
    _type_number(qtbot, editor.option_widget(1, "units"), "32")
    qtbot.keyClicks(editor.name_edit, "Narrow MLP")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert panel.preset_combo.currentText() == "Narrow MLP"
    text = "flatten, dense 32, dropout 0.2"
    assert panel.config().layers == text

    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)
    assert window.last_training_result().status == "finished"
    assert window.model().count_params() == 784 * 32 + 32 + 330
    assert editor.is_read_only() and editor.architecture().to_text() == text  # Train now continues it
    path = tmp_path / "narrow.keras"
    assert window.save_model_to(path)
    saved = load_model(path).metadata
    assert saved.architecture["name"] == "Narrow MLP" and saved.architecture["text"] == text
    assert saved.config["layers"] == text

    window.new_action.trigger()
    assert not editor.is_read_only()
    assert open_model(qtbot, window, path)
    assert editor.is_read_only() and editor.architecture().to_text() == text
    assert not editor.add_button.isEnabled() and editor.copy_button.isEnabled()
    assert panel.train_button.text() == "Continue training"
    window.inspection.update_now()
    assert window.inspection.summary.architecture_text() == f"Narrow MLP: {text}"
    labels = [run.label for run in window.inspection.history.runs()]
    assert labels[0].startswith("Narrow MLP · adam") and labels[-1] == "narrow.keras · 1 ep (opened)"

    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)  # continued: it keeps its layers
    qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)
    assert window.session.metadata().architecture["name"] == "Narrow MLP"
    assert window.session.metadata().config["layers"] == text

    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)  # copied into a new architecture
    assert not editor.is_read_only() and panel.new_model_check.isChecked()
    assert panel.config().layers == text and panel.train_button.text() == "Train"


def test_a_named_architecture_comes_back_after_a_restart(qtbot, make_window):
    first = make_window()
    editor = _open_editor(qtbot, first)
    _start_from(qtbot, editor, "Classic two-convolution CNN")
    _click_layer(qtbot, editor, 5)  # dense 1024
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.name_edit, "Classic, no dense")
    QTest.keyClick(editor.name_edit, Qt.Key.Key_Return)
    text = "conv 32 5, pool, conv 64 5, pool, flatten, dropout 0.5"
    assert first.training_panel.config().layers == text
    assert first.close()

    second = make_window()
    panel = second.training_panel
    assert panel.preset_combo.currentText() == "Classic, no dense" and panel.config().layers == text
    editor = _open_editor(qtbot, second)
    assert editor.name_edit.text() == "Classic, no dense" and editor.architecture().to_text() == text
    assert editor.start_combo.findText("Classic, no dense") > 0
    assert panel.parameters_label.text() == "Parameters: 83 466"

    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)  # forgotten; its layers stay chosen
    assert panel.preset_combo.findText("Classic, no dense") < 0
    assert panel.preset_combo.currentText() == "Your layers" and panel.config().layers == text
    assert second.settings.architectures() == []


def test_a_keras_model_with_unknown_layers_opens_read_only(qtbot, window, tmp_path):
    import keras

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Conv2D(4, (3, 5)),
                              keras.layers.LayerNormalization(), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax")], name="elsewhere")
    path = tmp_path / "elsewhere.keras"
    model.save(path)

    assert open_model(qtbot, window, path)
    editor = _open_editor(qtbot, window)
    assert editor.is_read_only() and not editor.copy_button.isEnabled()
    types = [editor.table.item(row, 0).text() for row in range(editor.table.rowCount())]
    assert types == ["Conv2D", "LayerNormalization", "Flatten", "Dense"]
    assert "does not know" in editor.banner.text()
    assert window.training_panel.train_button.isEnabled()  # it can be continued
    assert window.training_panel.train_button.text() == "Continue training"


def test_a_keras_model_of_known_kinds_can_be_copied_into_a_new_architecture(qtbot, window, tmp_path):
    import keras

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Conv2D(4, 3, padding="valid"),
                              keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])
    path = tmp_path / "plain.keras"
    model.save(path)  # no Digit Lab description inside: the editor reads the Keras layers

    assert open_model(qtbot, window, path)
    editor = _open_editor(qtbot, window)
    assert editor.is_read_only() and editor.table.item(1, 0).text() == "Convolution"
    assert editor.row_texts(0) == ("26×26×4", "40")
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    panel = window.training_panel
    assert not editor.is_read_only() and panel.config().layers == "conv 4 3 padding=valid activation=linear, flatten"
    assert panel.train_button.isEnabled() and panel.train_button.text() == "Train"


def test_saved_architectures_are_read_defensively():
    from PySide6.QtCore import QSettings

    from desktop_app.gui.settings import AppSettings, NamedArchitecture

    QSettings().setValue("training/architectures", '[{"name": "ok", "text": "flatten, dense 8"}, '
                         '{"name": "broken", "text": "flatten, wobble 3"}, {"name": 3}, "junk", '
                         '{"name": "ok", "text": "flatten"}]')
    QSettings().setValue("training/layers", "conv 8 zebra")
    settings = AppSettings()
    assert settings.architectures() == [NamedArchitecture("ok", "flatten, dense 8")]
    assert settings.chosen_layers() == ""
    QSettings().setValue("training/architectures", "{not json")
    assert settings.architectures() == []
