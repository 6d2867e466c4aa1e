"""The two ways to train the course teaches, and the callbacks it teaches, on tiny runs."""

import threading

import numpy as np
import pytest

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


class WeightsPerEpoch(TrainingObserver):
    """Keeps each epoch's weights; after epoch `change_after` (0-based) sets the optimizer's rate to
    `rate`, the way to make a later epoch worse, or diverge, on purpose (cosine decay off, so it stays)."""

    def __init__(self, change_after=None, rate=None):
        self.weights, self.change_after, self.rate = [], change_after, rate

    def on_epoch_end(self, record, model):
        self.weights.append(model.get_weights())
        if record.epoch == self.change_after:
            model.optimizer.learning_rate = self.rate


def same_weights(first, second):
    return all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))


def validation_loss(model, small_mnist, run_config):
    """The model's loss on the run's held-out images, computed as the run computed val_loss (Keras' own
    loss, not evaluate()'s clipped one, which differs for the wildly confident model of a bad epoch)."""
    from desktop_app.core.pipeline import split_validation, to_float_images

    _, _, x_val, y_val = split_validation(small_mnist.x_train, small_mnist.y_train,
                                          run_config.validation_split, run_config.seed)
    return model.evaluate(to_float_images(x_val), y_val, verbose=0, return_dict=True)["loss"]


@pytest.mark.parametrize("loop", ["fit", "tape"])
@pytest.mark.parametrize("restore_best", [True, False], ids=["restore best", "keep last"])
def test_restore_best_ends_with_the_best_epoch_and_the_checkpoint_holds_it(tmp_path, small_mnist, loop,
                                                                          restore_best):
    import keras

    checkpoint = tmp_path / "best.keras"
    run_config = config(preset="mlp", epochs=3, optimizer="sgd", learning_rate=0.05, cosine_decay=False,
                        loop=loop, restore_best=restore_best, checkpoint_path=str(checkpoint))
    recorder = WeightsPerEpoch(change_after=1, rate=3.0)  # the third epoch at 60× the rate: much worse
    result = train(run_config, recorder, dataset=small_mnist)
    assert result.status == "finished" and result.epochs_completed == 3, result.reason
    val_loss = result.history["val_loss"]
    best = int(np.argmin(val_loss))
    assert best < 2 and val_loss[2] > val_loss[best] + 0.5  # the last epoch is not the best one

    kept = best if restore_best else 2
    assert same_weights(result.model.get_weights(), recorder.weights[kept])
    # the last epoch's figures end the history; the reason says when the model is not that epoch's
    note = f"The model keeps the weights of epoch {best + 1}, the best by val_loss ({val_loss[best]:.4f})."
    assert result.reason == "Trained 3 epoch(s)." + (f" {note}" if restore_best else "")
    assert validation_loss(result.model, small_mnist, run_config) == pytest.approx(val_loss[kept], rel=1e-4)

    saved = keras.models.load_model(checkpoint)  # whatever the model ends with, the file holds the best
    assert same_weights(saved.get_weights(), recorder.weights[best])
    assert validation_loss(saved, small_mnist, run_config) == pytest.approx(val_loss[best], rel=1e-4)


@pytest.mark.parametrize("loop", ["fit", "tape"])
def test_a_loss_that_turns_nan_fails_the_run_and_keeps_the_last_good_epoch(small_mnist, loop):
    run_config = config(preset="mlp", epochs=3, optimizer="sgd", learning_rate=0.05, cosine_decay=False,
                        loop=loop)
    recorder = WeightsPerEpoch(change_after=0, rate=1e30)  # the second epoch diverges
    result = train(run_config, recorder, dataset=small_mnist)
    assert result.status == "failed" and result.epochs_completed == 1
    assert result.reason.startswith("The loss became ") and "at epoch 2, batch " in result.reason
    assert "training diverged. The model keeps the weights of the last good epoch" in result.reason
    assert len(result.history["loss"]) == 1 and np.isfinite(result.history["loss"]).all()
    assert same_weights(result.model.get_weights(), recorder.weights[0])
    state = [variable.numpy() for variable in result.model.optimizer.variables]
    assert all(np.isfinite(value).all() for value in state)
    assert float(result.model.optimizer.learning_rate.numpy()) == pytest.approx(0.05)  # the good epoch's

    again = train(run_config, model=result.model, history=result.history, dataset=small_mnist)
    assert again.status == "finished", again.reason
    assert np.isfinite(again.history["loss"]).all() and len(again.history["loss"]) == 4
