import gzip
import hashlib
import struct

import numpy as np
import pytest
from PIL import Image

from desktop_app.core import data
from desktop_app.core.errors import DataError
from desktop_app.core.resources import resource_path


def test_embedded_mnist_is_the_genuine_set(mnist):
    assert mnist.x_train.shape == (60000, 28, 28) and mnist.x_train.dtype == np.uint8
    assert mnist.x_test.shape == (10000, 28, 28)
    assert list(mnist.y_train[:10]) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert list(mnist.y_test[:10]) == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert np.bincount(mnist.y_test).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
    assert hashlib.sha256(mnist.y_test.tobytes()).hexdigest().startswith("ddeff807876a")


def test_embedded_data_and_licence_are_found():
    assert resource_path("mnist.npz").stat().st_size == 11490519
    assert "CC BY-SA 3.0" in resource_path("MNIST-LICENSE.md").read_text()


def test_a_built_wheel_carries_mnist_and_its_licence_inside_the_package(tmp_path):
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    checkout = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(checkout)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("digit_lab-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "desktop_app/resources/mnist.npz" in names
    assert "desktop_app/resources/MNIST-LICENSE.md" in names


def test_keras_cache_file_is_loaded_when_present(tmp_path, monkeypatch, small_mnist):
    cache = tmp_path / ".keras" / "datasets"
    cache.mkdir(parents=True)
    np.savez(cache / "mnist.npz", x_train=small_mnist.x_train, y_train=small_mnist.y_train,
             x_test=small_mnist.x_test, y_test=small_mnist.y_test)
    monkeypatch.setenv("HOME", str(tmp_path))
    loaded = data.load_dataset("keras-cache")
    assert loaded.x_train.shape == (600, 28, 28)
    np.testing.assert_array_equal(loaded.y_test, small_mnist.y_test)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(DataError, match="nowhere.npz"):
        data.load_dataset(tmp_path / "nowhere.npz")


def test_truncated_npz_names_the_file(tmp_path):
    broken = tmp_path / "cut.npz"
    broken.write_bytes(data.embedded_mnist_path().read_bytes()[:5000])
    with pytest.raises(DataError, match=r"cut\.npz.*(truncated|corrupt)"):
        data.load_dataset(broken)


def test_wrong_shape_is_reported(tmp_path):
    wrong = tmp_path / "wrong.npz"
    np.savez(wrong, x_train=np.zeros((5, 32, 32), np.uint8), y_train=np.zeros(5, np.uint8),
             x_test=np.zeros((2, 28, 28), np.uint8), y_test=np.zeros(2, np.uint8))
    with pytest.raises(DataError, match=r"wrong\.npz: x_train has shape \(5, 32, 32\)"):
        data.load_dataset(wrong)


def _write_idx(path, array, compress):
    header = struct.pack(">BBBB", 0, 0, 8, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    payload = header + array.astype(np.uint8).tobytes()
    if compress:
        with gzip.open(path.with_name(path.name + ".gz"), "wb") as stream:
            stream.write(payload)
    else:
        path.write_bytes(payload)


@pytest.mark.parametrize("compress", [False, True])
def test_idx_folder_round_trip(tmp_path, small_mnist, compress):
    for key, stem in data.IDX_FILES.items():
        _write_idx(tmp_path / stem, getattr(small_mnist, key), compress)
    loaded = data.load_dataset(tmp_path)
    np.testing.assert_array_equal(loaded.x_train, small_mnist.x_train)
    np.testing.assert_array_equal(loaded.y_test, small_mnist.y_test)


def test_truncated_idx_file_names_it(tmp_path, small_mnist):
    for key, stem in data.IDX_FILES.items():
        _write_idx(tmp_path / stem, getattr(small_mnist, key), False)
    images = tmp_path / "train-images-idx3-ubyte"
    images.write_bytes(images.read_bytes()[:-100])
    with pytest.raises(DataError, match="train-images-idx3-ubyte: the file is truncated"):
        data.load_dataset(tmp_path)


def test_folder_without_data_says_what_it_expects(tmp_path):
    with pytest.raises(DataError, match="sub-folders 0–9"):
        data.load_dataset(tmp_path)


def test_image_folder_with_one_subfolder_per_digit(tmp_path, mnist):
    for digit in range(10):
        (tmp_path / str(digit)).mkdir()
    for index in range(20):
        label = int(mnist.y_test[index])
        # Dark ink on white, 3× larger: the folder loader must bring it back to MNIST's framing.
        picture = 255 - np.kron(mnist.x_test[index], np.ones((3, 3), np.uint8))
        Image.fromarray(picture).save(tmp_path / str(label) / f"{index}.png")
    (tmp_path / "3" / "notes.txt").write_text("not an image")
    loaded = data.load_dataset(tmp_path)
    assert len(loaded.x_train) == 20 and not loaded.has_test_set
    assert sorted(loaded.y_train.tolist()) == sorted(mnist.y_test[:20].tolist())
    assert loaded.x_train.max() > 200 and loaded.x_train[:, 0, :].max() == 0  # ink bright, border clean


def test_limited_takes_the_first_images(mnist):
    part = mnist.limited(train=100, test=10)
    assert len(part.x_train) == 100 and len(part.y_test) == 10
    np.testing.assert_array_equal(part.x_train[5], mnist.x_train[5])


def test_as_uint8_keeps_bytes_scales_unit_floats_and_clips():
    from desktop_app.core.data import as_uint8

    raw = np.array([[0, 128, 255]], np.uint8)
    assert as_uint8(raw) is raw
    np.testing.assert_array_equal(as_uint8(np.array([[0.0, 0.5, 1.0]])), [[0, 128, 255]])
    np.testing.assert_array_equal(as_uint8(np.array([[-3.0, 127.6, 300.0]])), [[0, 128, 255]])
    assert as_uint8(np.zeros((0, 28, 28), np.float32)).dtype == np.uint8
