"""Looking inside: evaluation (heat map, per-digit accuracy, mistakes gallery), feature maps and filters,
the saliency overlay, the model summary, the training options, and the history of runs."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from desktop_app.core.models import layer_summary
from gui_support import ONE, SEVEN, draw_stroke, open_model, quick_config

EVALUATED = 500


@pytest.fixture(scope="session")
def tiny_cnn_path(tmp_path_factory, tensorflow) -> Path:
    """A small CNN trained one epoch on 600 images, saved as a Digit Lab .keras file."""
    from desktop_app.core.modelio import ModelMetadata, save_model
    from desktop_app.core.training import TrainConfig, train

    config = TrainConfig(preset="small-cnn", epochs=1, batch_size=32, train_limit=600, augment=False,
                         device="cpu")
    result = train(config)
    path = tmp_path_factory.mktemp("models") / "tiny-cnn.keras"
    save_model(result.model, path, ModelMetadata("small-cnn", "mnist", config.to_dict(), result.history))
    return path


def _evaluate(qtbot, window):
    look = window.inspection
    look.evaluation_limit = EVALUATED
    assert look.evaluate_action.isEnabled()
    look.evaluate_action.trigger()
    qtbot.waitUntil(lambda: not look.evaluation.is_running(), timeout=60_000)
    assert look.evaluation.report() is not None, look.evaluation.headline_text()
    return look


def _cell_position(matrix, true: int, predicted: int):
    """Where the centre of a confusion-matrix cell is, in the plot widget's viewport."""
    view = matrix.plot_widget.getPlotItem().getViewBox()
    scene = view.mapViewToScene(QPointF(predicted + 0.5, true + 0.5))
    return matrix.plot_widget.mapFromScene(scene)


def _settled_cell_position(qtbot, matrix, true: int, predicted: int):
    """The cell's centre once the plot has stopped moving: a dock just shown still resizes it and pyqtgraph
    applies the new view range a moment later, so a position taken at once may point a row or two off
    (seen under load: the readout named the cell two rows above)."""
    positions = []

    def steady() -> bool:
        positions.append(_cell_position(matrix, true, predicted))
        return len(positions) >= 5 and len(set((p.x(), p.y()) for p in positions[-5:])) == 1

    qtbot.waitUntil(steady, timeout=5000)
    return positions[-1]


def test_evaluation_fills_the_heat_map_the_chart_and_the_gallery(qtbot, window, tiny_cnn_path):
    assert open_model(qtbot, window, tiny_cnn_path)
    look = _evaluate(qtbot, window)
    view = look.evaluation
    report = view.report()

    assert look.evaluation_dock.isVisible()
    assert view.matrix.image_data().sum() == EVALUATED == report.samples
    assert np.array_equal(view.matrix.image_data(), report.confusion)  # rows true, columns predicted
    assert view.matrix.cell_text(1, 1) == str(report.confusion[1, 1])
    assert re.search(r"Accuracy \d+\.\d\d %", view.headline_text()) and "500 test images" in view.headline_text()
    assert np.isfinite(view.per_class.values()).sum() == 10
    assert view.gallery.count() == len(report.mistakes) > 0
    assert view.gallery.indices()[0] == report.mistakes[0].index
    assert "→" in view.gallery.item(0).text()

    # hovering a cell reads it out; clicking it lists its images
    true, predicted = np.unravel_index(np.argmax(report.confusion * (1 - np.eye(10, dtype=int))), (10, 10))
    count = int(report.confusion[true, predicted])
    position = _settled_cell_position(qtbot, view.matrix, int(true), int(predicted))
    QTest.mouseMove(view.matrix.plot_widget.viewport(), position)
    qtbot.waitUntil(lambda: view.matrix.readout.text() != " ", timeout=2000)
    assert view.matrix.readout.text() == (f"true {true} → predicted {predicted}: {count} image"
                                          + ("" if count == 1 else "s"))
    QTest.mouseClick(view.matrix.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.waitUntil(lambda: view.gallery.count() == min(count, 60), timeout=2000)
    assert f"of a {true} read as {predicted}" in view.gallery_title.text()


def test_clicking_a_mistake_puts_it_on_the_canvas_and_updates_the_prediction(qtbot, window, tiny_cnn_path):
    assert open_model(qtbot, window, tiny_cnn_path)
    look = _evaluate(qtbot, window)
    gallery = look.evaluation.gallery
    window.canvas.clear()
    assert window.prediction.probabilities() is None

    item = gallery.item(0)
    QTest.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=gallery.visualItemRect(item).center())

    assert not window.canvas.is_empty()
    probabilities = window.prediction.probabilities()
    assert probabilities is not None and abs(float(probabilities.sum()) - 1) < 1e-3
    assert window.prediction.input_view.has_image()
    # the feature maps follow the digit that was put on the canvas
    look.inside_dock.raise_()
    qtbot.waitUntil(lambda: look.inspection.maps_view.grid() is not None, timeout=5000)


