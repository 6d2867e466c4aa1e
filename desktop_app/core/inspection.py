"""Looking inside a model: feature maps, learned filters, first-layer weights, saliency and Grad-CAM.

Each function takes a Keras model and one 28×28(×1) image in 0–1 and returns plain numpy arrays that a
view can draw; nothing here knows about Qt.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class LayerInfo:
    name: str
    kind: str  # the Keras class name
    output_shape: tuple

    @property
    def label(self) -> str:
        shape = "×".join(str(d) for d in self.output_shape[1:])
        return f"{self.name} ({self.kind}, {shape})"


def _image_batch(image: np.ndarray) -> np.ndarray:
    return np.asarray(image, np.float32).reshape(1, 28, 28, 1)


def convolution_layers(model) -> list[LayerInfo]:
    """The layers whose output is a stack of 2-D feature maps (convolutions, and what follows them)."""
    import keras

    return [LayerInfo(layer.name, type(layer).__name__, tuple(layer.output.shape))
            for layer in model.layers if isinstance(layer, keras.layers.Conv2D)]


class FeatureMapExtractor:
    """One traced call that returns the activations of every convolution layer for an image."""

    def __init__(self, model) -> None:
        import keras
        import tensorflow as tf

        self.layers = convolution_layers(model)
        outputs = [model.get_layer(info.name).output for info in self.layers]
        self._model = keras.Model(model.inputs, outputs) if outputs else None
        if self._model is not None:
            self._call = tf.function(lambda x: self._model(x, training=False),
                                     input_signature=[tf.TensorSpec((1, 28, 28, 1), tf.float32)])

    def __call__(self, image: np.ndarray) -> list[np.ndarray]:
        """One (H, W, C) array per convolution layer, in model order; empty for a model without any."""
        if self._model is None:
            return []
        outputs = self._call(_image_batch(image))
        outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
        return [np.asarray(output)[0] for output in outputs]


def first_layer_filters(model) -> np.ndarray | None:
    """The first convolution's kernels as (count, k, k) images (mean over input channels), or None."""
    layers = convolution_layers(model)
    if not layers:
        return None
    kernel = np.asarray(model.get_layer(layers[0].name).get_weights()[0])  # (k, k, in, out)
    return np.transpose(kernel.mean(axis=2), (2, 0, 1))


def first_dense_weights(model) -> np.ndarray | None:
    """For a model without convolutions: the first Dense layer's weights as (units, 28, 28) images."""
    import keras

    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            weights = np.asarray(layer.get_weights()[0])
            if weights.shape[0] == 28 * 28:
                return weights.T.reshape(-1, 28, 28)
            return None
    return None


class _SaliencyProbe:
    """One traced call that gives ∂ p(target) / ∂ image for one model.

    Eager GradientTape costs ~12–17 ms a call, traced with a fixed signature ~1.5 ms, and the overlay
    asks up to ten times a second while drawing. The model is held by a weak reference: the probe lives in a
    WeakKeyDictionary keyed by that model, and a strong one would keep the key alive forever.
    """

    def __init__(self, model) -> None:
        import tensorflow as tf

        model_ref = weakref.ref(model)

        def gradient(batch, target):
            with tf.GradientTape() as tape:
                tape.watch(batch)
                probabilities = model_ref()(batch, training=False)
                # target < 0 stands for "the top class" (a signature cannot hold None)
                chosen = tf.where(target < 0, tf.argmax(probabilities[0], output_type=tf.int32), target)
                score = tf.gather(probabilities[0], chosen)
            return tape.gradient(score, batch), chosen

        self._call = tf.function(gradient, autograph=False,
                                 input_signature=[tf.TensorSpec((1, 28, 28, 1), tf.float32),
                                                  tf.TensorSpec((), tf.int32)])

    def __call__(self, image: np.ndarray, target: int | None) -> tuple[np.ndarray, int]:
        gradient, chosen = self._call(_image_batch(image), np.int32(-1 if target is None else target))
        return gradient.numpy()[0, ..., 0], int(chosen)


_saliency_probes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # model → _SaliencyProbe


def saliency_map(model, image: np.ndarray, target: int | None = None) -> tuple[np.ndarray, int]:
    """|∂ p(target) / ∂ pixel| normalised to 0–1, and the target class (the top one by default).

    The first call for a model traces it (a few hundred ms); later calls reuse that trace.
    """
    probe = _saliency_probes.get(model)
    if probe is None:
        probe = _saliency_probes[model] = _SaliencyProbe(model)
    gradient, chosen = probe(image, target)
    gradient = np.abs(gradient)
    peak = gradient.max()
    return (gradient / peak if peak > 0 else gradient).astype(np.float32), chosen


