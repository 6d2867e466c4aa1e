"""The quick recipe's settings and schedule, and mixed precision: bfloat16 where the processor has it,
float32 elsewhere, and a model trained in bfloat16 that saves, loads and predicts in float32."""

import numpy as np
import pytest

from desktop_app.core import devices
from desktop_app.core.training import QUICK_RECIPE, TrainConfig, TrainingObserver, train


class Heard(TrainingObserver):
    """The messages of a run, and what each layer computed in at the end of each epoch."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.compute_dtypes: list[list[str]] = []

    def on_message(self, text: str) -> None:
        self.messages.append(text)

    def on_epoch_end(self, record, model) -> None:
        self.compute_dtypes.append([layer.compute_dtype for layer in model.layers])


def test_quick_fills_in_the_settings_left_at_their_standard_values():
    quick = TrainConfig(quick=True).effective()
    for name, value in QUICK_RECIPE.items():
        assert getattr(quick, name) == value, name
    assert quick.preset == TrainConfig().preset and quick.augment  # the architecture and augmentation stay
    chosen = TrainConfig(quick=True, epochs=3, learning_rate=0.002).effective()
    assert (chosen.epochs, chosen.learning_rate, chosen.validation_split) == (3, 0.002, 0.0)
    assert TrainConfig(epochs=3).effective() == TrainConfig(epochs=3)  # without quick, nothing changes
    assert quick.effective() == quick


def test_the_warmup_schedule_climbs_to_the_peak_and_ends_near_zero(small_mnist):
    heard = Heard()
    config = TrainConfig(preset="mlp", epochs=2, batch_size=60, learning_rate=0.004, rate_schedule="warmup-cosine",
                         augment=False, validation_split=0.0, device="cpu")
    result = train(config, heard, dataset=small_mnist)  # 600 images: 10 batches an epoch, 2 of warm-up
    assert result.status == "finished"
    rates = [line for line in heard.messages if "learning rate" in line]
    # batch 1: 1/2 of the peak, batch 2: the peak, then a half cosine over the 18 batches left
    assert rates == ["Epoch 1: learning rate from 0.00200 up to at most 0.00400 and down to 0.00268, batch by batch",
                     "Epoch 2: learning rate from 0.00235 up to at most 0.00235 and down to 0.00003, batch by batch"]
    assert float(result.model.optimizer.learning_rate) < 0.0001  # the last batch's rate


def fake_cpu(monkeypatch, *flags: str) -> None:
    monkeypatch.setattr(devices, "cpu_flags", lambda: frozenset(flags))


def test_the_cpu_flags_come_from_cpuinfo(tmp_path, monkeypatch):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16\n\nprocessor\t: 1\n")
    monkeypatch.setattr(devices, "CPUINFO", cpuinfo)
    assert devices.cpu_flags() >= {"avx2", "avx512_bf16"}
    assert devices.bfloat16_support("/CPU:0")[0]
    monkeypatch.setattr(devices, "CPUINFO", tmp_path / "missing")  # macOS, Windows: never assumed
    assert devices.cpu_flags() == frozenset() and not devices.bfloat16_support("/CPU:0")[0]


def test_mixed_precision_falls_back_to_float32_without_bfloat16_instructions(monkeypatch, small_mnist):
    fake_cpu(monkeypatch, "sse2", "avx2", "fma")
    heard = Heard()
    config = TrainConfig(preset="mlp", epochs=1, batch_size=100, mixed_precision=True, augment=False,
                         device="cpu")
    result = train(config, heard, dataset=small_mnist)
    assert result.status == "finished" and result.precision == "float32"
    assert any("no bfloat16 instructions" in line and "training in float32" in line for line in heard.messages)
    assert set(heard.compute_dtypes[0]) == {"float32"}


def test_a_model_trained_in_bfloat16_saves_loads_and_predicts_float32(monkeypatch, tmp_path, small_mnist):
    from desktop_app.core.inference import Predictor
    from desktop_app.core.modelio import load_model, save_model
    from desktop_app.core.training import run_metadata

    fake_cpu(monkeypatch, "avx2", "avx512_bf16")  # this machine may lack it: bfloat16 is then emulated
    heard = Heard()
    config = TrainConfig(preset="small-cnn", epochs=1, batch_size=100, mixed_precision=True, augment=False,
                         device="cpu")
    result = train(config, heard, dataset=small_mnist)
    assert result.status == "finished" and result.precision == "bfloat16"
    assert heard.compute_dtypes[0][0] == "bfloat16" and heard.compute_dtypes[0][-1] == "float32"  # softmax
    assert {layer.compute_dtype for layer in result.model.layers} == {"float32"}  # undone after the run

    path = save_model(result.model, tmp_path / "mixed.keras", run_metadata(result.config, result.history, "mnist"))
    loaded = load_model(path)
    assert loaded.metadata.config["mixed_precision"] is True
    assert {layer.compute_dtype for layer in loaded.model.layers} == {"float32"}
    images = small_mnist.x_test[:8].astype(np.float32)[..., None] / 255.0
    probabilities = np.asarray(loaded.model(images, training=False))
    assert probabilities.dtype == np.float32 and probabilities.shape == (8, 10)
    assert probabilities.sum(axis=1) == pytest.approx(np.ones(8), abs=1e-5)
    one = Predictor(loaded.model).predict(images[0])
    assert one.dtype == np.float32 and float(one.sum()) == pytest.approx(1.0, abs=1e-5)


def test_the_augmentations_thickening_and_thinning_match_stride_one_pooling():
    """augmentation.window_max replaced tf.nn.max_pool2d (4–7× slower on a CPU): the images are the same."""
    import tensorflow as tf

    from desktop_app.core.augmentation import window_max

    images = tf.constant(np.random.default_rng(0).random((4, 28, 28, 1), np.float32))
    for (before, after), size in (((0, 1), 2), ((1, 1), 3)):
        assert np.array_equal(window_max(images, before, after), tf.nn.max_pool2d(images, size, 1, "SAME"))
        assert np.array_equal(-window_max(-images, before, after), -tf.nn.max_pool2d(-images, size, 1, "SAME"))
    assert np.array_equal(window_max(window_max(images, 0, 1), 1, 0), tf.nn.max_pool2d(images, 3, 1, "SAME"))
