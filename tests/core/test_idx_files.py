"""Broken MNIST IDX files (issue 11): each is refused in one line that names the file at fault.

A folder of four tiny gzipped IDX files that loads is the starting point; each case breaks one file.
"""

import gzip
import struct

import numpy as np
import pytest

from desktop_app.core import data
from desktop_app.core.errors import DataError


def idx_bytes(array):
    array = np.asarray(array, np.uint8)
    return struct.pack(">BBBB", 0, 0, 8, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape) \
        + array.tobytes()


def idx_folder(folder, **arrays):
    """The four IDX files (gzipped) of 3 training and 2 test images; `arrays` replaces some of them."""
    arrays = dict(x_train=np.full((3, 28, 28), 200), y_train=[1, 2, 3],
                  x_test=np.zeros((2, 28, 28)), y_test=[4, 5]) | arrays
    paths = {}
    for key, stem in data.IDX_FILES.items():
        paths[key] = folder / f"{stem}.gz"
        paths[key].write_bytes(gzip.compress(idx_bytes(arrays[key]), mtime=0))
    return paths


def wrong_magic(path):
    path.write_bytes(gzip.compress(b"\x00\x00\x0d\x03" + idx_bytes(np.zeros((3, 28, 28)))[4:]))  # floats


def header_cut_short(path):
    path.write_bytes(gzip.compress(struct.pack(">BBBBI", 0, 0, 8, 3, 3)))  # 3 dimensions, 1 given


def crc_flipped(path):
    raw = bytearray(path.read_bytes())
    raw[-8] ^= 0xFF  # the gzip trailer's CRC-32
    path.write_bytes(bytes(raw))


def deflate_garbage(path):
    raw = bytearray(path.read_bytes())
    raw[10:30] = b"\xff" * 20  # the first bytes of the compressed stream, after gzip's 10-byte header
    path.write_bytes(bytes(raw))


def cut_in_half(path):
    path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 2])


def not_gzip(path):
    path.write_bytes(b"PK\x03\x04 a zip file named .gz")


def test_the_unbroken_folder_loads(tmp_path):
    idx_folder(tmp_path)
    loaded = data.load_dataset(tmp_path)
    assert loaded.x_train.shape == (3, 28, 28) and list(loaded.y_train) == [1, 2, 3]


@pytest.mark.parametrize("break_it, words", [
    (wrong_magic, "not an unsigned-byte IDX file (wrong magic number)"),
    (header_cut_short, "the file is truncated (header cut short)"),
    (crc_flipped, "cannot read the file (CRC check failed"),
    (deflate_garbage, "cannot read the file ("),
    (cut_in_half, "cannot read the file (Compressed file ended before the end-of-stream marker"),
    (not_gzip, "cannot read the file (Not a gzipped file"),
])
def test_a_broken_images_file_is_refused_by_name(tmp_path, break_it, words):
    images = idx_folder(tmp_path)["x_train"]
    break_it(images)
    with pytest.raises(DataError) as caught:
        data.load_dataset(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{images}: ") and words in message and "\n" not in message


@pytest.mark.parametrize("arrays, at_fault, words", [
    (dict(y_train=[1, 2]), "y_train", "2 labels for the 3 images of train-images-idx3-ubyte.gz"),
    (dict(y_test=[4, 5, 6]), "y_test", "3 labels for the 2 images of t10k-images-idx3-ubyte.gz"),
    (dict(y_train=[1, 12, 3]), "y_train", "holds labels outside 0–9"),
    (dict(x_train=[1, 2, 3]), "x_train", "this file holds labels, not images; are the images and labels"),
])
def test_labels_that_do_not_fit_their_images_are_refused_naming_the_labels_file(tmp_path, arrays, at_fault,
                                                                                  words):
    path = idx_folder(tmp_path, **arrays)[at_fault]
    with pytest.raises(DataError) as caught:
        data.load_dataset(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and words in message and "\n" not in message
