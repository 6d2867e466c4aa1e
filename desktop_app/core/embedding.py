"""A map of how the network sorts digits: what the layer before the classifier makes of each test digit,
projected to two dimensions with PCA (numpy's SVD), mistakes marked.

The features are the input of the model's last Dense layer (the classifier), so any Sequential or
functional model that ends in a Dense layer has a map, whatever came before it. `DigitMapper` is built once
per model and shares the model's variables: new weights (an epoch's end, a snapshot of a time-lapse) need
only another `compute_map(previous=…)`, which aligns the new projection to the previous one (orthogonal
Procrustes on the same digits) so the map does not flip or spin from one epoch to the next. A drawing is
placed on the map with the same projection (`DigitMapper.place`).

Qt-free; TensorFlow is imported inside the functions that need it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAP_DIGITS = 2000  # MNIST test digits on the map: classes read clearly, and it updates in well under 300 ms
METHODS = ("pca",)
# Ten colours most eyes tell apart (Tableau 10), one per true digit: the window's map and map.png.
DIGIT_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                 "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#222222")
MISTAKE_COLOUR = "#d62728"
CSV_COLUMNS = ("index", "true_label", "predicted_label", "x", "y")
WIDE_FEATURES = 1024  # above this many features PCA uses a randomized SVD (no D×D matrix)


@dataclass(frozen=True)
class Projection:
    """A linear map from feature space to the plane: points = (features - mean) @ components.T."""

    mean: np.ndarray  # (D,)
    components: np.ndarray  # (2, D)

    def __call__(self, features: np.ndarray) -> np.ndarray:
        features = np.asarray(features, np.float64).reshape(-1, self.mean.shape[0])
        return ((features - self.mean) @ self.components.T).astype(np.float32)

    def rotated(self, rotation: np.ndarray) -> "Projection":
        """The projection whose points are this one's times `rotation` (2×2, orthogonal)."""
        return Projection(self.mean, (self.components.T @ rotation).T)


def fit_pca(features: np.ndarray) -> Projection:
    """The two principal axes of `features` (N, D), signs fixed so each axis' largest loading is positive
    (the same data always gives the same picture)."""
    features = np.asarray(features, np.float64).reshape(len(features), -1)
    mean = features.mean(axis=0)
    centred = features - mean
    components = np.zeros((2, features.shape[1]))
    if len(features) > 1 and features.shape[1] > 0:
        components[:] = _top_two_axes(centred)
    for row in components:
        if row.size and row[np.argmax(np.abs(row))] < 0:
            row *= -1
    return Projection(mean, components)


def _top_two_axes(centred: np.ndarray, iterations: int = 300, tolerance: float = 1e-10) -> np.ndarray:
    """The two leading right singular vectors of `centred` (N, D) as a (2, D) array.

    Subspace iteration on the D×D scatter matrix, with einsum rather than BLAS: a multi-threaded BLAS on a
    busy machine took 250 ms for the LAPACK eigen-solver of a 128×128 matrix, this takes a few ms."""
    width = centred.shape[1]
    if width <= 2:
        axes = np.eye(width)
        return np.vstack([axes, np.zeros((2 - width, width))]) if width < 2 else axes
    if width > WIDE_FEATURES:
        return _top_two_axes_randomized(centred)
    scatter = np.einsum("ni,nj->ij", centred, centred, optimize=False)
    basis = np.zeros((width, 2))
    widest = np.argsort(-np.diag(scatter))[:2]  # start from the two widest features
    basis[widest, [0, 1]] = 1.0
    basis += np.random.default_rng(0).normal(scale=1e-3, size=basis.shape)
    basis = _orthonormal(basis)
    for _ in range(iterations):
        moved = _orthonormal(np.einsum("ij,jk->ik", scatter, basis, optimize=False))
        change = 1.0 - abs(float(np.einsum("ij,ij->", moved, basis)) / 2)
        basis = moved
        if change < tolerance:
            break
    small = np.einsum("ji,jk,kl->il", basis, scatter, basis, optimize=False)  # 2×2: order the two axes
    values, vectors = np.linalg.eigh((small + small.T) / 2)
    return (basis @ vectors[:, np.argsort(-values)]).T