def test_the_layer_picker_lists_the_convolutions_of_a_cnn(qtbot, window, tiny_cnn_path):
    assert open_model(qtbot, window, tiny_cnn_path)
    look = window.inspection
    look.inside_dock.raise_()
    look.update_now()

    convolutions = [row for row in layer_summary(window.model()) if row["type"] == "Conv2D"]
    labels = look.inspection.layer_labels()
    assert len(labels) == len(convolutions) == 1
    for label, row in zip(labels, convolutions):
        assert label == f"{row['name']} (Conv2D, {'×'.join(str(d) for d in row['output_shape'][1:])})"
    assert look.inspection.layer_combo.isEnabled()
    assert look.inspection.weights_view.tile_count() == 10  # small-cnn's ten 3×3 filters
    assert "Learned filters of the first convolution: 10 of 3×3" == look.inspection.weights_title.text()


def test_a_perceptron_has_no_convolutions_but_shows_its_weights(qtbot, window, tiny_model_path):
    assert open_model(qtbot, window, tiny_model_path)
    look = window.inspection
    look.inside_dock.raise_()
    look.update_now()

    assert look.inspection.layer_labels() == []
    assert not look.inspection.layer_combo.isEnabled()
    assert look.inspection.layer_combo.currentText() == "No convolutions"
    assert "no convolutions" in look.inspection.message_text()
    assert look.inspection.weights_view.tile_count() == 128
    assert look.inspection.weights_title.text().startswith("First dense layer: 128 weight patterns of 28×28")


def test_feature_maps_follow_each_new_stroke(qtbot, window, tiny_cnn_path):
    assert open_model(qtbot, window, tiny_cnn_path)
    look = window.inspection
    look.inside_dock.raise_()
    assert look.inspection.maps_view.grid() is None  # nothing drawn yet

    draw_stroke(window.canvas, ONE)
    qtbot.waitUntil(lambda: look.inspection.maps_view.grid() is not None, timeout=5000)
    first = look.inspection.maps_view.grid()
    assert look.inspection.maps_view.tile_count() == 10
    assert "10 feature maps of 28×28" in look.inspection.message_text()

    draw_stroke(window.canvas, [(0.25, 0.3), (0.75, 0.3)])
    qtbot.waitUntil(lambda: not np.array_equal(look.inspection.maps_view.grid(), first), timeout=5000)

    window.canvas.clear()
    qtbot.waitUntil(lambda: look.inspection.maps_view.grid() is None, timeout=5000)


def test_the_maps_read_the_image_the_prediction_panel_made(qtbot, window, tiny_cnn_path):
    from desktop_app.core.preprocess import preprocess_image

    assert open_model(qtbot, window, tiny_cnn_path)
    look = window.inspection
    look.inside_dock.raise_()
    draw_stroke(window.canvas, SEVEN)
    look.update_now()
    expected = preprocess_image(window.canvas.drawing())
    np.testing.assert_array_equal(window.prediction.network_input(), expected)
    np.testing.assert_array_equal(look.inspection.shown_image(), expected[..., 0])
    window.canvas.clear()
    look.update_now()
    assert look.inspection.shown_image() is None


def test_the_saliency_overlay_tints_the_drawing(qtbot, window, tiny_cnn_path):
    assert open_model(qtbot, window, tiny_cnn_path)
    look = window.inspection
    assert not look.overlay.isVisible()
    look.saliency_check.setChecked(True)
    draw_stroke(window.canvas, SEVEN)
    qtbot.waitUntil(look.overlay.has_map, timeout=5000)
    assert look.overlay.isVisible()
    assert window.settings.get("inspection/show_saliency", False) is True
    look.saliency_check.setChecked(False)
    assert not look.overlay.isVisible() and not look.overlay.has_map()


def test_the_summary_copies_every_layer(qtbot, window, tiny_cnn_path):
    assert open_model(qtbot, window, tiny_cnn_path)
    look = window.inspection
    look.summary_dock.raise_()
    look.update_now()
    summary = look.summary
    rows = layer_summary(window.model())
    assert summary.table.rowCount() == len(rows)
    assert summary.table.item(0, 0).text() == rows[0]["name"]

    QGuiApplication.clipboard().clear()
    summary.copy_button.click()
    text = QGuiApplication.clipboard().text()
    for row in rows:
        assert f"{row['name']} ({row['type']})" in text
    total = sum(row["parameters"] for row in rows)
    assert f"Total params: {total:,}".replace(",", " ") in text


