"""Issue 14, the digit map: PCA of the classifier's input separates the digits of a trained model, works for
functional models, places a drawing with the same projection, and stays put from one epoch to the next."""

import numpy as np
import pytest

from desktop_app.core import embedding
from desktop_app.core.resources import resource_path


@pytest.fixture(scope="module")
def ready_model():
    from desktop_app.core.modelio import load_model

    return load_model(resource_path("ready_model.keras")).model


@pytest.fixture(scope="module")
def ready_map(ready_model, mnist):
    return embedding.digit_map(ready_model, mnist.x_test, mnist.y_test)


def test_the_map_of_a_trained_model_separates_the_digits(ready_map):
    assert ready_map.points.shape == (2000, 2) and ready_map.method == "pca"
    assert ready_map.accuracy > 0.97 and 0 < ready_map.mistakes.sum() < 60
    assert embedding.neighbour_accuracy(ready_map.points, ready_map.labels, k=5) >= 0.80


def test_a_drawing_is_placed_with_the_same_projection(ready_model, ready_map, mnist):
    mapper = embedding.DigitMapper(ready_model)
    for row in (0, 1, 2):
        point, digit = mapper.place(mnist.x_test[row], ready_map)
        assert np.allclose(point, ready_map.points[row], atol=1e-3 * np.ptp(ready_map.points))
        assert digit == ready_map.predicted[row]


def test_pca_matches_numpy_svd_and_is_deterministic():
    rng = np.random.default_rng(3)
    data = rng.normal(size=(500, 40)) * np.linspace(5, 0.2, 40)
    projection = embedding.fit_pca(data)
    _, _, vt = np.linalg.svd(data - data.mean(axis=0), full_matrices=False)
    assert np.allclose(np.abs(projection.components @ vt[:2].T), np.eye(2), atol=1e-5)
    assert np.array_equal(projection.components, embedding.fit_pca(data).components)
    assert embedding.fit_pca(np.ones((5, 1))).components.shape == (2, 1)  # degenerate input: no crash


def test_a_wide_classifier_input_uses_the_randomized_pca():
    """A Dense 10 right after Flatten sees thousands of features: no D×D matrix, the same two axes."""
    rng = np.random.default_rng(4)
    width = embedding.WIDE_FEATURES + 200
    axes = np.zeros((2, width))
    axes[0, :10], axes[1, 10:30] = 1 / np.sqrt(10), 1 / np.sqrt(20)
    scores = rng.normal(size=(400, 2)) * [6, 3]
    data = scores @ axes + rng.normal(scale=0.05, size=(400, width))
    projection = embedding.fit_pca(data)
    assert np.allclose(np.abs(projection.components @ axes.T), np.eye(2), atol=0.05)


def test_alignment_undoes_a_flip_and_a_turn():
    rng = np.random.default_rng(1)
    previous = rng.normal(size=(300, 2)) * [3, 1]
    angle = 2.0
    turned = previous @ np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    flipped = turned * [-1, 1]
    rotation = embedding.procrustes_rotation(flipped, previous)
    assert np.allclose(flipped @ rotation, previous, atol=1e-9)
    assert np.allclose(rotation @ rotation.T, np.eye(2))


def test_new_weights_give_a_map_turned_to_match_the_last(ready_model, ready_map, mnist):
    """A time-lapse calls digit_map per snapshot with the last map: slightly changed weights must give a
    nearby picture, not a mirrored one."""
    from desktop_app.core.inference import copy_model

    twin = copy_model(ready_model)
    rng = np.random.default_rng(0)
    twin.set_weights([w + rng.normal(scale=0.01, size=w.shape).astype(w.dtype) * (np.std(w) + 1e-3)
                      for w in ready_model.get_weights()])
    aligned = embedding.digit_map(twin, mnist.x_test, mnist.y_test, previous=ready_map)
    spread = np.ptp(ready_map.points)
    assert np.median(np.linalg.norm(aligned.points - ready_map.points, axis=1)) < 0.05 * spread
    for flip in ([-1, 1], [1, -1]):
        mirrored = ready_map.points * flip
        assert np.median(np.linalg.norm(aligned.points - mirrored, axis=1)) > 0.1 * spread


def test_a_functional_model_with_its_own_layers_has_a_map(mnist):
    import keras

    inputs = keras.Input((28, 28, 1))
    x = keras.layers.Conv2D(4, 3, activation="relu")(inputs)
    x = keras.layers.GlobalAveragePooling2D()(x)
    x = keras.layers.Dense(12, activation="relu")(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    digit_map = embedding.digit_map(model, mnist.x_test, mnist.y_test, limit=100)
    assert digit_map.points.shape == (100, 2) and embedding.DigitMapper(model).feature_size == 12
    assert [len(row) for row in digit_map.rows()[:1]] == [5]


def test_a_model_without_a_dense_classifier_is_refused_by_name():
    import keras

    inputs = keras.Input((28, 28, 1))
    x = keras.layers.Conv2D(10, 28)(inputs)
    outputs = keras.layers.Softmax()(keras.layers.Flatten()(x))
    with pytest.raises(ValueError, match="ends in a Dense layer"):
        embedding.DigitMapper(keras.Model(inputs, outputs))
    with pytest.raises(ValueError, match="--limit 0"):
        embedding.map_digits(np.zeros((3, 28, 28)), np.zeros(3), 0)
