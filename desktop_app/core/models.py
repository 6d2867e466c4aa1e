"""Architecture presets, each named after what it is and written as a core.architecture description,
and `build_model` to make one (nothing else builds models).

The preset table is plain data so that the CLI's --help and the GUI's combo box can list presets, and
their shapes and parameters be counted, without importing TensorFlow; only `build_model` imports Keras.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.architecture import Architecture
from desktop_app.core.texts import QT_TRANSLATE_NOOP

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
    text: str  # the layers, in core.architecture's text (the output Dense 10 is added there)

    def architecture(self) -> Architecture:
        return Architecture.from_text(self.text, self.title)


# batchnorm-cnn: a cheap 5×5 first look (no padding, no normalisation: 24×24 maps), then two 3×3 stages
# with batch normalisation. About a quarter of the classic CNN's time per batch, which buys the extra
# epochs (and augmentation) that reach 99.4 %; see benchmarks/train_speed_accuracy.py. Momentum 0.9,
# not Keras' 0.99: the running statistics settle within ~50 batches, so even a one-epoch run on a few
# hundred images validates and predicts sensibly.
_BATCHNORM_STAGE = "conv {filters} 3 activation=linear bias=no, batchnorm momentum=0.9, activation relu"
_BATCHNORM_CNN = ", ".join(["conv 16 5 padding=valid", "pool", _BATCHNORM_STAGE.format(filters=32), "pool",
                            _BATCHNORM_STAGE.format(filters=64), "pool", "flatten", "dropout 0.3", "dense 128",
                            "dropout 0.3"])


PRESETS: dict[str, ModelPreset] = {
    preset.name: preset
    for preset in (
        ModelPreset("batchnorm-cnn", QT_TRANSLATE_NOOP("presets", "Batch-normalised CNN (default)"),
                    QT_TRANSLATE_NOOP("presets", "A 5×5 convolution, then two 3×3 stages with batch normalisation: "
                                                 "the best accuracy per CPU second."),
                    _BATCHNORM_CNN),
        ModelPreset("mlp", QT_TRANSLATE_NOOP("presets", "Multilayer perceptron"),
                    QT_TRANSLATE_NOOP("presets", "Flatten → Dense 128 ReLU → Dropout 0.2 → Dense 10: no "
                                                 "convolutions, the baseline."),
                    "flatten, dense 128, dropout 0.2"),
        ModelPreset("small-cnn", QT_TRANSLATE_NOOP("presets", "Small CNN"),
                    QT_TRANSLATE_NOOP("presets", "One 10-filter 3×3 convolution, max-pooling, Dense 100: the smallest "
                                                 "network that sees shapes."),
                    "conv 10 3, pool, flatten, dropout 0.5, dense 100"),
        ModelPreset("classic-cnn", QT_TRANSLATE_NOOP("presets", "Classic two-convolution CNN"),
                    QT_TRANSLATE_NOOP("presets", "Conv 32 5×5 → pool → Conv 64 5×5 → pool → Dense 1024 → Dropout 0.5: "
                                                 "the TensorFlow tutorial net."),
                    "conv 32 5, pool, conv 64 5, pool, flatten, dense 1024, dropout 0.5"),
    )
}
DEFAULT_PRESET = "batchnorm-cnn"


def get_preset(name: str) -> ModelPreset:
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(QT_TRANSLATE_NOOP("errors", "unknown model preset {name!r}; choose one of {presets}").format(
            name=name, presets=", ".join(PRESETS))) from None


def architecture_of(preset: str = DEFAULT_PRESET, layers: str = "") -> Architecture:
    """The architecture to build: the `layers` text when given, else the preset's."""
    return Architecture.from_text(layers, "custom") if layers.strip() else get_preset(preset).architecture()


def build_model(preset: str = DEFAULT_PRESET, normalization: str = "unit", seed: int | None = None,
                layers: str = ""):
    """A fresh, uncompiled Keras model for 28×28×1 inputs in 0–1 that outputs 10 softmax probabilities:
    the preset's layers, or the `layers` text (core.architecture) when given.

    The normalisation is a layer inside the model, so a saved model needs nothing beside it.
    """
    import keras
    from keras import layers as keras_layers

    architecture = architecture_of(preset, layers)
    if normalization not in NORMALIZATIONS:
        raise ValueError(f"unknown normalisation {normalization!r}; choose one of {', '.join(NORMALIZATIONS)}")
    if seed is not None:
        keras.utils.set_random_seed(seed)
    normalizing = [keras_layers.Rescaling(1 / MNIST_STD, offset=-MNIST_MEAN / MNIST_STD, name="standardize")
                   ] if normalization == "standardize" else []
    name = "custom" if layers.strip() else preset.replace("-", "_")
    return architecture.build(normalizing, name=name)


def parameter_count(preset: str) -> int:
    """The number of trainable and non-trainable parameters of a preset (no TensorFlow needed)."""
    return get_preset(preset).architecture().parameter_count()


def layer_summary(model) -> list[dict]:
    """One row per layer: name, type, output shape and parameter count, like `model.summary()`."""
    rows = []
    for layer in model.layers:
        shape = getattr(layer, "output", None)
        shape = tuple(shape.shape) if shape is not None else None
        rows.append({"name": layer.name, "type": type(layer).__name__,
                     "output_shape": shape, "parameters": int(layer.count_params())})
    return rows