def test_the_training_options_round_trip(qtbot, tmp_path):
    from desktop_app.core.training import TrainConfig, TrainingResult
    from desktop_app.gui.settings import AppSettings
    from desktop_app.gui.training.panel import TrainingPanel

    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.patience_spin.setValue(3)
    panel.monitor_combo.setCurrentIndex(panel.monitor_combo.findData("val_accuracy"))
    panel.restore_best_check.setChecked(True)
    panel.choose_checkpoint_file = lambda: str(tmp_path / "best.keras")
    panel.checkpoint_button.click()
    panel.choose_tensorboard_folder = lambda: str(tmp_path / "logs")
    panel.tensorboard_button.click()
    panel.loop_combo.setCurrentIndex(panel.loop_combo.findData("tape"))

    config = panel.config()
    assert (config.early_stopping_patience, config.early_stopping_monitor, config.restore_best) == (3, "val_accuracy", True)
    assert config.checkpoint_path == str(tmp_path / "best.keras")
    assert config.tensorboard_dir == str(tmp_path / "logs") and config.loop == "tape"
    config.check()

    AppSettings().set_train_config(config)
    restored = AppSettings().train_config()
    other = TrainingPanel()
    qtbot.addWidget(other)
    other.set_config(restored)
    assert other.config() == config
    assert other.loop_combo.currentText() == "GradientTape loop"
    assert other.restore_best_check.isChecked() and other.monitor_combo.currentText() == "Validation accuracy"

    # emptied fields mean "off"
    other.checkpoint_edit.clear()
    other.tensorboard_edit.clear()
    assert other.config().checkpoint_path is None and other.config().tensorboard_dir is None
    AppSettings().set_train_config(other.config())
    assert AppSettings().train_config().tensorboard_dir is None

    # after a run with TensorBoard logs, the panel shows the command that opens them
    other.set_training(True)
    other.set_training(False)
    other.show_result(TrainingResult(None, {"loss": [0.5]}, "finished", "Trained 1 epoch(s).", 1, 1.0, "cpu",
                                     TrainConfig(tensorboard_dir=str(tmp_path / "logs"))))
    assert f'tensorboard --logdir "{tmp_path / "logs"}"' in other.progress_label.text()


def _train(qtbot, window, config):
    window.training_panel.set_config(config)
    window.training_panel.train_button.click()
    assert window.is_training()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=90_000)
    return window.last_training_result()


def test_history_overlays_every_run_and_exports_them(qtbot, window, tmp_path):
    look = window.inspection
    look.history_dock.raise_()
    history = look.history
    assert history.runs() == []

    first = _train(qtbot, window, quick_config())
    window.training_panel.new_model_check.setChecked(True)
    logs = tmp_path / "tensorboard"
    second = _train(qtbot, window, quick_config(preset="small-cnn", learning_rate=0.001, loop="tape",
                                               tensorboard_dir=str(logs)))
    assert first.status == second.status == "finished", (first.reason, second.reason)

    labels = [run.label for run in history.runs()]
    assert labels == ["mlp · adam 0.003 · 1 ep", "small-cnn · adam 0.001 · 1 ep · tape"]
    assert [item.text() for item in map(history.run_list.item, range(2))] == labels
    assert history.shown_curve_count() == 4  # validation loss and accuracy of each run
    history.set_visible(0, False)
    assert history.shown_curve_count() == 2 and [run.label for run in history.visible_runs()] == labels[1:]
    history.set_visible(0, True)

    # the tape loop really ran with TensorBoard: the logs exist and the command is shown
    assert any(logs.rglob("events.out.tfevents.*"))
    assert f'tensorboard --logdir "{logs}"' in window.training_panel.progress_label.text()
    qtbot.waitUntil(lambda: "tensorboard --logdir" in window.log_view.toPlainText(), timeout=2000)

    files = history.export_csv(tmp_path / "csv")
    assert [path.name for path in files] == ["run-01-mlp-adam-0.003-1-ep.csv",
                                             "run-02-small-cnn-adam-0.001-1-ep-tape.csv"]
    with open(files[1], newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["epoch", "loss", "accuracy", "val_loss", "val_accuracy"]
    assert len(rows) == 2 and float(rows[1][4]) == pytest.approx(second.history["val_accuracy"][0], abs=1e-5)
    picture = history.export_png(tmp_path / "curves.png")
    assert picture.stat().st_size > 1000


def test_an_opened_model_brings_its_history(qtbot, window, tiny_model_path):
    assert open_model(qtbot, window, tiny_model_path)
    runs = window.inspection.history.runs()
    assert [run.label for run in runs] == ["tiny.keras · 1 ep (opened)"]
    assert len(runs[0].history["loss"]) == 1
