"""A map of how the network sorts digits: what the layer before the classifier makes of each test digit,
projected to two dimensions with PCA (numpy), or with t-SNE (`core.tsne`, numpy as well) or UMAP (the
optional package umap-learn, not bundled), mistakes marked.

The features are the input of the model's last Dense layer (the classifier), so any Sequential or
functional model that ends in a Dense layer has a map, whatever came before it. `DigitMapper` is built once
per model and shares the model's variables: new weights (an epoch's end, a snapshot of a time-lapse) need
only another `compute_map(previous=…)`, which aligns the new projection to the previous one (orthogonal
Procrustes on the same digits) so the map does not flip or spin from one epoch to the next. A drawing is
placed on the map with the same projection (`DigitMapper.place`).

t-SNE and UMAP maps start from the PCA map of the same digits (`nonlinear_map(pca_map, …)`), which keeps
the classifier's features, and are turned to match it. They have no transform for new points: a drawing
(or a personal sample) is placed at the distance-weighted mean of the 2-D points of its 10 nearest digits
in feature space (`tsne.place_by_neighbours`).

Qt-free; TensorFlow is imported inside the functions that need it.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, replace

import numpy as np

from desktop_app.core import tsne
from desktop_app.core.errors import DigitLabError
from desktop_app.core.texts import QT_TRANSLATE_NOOP

MAP_DIGITS = 2000  # MNIST test digits on the map: classes read clearly, and it updates in well under 300 ms
METHODS = ("pca", "tsne", "umap")
METHOD_NAMES = {"pca": "PCA", "tsne": "t-SNE", "umap": "UMAP"}
# What umap-learn adds to the installed app, beyond what the app has already, as
# `python benchmarks/projection_dependencies.py` printed on 2026-12-01: llvmlite 179 MB, scipy 114,
# scikit-learn 31, numba 16, narwhals, joblib and pynndescent 4.
UMAP_EXTRA_MB = 345
UMAP_MISSING = (f"UMAP needs the optional package umap-learn, which Digit Lab does not bundle (with numba and "
                f"scikit-learn it adds about {UMAP_EXTRA_MB} MB); --method tsne is built in.")
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
    projection: Projection | None  # the linear map of a PCA map; None for t-SNE and UMAP
    method: str = "pca"
    features: np.ndarray | None = None  # (N, D) the classifier's input for each digit (t-SNE starts there)

    @property
    def mistakes(self) -> np.ndarray:
        return self.labels != self.predicted

    @property
    def accuracy(self) -> float:
        return float(np.mean(~self.mistakes)) if len(self.labels) else 0.0

    @property
    def method_name(self) -> str:
        """"PCA", "t-SNE" or "UMAP"."""
        return METHOD_NAMES.get(self.method, self.method)

    def locate(self, features: np.ndarray) -> np.ndarray:
        """Points (M, 2) for new features (M, D) on this map: the PCA projection; on a t-SNE or UMAP map,
        the weighted mean of the points of their 10 nearest digits in feature space."""
        if self.projection is not None:
            return self.projection(features)
        if self.features is None:
            raise ValueError("This map keeps no features to place new points by.")
        return tsne.place_by_neighbours(features, self.features, self.points)

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
    raise ValueError(QT_TRANSLATE_NOOP("errors", "The digit map needs a model that ends in a Dense layer; this "
                                       "one ends in {layer}.").format(layer=last))


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
                        points, projection, features=features)

    def place(self, image: np.ndarray, digit_map: DigitMap) -> tuple[np.ndarray, int]:
        """One image's point on `digit_map` (same projection; on a t-SNE map, among its nearest digits in
        feature space) and the digit the model reads."""
        hidden, outputs = self._one(_as_batch(image)[:1])
        point = digit_map.locate(np.asarray(hidden).reshape(1, -1))[0]
        return point, int(np.asarray(outputs).argmax())

    def place_many(self, images: np.ndarray, digit_map: DigitMap) -> tuple[np.ndarray, np.ndarray]:
        """(points (M, 2), digits read (M,)) of several images on `digit_map` (personal samples)."""
        features, predicted = self.features(images)
        return digit_map.locate(features), predicted


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


def umap_available() -> bool:
    """umap-learn is installed (it is optional: not bundled with the app)."""
    return importlib.util.find_spec("umap") is not None


def check_method(method: str) -> None:
    """ValueError for an unknown method; DigitLabError (UMAP_MISSING) for UMAP without umap-learn."""
    if method not in METHODS:
        raise ValueError(f"Unknown map method {method!r}; choose one of: {', '.join(METHODS)}.")
    if method == "umap" and not umap_available():
        raise DigitLabError(UMAP_MISSING)


def nonlinear_map(base: DigitMap, method: str = "tsne", *, seed: int = 0,
                  perplexity: float = tsne.PERPLEXITY, iterations: int = tsne.ITERATIONS,
                  progress: tsne.Progress | None = None, should_stop: tsne.ShouldStop | None = None
                  ) -> DigitMap | None:
    """The t-SNE (or UMAP) map of the digits of `base`, a PCA map that kept its features: it starts from
    the PCA layout and is turned (rotation or reflection) to match it, so the classes sit about where the
    PCA map showed them. None when `should_stop()` said so (checked once per t-SNE iteration).

    New points (a drawing) are placed among their nearest digits in feature space (`DigitMap.locate`):
    neither method has a transform the map could share with them here."""
    check_method(method)
    if base.features is None:
        raise ValueError("A t-SNE map starts from a PCA map that kept its features.")
    if method == "tsne":
        points = tsne.embed(base.features, perplexity=perplexity, iterations=iterations, init=base.points,
                            seed=seed, progress=progress, should_stop=should_stop)
    elif method == "umap":
        points = _umap_points(base, seed)
    else:
        return base
    if points is None:
        return None
    points = np.asarray(points, np.float64)
    points -= points.mean(axis=0)
    if len(points) > 2:
        points = points @ procrustes_rotation(points, base.points)
    return replace(base, points=points.astype(np.float32), projection=None, method=method)


def _umap_points(base: DigitMap, seed: int) -> np.ndarray:
    import umap  # optional: check_method said it is there

    reducer = umap.UMAP(n_components=2, random_state=seed, init=np.asarray(base.points, np.float64))
    return reducer.fit_transform(np.asarray(base.features, np.float32))


def digit_map(model, images: np.ndarray, labels: np.ndarray, limit: int = MAP_DIGITS,
              method: str = "pca", previous: DigitMap | None = None,
              progress: tsne.Progress | None = None, should_stop: tsne.ShouldStop | None = None
              ) -> DigitMap | None:
    """The map of `model` (weights as they are now) for the first `limit` of `images`; a time-lapse can
    call this for each snapshot with the last map as `previous`. A t-SNE or UMAP map starts from the PCA
    map (see `nonlinear_map`); None only when `should_stop()` stopped one."""
    check_method(method)
    chosen, chosen_labels, indices = map_digits(images, labels, limit)
    pca = DigitMapper(model).compute_map(chosen, chosen_labels, previous, indices)
    if method == "pca":
        return pca
    return nonlinear_map(pca, method, progress=progress, should_stop=should_stop)


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
