"""The two ways to train the course teaches, and the callbacks it teaches, on tiny runs."""

import threading

import numpy as np

from desktop_app.core.evaluation import evaluate
from desktop_app.core.training import TrainConfig, TrainingObserver, train


def config(**overrides):
    values = dict(preset="small-cnn", epochs=2, batch_size=32, augment=False, validation_split=0.2,
                  device="cpu", seed=3)
    values.update(overrides)
    return TrainConfig(**values)


class Counter(TrainingObserver):
    def __init__(self, stop_event=None):
        self.batches, self.epochs, self.stop_event = 0, [], stop_event

    def on_batch_end(self, progress):
        self.batches += 1
        if self.stop_event and self.batches == 2:
            self.stop_event.set()

    def on_epoch_end(self, record, model):
        self.epochs.append(record)


def test_tape_loop_and_fit_report_alike_and_reach_comparable_accuracy(small_mnist):
    results = {}
    for loop in ("fit", "tape"):
        counter = Counter()
        result = train(config(loop=loop), counter, dataset=small_mnist)
        report = evaluate(result.model, small_mnist.x_test, small_mnist.y_test)
        results[loop] = (result, counter, report)
    (fit, fit_counter, fit_report), (tape, tape_counter, tape_report) = results["fit"], results["tape"]
    assert fit_counter.batches == tape_counter.batches == 2 * 15
    assert set(tape.history) == set(fit.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert tape.status == "finished" and len(tape.history["loss"]) == 2
    assert tape.history["loss"][1] < tape.history["loss"][0]
    assert tape_report.accuracy > 0.6 and abs(tape_report.accuracy - fit_report.accuracy) < 0.1


def test_tape_loop_honours_stop(small_mnist):
    stop = threading.Event()
    counter = Counter(stop)
    result = train(config(loop="tape"), counter, stop, dataset=small_mnist)
    assert result.status == "stopped" and counter.batches == 2 and counter.epochs[-1].partial


def test_early_stopping_with_best_restore(small_mnist):
    # A learning rate this high makes validation loss worse after the first epoch.
    result = train(config(epochs=6, optimizer="sgd", learning_rate=2.0, cosine_decay=False,
                          early_stopping_patience=1, restore_best=True), dataset=small_mnist)
    val = result.history["val_loss"]
    assert result.status == "finished", result.reason  # seeded: the rate is high, yet no loss turns NaN
    assert len(val) < 6 and "Early stopping" in result.reason
    best = int(np.nanargmin(val))
    assert best < len(val) - 1  # the run went on past its best epoch, then stopped


def test_tensorboard_event_files_appear_where_asked(tmp_path, small_mnist):
    for loop in ("fit", "tape"):
        folder = tmp_path / loop
        result = train(config(epochs=1, loop=loop, tensorboard_dir=str(folder)), dataset=small_mnist)
        assert result.status == "finished", result.reason
        events = list(folder.rglob("events.out.tfevents.*"))
        assert events and all(path.stat().st_size > 0 for path in events)