def _top_two_axes_randomized(centred: np.ndarray, rank: int = 12, power: int = 4) -> np.ndarray:
    """The same for a wide classifier input (a Dense 10 right after a Flatten of thousands of features),
    where a D×D matrix would be too dear: a randomized range finder with power iterations (Halko et al.),
    then the SVD of a rank×D matrix."""
    rng = np.random.default_rng(0)
    sketch, _ = np.linalg.qr(centred @ rng.normal(size=(centred.shape[1], rank)))
    for _ in range(power):
        sketch, _ = np.linalg.qr(centred @ (centred.T @ sketch))
    _, _, vt = np.linalg.svd(sketch.T @ centred, full_matrices=False)
    return vt[:2]


def _orthonormal(pair: np.ndarray) -> np.ndarray:
    """Gram–Schmidt on two columns."""
    first = pair[:, 0] / max(np.sqrt(np.einsum("i,i->", pair[:, 0], pair[:, 0])), 1e-300)
    second = pair[:, 1] - np.einsum("i,i->", first, pair[:, 1]) * first
    second = second / max(np.sqrt(np.einsum("i,i->", second, second)), 1e-300)
    return np.stack([first, second], axis=1)


def procrustes_rotation(points: np.ndarray, target: np.ndarray) -> np.ndarray:
    """The orthogonal 2×2 matrix R (rotation or reflection) that brings `points` closest to `target`
    (same rows, same digits): argmin ‖points·R − target‖, from the SVD of pointsᵀ·target."""
    a = np.asarray(points, np.float64)
    b = np.asarray(target, np.float64)
    a = a - a.mean(axis=0)
    b = b - b.mean(axis=0)
    u, _, vt = np.linalg.svd(a.T @ b)
    return u @ vt


@dataclass(frozen=True)
class DigitMap:
    """The digits on the map: their index in the test set, true and predicted labels, and 2-D points."""

    indices: np.ndarray  # (N,) int: rows of the image array the map was made from
    labels: np.ndarray  # (N,) int
    predicted: np.ndarray  # (N,) int
    points: np.ndarray  # (N, 2) float32
    projection: Projection
    method: str = "pca"

    @property
    def mistakes(self) -> np.ndarray:
        return self.labels != self.predicted

    @property
    def accuracy(self) -> float:
        return float(np.mean(~self.mistakes)) if len(self.labels) else 0.0

    def rows(self) -> list[tuple[int, int, int, float, float]]:
        """(index, true label, predicted label, x, y) for each digit: the rows of map.csv."""
        return [(int(i), int(t), int(p), float(x), float(y))
                for i, t, p, (x, y) in zip(self.indices, self.labels, self.predicted, self.points)]


def classifier_layer(model):
    """The model's last Dense layer (its classifier), or ValueError naming what the model ends in."""
    import keras

    for layer in reversed(model.layers):
        if isinstance(layer, keras.layers.Dense):
            return layer
        if layer.weights:  # a weighted layer after the last Dense: that Dense is not the classifier
            break
    last = model.layers[-1].name if model.layers else "nothing"
    raise ValueError(f"The digit map needs a model that ends in a Dense layer; this one ends in {last}.")


