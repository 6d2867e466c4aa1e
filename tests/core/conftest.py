"""Shared fixtures for the core tests: small MNIST slices and one tiny trained model per session."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import pytest

from desktop_app.core.data import load_dataset


@pytest.fixture(scope="session")
def mnist():
    return load_dataset()


@pytest.fixture(scope="session")
def small_mnist(mnist):
    return mnist.limited(train=600, test=500)


@pytest.fixture(scope="session")
def tiny_result(small_mnist):
    """A small CNN trained for one epoch on 600 images: enough to read digits better than chance."""
    from desktop_app.core.training import TrainConfig, train

    config = TrainConfig(preset="small-cnn", epochs=2, batch_size=32, learning_rate=3e-3, augment=False,
                         validation_split=0.2, device="cpu")
    return train(config, dataset=small_mnist)


@pytest.fixture()
def digit_images(mnist):
    """Ten MNIST test digits (uint8, ink bright) with their labels."""
    return mnist.x_test[:10], mnist.y_test[:10]


@pytest.fixture()
def frame_digit():
    return reframe


def reframe(digit: np.ndarray, scale: int, size=(300, 400), offset=(40, 90), dark_on_light=True):
    """An MNIST digit as a user might draw it: bigger, off-centre, on a large canvas, maybe inverted."""
    big = np.kron(digit.astype(np.float32), np.ones((scale, scale), np.float32))
    canvas = np.zeros(size, np.float32)
    top, left = offset
    canvas[top:top + big.shape[0], left:left + big.shape[1]] = big
    if dark_on_light:
        canvas = 255 - canvas
    return canvas.astype(np.uint8)
