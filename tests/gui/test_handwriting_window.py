"""Teach it your handwriting: collecting drawings, the “My handwriting” dock, measuring and fine-tuning."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui_support import ONE, SEVEN, draw_stroke, open_model


def pngs(root: Path, digit: int) -> list[Path]:
    return sorted((root / str(digit)).glob("*.png"))


@pytest.fixture
def root(tmp_path) -> Path:
    return tmp_path / "handwriting"  # where conftest points the handwriting set of every test window


def test_the_set_lives_in_the_test_folder(window, root):
    assert window.handwriting.dataset.root == root
    assert "No drawings yet" in window.handwriting.view.summary.text()


def test_storing_a_drawing_files_it_under_its_digit_and_delete_removes_it(qtbot, window, root):
    hand = window.handwriting
    draw_stroke(window.canvas, SEVEN)
    hand.collect_bar.digit_buttons[7].click()

    files = pngs(root, 7)
    assert len(files) == 1 and not any(pngs(root, digit) for digit in range(10) if digit != 7)
    assert window.canvas.is_empty()  # cleared for the next drawing
    assert window.statusBar().currentMessage() == "Stored as 7 · you have 1 seven"
    stored = json.loads((root / "index.json").read_text())["samples"][0]
    assert stored["label"] == 7 and len(stored["strokes"]) == 1 and len(stored["strokes"][0]) >= 3
    # the dock counts it and shows its thumbnail
    assert hand.view.summary.text().startswith("1 drawing ·")
    assert hand.view.chart.counts()[7] == 1
    assert hand.view.thumbnail_count() == 1 and hand.view.thumbnails.item(0).text() == "7"
    assert not hand.view.thumbnails.item(0).icon().isNull()

    draw_stroke(window.canvas, ONE)
    hand.collect_bar.digit_buttons[7].click()
    assert window.statusBar().currentMessage() == "Stored as 7 · you have 2 sevens"

    hand.view.thumbnails.setCurrentRow(0)  # the newest first
    QTest.keyClick(hand.view.thumbnails, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage() == "Deleted."
    assert len(pngs(root, 7)) == 1 and files[0].exists()  # the newer one went
    assert hand.view.thumbnail_count() == 1 and hand.view.chart.counts()[7] == 1


def test_an_empty_canvas_is_not_stored(window, root):
    window.handwriting.collect_bar.digit_buttons[3].click()
    assert window.statusBar().currentMessage() == "Nothing to store: draw a 3 on the canvas first."
    assert not root.exists()


def test_ctrl_digit_stores_the_drawing(qtbot, window, root):
    assert "Ctrl+4" in window.handwriting.collect_bar.digit_buttons[4].toolTip()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    draw_stroke(window.canvas, ONE)
    QTest.keyClick(window.canvas, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert len(pngs(root, 4)) == 1


def test_practice_asks_for_digits_and_enter_stores_them(qtbot, window, root):
    hand = window.handwriting
    bar = hand.collect_bar
    assert not bar.practice_row.isVisible()
    bar.practice_button.click()
    assert bar.practice_row.isVisible()
    asked = hand.asked_digit()
    assert asked is not None
    assert bar.prompt_text().startswith(f"Draw {'an' if asked == 8 else 'a'} {asked}  (0 of 10 ")

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.canvas.setFocus()
    draw_stroke(window.canvas, SEVEN)
    QTest.keyClick(window.canvas, Qt.Key.Key_Return)
    assert len(pngs(root, asked)) == 1
    following = hand.asked_digit()
    assert following != asked  # the least collected digits come next
    assert bar.prompt_text().startswith(f"Draw {'an' if following == 8 else 'a'} {following}")

    draw_stroke(window.canvas, ONE)
    bar.store_button.click()
    assert len(pngs(root, following)) == 1
    assert sum(hand.counts()) == 2


def test_zip_export_and_import_round_trip_through_the_view(qtbot, window, root, tmp_path):
    hand = window.handwriting
    for digit, stroke in ((1, ONE), (7, SEVEN)):
        draw_stroke(window.canvas, stroke)
        hand.collect_bar.digit_buttons[digit].click()
    archive = tmp_path / "mine.zip"
    hand.ask_save_zip = lambda: str(archive)
    hand.view.export_zip_button.click()
    assert sorted(Path(name).parts[0] for name in zipfile.ZipFile(archive).namelist()
                  if name.endswith(".png")) == ["1", "7"]
    assert window.statusBar().currentMessage() == "Exported 2 drawings to mine.zip."

    hand.view.thumbnails.selectAll()
    hand.view.delete_button.click()
    assert hand.view.thumbnail_count() == 0 and not pngs(root, 1) and not pngs(root, 7)

    hand.ask_open_zip = lambda: str(archive)
    hand.view.import_zip_button.click()
    assert window.statusBar().currentMessage() == "Imported 2 drawings from mine.zip."
    assert hand.view.chart.counts()[1] == 1 and hand.view.chart.counts()[7] == 1
    assert hand.view.thumbnail_count() == 2

    folder = tmp_path / "folder"
    (folder / "5").mkdir(parents=True)
    (folder / "5" / "a.png").write_bytes((root / hand.dataset.samples()[0].file).read_bytes())
    hand.ask_folder = lambda: str(folder)
    hand.view.import_folder_button.click()
    assert hand.view.chart.counts()[5] == 1 and hand.view.thumbnail_count() == 3


@pytest.fixture
def synthetic_hand(root):
    """Six drawings of each digit in a consistent slanted, thick “personal” style, stored in the test set."""
    from desktop_app.core.data import load_dataset
    from desktop_app.core.handwriting import HandwritingSet
    from desktop_app.core.synthetic import personal_style

    mnist = load_dataset()
    store = HandwritingSet(root)
    rng = np.random.default_rng(3)
    for digit in range(10):
        for index in np.flatnonzero(mnist.y_train[50000:] == digit)[:6]:
            store.add(personal_style(mnist.x_train[50000 + index], rng=rng), digit)
    return store


def test_fine_tuning_needs_a_model_and_two_drawings_of_each_digit(qtbot, window, tiny_model_path, message_boxes):
    hand = window.handwriting
    assert not hand.view.fine_tune_button.isEnabled()  # no model yet
    assert open_model(qtbot, window, tiny_model_path)
    assert hand.view.fine_tune_button.isEnabled()
    draw_stroke(window.canvas, ONE)
    hand.collect_bar.digit_buttons[1].click()
    hand.view.fine_tune_button.click()
    assert not window.is_training()
    text = hand.view.fine_tune_result.text()
    assert "at least 2 drawings of every digit" in text and "2 more zeros" in text and "1 more one," in text
    assert message_boxes.texts("information") == [text]


def test_measure_and_fine_tune_then_discard_restores_the_model(qtbot, window, tiny_model_path, synthetic_hand):
    hand = window.handwriting
    assert open_model(qtbot, window, tiny_model_path)
    hand.refresh()
    assert hand.view.summary.text().startswith("60 drawings")
    hand.mnist_test_images = 500
    hand.fine_tune_epochs = 1

    # how well does it read the synthetic hand?
    hand.view.measure_button.click()
    assert hand.is_measuring() and not hand.view.measure_button.isEnabled()
    qtbot.waitUntil(lambda: not hand.is_measuring(), timeout=60_000)
    measured = hand.view.measure_result.text()
    assert "Your handwriting: <b>" in measured and "(500 images)" in measured and "Per digit" in measured
    assert all(" → " in text for text in hand.view.mistake_texts())

    draw_stroke(window.canvas, SEVEN)
    before = window.prediction.probabilities().copy()
    weights_before = [w.copy() for w in window.model().get_weights()]
    epochs_before = window.plots.point_counts()["loss"][1]

    hand.view.fine_tune_button.click()
    assert window.is_training() and hand.is_fine_tuning()
    assert not window.train_action.isEnabled() and window.stop_action.isEnabled()
    qtbot.waitUntil(lambda: hand.result_dialog is not None and hand.result_dialog.isVisible(), timeout=120_000)
    assert not window.is_training()
    assert window.plots.point_counts()["loss"][1] == epochs_before + 1  # the curves followed the run
    dialog = hand.result_dialog
    figures = dialog.figures_text()
    assert figures.count("%") >= 4 and "points" in figures
    report = hand.last_report
    assert report.holdout_size == 20 and report.train_size == 40
    assert "→" in hand.view.fine_tune_result.text()
    assert not any(np.array_equal(a, b) for a, b in zip(weights_before, window.model().get_weights())
                   if a.size > 10)

    dialog.discard_button.click()
    assert not dialog.isVisible()
    for a, b in zip(weights_before, window.model().get_weights()):
        np.testing.assert_array_equal(a, b)
    window.prediction.refresh()
    np.testing.assert_allclose(window.prediction.probabilities(), before, atol=1e-5)
    assert window.statusBar().currentMessage() == "Discarded the fine-tuned weights."
    assert "Discarded" in hand.view.fine_tune_result.text()
    assert not window.isWindowModified()
    assert window.plots.point_counts()["loss"][1] == epochs_before


def test_keeping_the_fine_tuned_weights_marks_the_model_unsaved(qtbot, window, tiny_model_path, synthetic_hand):
    hand = window.handwriting
    assert open_model(qtbot, window, tiny_model_path)
    hand.refresh()
    hand.mnist_test_images = 200
    hand.fine_tune_epochs = 1
    epochs = len(window.model_history()["loss"])
    hand.view.fine_tune_button.click()
    qtbot.waitUntil(lambda: hand.result_dialog is not None and hand.result_dialog.isVisible(), timeout=120_000)
    hand.result_dialog.keep_button.click()
    assert window.isWindowModified() and window.save_action.isEnabled()
    assert len(window.model_history()["loss"]) == epochs + 1
    assert window.statusBar().currentMessage() == "Kept the fine-tuned weights · the model is unsaved."


def test_stored_strokes_leave_out_an_undone_stroke(window, root):
    draw_stroke(window.canvas, SEVEN)
    draw_stroke(window.canvas, ONE)
    window.canvas_panel.undo_button.click()
    window.handwriting.collect_bar.digit_buttons[7].click()
    stored = json.loads((root / "index.json").read_text())["samples"][0]
    assert len(stored["strokes"]) == 1  # the seven's, which starts at 30 % of the width (the one's at 50 %)
    canvas = window.canvas
    side = min(canvas.width(), canvas.height())
    start = (0.3 * canvas.width() - (canvas.width() - side) / 2) * canvas.image().width() / side  # image pixels
    assert abs(stored["strokes"][0][0][0] - start) < 1


def test_closing_the_window_mid_fine_tuning_undoes_it_without_asking(qtbot, window, tiny_model_path,
                                                                     synthetic_hand):
    hand = window.handwriting
    assert open_model(qtbot, window, tiny_model_path)
    hand.refresh()
    hand.mnist_test_images = 200
    hand.fine_tune_epochs = 20
    weights_before = [w.copy() for w in window.model().get_weights()]
    epochs_before = window.plots.point_counts()["loss"][1]
    asked = []
    window.ask_unsaved = lambda: asked.append("unsaved?") or "discard"
    hand.view.fine_tune_button.click()
    qtbot.waitUntil(lambda: window.plots.point_counts()["loss"][1] > epochs_before, timeout=120_000)

    assert window.close()

    assert not window.is_training() and not hand.is_fine_tuning()
    assert hand.result_dialog is None and asked == []  # nothing to keep, nothing unsaved
    for a, b in zip(weights_before, window.model().get_weights()):
        np.testing.assert_array_equal(a, b)
    assert "Stopped" in hand.view.fine_tune_result.text() or "stopped" in hand.view.fine_tune_result.text()


# --- issue 11, case 13: transparent and blank images --------------------------------------------------

def test_an_import_names_each_image_it_skipped(qtbot, window, root, tmp_path, message_boxes):
    from PIL import Image

    from desktop_app.core.data import load_dataset

    mnist = load_dataset()
    hand = window.handwriting
    ink = np.asarray(Image.fromarray(mnist.x_test[0]).resize((84, 84)))  # a 7, as an alpha channel
    black = np.zeros_like(ink)
    pictures = {
        "7/transparent-seven.png": Image.fromarray(np.dstack([black, black, black, ink]), "RGBA"),
        "2/blank-two.png": Image.fromarray(np.full((60, 60), 255, np.uint8)),
        "1/see-through-one.png": Image.fromarray(np.zeros((60, 60, 4), np.uint8), "RGBA"),
    }
    archive = tmp_path / "mixed.zip"
    with zipfile.ZipFile(archive, "w") as target:
        for name, picture in pictures.items():
            path = tmp_path / name.replace("/", "-")
            picture.save(path)
            target.write(path, name)
    hand.ask_open_zip = lambda: str(archive)

    hand.view.import_zip_button.click()

    assert hand.view.thumbnail_count() == 1 and hand.view.chart.counts()[7] == 1
    assert window.statusBar().currentMessage() == "Imported 1 drawing from mixed.zip; skipped 2 (see the log)."
    warnings = message_boxes.texts("warning")
    assert len(warnings) == 1
    assert "2/blank-two.png: no ink" in warnings[0] and "1/see-through-one.png: no ink" in warnings[0]
    assert "transparent-seven" not in warnings[0]
    log = window.log_view.toPlainText()
    assert "Not imported from mixed.zip: 2/blank-two.png" in log and "1/see-through-one.png" in log
    # the transparent seven became dark ink on white, as the canvas draws
    stored = np.asarray(Image.open(root / hand.dataset.samples()[0].file))
    assert stored.ndim == 2 and stored[0].min() > 240 and stored.min() < 40


def test_measuring_names_a_blank_drawing_instead_of_failing(qtbot, window, tiny_model_path, root):
    from desktop_app.core.handwriting import HandwritingSet

    hand = window.handwriting
    assert window.open_model(tiny_model_path)
    qtbot.waitUntil(lambda: window.model() is not None and not window.is_opening(), timeout=30_000)
    for digit, stroke in ((1, ONE), (7, SEVEN)):
        draw_stroke(window.canvas, stroke)
        hand.collect_bar.digit_buttons[digit].click()
    blank = HandwritingSet(root).add(np.full((100, 100), 255, np.uint8), 3)  # as an older import stored it
    hand.refresh()
    hand.mnist_test_images = 50

    hand.view.measure_button.click()
    qtbot.waitUntil(lambda: not hand.is_measuring(), timeout=60_000)

    text = hand.view.measure_result.text()
    assert "Your handwriting: <b>" in text and "of 2)" in text  # the two readable drawings
    assert f"Left out 1 drawing that cannot be read: {blank.file}: no ink" in text
    assert "Nothing is drawn" not in text
    assert f"Measuring left out {blank.file}" in window.log_view.toPlainText()


# --- fine-tuning stopped or failing (issue 11) ---------------------------------------------------------

def _ready_to_fine_tune(qtbot, window, tiny_model_path, epochs: int):
    hand = window.handwriting
    assert window.open_model(tiny_model_path)
    qtbot.waitUntil(lambda: window.model() is not None and not window.is_opening(), timeout=30_000)
    hand.refresh()
    hand.mnist_test_images = 100
    hand.fine_tune_epochs = epochs
    draw_stroke(window.canvas, SEVEN)
    return hand, [w.copy() for w in window.model().get_weights()], window.prediction.probabilities().copy()


def _idle_and_reading(window, weights_before=None) -> None:
    """Back to idle, and the canvas reads with the model's current weights (those from before, if given)."""
    from desktop_app.core.inference import Predictor

    hand = window.handwriting
    assert not window.is_training() and not hand.is_fine_tuning()
    assert window.training_panel.train_button.isEnabled() and not window.training_panel.stop_button.isEnabled()
    assert hand.view.fine_tune_button.isEnabled() and hand.view.measure_button.isEnabled()
    if weights_before is not None:
        for before, now in zip(weights_before, window.model().get_weights()):
            np.testing.assert_array_equal(before, now)
    window.prediction.refresh()
    expected = Predictor(window.model()).predict(window.prediction.network_input())
    np.testing.assert_allclose(window.prediction.probabilities(), expected, atol=1e-5)


