import numpy as np
import pytest
from PIL import Image

from desktop_app.core.errors import DataError, EmptyDrawingError
from desktop_app.core.image_files import load_image_file
from desktop_app.core.preprocess import analyse_drawing, preprocess_image


def _similarity(a, b):
    a, b = a.ravel() - a.mean(), b.ravel() - b.mean()
    return float(a @ b / np.sqrt((a @ a) * (b @ b)))


def _bbox(image):
    rows = np.flatnonzero(image.any(axis=1))
    cols = np.flatnonzero(image.any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


@pytest.mark.parametrize("dark_on_light", [True, False])
def test_a_large_off_centre_drawing_becomes_mnist_framed(mnist, dark_on_light, frame_digit):
    for digit in mnist.x_test[:10]:
        drawing = frame_digit(digit, scale=7, dark_on_light=dark_on_light)
        image = preprocess_image(drawing)
        assert image.shape == (28, 28, 1) and image.dtype == np.float32
        assert 0 <= image.min() and image.max() <= 1
        assert max(_bbox(image[..., 0] > 0.05)) in (20, 21)
        rows, cols = np.mgrid[0:28, 0:28]
        plane = image[..., 0]
        assert abs((plane * rows).sum() / plane.sum() - 14) <= 0.6
        assert abs((plane * cols).sum() / plane.sum() - 14) <= 0.6
        assert _similarity(image[..., 0], digit / 255.0) > 0.85


def test_colour_and_transparent_images(mnist, frame_digit):
    digit = mnist.x_test[0]
    grey = frame_digit(digit, scale=4, size=(150, 150), offset=(10, 20))
    rgb = np.stack([grey] * 3, axis=-1)
    expected = preprocess_image(grey)
    np.testing.assert_allclose(preprocess_image(rgb), expected, atol=1e-5)
    rgba = np.zeros((150, 150, 4), np.uint8)  # black ink on a transparent background
    rgba[..., 3] = 255 - grey
    np.testing.assert_allclose(preprocess_image(rgba), expected, atol=0.02)


@pytest.mark.parametrize("blank", [
    np.full((280, 280), 255, np.uint8), np.zeros((280, 280), np.uint8),
    np.full((50, 80, 3), 128, np.uint8), np.random.default_rng(0).integers(120, 135, (200, 200)).astype(np.uint8),
])
def test_an_empty_drawing_is_reported_not_classified(blank):
    with pytest.raises(EmptyDrawingError, match="Nothing is drawn"):
        preprocess_image(blank)


def test_a_tiny_dot_is_scaled_up_not_lost():
    canvas = np.full((280, 280), 255, np.uint8)
    canvas[100:104, 200:230] = 0
    image = preprocess_image(canvas)
    assert max(_bbox(image[..., 0] > 0.05)) in (20, 21)


def test_several_marks_far_apart_are_flagged(mnist, frame_digit):
    canvas = np.full((280, 280), 255, np.uint8)
    canvas[20:60, 20:60] = 0
    canvas[200:260, 200:260] = 0
    assert analyse_drawing(canvas).scattered
    one = frame_digit(mnist.x_test[2], scale=8, offset=(30, 30))  # a "1"
    analysis = analyse_drawing(one)
    assert not analysis.scattered and analysis.marks == 1


def test_image_files_round_trip_and_bad_files_are_named(tmp_path, mnist, frame_digit):
    path = tmp_path / "seven.png"
    Image.fromarray(frame_digit(mnist.x_test[0], scale=3)).save(path)
    assert load_image_file(path).shape == (300, 400)
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"this is not a picture")
    with pytest.raises(DataError, match="junk.png: not a readable image"):
        load_image_file(junk)
    with pytest.raises(DataError, match="missing.png"):
        load_image_file(tmp_path / "missing.png")


def test_the_placement_is_what_preprocess_pastes(mnist, frame_digit):
    from desktop_app.core.preprocess import FIELD_SIZE, place_ink

    drawing = frame_digit(mnist.x_test[3], scale=6)
    placement = place_ink(drawing)
    height, width = placement.digit.shape
    field = np.zeros((FIELD_SIZE, FIELD_SIZE), np.float32)
    field[placement.top:placement.top + height, placement.left:placement.left + width] = placement.digit
    np.testing.assert_array_equal(field, preprocess_image(drawing)[..., 0])
    ink_rows = np.flatnonzero((255 - drawing).max(axis=1) > 0)
    assert placement.crop_top >= ink_rows[0] and placement.crop_bottom <= ink_rows[-1] + 1
    with pytest.raises(EmptyDrawingError):
        place_ink(np.full((40, 40), 255, np.uint8))
