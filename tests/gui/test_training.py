"""Training through the Train button: curves, progress, log, Stop, closing mid-run, continuing, failures."""

from __future__ import annotations

import threading

import numpy as np
import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.inference import Predictor
from desktop_app.core.preprocess import preprocess_image
from desktop_app.gui import workers
from gui_support import ONE, SEVEN, draw_stroke, quick_config


def _train(qtbot, window, config, timeout=60_000):
    window.training_panel.set_config(config)
    assert window.training_panel.train_button.isEnabled()
    window.training_panel.train_button.click()
    assert window.is_training()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=timeout)
    return window.last_training_result()


def test_train_button_trains_and_shows_progress(qtbot, window):
    panel = window.training_panel
    result = _train(qtbot, window, quick_config(preset="small-cnn"))

    assert result.status == "finished", result.reason
    batches, train_epochs, validation_epochs = window.plots.point_counts()["loss"]
    assert batches >= 1 and train_epochs == 1 and validation_epochs == 1
    assert window.plots.point_counts()["accuracy"][1] == 1
    assert panel.progress_bar.value() == panel.progress_bar.maximum()
    assert "Trained 1 epoch" in panel.progress_label.text()
    # both plots draw every batch point (the accuracy plot redraws a moment after the loss plot)
    qtbot.waitUntil(lambda: all(len(plot.batch_curve.getData()[0] if plot.batch_curve.getData()[0] is not None
                                    else []) == batches
                                for plot in (window.plots.loss, window.plots.accuracy)), timeout=5_000)
    log_text = window.log_view.toPlainText()
    assert "Epoch 1/1: loss" in log_text and "validation accuracy" in log_text
    # back to idle
    assert panel.train_button.isEnabled() and not panel.stop_button.isEnabled()
    assert panel.epochs_spin.isEnabled() and panel.preset_combo.isEnabled()
    assert window.save_action.isEnabled()
    # an unsaved trained model: the title says so, and Train now continues it
    assert window.windowTitle() == "untitled[*] — Digit Lab" and window.isWindowModified()
    assert panel.train_button.text() == "Continue training"
    assert len(window.model_history()["loss"]) == 1


def test_inputs_are_disabled_while_training(qtbot, window):
    panel = window.training_panel
    panel.set_config(quick_config(train_limit=2000, batch_size=16))
    panel.train_button.click()
    try:
        assert not panel.train_button.isEnabled() and panel.stop_button.isEnabled()
        assert not panel.epochs_spin.isEnabled() and not panel.data_combo.isEnabled()
        assert not window.open_action.isEnabled() and not window.save_action.isEnabled()
    finally:
        panel.stop_button.click()
        qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)


def test_stop_mid_epoch_leaves_a_usable_model(qtbot, window):
    panel = window.training_panel
    panel.set_config(quick_config(train_limit=3000, batch_size=16))
    panel.train_button.click()
    qtbot.waitUntil(lambda: window.plots.point_counts()["loss"][0] >= 1, timeout=60_000)  # the first batch
    panel.stop_button.click()
    assert not panel.stop_button.isEnabled()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)

    result = window.last_training_result()
    assert result.status == "stopped"
    assert "Stopped by the user" in panel.progress_label.text()
    assert panel.progress_bar.value() < panel.progress_bar.maximum()
    assert panel.train_button.isEnabled() and not panel.stop_button.isEnabled()
    # the partly trained model reads a drawing
    draw_stroke(window.canvas, SEVEN)
    probabilities = window.prediction.probabilities()
    assert probabilities is not None and probabilities.shape == (10,)
    assert abs(float(probabilities.sum()) - 1) < 1e-3
    # with the weights the model stopped at, not those it started the run with
    expected = Predictor(window.model()).predict(preprocess_image(window.canvas.drawing()))
    np.testing.assert_allclose(probabilities, expected, atol=1e-4)


def test_closing_the_window_mid_training_stops_and_waits(qtbot, make_window):
    window = make_window()
    window.training_panel.set_config(quick_config(train_limit=3000, batch_size=16))
    window.training_panel.train_button.click()
    threads = window.tasks.threads()
    assert threads
    qtbot.waitUntil(lambda: window.plots.point_counts()["loss"][0] >= 1, timeout=60_000)

    assert window.close()

    assert not window.is_training()
    assert window.running_threads() == 0
    for thread in threads:
        assert not shiboken6.isValid(thread) or thread.isFinished()
    assert window.last_training_result().status == "stopped"
    assert "Closing: stopping the training first." in window.log_view.toPlainText()


