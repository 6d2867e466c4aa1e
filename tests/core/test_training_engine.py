import dataclasses
import math
import threading

import numpy as np
import pytest

from desktop_app.core.training import TrainConfig, TrainingObserver, train


class Recorder(TrainingObserver):
    def __init__(self, stop_at_batch=None, stop_event=None):
        self.batches, self.epochs, self.messages, self.finished, self.plan = [], [], [], [], None
        self.stop_at_batch, self.stop_event = stop_at_batch, stop_event

    def on_message(self, text):
        self.messages.append(text)

    def on_train_begin(self, plan):
        self.plan = plan

    def on_batch_end(self, progress):
        self.batches.append(progress)
        if self.stop_at_batch and progress.step == self.stop_at_batch:
            self.stop_event.set()

    def on_epoch_end(self, record, model):
        self.epochs.append(record)

    def on_finished(self, result):
        self.finished.append(result)


def tiny_config(**overrides):
    values = dict(preset="small-cnn", epochs=1, batch_size=32, augment=False, validation_split=0.2,
                  device="cpu")
    values.update(overrides)
    return TrainConfig(**values)


def test_training_reports_every_batch_and_epoch(small_mnist):
    recorder = Recorder()
    result = train(tiny_config(), recorder, dataset=small_mnist)
    assert result.status == "finished" and result.epochs_completed == 1
    assert recorder.plan.train_samples == 480 and recorder.plan.validation_samples == 120
    assert [b.step for b in recorder.batches] == list(range(1, 16))
    assert set(recorder.epochs[0].metrics) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert recorder.finished == [result]
    assert len(result.history["val_accuracy"]) == 1


def test_tiny_model_learns(tiny_result, small_mnist):
    from desktop_app.core.evaluation import evaluate

    report = evaluate(tiny_result.model, small_mnist.x_test, small_mnist.y_test)
    assert report.accuracy > 0.7  # chance is 0.1


def test_stop_request_ends_at_the_next_batch_and_keeps_a_usable_model(small_mnist):
    stop = threading.Event()
    recorder = Recorder(stop_at_batch=3, stop_event=stop)
    result = train(tiny_config(batch_size=16), recorder, stop, dataset=small_mnist)
    assert result.status == "stopped"
    assert recorder.batches[-1].step == 3  # not one batch more
    assert recorder.epochs[-1].partial
    assert "partly trained" in result.reason
    output = result.model(np.zeros((1, 28, 28, 1), np.float32)).numpy()
    assert np.isfinite(output).all() and math.isclose(output.sum(), 1.0, rel_tol=1e-4)


def test_stop_before_start_trains_nothing(small_mnist):
    stop = threading.Event()
    stop.set()
    result = train(tiny_config(), None, stop, dataset=small_mnist)
    assert result.status == "stopped" and result.epochs_completed == 0 and result.model is not None


def test_nan_loss_stops_with_a_reason_and_keeps_good_weights(small_mnist):
    result = train(tiny_config(optimizer="sgd", learning_rate=1e30, cosine_decay=False), dataset=small_mnist)
    assert result.status == "failed"
    assert "diverged" in result.reason and "lower learning rate" in result.reason
    assert all(np.isfinite(w).all() for w in result.model.get_weights())


def test_a_diverged_model_can_go_on_learning_with_a_smaller_rate(small_mnist):
    """After a NaN the optimizer's moments are restored with the weights: they would hold NaN otherwise."""
    sgd = dict(preset="mlp", optimizer="sgd", cosine_decay=False)
    first = train(tiny_config(**sgd, learning_rate=0.01), dataset=small_mnist)
    momenta = [variable.numpy().copy() for variable in first.model.optimizer.variables]
    diverged = train(tiny_config(**sgd, learning_rate=1e30), model=first.model, history=first.history,
                     dataset=small_mnist)
    assert diverged.status == "failed" and "diverged" in diverged.reason
    state = [variable.numpy() for variable in diverged.model.optimizer.variables]
    assert all(np.isfinite(value).all() for value in state)
    moments = [(now, then) for now, then in zip(state, momenta) if np.ndim(then)]  # not the rate, the step
    assert moments and all(np.array_equal(now, then) for now, then in moments)
    again = train(tiny_config(**sgd, learning_rate=0.01), model=diverged.model, history=diverged.history,
                  dataset=small_mnist)
    assert again.status == "finished", again.reason
    assert np.isfinite(again.history["loss"][-1]) and again.history["loss"][-1] < 2.3


def test_same_seed_same_first_epoch_loss(small_mnist):
    config = tiny_config(augment=True, seed=7)
    first = train(config, dataset=small_mnist).history["loss"][0]
    second = train(config, dataset=small_mnist).history["loss"][0]
    third = train(tiny_config(augment=True, seed=8), dataset=small_mnist).history["loss"][0]
    assert first == second
    assert third != first


