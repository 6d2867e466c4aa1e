import numpy as np
import pytest

from desktop_app.core import inspection
from desktop_app.core.models import build_model, layer_summary


@pytest.fixture(scope="module")
def image(mnist):
    return mnist.x_test[0][..., None].astype(np.float32) / 255


@pytest.mark.parametrize("preset", ["small-cnn", "classic-cnn", "batchnorm-cnn"])
def test_feature_maps_match_the_model_summary(preset, image):
    model = build_model(preset, seed=0)
    extractor = inspection.FeatureMapExtractor(model)
    summary = {row["name"]: row["output_shape"] for row in layer_summary(model) if row["type"] == "Conv2D"}
    maps = extractor(image)
    assert [info.name for info in extractor.layers] == list(summary)
    assert [m.shape for m in maps] == [summary[name][1:] for name in summary]
    assert all(info.label.startswith(info.name) and "Conv2D" in info.label for info in extractor.layers)


def test_feature_maps_follow_the_drawing(tiny_result, mnist):
    extractor = inspection.FeatureMapExtractor(tiny_result.model)
    first = extractor(mnist.x_test[0] / 255.0)[0]
    second = extractor(mnist.x_test[1] / 255.0)[0]
    assert not np.allclose(first, second)


def test_a_perceptron_has_no_feature_maps_but_shows_its_weights(image):
    model = build_model("mlp", seed=0)
    assert inspection.FeatureMapExtractor(model)(image) == []
    assert inspection.first_layer_filters(model) is None
    assert inspection.first_dense_weights(model).shape == (128, 28, 28)
    assert inspection.grad_cam(model, image) is None


def test_first_layer_filters_are_the_kernels():
    model = build_model("classic-cnn", seed=0)
    filters = inspection.first_layer_filters(model)
    assert filters.shape == (32, 5, 5)
    np.testing.assert_allclose(filters[3], model.layers[0].get_weights()[0][:, :, 0, 3])


def test_saliency_and_grad_cam_point_at_the_ink(tiny_result, mnist):
    digit = mnist.x_test[0] / 255.0
    saliency, chosen = inspection.saliency_map(tiny_result.model, digit)
    assert saliency.shape == (28, 28) and saliency.max() == pytest.approx(1.0)
    assert chosen == int(tiny_result.model(digit.reshape(1, 28, 28, 1)).numpy().argmax())
    # The border of an MNIST digit carries almost no gradient compared with the middle.
    assert saliency[:3].mean() < saliency[8:20, 8:20].mean()
    cam, _ = inspection.grad_cam(tiny_result.model, digit)
    assert cam.shape == (28, 28) and 0 <= cam.min() and cam.max() <= 1


def test_tiles_form_one_grid():
    tiles = np.arange(5 * 4 * 4, dtype=np.float32).reshape(5, 4, 4)
    grid = inspection.tile_images(tiles, columns=3)
    assert grid.shape == (2 * 4 + 1, 3 * 4 + 2)
    assert grid[0, 0] == 0 and grid[3, 3] == 1  # each tile scaled to 0–1 on its own
    assert inspection.feature_map_tiles(np.zeros((7, 7, 12))).shape == (12, 7, 7)


def test_parameter_totals_split_trainable_and_not():
    model = build_model("batchnorm-cnn", seed=0)
    totals = inspection.parameter_totals(model)
    assert totals["total"] == model.count_params() == sum(row["parameters"] for row in layer_summary(model))
    assert totals["non_trainable"] > 0  # the batch-normalisation statistics
    assert totals["trainable"] + totals["non_trainable"] == totals["total"]


def test_the_network_field_maps_back_onto_the_drawing(mnist, frame_digit):
    from desktop_app.core.preprocess import preprocess_image

    drawing = frame_digit(mnist.x_test[0], scale=8)  # dark ink on light paper, off-centre
    x, y, width, height = inspection.network_field_in_drawing(drawing)
    field = preprocess_image(drawing)[..., 0]
    rows, cols = np.mgrid[0:28, 0:28]
    # the network image's centre of ink, carried back into drawing pixels …
    mapped_x = x + (float((field * cols).sum() / field.sum()) + 0.5) * width / 28
    mapped_y = y + (float((field * rows).sum() / field.sum()) + 0.5) * height / 28
    # … lands on the drawing's own centre of ink, within one network pixel
    ink = 255.0 - drawing
    d_rows, d_cols = np.mgrid[0:drawing.shape[0], 0:drawing.shape[1]]
    assert abs(mapped_x - (float((ink * d_cols).sum() / ink.sum()) + 0.5)) < width / 28
    assert abs(mapped_y - (float((ink * d_rows).sum() / ink.sum()) + 0.5)) < height / 28
    assert inspection.network_field_in_drawing(np.full((100, 100), 255, np.uint8)) is None


def test_saliency_is_the_gradient_of_the_chosen_class(tiny_result, mnist):
    import tensorflow as tf

    digit = mnist.x_test[2] / 255.0
    batch = tf.constant(digit.reshape(1, 28, 28, 1).astype(np.float32))
    for target in (None, 3):
        saliency, chosen = inspection.saliency_map(tiny_result.model, digit, target=target)
        with tf.GradientTape() as tape:  # the eager computation the traced probe replaces
            tape.watch(batch)
            probabilities = tiny_result.model(batch, training=False)
            expected_class = int(tf.argmax(probabilities[0])) if target is None else target
            score = probabilities[0, expected_class]
        gradient = np.abs(tape.gradient(score, batch).numpy()[0, ..., 0])
        assert chosen == expected_class
        np.testing.assert_allclose(saliency, gradient / gradient.max(), atol=1e-5)


def test_the_tile_layout_finds_each_tile_back():
    layout = inspection.TileLayout(count=5, columns=3, height=4, width=6, gap=2)
    grid = inspection.tile_images(np.ones((5, 4, 6)) * np.arange(5)[:, None, None], columns=3, gap=2)
    assert layout.shape == grid.shape
    for index in range(5):
        top, left = layout.origin(index)
        assert layout.index_at(top + 0.5, left + 5.5) == index
    assert layout.index_at(1 * 6 + 1.0, 2 * 8 + 1.0) == -1  # row 1, column 2: the empty sixth place