def test_train_again_continues_the_model(qtbot, window):
    _train(qtbot, window, quick_config())
    first_model = window.model()
    assert window.training_panel.train_button.text() == "Continue training"

    result = _train(qtbot, window, quick_config())

    assert result.status == "finished"
    assert window.model() is first_model
    assert len(window.model_history()["loss"]) == 2
    assert window.plots.point_counts()["loss"][1] == 2
    assert "Epoch 2/2" in window.log_view.toPlainText()


def test_start_a_new_model_discards_the_history(qtbot, window):
    _train(qtbot, window, quick_config())
    first_model = window.model()
    window.training_panel.new_model_check.setChecked(True)
    assert window.training_panel.train_button.text() == "Train"

    _train(qtbot, window, quick_config(preset="small-cnn"))

    assert window.model() is not first_model
    assert len(window.model_history()["loss"]) == 1


def test_a_failed_run_shows_a_message_and_returns_to_idle(qtbot, window, message_boxes, tmp_path):
    missing = tmp_path / "no-such-data"
    result = _train(qtbot, window, quick_config(data=str(missing)))

    assert result.status == "failed"
    errors = message_boxes.texts("critical")
    assert errors and str(missing) in errors[0] and "What to do" in errors[0]
    assert str(missing) in window.log_view.toPlainText()
    assert window.training_panel.train_button.isEnabled()
    assert window.model() is None or len(window.model_history().get("loss", [])) == 0


class _FirstEpochSeen(QObject):
    """When the first epoch's weights reach the window, notes what the window shows at that moment, then
    lets the paused training thread go on."""

    def __init__(self, window, worker, release: threading.Event) -> None:
        super().__init__()
        self.window, self.worker, self.release = window, worker, release
        self.seen: dict | None = None

    @Slot(object, object)
    def record(self, record, weights) -> None:
        if self.seen is None:
            self.seen = {
                "epoch": record.epoch,
                "training": self.window.is_training(),
                "worker_done": self.worker.result is not None,
                "note": self.window.prediction.model_note.text(),
                "probabilities": self.window.prediction.probabilities(),
                "epoch_points": self.window.plots.point_counts()["loss"][1],
                "weights": [array.copy() for array in weights],
            }
        self.release.set()


def test_predictions_follow_the_epochs_while_training(qtbot, window, monkeypatch):
    """The canvas reads with each finished epoch while the run goes on, not only once it has ended: the
    training thread is held at its start (to read the untrained answer) and after its first epoch (until
    the window has shown that epoch), so the end-of-run update cannot be what the test sees."""
    started, first_epoch_shown = threading.Event(), threading.Event()
    begin, epoch_end = workers._SignalObserver.on_train_begin, workers._SignalObserver.on_epoch_end

    def held_at_the_start(self, plan):
        begin(self, plan)
        started.wait(30)

    def held_after_the_first_epoch(self, record, model):
        epoch_end(self, record, model)
        if record.epoch == 0:
            first_epoch_shown.wait(30)

    monkeypatch.setattr(workers._SignalObserver, "on_train_begin", held_at_the_start)
    monkeypatch.setattr(workers._SignalObserver, "on_epoch_end", held_after_the_first_epoch)
    draw_stroke(window.canvas, SEVEN)
    window.training_panel.set_config(quick_config(epochs=3))
    window.training_panel.train_button.click()
    worker = window.tasks.worker("training")
    watcher = _FirstEpochSeen(window, worker, first_epoch_shown)
    worker.epoch_ended.connect(watcher.record)
    # the worker builds the model and its untrained twin, which answers before training starts
    qtbot.waitUntil(lambda: window.prediction.probabilities() is not None, timeout=30_000)
    untrained = window.prediction.probabilities()
    assert "Untrained weights" in window.prediction.model_note.text()
    started.set()
    qtbot.waitUntil(lambda: watcher.seen is not None, timeout=60_000)

    seen = watcher.seen
    assert seen["epoch"] == 0 and seen["training"] and not seen["worker_done"]  # the run was still going
    assert "after epoch 1" in seen["note"] and seen["epoch_points"] == 1
    assert seen["probabilities"] is not None and not np.allclose(seen["probabilities"], untrained, atol=1e-3)
    from desktop_app.core.inference import copy_model

    epoch_one = Predictor(copy_model(window.session.predictor().model))
    epoch_one.set_weights(seen["weights"])
    expected = epoch_one.predict(preprocess_image(window.canvas.drawing()))
    np.testing.assert_allclose(seen["probabilities"], expected, atol=1e-5)  # epoch 1's own weights
    qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)
    assert window.last_training_result().epochs_completed == 3
    assert not np.allclose(window.prediction.probabilities(), seen["probabilities"], atol=1e-4)


