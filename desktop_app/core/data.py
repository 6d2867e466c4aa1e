"""Data sets: the embedded MNIST, the Keras cache file, raw IDX files and folders of digit images.

Everything here is numpy (+ Pillow for image folders) and loads without TensorFlow. Images are kept as
uint8 arrays of shape (N, 28, 28), white ink on black, labels as uint8 0–9: the layout of MNIST itself.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop_app.core.dataset_files import check_labels, check_shapes, read_idx, read_npz
from desktop_app.core.errors import DataError, about_file
from desktop_app.core.resources import resource_path
from desktop_app.core.safe_files import require_regular_file
from desktop_app.core.texts import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

EMBEDDED_NAME = "mnist"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp"}
IDX_FILES = {
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}


@dataclass
class Dataset:
    """Training and test images (uint8, N×28×28, ink bright) with their labels (uint8 0–9)."""

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray

    def limited(self, train: int | None = None, test: int | None = None) -> "Dataset":
        """The first `train` training and `test` test images (None keeps all): small slices for tests."""
        return Dataset(
            f"{self.name}[:{train}]" if train else self.name,
            self.x_train[:train], self.y_train[:train], self.x_test[:test], self.y_test[:test],
        )

    @property
    def has_test_set(self) -> bool:
        return len(self.x_test) > 0


def embedded_mnist_path() -> Path:
    return resource_path("mnist.npz")


def keras_cache_path() -> Path:
    """Where `keras.datasets.mnist.load_data()` keeps its download, if it ever ran on this machine."""
    return Path.home() / ".keras" / "datasets" / "mnist.npz"


def load_dataset(source: str | Path | None = None) -> Dataset:
    """Load a data set by name or path.

    None or "mnist": the embedded MNIST. "keras-cache": ~/.keras/datasets/mnist.npz. A `.npz` file in
    the Keras layout. A folder holding the four MNIST IDX files (gzipped or not). A folder with one
    sub-folder of images per digit, 0 to 9.
    """
    if source is None or str(source) == EMBEDDED_NAME:
        dataset = load_npz(embedded_mnist_path())
        dataset.name = EMBEDDED_NAME
        return dataset
    if str(source) == "keras-cache":
        return load_npz(keras_cache_path())
    path = Path(source).expanduser()
    if not path.exists():
        raise DataError(about_file(path, QT_TRANSLATE_NOOP("errors", "no such file or folder")))
    if not path.is_dir():
        require_regular_file(path)
        if path.suffix == ".npz":
            return load_npz(path)
        raise DataError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "not a data set. Choose an MNIST .npz file, a folder holding the four MNIST IDX files, or a "
                      "folder with one sub-folder of images per digit (0 to 9)")))
    if any((path / str(digit)).is_dir() for digit in range(10)):
        return load_image_folder(path)
    return load_idx_folder(path)


_embedded: Dataset | None = None
_embedded_lock = threading.Lock()


def embedded_mnist() -> Dataset:
    """The embedded MNIST, read once per process (thread-safe; a read takes about 0.2 s). Every caller
    gets the same object: read it, never change its arrays."""
    global _embedded
    with _embedded_lock:
        if _embedded is None:
            _embedded = load_dataset()
        return _embedded


def load_npz(path: Path) -> Dataset:
    """An .npz file with x_train, y_train, x_test, y_test, as Keras writes MNIST."""
    path = Path(path)
    return _checked(path.stem, read_npz(path), path)


def _checked(name: str, arrays: dict[str, np.ndarray], origin: Path) -> Dataset:
    check_shapes(origin, {key: array.shape for key, array in arrays.items()})
    for split in ("train", "test"):
        check_labels(origin, f"y_{split}", arrays[f"y_{split}"])
    return Dataset(
        name,
        as_uint8(arrays["x_train"]), arrays["y_train"].astype(np.uint8),
        as_uint8(arrays["x_test"]), arrays["y_test"].astype(np.uint8),
    )


def as_uint8(images: np.ndarray) -> np.ndarray:
    """Images as uint8 0–255: uint8 as they are, floats 0–1 scaled by 255, other values rounded and clipped."""
    if images.dtype == np.uint8:
        return images
    scale = 255.0 if images.size and float(images.max()) <= 1.0 else 1.0
    return np.clip(np.rint(images.astype(np.float32) * scale), 0, 255).astype(np.uint8)


def load_idx_folder(folder: Path) -> Dataset:
    """A folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-… (each maybe .gz)."""
    arrays, paths = {}, {}
    for key, stem in IDX_FILES.items():
        found = [folder / stem, folder / f"{stem}.gz", folder / stem.replace("-idx", ".idx")]
        # exists(), not is_file(): a pipe or device in its place is refused by name, not overlooked
        path = next((candidate for candidate in found if candidate.exists()), None)
        if path is None:
            raise DataError(about_file(folder, QT_TRANSLATE_NOOP(
                "errors", "not a data set folder: it has neither sub-folders 0–9 of images nor the MNIST IDX file "
                          "{name}(.gz)").format(name=stem)))
        arrays[key], paths[key] = read_idx(path), path
    _check_idx_pairs(arrays, paths)
    return _checked(folder.name, arrays, folder)


def _check_idx_pairs(arrays: dict[str, np.ndarray], paths: dict[str, Path]) -> None:
    """Each images file holds images and its labels file one label 0–9 per image. Checked here, file by
    file, so that the message names the file at fault; _checked would name only the folder."""
    for key, array in arrays.items():  # read_idx returns 3 dimensions (images) or 1 (labels)
        wants_images = key.startswith("x")
        if (array.ndim == 3) != wants_images:
            swapped = (QT_TRANSLATE_NOOP("errors", "{file}: this file holds labels, not images; are the images and "
                                                   "labels files swapped?") if wants_images else
                       QT_TRANSLATE_NOOP("errors", "{file}: this file holds images, not labels; are the images and "
                                                   "labels files swapped?"))
            raise DataError(swapped.format(file=paths[key]))
    for split in ("train", "test"):
        images, labels, label_file = arrays[f"x_{split}"], arrays[f"y_{split}"], paths[f"y_{split}"]
        if len(labels) != len(images):
            raise DataError(about_file(label_file, QT_TRANSLATE_NOOP(
                "errors", "{labels:,} labels for the {images:,} images of {name}; each image needs one label").format(
                labels=len(labels), images=len(images), name=paths[f"x_{split}"].name)))
        check_labels(label_file, None, labels)


def load_image_folder(folder: Path) -> Dataset:
    """A folder with one sub-folder per digit; each image is preprocessed the MNIST way.

    All images become training images; the test part is empty (evaluate such a set as a whole).
    """
    from desktop_app.core.image_files import load_image_file
    from desktop_app.core.preprocess import preprocess_to_uint8
    from desktop_app.core.errors import EmptyDrawingError

    images, labels, skipped = [], [], []
    for digit in range(10):
        sub = folder / str(digit)
        if not sub.is_dir():
            continue
        for path in sorted(sub.iterdir()):
            if path.suffix.lower() not in IMAGE_SUFFIXES:
                continue
            try:
                image = preprocess_to_uint8(load_image_file(path))
            except (EmptyDrawingError, DataError) as error:
                skipped.append(f"{path.name}: {error}")
                continue
            images.append(image)
            labels.append(digit)
    if skipped:
        log.warning("%s: skipped %d image(s): %s", folder, len(skipped), "; ".join(skipped[:5]))
    if not images:
        raise DataError(about_file(folder, QT_TRANSLATE_NOOP("errors", "no readable digit images in the "
                                                                       "sub-folders 0–9")))
    empty = np.zeros((0, 28, 28), np.uint8)
    return Dataset(folder.name, np.stack(images), np.array(labels, np.uint8), empty, np.zeros(0, np.uint8))