@pytest.mark.parametrize("when", ["before the first batch", "within the first epoch"])
def test_stopping_fine_tuning_leaves_a_usable_model_and_says_so(qtbot, window, tiny_model_path, synthetic_hand,
                                                               monkeypatch, message_boxes, when):
    """Stop is pressed while the training thread is held at that point, so the stop lands there."""
    from desktop_app.gui import workers

    blank = synthetic_hand.add(np.full((100, 100), 255, np.uint8), 3)  # named in the log, not fatal
    hand, weights, _ = _ready_to_fine_tune(qtbot, window, tiny_model_path, epochs=5)
    reached, go_on = threading.Event(), threading.Event()
    hook = "on_train_begin" if when == "before the first batch" else "on_batch_end"
    original = getattr(workers._SignalObserver, hook)

    def held(self, argument):
        original(self, argument)
        if not reached.is_set():
            reached.set()
            go_on.wait(30)

    monkeypatch.setattr(workers._SignalObserver, hook, held)
    hand.view.fine_tune_button.click()
    assert window.is_training() and hand.is_fine_tuning()
    qtbot.waitUntil(reached.is_set, timeout=60_000)
    qtbot.waitUntil(lambda: window.training_panel.stop_button.isEnabled(), timeout=10_000)
    window.training_panel.stop_button.click()
    assert window.statusBar().currentMessage() == "Stopping after this batch…"
    go_on.set()
    qtbot.waitUntil(lambda: not hand.is_fine_tuning(), timeout=60_000)

    assert f"Left out 1 drawing that cannot be read: {blank.file}: no ink" in window.log_view.toPlainText()
    assert message_boxes.texts("critical") == []
    if when == "before the first batch":  # nothing learned: undone at once
        assert hand.result_dialog is None
        assert window.training_panel.progress_label.text().startswith("Stopped before the first batch, after ")
        assert window.statusBar().currentMessage() == "Fine-tuning stopped: the model is unchanged."
        assert hand.view.fine_tune_result.text().startswith("Stopped before the first batch.")
        _idle_and_reading(window, weights)
        assert not window.isWindowModified()
    else:  # a partly trained epoch: the user still chooses, and is told the run was stopped
        qtbot.waitUntil(lambda: hand.result_dialog is not None and hand.result_dialog.isVisible(), timeout=10_000)
        stopped = "Stopped by the user after 1 epoch(s) (the last one partly trained)."
        assert window.training_panel.progress_label.text().startswith(f"{stopped[:-1]}, after ")
        assert window.statusBar().currentMessage().startswith("Fine-tuning stopped: your handwriting ")
        assert hand.view.fine_tune_result.text().startswith(f"{stopped} Your handwriting ")
        _idle_and_reading(window)  # the fine-tuned weights, on trial
        hand.result_dialog.discard_button.click()
        _idle_and_reading(window, weights)
        assert window.statusBar().currentMessage() == "Discarded the fine-tuned weights."


