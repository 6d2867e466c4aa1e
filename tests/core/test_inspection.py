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
