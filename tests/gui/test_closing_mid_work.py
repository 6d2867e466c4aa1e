"""Closing the window while background work runs: an export, an evaluation, a handwriting measurement.

Each closes without a crash, asks only when the work uses the open model itself (an export does; the
evaluation and the measurement read copies), leaves no thread running and nothing half-written. The work
is slowed down by fakes so the window is closed mid-run every time.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
import shiboken6

from gui_support import ONE, SEVEN, draw_stroke

QUICK_CLOSE = 5.0  # seconds: a cancelled task ends at its next check, long before the fake would finish


def _open(qtbot, window, path) -> None:
    assert window.open_model(path)
    # The model arrives before the opening task has ended: wait for both, or the next task is refused.
    qtbot.waitUntil(lambda: window.model() is not None and not window.is_opening(), timeout=30_000)


def _questions(message_boxes) -> list[str]:
    return [text for kind, _, text in message_boxes.calls if kind == "question"]


def _closed_cleanly(qtbot, window, threads) -> None:
    assert not window.isVisible()
    assert window.running_threads() == 0
    for thread in threads:
        assert not shiboken6.isValid(thread) or thread.isFinished()
    qtbot.wait(50)  # the work's queued signals arrive after the close: none may break anything


@pytest.mark.parametrize("outcome", ["written", "failed"])
def test_closing_during_an_export_asks_waits_and_leaves_no_partial_file(qtbot, window, tiny_model_path, tmp_path,
                                                                       message_boxes, monkeypatch, outcome):
    import tensorflow as tf

    _open(qtbot, window, tiny_model_path)
    converting = threading.Event()
    flat = b"TFL3" + bytes(range(256)) * 64

    class SlowConverter:
        def convert(self):
            converting.set()
            time.sleep(1.0)  # the window is closed meanwhile
            if outcome == "failed":
                raise RuntimeError("the converter ran out of memory")
            return flat

    monkeypatch.setattr(tf.lite.TFLiteConverter, "from_keras_model", staticmethod(lambda model: SlowConverter()))
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "digits.tflite"
    assert window.export_model(target, "tflite")
    threads = window.tasks.threads()
    assert converting.wait(30)

    assert window.close()

    questions = _questions(message_boxes)
    assert len(questions) == 1 and questions[0].startswith("An export is running. Stop it and close")
    assert not window.is_exporting()
    _closed_cleanly(qtbot, window, threads)
    if outcome == "written":  # closing waited for the export: the whole file, nothing else
        assert [p.name for p in folder.iterdir()] == ["digits.tflite"] and target.read_bytes() == flat
    else:  # no file at all, no temporary one, and no error box over a closed window
        assert list(folder.iterdir()) == []
        assert message_boxes.texts("critical") == []


def _slow_evaluate(monkeypatch, module, started: threading.Event, ended: list) -> None:
    """Replace `module.evaluate` by one that reports progress every 20 ms for 30 s before evaluating for real:
    only a cancel (an exception from `progress`) ends it sooner."""
    real = module.evaluate

    def slow(model, images, labels, mistakes=25, progress=None):
        started.set()
        try:
            for step in range(1500):
                time.sleep(0.02)
                if progress:
                    progress(step, 1500)
        except BaseException as error:
            ended.append(type(error).__name__)
            raise
        ended.append("finished")
        return real(model, images, labels, mistakes, progress)

    monkeypatch.setattr(module, "evaluate", slow)


def test_closing_during_an_evaluation_cancels_it_without_asking(qtbot, window, tiny_model_path, message_boxes,
                                                                monkeypatch):
    from desktop_app.core import evaluation

    _open(qtbot, window, tiny_model_path)
    started, ended = threading.Event(), []
    _slow_evaluate(monkeypatch, evaluation, started, ended)
    look = window.inspection
    look.evaluation_limit = 100
    look.evaluate_action.trigger()
    assert look.evaluation.is_running()
    threads = window.tasks.threads()
    assert started.wait(30)

    began = time.monotonic()
    assert window.close()

    assert time.monotonic() - began < QUICK_CLOSE  # cancelled, not waited out
    assert _questions(message_boxes) == []  # it reads a copy: nothing to ask
    assert ended == ["_Cancelled"]
    _closed_cleanly(qtbot, window, threads)
    assert look.evaluation.report() is None
    assert message_boxes.texts("critical") == []


def test_closing_during_a_handwriting_measurement_stops_it_without_asking(qtbot, window, tiny_model_path,
                                                                          message_boxes, monkeypatch):
    from desktop_app.core import fine_tuning

    _open(qtbot, window, tiny_model_path)
    hand = window.handwriting
    for digit, stroke in ((1, ONE), (7, SEVEN)):
        draw_stroke(window.canvas, stroke)
        hand.collect_bar.digit_buttons[digit].click()
    weights = [w.copy() for w in window.model().get_weights()]
    started, ended = threading.Event(), []
    _slow_evaluate(monkeypatch, fine_tuning, started, ended)
    hand.mnist_test_images = 100
    hand.view.measure_button.click()
    assert hand.is_measuring()
    threads = window.tasks.threads()
    assert started.wait(30)

    began = time.monotonic()
    assert window.close()

    assert time.monotonic() - began < QUICK_CLOSE
    assert _questions(message_boxes) == []
    assert ended == ["_Cancelled"]
    assert not hand.is_measuring()
    _closed_cleanly(qtbot, window, threads)
    assert "Your handwriting:" not in hand.view.measure_result.text()
    assert message_boxes.texts("critical") == []
    for before, now in zip(weights, window.model().get_weights()):
        np.testing.assert_array_equal(before, now)  # the open model was never touched