def test_a_model_that_cannot_be_built_leaves_the_open_one(qtbot, window, message_boxes, monkeypatch):
    _train(qtbot, window, quick_config())
    first_model = window.model()

    def cannot_build(config):
        raise MemoryError("not enough memory for the layers")

    monkeypatch.setattr(workers, "new_model", cannot_build)
    window.training_panel.new_model_check.setChecked(True)
    result = _train(qtbot, window, quick_config(preset="small-cnn"))

    assert result.status == "failed"
    errors = message_boxes.texts("critical")
    assert errors and "Building the Small CNN failed: MemoryError: not enough memory" in errors[0]
    assert window.model() is first_model and len(window.model_history()["loss"]) == 1
    assert window.training_panel.train_button.isEnabled()
    draw_stroke(window.canvas, SEVEN)
    assert window.prediction.probabilities() is not None  # the open model still reads drawings


class _EpochWeights(QObject):
    """Keeps each epoch's weights as the training worker hands them to the window (on the GUI thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.weights: list[list[np.ndarray]] = []

    @Slot(object, object)
    def record(self, _record, weights) -> None:
        self.weights.append([array.copy() for array in weights])


def test_drawing_through_several_epoch_ends_reads_with_the_newest_epoch(qtbot, window):
    """The canvas' copy of the model is only ever used on the GUI thread: drawing without pause while
    training crosses several epoch ends, and each answer is the last finished epoch's."""
    config = quick_config(preset="small-cnn", epochs=4, train_limit=900, batch_size=16)
    window.training_panel.set_config(config)
    window.training_panel.train_button.click()
    recorder = _EpochWeights()
    window.tasks.worker("training").epoch_ended.connect(recorder.record)
    reference = None
    checked = set()
    strokes = 0
    while window.is_training():
        window.canvas.clear()
        draw_stroke(window.canvas, SEVEN if strokes % 2 else ONE)  # every stroke is read at once
        strokes += 1
        qtbot.wait(5)
        note = window.prediction.model_note.text()
        epochs = len(recorder.weights)
        if epochs and f"after epoch {epochs} " in note and epochs not in checked:
            if reference is None:
                from desktop_app.core.inference import copy_model

                reference = Predictor(copy_model(window.session.predictor().model))
            reference.set_weights(recorder.weights[-1])
            expected = reference.predict(window.prediction.network_input())
            np.testing.assert_allclose(window.prediction.probabilities(), expected, atol=1e-5)
            checked.add(epochs)

    result = window.last_training_result()
    assert result.status == "finished", result.reason
    assert len(recorder.weights) == 4
    assert len(checked) >= 3, f"only epochs {sorted(checked)} were seen while drawing ({strokes} strokes)"
    draw_stroke(window.canvas, SEVEN)  # and after the run, the final weights
    final = Predictor(window.model()).predict(window.prediction.network_input())
    np.testing.assert_allclose(window.prediction.probabilities(), final, atol=1e-5)


def test_closing_during_training_and_choosing_cancel_keeps_it_running(qtbot, window, monkeypatch, message_boxes):
    asked = []

    def cancel(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    config = quick_config(epochs=3, train_limit=1200, batch_size=16)
    window.training_panel.set_config(config)
    window.training_panel.train_button.click()
    qtbot.waitUntil(lambda: window.plots.point_counts()["loss"][0] >= 1, timeout=60_000)

    assert not window.close()

    assert asked and "Training is running" in asked[0]
    assert window.isVisible() and window.is_training()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=120_000)
    result = window.last_training_result()
    assert result.status == "finished" and result.epochs_completed == 3
    assert "Closing" not in window.log_view.toPlainText()
