"""The training time-lapse: which moments are kept, thinning, the file member, and a real short run."""

import zipfile

import numpy as np
import pytest

from desktop_app.core.timelapse import Timelapse, TimelapseRecorder, snapshot_steps
from desktop_app.core.training import TrainConfig, TrainingObserver, train


def _weights(value: float, size: int = 1000) -> list[np.ndarray]:
    return [np.full((size,), value, np.float32), np.full((3, 3), value, np.float32)]


def test_the_first_epoch_moments_fall_on_its_batches():
    assert snapshot_steps(1000) == [10, 30, 100, 300]
    assert snapshot_steps(34) == [1, 3, 10]
    assert snapshot_steps(9) == [1, 3]
    assert snapshot_steps(1) == []  # the epoch's end is kept anyway


def test_thinning_keeps_the_start_the_first_epoch_and_the_newest_spread_evenly():
    timelapse = Timelapse(max_snapshots=10)
    timelapse.add(0, {}, _weights(0), "start")
    for share in (0.01, 0.03, 0.1, 0.3):
        timelapse.add(share, {"accuracy": share}, _weights(share))
    for epoch in range(1, 21):
        timelapse.add(epoch, {"val_accuracy": 0.9}, _weights(epoch), "epoch")
    epochs = [snapshot.epoch for snapshot in timelapse.snapshots]
    assert len(timelapse) == 10
    assert epochs[:5] == [0, 0.01, 0.03, 0.1, 0.3] and epochs[-1] == 20
    gaps = np.diff(epochs[5:-1])  # the older epoch ends (the newest always stays, next to its predecessor)
    assert gaps.max() <= 2 * gaps.min() + 1e-9, epochs  # spread along the run, not bunched
    assert timelapse[0].weights[0].dtype == np.float16


def test_the_byte_budget_thins_too():
    timelapse = Timelapse(max_bytes=5 * 2 * 1009)  # five snapshots of float16 weights
    for epoch in range(9):
        timelapse.add(epoch, {}, _weights(epoch), "epoch")
    assert len(timelapse) == 5 and timelapse.nbytes <= 5 * 2 * 1009


def test_bytes_round_trip_without_pickles():
    timelapse = Timelapse()
    timelapse.add(0, {}, _weights(0.5), "start")
    timelapse.add(1, {"loss": 0.3, "val_accuracy": 0.91}, _weights(1.5), "epoch")
    again = Timelapse.from_bytes(timelapse.to_bytes())
    assert [s.epoch for s in again.snapshots] == [0, 1] and [s.kind for s in again.snapshots] == ["start", "epoch"]
    assert again[1].metrics == {"loss": 0.3, "val_accuracy": 0.91} and again[1].accuracy() == 0.91
    np.testing.assert_array_equal(again[1].weights[1], timelapse[1].weights[1])
    with pytest.raises(ValueError):
        Timelapse.from_bytes(b"not an npz")
    with pytest.raises(ValueError):  # an object array would need a pickle: refused
        import io
        buffer = io.BytesIO()
        np.savez(buffer, index=np.array([{"a": 1}], dtype=object), allow_pickle=True)
        Timelapse.from_bytes(buffer.getvalue())


class _Recording(TrainingObserver):
    def __init__(self):
        self.recorder = TimelapseRecorder()

    def on_train_begin(self, plan):
        self.recorder.begin(plan.initial_epoch, plan.steps_per_epoch)

    def wants_weights(self, epoch, step):
        return self.recorder.wants(epoch, step)

    def on_weights(self, progress, weights):
        self.recorder.add_progress(progress, weights)

    def on_epoch_end(self, record, model):
        self.recorder.add_epoch(record, model.get_weights())


def test_a_short_run_records_the_start_the_first_epoch_and_each_epoch_end(small_mnist, tmp_path):
    from desktop_app.core.modelio import TIMELAPSE_ENTRY, load_model, save_model

    observer = _Recording()
    config = TrainConfig(preset="small-cnn", epochs=2, batch_size=16, augment=False, validation_split=0.1,
                         device="cpu")
    result = train(config, observer, dataset=small_mnist)  # 540 images: 34 batches an epoch
    timelapse = observer.recorder.timelapse
    assert [round(s.epoch, 3) for s in timelapse.snapshots] == [0, 0.029, 0.088, 0.294, 1, 2]
    assert [s.kind for s in timelapse.snapshots] == ["start", "batch", "batch", "batch", "epoch", "epoch"]
    assert timelapse[-1].accuracy() == pytest.approx(result.history["val_accuracy"][-1])
    final = result.model.get_weights()
    assert all(np.allclose(a, b, atol=1e-2, rtol=1e-2) for a, b in zip(timelapse[-1].float_weights(), final))
    assert not np.allclose(timelapse[0].float_weights()[0], final[0])  # the start is the untrained network

    path = save_model(result.model, tmp_path / "run.keras", timelapse=timelapse)
    assert TIMELAPSE_ENTRY in zipfile.ZipFile(path).namelist()
    loaded = load_model(path)
    assert loaded.warnings == [] and len(loaded.timelapse) == 6
    np.testing.assert_array_equal(loaded.timelapse[2].weights[0], timelapse[2].weights[0])

    plain = save_model(result.model, tmp_path / "plain.keras")  # a file without one still opens
    assert load_model(plain).timelapse is None


def test_a_damaged_timelapse_is_ignored_and_the_model_opens(tiny_result, tmp_path):
    from desktop_app.core.modelio import TIMELAPSE_ENTRY, load_model, save_model

    path = save_model(tiny_result.model, tmp_path / "m.keras")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(TIMELAPSE_ENTRY, b"garbage")
    loaded = load_model(path)
    assert loaded.timelapse is None and any("time-lapse" in problem for problem in loaded.warnings)
    wrong = Timelapse()
    wrong.add(0, {}, _weights(0), "start")  # weights of another shape
    path = save_model(tiny_result.model, tmp_path / "n.keras", timelapse=wrong)
    loaded = load_model(path)
    assert loaded.timelapse is None and any("does not fit" in problem for problem in loaded.warnings)


def test_a_default_network_with_a_full_timelapse_saves_under_5_mb(tmp_path):
    from desktop_app.core.modelio import save_model
    from desktop_app.core.training import new_model

    model = new_model(TrainConfig(device="cpu"))  # the default network, compiled (its optimizer is saved)
    model.optimizer.build(model.trainable_variables)
    weights = model.get_weights()
    rng = np.random.default_rng(1)
    timelapse = Timelapse()
    timelapse.add(0, {}, weights, "start")
    for share in (0.01, 0.03, 0.1, 0.3):
        timelapse.add(share, {}, [w + rng.normal(0, 0.05, w.shape).astype(w.dtype) for w in weights])
    for epoch in range(1, 40):  # a long run, thinned
        timelapse.add(epoch, {}, [w + rng.normal(0, 0.05, w.shape).astype(w.dtype) for w in weights], "epoch")
    assert 10 <= len(timelapse) <= 24 and timelapse.nbytes <= 3 << 20
    path = save_model(model, tmp_path / "default.keras", timelapse=timelapse)
    assert path.stat().st_size < 5_000_000


def test_a_timelapse_that_unpacks_to_too_much_is_refused(monkeypatch):
    from desktop_app.core import timelapse as module

    timelapse = Timelapse()
    timelapse.add(0, {}, _weights(0, size=100_000), "start")
    data = timelapse.to_bytes()
    monkeypatch.setattr(module, "MAX_UNPACKED_BYTES", 100_000)
    with pytest.raises(ValueError, match="unpack"):
        Timelapse.from_bytes(data)