@pytest.mark.parametrize("failure", ["the run fails", "measuring after the run raises"])
def test_a_failing_fine_tuning_shows_an_error_and_keeps_the_weights(qtbot, window, tiny_model_path, synthetic_hand,
                                                                    monkeypatch, message_boxes, failure):
    from desktop_app.core import fine_tuning

    hand, weights, before = _ready_to_fine_tune(qtbot, window, tiny_model_path, epochs=1)
    trained = []
    if failure == "the run fails":  # train() reports a failure after changing the weights, as on a NaN loss
        real_train = fine_tuning.train

        def failing_train(*args, **kwargs):
            result = real_train(*args, **kwargs)
            trained.append(result.epochs_completed)
            result.status, result.reason = "failed", "Training failed: the loss became NaN in epoch 1."
            return result

        monkeypatch.setattr(fine_tuning, "train", failing_train)
        reason = "the loss became NaN in epoch 1"
    else:  # the weights changed in place, and no report comes back to undo them with
        real_train, real_evaluate = fine_tuning.train, fine_tuning.evaluate

        def counted_train(*args, **kwargs):
            result = real_train(*args, **kwargs)
            trained.append(result.epochs_completed)
            return result

        def evaluate(model, *args, **kwargs):
            if trained:
                raise MemoryError("out of memory while measuring")
            return real_evaluate(model, *args, **kwargs)

        monkeypatch.setattr(fine_tuning, "train", counted_train)
        monkeypatch.setattr(fine_tuning, "evaluate", evaluate)
        reason = "MemoryError: out of memory while measuring"

    hand.view.fine_tune_button.click()
    qtbot.waitUntil(lambda: not hand.is_fine_tuning(), timeout=120_000)

    assert trained == [1]  # it really trained (and changed the weights) before failing
    errors = message_boxes.texts("critical")
    assert len(errors) == 1 and reason in errors[0] and errors[0].endswith("The model is unchanged.")
    assert reason in hand.view.fine_tune_result.text()
    assert window.statusBar().currentMessage() == "Fine-tuning failed: the model is unchanged."
    assert hand.result_dialog is None
    _idle_and_reading(window, weights)
    np.testing.assert_allclose(window.prediction.probabilities(), before, atol=1e-5)
    assert not window.isWindowModified()