class DigitMapper:
    """Features (the classifier's input) and probabilities of a model in one traced call.

    Shares the model's variables: after `model.set_weights(…)` the next call reads the new weights, without
    tracing again. Call it on the thread that owns the model (the GUI thread for the canvas' copy)."""

    def __init__(self, model, batch_size: int = 1000) -> None:
        import keras
        import tensorflow as tf

        layer = classifier_layer(model)
        self.model = model
        self.batch_size = batch_size
        self._twin = keras.Model(model.inputs, [layer.input, model.outputs[0]])
        self._many = tf.function(lambda x: self._twin(x, training=False),
                                 input_signature=[tf.TensorSpec((None, 28, 28, 1), tf.float32)])
        self._one = tf.function(lambda x: self._twin(x, training=False),
                                input_signature=[tf.TensorSpec((1, 28, 28, 1), tf.float32)])

    @property
    def feature_size(self) -> int:
        return int(np.prod(self._twin.outputs[0].shape[1:]))

    def features(self, images: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(features (N, D), predicted digits (N,)) for N images (uint8 0–255 or float 0–1)."""
        batch = _as_batch(images)
        features, predicted = [], []
        for start in range(0, len(batch), self.batch_size):
            hidden, outputs = self._many(batch[start:start + self.batch_size])
            features.append(np.asarray(hidden).reshape(len(outputs), -1))
            predicted.append(np.asarray(outputs).argmax(axis=-1))
        if not features:
            return np.zeros((0, self.feature_size), np.float32), np.zeros(0, np.int64)
        return np.concatenate(features), np.concatenate(predicted)

    def compute_map(self, images: np.ndarray, labels: np.ndarray, previous: DigitMap | None = None,
                    indices: np.ndarray | None = None) -> DigitMap:
        """The PCA map of `images`; with `previous` (a map of the same digits, e.g. the last epoch's) it is
        turned to match it, so the classes stay where the user last saw them."""
        features, predicted = self.features(images)
        projection = fit_pca(features)
        points = projection(features)
        if previous is not None and len(previous.points) == len(points) and len(points) > 2:
            rotation = procrustes_rotation(points, previous.points)
            projection = projection.rotated(rotation)
            points = projection(features)
        chosen = np.arange(len(points)) if indices is None else np.asarray(indices)
        return DigitMap(chosen, np.asarray(labels, np.int64).reshape(-1), predicted.astype(np.int64),
                        points, projection)

    def place(self, image: np.ndarray, digit_map: DigitMap) -> tuple[np.ndarray, int]:
        """One image's point on `digit_map` (same projection) and the digit the model reads."""
        hidden, outputs = self._one(_as_batch(image)[:1])
        point = digit_map.projection(np.asarray(hidden).reshape(1, -1))[0]
        return point, int(np.asarray(outputs).argmax())


def _as_batch(images: np.ndarray) -> np.ndarray:
    images = np.asarray(images)
    if images.dtype == np.uint8:
        images = images.astype(np.float32) / 255.0
    return images.astype(np.float32, copy=False).reshape(-1, 28, 28, 1)


def map_digits(images: np.ndarray, labels: np.ndarray, limit: int = MAP_DIGITS
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The first `limit` digits (images, labels, indices): the same digits every time, so maps of
    successive epochs can be aligned."""
    if limit < 1:
        raise ValueError(f"The map needs at least one digit; --limit {limit} asks for none.")
    count = min(limit, len(images))
    return images[:count], labels[:count], np.arange(count)


def digit_map(model, images: np.ndarray, labels: np.ndarray, limit: int = MAP_DIGITS,
              method: str = "pca", previous: DigitMap | None = None) -> DigitMap:
    """The map of `model` (weights as they are now) for the first `limit` of `images`; a time-lapse can
    call this for each snapshot with the last map as `previous`."""
    if method not in METHODS:
        raise ValueError(f"Unknown map method {method!r}; choose one of: {', '.join(METHODS)}.")
    chosen, chosen_labels, indices = map_digits(images, labels, limit)
    return DigitMapper(model).compute_map(chosen, chosen_labels, previous, indices)


def neighbour_accuracy(points: np.ndarray, labels: np.ndarray, k: int = 5, held_out: float = 0.25,
                       seed: int = 0) -> float:
    """How well the map separates the classes: the share of held-out points whose k nearest neighbours
    among the other points (by majority vote) carry their label."""
    points = np.asarray(points, np.float64)
    labels = np.asarray(labels, np.int64)
    order = np.random.default_rng(seed).permutation(len(points))
    count = max(1, int(round(len(points) * held_out)))
    test, train = order[:count], order[count:]
    if len(train) < k:
        return 0.0
    distances = ((points[test, None, :] - points[None, train, :]) ** 2).sum(axis=-1)
    nearest = np.argpartition(distances, k - 1, axis=1)[:, :k]
    votes = labels[train][nearest]
    guesses = np.array([np.bincount(row, minlength=10).argmax() for row in votes])
    return float(np.mean(guesses == labels[test]))