def grad_cam(model, image: np.ndarray, target: int | None = None) -> tuple[np.ndarray, int] | None:
    """Grad-CAM on the last convolution, upsampled to 28×28 in 0–1; None for a model without one."""
    import keras
    import tensorflow as tf

    layers = convolution_layers(model)
    if not layers:
        return None
    last = model.get_layer(layers[-1].name)
    probe = keras.Model(model.inputs, [last.output, model.outputs[0]])
    with tf.GradientTape() as tape:
        maps, probabilities = probe(tf.constant(_image_batch(image)), training=False)
        chosen = int(tf.argmax(probabilities[0])) if target is None else target
        score = probabilities[0, chosen]
    gradients = tape.gradient(score, maps)[0]
    weights = tf.reduce_mean(gradients, axis=(0, 1))
    cam = tf.nn.relu(tf.reduce_sum(maps[0] * weights, axis=-1))[..., None]
    cam = tf.image.resize(cam[None], (28, 28), method="bilinear")[0, ..., 0].numpy()
    peak = cam.max()
    return (cam / peak if peak > 0 else cam).astype(np.float32), chosen


def feature_map_tiles(maps: np.ndarray) -> np.ndarray:
    """(H, W, C) activations of one layer → (C, H, W) images, one per channel, for tile_images."""
    return np.moveaxis(maps, -1, 0)


@dataclass(frozen=True)
class TileLayout:
    """Where `tile_images` puts `count` tiles of height×width: row by row, `columns` wide, `gap` px apart.
    The one place the grid geometry lives, for drawing the grid and for finding the tile under the mouse."""

    count: int
    columns: int
    height: int
    width: int
    gap: int = 1

    @property
    def shape(self) -> tuple[int, int]:
        rows = int(np.ceil(self.count / self.columns))
        return rows * (self.height + self.gap) - self.gap, self.columns * (self.width + self.gap) - self.gap

    def origin(self, index: int) -> tuple[int, int]:
        """(top, left) of tile `index` in the grid."""
        row, column = divmod(index, self.columns)
        return row * (self.height + self.gap), column * (self.width + self.gap)

    def index_at(self, y: float, x: float) -> int:
        """The tile at grid position (y, x), a gap counting with the tile before it; -1 for none."""
        column = int(x // (self.width + self.gap))
        row = int(y // (self.height + self.gap))
        index = row * self.columns + column
        return index if 0 <= column < self.columns and index < self.count else -1


def tile_images(tiles: np.ndarray, columns: int | None = None, gap: int = 1) -> np.ndarray:
    """(N, h, w) images → one 2-D grid image, each tile scaled to 0–1 on its own."""
    count, height, width = tiles.shape
    layout = TileLayout(count, columns or int(np.ceil(np.sqrt(count))), height, width, gap)
    grid = np.zeros(layout.shape, np.float32)
    for index, tile in enumerate(tiles):
        low, high = float(tile.min()), float(tile.max())
        scaled = (tile - low) / (high - low) if high > low else np.zeros_like(tile)
        top, left = layout.origin(index)
        grid[top:top + height, left:left + width] = scaled
    return grid


def parameter_totals(model) -> dict[str, int]:
    """Total, trainable and non-trainable parameter counts, the three figures under `model.summary()`."""
    trainable = sum(int(np.prod(variable.shape)) for variable in model.trainable_weights)
    non_trainable = sum(int(np.prod(variable.shape)) for variable in model.non_trainable_weights)
    return {"total": trainable + non_trainable, "trainable": trainable, "non_trainable": non_trainable}


def network_field_in_drawing(drawing: np.ndarray) -> tuple[float, float, float, float] | None:
    """Where the 28×28 image the network reads lies on `drawing`: (x, y, width, height) in the drawing's
    pixels, from the placement `preprocess.preprocess_image` uses (crop to the ink, fit into 20 px, centre
    by mass). A 28×28 map (a saliency map, say) stretched over this rectangle sits on the strokes it came
    from. None when the drawing holds no ink.
    """
    from desktop_app.core import preprocess
    from desktop_app.core.errors import EmptyDrawingError

    try:
        placement = preprocess.place_ink(drawing)
    except EmptyDrawingError:
        return None
    scale_y, scale_x = placement.scale_y, placement.scale_x
    field = preprocess.FIELD_SIZE
    return (float(placement.crop_left - placement.left / scale_x),
            float(placement.crop_top - placement.top / scale_y),
            float(field / scale_x), float(field / scale_y))