def test_missing_gpu_falls_back_to_cpu_with_a_message(small_mnist):
    recorder = Recorder()
    result = train(tiny_config(device="gpu:7", train_limit=64), recorder, dataset=small_mnist)
    assert result.device == "CPU:0"
    assert any("GPU:7 does not exist" in message for message in recorder.messages)


def test_continued_training_keeps_optimizer_state_and_history(small_mnist):
    first = train(tiny_config(), dataset=small_mnist)
    steps = int(first.model.optimizer.iterations.numpy())
    recorder = Recorder()
    second = train(tiny_config(), recorder, model=first.model, history=first.history, dataset=small_mnist)
    assert len(second.history["loss"]) == 2
    assert second.history["loss"][0] == first.history["loss"][0]
    assert recorder.epochs[0].epoch == 1  # numbered after the first run's epoch
    assert int(second.model.optimizer.iterations.numpy()) == 2 * steps


def test_continuing_a_trained_model_starts_from_a_small_rate_and_keeps_its_accuracy(mnist):
    data = mnist.limited(train=2000, test=10)
    config = tiny_config(preset="mlp", epochs=2, validation_split=0.2)
    first = train(config, dataset=data)
    recorder = Recorder()
    more = train(dataclasses.replace(config, epochs=1), recorder, model=first.model, history=first.history,
                 dataset=data)
    assert "Epoch 3: learning rate 0.00030" in recorder.messages  # a tenth of the peak 0.003
    accuracy = more.history["val_accuracy"]
    assert len(accuracy) == 3 and accuracy[2] >= accuracy[1] - 0.01, accuracy


def test_best_checkpoint_is_written_and_early_stopping_ends_the_run(tmp_path, small_mnist):
    checkpoint = tmp_path / "best.keras"
    config = tiny_config(epochs=6, learning_rate=0.5, optimizer="sgd", cosine_decay=False,
                         early_stopping_patience=1, checkpoint_path=str(checkpoint), restore_best=True)
    result = train(config, dataset=small_mnist)
    assert checkpoint.is_file() and checkpoint.stat().st_size > 0
    assert result.status == "finished", result.reason  # seeded: the rate is high, yet no loss turns NaN
    assert result.epochs_completed < 6 and "Early stopping" in result.reason


def test_the_checkpoint_holds_the_best_epoch_and_is_replaced_never_rewritten(tmp_path, small_mnist):
    import keras

    class WeightsPerEpoch(Recorder):
        def on_epoch_end(self, record, model):
            super().on_epoch_end(record, model)
            self.weights = [*getattr(self, "weights", []), model.get_weights()]

    checkpoint, other = tmp_path / "best.keras", tmp_path / "other"
    other.write_text("an older file")
    checkpoint.hardlink_to(other)  # a save in place would write through the link into "other"
    recorder = WeightsPerEpoch()
    result = train(tiny_config(preset="mlp", epochs=3, learning_rate=0.5, optimizer="sgd", cosine_decay=False,
                               checkpoint_path=str(checkpoint)), recorder, dataset=small_mnist)
    assert other.read_text() == "an older file"
    best = int(np.nanargmin(result.history["val_loss"]))
    saved = keras.models.load_model(checkpoint).get_weights()
    assert all(np.array_equal(a, b) for a, b in zip(saved, recorder.weights[best], strict=True))
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]  # no temporary file left


@pytest.mark.parametrize("field,value,message", [
    ("epochs", 0, "epochs"), ("batch_size", 0, "batch size"), ("learning_rate", -1, "learning rate"),
    ("optimizer", "rmsprop", "optimizer"), ("validation_split", 1.0, "validation split"),
])
def test_impossible_settings_are_refused_with_a_message(field, value, message, small_mnist):
    with pytest.raises(ValueError, match=message):
        train(tiny_config(**{field: value}), dataset=small_mnist)


def test_config_round_trips_through_a_dict():
    config = TrainConfig(epochs=3, augment=False)
    values = config.to_dict() | {"from_a_future_version": 1}
    assert TrainConfig.from_dict(values) == config


def test_augmentation_changes_images_reproducibly(small_mnist):
    import tensorflow as tf

    from desktop_app.core.augmentation import AugmentationSettings, augment_batch

    batch = tf.constant(small_mnist.x_train[:64, ..., None].astype("float32") / 255)
    seed = tf.constant([1, 2], tf.int64)
    first, again = augment_batch(batch, seed).numpy(), augment_batch(batch, seed).numpy()
    np.testing.assert_array_equal(first, again)
    assert first.shape == (64, 28, 28, 1) and first.min() >= 0 and first.max() <= 1
    assert np.abs(first - batch.numpy()).mean() > 0.01
    thick = augment_batch(batch, seed, AugmentationSettings(
        max_shift=0, max_rotation=0, scale_range=(1, 1), thinner_probability=0.5, thicker_probability=0.25,
        much_thicker_probability=0.25))
    # Half thinner, half thicker: the total ink changes in both directions.
    change = thick.numpy().sum(axis=(1, 2, 3)) - batch.numpy().sum(axis=(1, 2, 3))
    assert (change > 0).any() and (change < 0).any()
