"""Predictor: one preprocessed image in, 10 probabilities out, in about a millisecond.

`model.predict` builds a data pipeline per call (tens of milliseconds); a traced `tf.function` with a fixed
input signature is a plain graph call instead.
"""

from __future__ import annotations

import numpy as np


def _as_probabilities(outputs: np.ndarray) -> np.ndarray:
    """Softmax outputs pass through; a foreign model that ends in logits is turned into probabilities."""
    outputs = outputs.astype(np.float64)
    if outputs.min() >= 0 and np.allclose(outputs.sum(axis=-1), 1.0, atol=1e-3):
        return outputs.astype(np.float32)
    shifted = np.exp(outputs - outputs.max(axis=-1, keepdims=True))
    return (shifted / shifted.sum(axis=-1, keepdims=True)).astype(np.float32)


def copy_model(model):
    """An independent copy of `model`: same architecture, its own variables holding the same weights.

    Cheaper than `Predictor.copy_of(model).model` where no Predictor is needed: nothing is traced."""
    import keras

    twin = keras.models.clone_model(model)
    twin.set_weights(model.get_weights())
    return twin


class Predictor:
    """Fast single-image and batch prediction for a 28×28×1 → 10 model.

    Not safe to call while another thread trains the same model: give it a copy
    (`Predictor.copy_of(model)`) and refresh that with `set_weights`.
    """

    def __init__(self, model) -> None:
        import tensorflow as tf

        self.model = model
        self._one = tf.function(lambda x: model(x, training=False), reduce_retracing=True,
                                input_signature=[tf.TensorSpec((1, 28, 28, 1), tf.float32)])
        self._many = tf.function(lambda x: model(x, training=False),
                                 input_signature=[tf.TensorSpec((None, 28, 28, 1), tf.float32)])
        self.predict(np.zeros((28, 28, 1), np.float32))  # trace now, not on the user's first stroke

    @classmethod
    def copy_of(cls, model) -> "Predictor":
        """A Predictor on an independent copy of `model` (same architecture, weights copied)."""
        return cls(copy_model(model))

    def set_weights(self, weights: list[np.ndarray]) -> None:
        self.model.set_weights(weights)

    def predict(self, image: np.ndarray) -> np.ndarray:
        """10 probabilities (float32, summing to 1) for one 28×28 or 28×28×1 image in 0–1."""
        batch = np.asarray(image, dtype=np.float32).reshape(1, 28, 28, 1)
        return _as_probabilities(self._one(batch).numpy())[0]

    def predict_batch(self, images: np.ndarray, batch_size: int = 1000) -> np.ndarray:
        """(N, 10) probabilities for N images (N×28×28 or N×28×28×1, float 0–1 or uint8 0–255)."""
        images = np.asarray(images)
        if images.dtype == np.uint8:
            images = images.astype(np.float32) / 255.0
        images = images.astype(np.float32, copy=False).reshape(-1, 28, 28, 1)
        parts = [self._many(images[start:start + batch_size]).numpy()
                 for start in range(0, len(images), batch_size)]
        return _as_probabilities(np.concatenate(parts)) if parts else np.zeros((0, 10), np.float32)
