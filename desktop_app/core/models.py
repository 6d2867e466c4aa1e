"""Architecture presets, each named after what it is, and `build_model` to make one.

The preset table itself is plain data so that the CLI's --help and the GUI's combo box can list presets
without importing TensorFlow; only `build_model` imports Keras.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

# MNIST's pixel statistics after dividing by 255, used by the "standardize" normalisation.
MNIST_MEAN, MNIST_STD = 0.1307, 0.3081
NORMALIZATIONS = {
    "unit": "pixels scaled to 0–1",
    "standardize": "pixels scaled to MNIST's mean 0 and standard deviation 1",
}


@dataclass(frozen=True)
class ModelPreset:
    name: str
    title: str
    description: str
    layers: Callable[[], list]  # builds the layers after the input normalisation


def _mlp():
    from keras import layers

    return [layers.Flatten(), layers.Dense(128, activation="relu"), layers.Dropout(0.2),
            layers.Dense(10, activation="softmax")]


def _small_cnn():
    from keras import layers

    return [layers.Conv2D(10, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
            layers.Flatten(), layers.Dropout(0.5), layers.Dense(100, activation="relu"),
            layers.Dense(10, activation="softmax")]


def _classic_cnn():
    from keras import layers

    return [layers.Conv2D(32, 5, padding="same", activation="relu"), layers.MaxPooling2D(),
            layers.Conv2D(64, 5, padding="same", activation="relu"), layers.MaxPooling2D(),
            layers.Flatten(), layers.Dense(1024, activation="relu"), layers.Dropout(0.5),
            layers.Dense(10, activation="softmax")]


def _batchnorm_cnn():
    # A cheap 5×5 first look (no padding, no normalisation: 24×24 maps), then two 3×3 stages with batch
    # normalisation. About a quarter of the classic CNN's time per batch, which buys the extra epochs
    # (and augmentation) that reach 99.4 %; see benchmarks/train_speed_accuracy.py.
    from keras import layers

    def stage(filters: int) -> list:
        # Momentum 0.9, not Keras' 0.99: the running statistics settle within ~50 batches, so even
        # a one-epoch run on a few hundred images validates and predicts sensibly.
        return [layers.Conv2D(filters, 3, padding="same", use_bias=False),
                layers.BatchNormalization(momentum=0.9), layers.Activation("relu")]

    return [layers.Conv2D(16, 5, activation="relu"), layers.MaxPooling2D(),
            *stage(32), layers.MaxPooling2D(), *stage(64), layers.MaxPooling2D(),
            layers.Flatten(), layers.Dropout(0.3),
            layers.Dense(128, activation="relu"), layers.Dropout(0.3),
            layers.Dense(10, activation="softmax")]


PRESETS: dict[str, ModelPreset] = {
    preset.name: preset
    for preset in (
        ModelPreset("batchnorm-cnn", "Batch-normalised CNN (default)",
                    "A 5×5 convolution, then two 3×3 stages with batch normalisation: the best accuracy per CPU second.",
                    _batchnorm_cnn),
        ModelPreset("mlp", "Multilayer perceptron",
                    "Flatten → Dense 128 ReLU → Dropout 0.2 → Dense 10: no convolutions, the baseline.",
                    _mlp),
        ModelPreset("small-cnn", "Small CNN",
                    "One 10-filter 3×3 convolution, max-pooling, Dense 100: the smallest network that sees shapes.",
                    _small_cnn),
        ModelPreset("classic-cnn", "Classic two-convolution CNN",
                    "Conv 32 5×5 → pool → Conv 64 5×5 → pool → Dense 1024 → Dropout 0.5: the TensorFlow tutorial net.",
                    _classic_cnn),
    )
}
DEFAULT_PRESET = "batchnorm-cnn"


def get_preset(name: str) -> ModelPreset:
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"unknown model preset {name!r}; choose one of {', '.join(PRESETS)}") from None


def build_model(preset: str = DEFAULT_PRESET, normalization: str = "unit", seed: int | None = None):
    """A fresh, uncompiled Keras model for 28×28×1 inputs in 0–1 that outputs 10 softmax probabilities.

    The normalisation is a layer inside the model, so a saved model needs nothing beside it.
    """
    import keras
    from keras import layers

    spec = get_preset(preset)
    if normalization not in NORMALIZATIONS:
        raise ValueError(f"unknown normalisation {normalization!r}; choose one of {', '.join(NORMALIZATIONS)}")
    if seed is not None:
        keras.utils.set_random_seed(seed)
    stack = [keras.Input(shape=(28, 28, 1), name="image")]
    if normalization == "standardize":
        stack.append(layers.Rescaling(1 / MNIST_STD, offset=-MNIST_MEAN / MNIST_STD, name="standardize"))
    stack.extend(spec.layers())
    return keras.Sequential(stack, name=preset.replace("-", "_"))


def parameter_count(preset: str) -> int:
    """The number of trainable and non-trainable parameters of a preset (builds it, so imports Keras)."""
    return int(build_model(preset).count_params())


def layer_summary(model) -> list[dict]:
    """One row per layer: name, type, output shape and parameter count, like `model.summary()`."""
    rows = []
    for layer in model.layers:
        shape = getattr(layer, "output", None)
        shape = tuple(shape.shape) if shape is not None else None
        rows.append({"name": layer.name, "type": type(layer).__name__,
                     "output_shape": shape, "parameters": int(layer.count_params())})
    return rows
