"""Reading MNIST-layout files (IDX, gzipped or not, and Keras' .npz) header first.

A file's header says how much data follows; it is checked before any data is read, and no more than
it declares is ever read. So a gzip bomb is never inflated, a header claiming 2^31 images is refused
instead of allocated, and every refusal is one line naming the file.
"""

from __future__ import annotations

import gzip
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np
import numpy.lib.format as npy

from desktop_app.core.errors import DataError, about_file
from desktop_app.core.safe_files import require_regular_file
from desktop_app.core.texts import QT_TRANSLATE_NOOP

MAX_IMAGES = 1_000_000  # MNIST has 70,000; a million is far above any digit set, far below a bomb
IMAGE_SHAPE = (28, 28)
ARRAY_KEYS = ("x_train", "y_train", "x_test", "y_test")
NUMERIC_KINDS = "buif"  # bool, unsigned, signed, float


def check_shapes(origin: Path, shapes: dict[str, tuple[int, ...]]) -> None:
    """The four arrays' shapes: (N, 28, 28) images, N ≤ MAX_IMAGES, one label per image."""
    for split in ("train", "test"):
        images, labels = tuple(shapes[f"x_{split}"]), tuple(shapes[f"y_{split}"])
        if len(images) != 3 or images[1:] != IMAGE_SHAPE:
            raise DataError(about_file(origin, QT_TRANSLATE_NOOP(
                "errors", "{key} has shape {shape}; expected (N, 28, 28)").format(key=f"x_{split}", shape=images)))
        if images[0] > MAX_IMAGES:
            raise DataError(about_file(origin, QT_TRANSLATE_NOOP(
                "errors", "{key} declares {count:,} images; at most {limit:,} are accepted").format(
                key=f"x_{split}", count=images[0], limit=MAX_IMAGES)))
        if labels != (images[0],):
            raise DataError(about_file(origin, QT_TRANSLATE_NOOP(
                "errors", "{key} has shape {shape}; expected ({count},), one label per image").format(
                key=f"y_{split}", shape=labels, count=images[0])))


def check_labels(origin: Path, key: str | None, labels: np.ndarray) -> None:
    """Labels must be integers 0–9; floats only when whole (NaN would otherwise train as digit 0). `key` names
    the array in `origin` ("y_train"); None: `origin` is a labels file itself."""
    kind = labels.dtype.kind
    if kind not in "biuf":
        problem = (QT_TRANSLATE_NOOP("errors", "{key} holds {dtype} values; labels must be integers 0–9") if key else
                   QT_TRANSLATE_NOOP("errors", "the file holds {dtype} values; labels must be integers 0–9"))
        raise DataError(about_file(origin, problem.format(key=key, dtype=str(labels.dtype))))
    if kind == "f" and not (np.isfinite(labels).all() and (labels == np.rint(labels)).all()):
        problem = (QT_TRANSLATE_NOOP("errors", "{key} holds labels that are not whole numbers (NaN or fractions); "
                                               "labels must be integers 0–9") if key else
                   QT_TRANSLATE_NOOP("errors", "the file holds labels that are not whole numbers (NaN or "
                                               "fractions); labels must be integers 0–9"))
        raise DataError(about_file(origin, problem.format(key=key)))
    if len(labels) and (labels.min() < 0 or labels.max() > 9):
        problem = (QT_TRANSLATE_NOOP("errors", "{key} holds labels outside 0–9") if key else
                   QT_TRANSLATE_NOOP("errors", "the file holds labels outside 0–9"))
        raise DataError(about_file(origin, problem.format(key=key)))


def read_idx(path: str | Path) -> np.ndarray:
    """One IDX file (the format MNIST was published in), gzipped or not: MNIST images (N×28×28) or
    labels (N). The header is read and checked first; then exactly the bytes it declares."""
    path = require_regular_file(path)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as stream:
            shape = _idx_shape(path, stream)
            expected = int(np.prod(shape))
            raw = stream.read(expected)  # never more: a gzip bomb stops inflating here
            padded = bool(stream.read(1))
    except (OSError, EOFError, zlib.error) as error:
        raise DataError(about_file(path, QT_TRANSLATE_NOOP("errors", "cannot read the file ({reason})").format(
            reason=str(error)))) from error
    if len(raw) < expected:
        raise DataError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "the file is truncated: the header promises {expected} values of shape {shape}, the file "
                      "holds {found}").format(expected=expected, shape=shape, found=len(raw))))
    if padded:
        raise DataError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "the file is padded: it holds more than the {expected} values of shape {shape} its header "
                      "promises").format(expected=expected, shape=shape)))
    return np.frombuffer(raw, dtype=np.uint8).reshape(shape)


def _idx_shape(path: Path, stream) -> tuple[int, ...]:
    magic = stream.read(4)
    if len(magic) < 4 or magic[:3] != b"\x00\x00\x08":
        raise DataError(about_file(path, QT_TRANSLATE_NOOP("errors", "not an unsigned-byte IDX file (wrong magic "
                                                                     "number)")))
    ndim = magic[3]
    if ndim not in (1, 3):
        raise DataError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "the header declares {dimensions} dimensions; MNIST IDX files have 1 (labels) or 3 "
                      "(images)").format(dimensions=ndim)))
    dims = stream.read(4 * ndim)
    if len(dims) < 4 * ndim:
        raise DataError(about_file(path, QT_TRANSLATE_NOOP("errors", "the file is truncated (header cut short)")))
    shape = struct.unpack(f">{ndim}I", dims)
    if shape[0] > MAX_IMAGES:
        raise DataError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "the header declares {count:,} entries; at most {limit:,} are accepted").format(
            count=shape[0], limit=MAX_IMAGES)))
    if ndim == 3 and shape[1:] != IMAGE_SHAPE:
        raise DataError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "the header declares images of {height}×{width}; MNIST images are 28×28").format(
            height=shape[1], width=shape[2])))
    return shape


def read_npz(path: str | Path) -> dict[str, np.ndarray]:
    """The four arrays of an MNIST .npz (Keras' layout). Each member's .npy header is checked before
    its data is read; pickled objects are never loaded."""
    path = require_regular_file(path)
    if not zipfile.is_zipfile(path):  # else numpy answers with advice to unpickle it
        raise DataError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "not an .npz archive (not a zip file, or a truncated or corrupt one)")))
    try:
        with zipfile.ZipFile(path) as archive:
            headers = _npz_headers(path, archive)
            check_shapes(path, {key: shape for key, (shape, _) in headers.items()})
            for key, (_, dtype) in headers.items():
                if dtype.kind not in NUMERIC_KINDS:
                    problem = (QT_TRANSLATE_NOOP("errors", "{key} holds {dtype} values; labels must be integers "
                                                           "0–9") if key.startswith("y") else
                               QT_TRANSLATE_NOOP("errors", "{key} holds {dtype} values; images must be numbers"))
                    raise DataError(about_file(path, problem.format(key=key, dtype=str(dtype))))
        with np.load(path, allow_pickle=False) as archive:
            return {key: archive[key] for key in ARRAY_KEYS}
    except DataError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as error:
        raise DataError(about_file(path, QT_TRANSLATE_NOOP("errors", "the file is truncated or corrupt ({reason})"
                                                         ).format(reason=str(error)))) from error


def _npz_headers(path: Path, archive: zipfile.ZipFile) -> dict[str, tuple[tuple[int, ...], np.dtype]]:
    names = set(archive.namelist())
    missing = [key for key in ARRAY_KEYS if f"{key}.npy" not in names]
    if missing:
        raise DataError(about_file(path, QT_TRANSLATE_NOOP("errors", "not an MNIST file; it lacks {keys}").format(
            keys=", ".join(missing))))
    headers = {}
    for key in ARRAY_KEYS:
        with archive.open(f"{key}.npy") as member:
            version = npy.read_magic(member)
            if version == (1, 0):
                shape, _, dtype = npy.read_array_header_1_0(member)
            elif version == (2, 0):
                shape, _, dtype = npy.read_array_header_2_0(member)
            else:
                raise DataError(about_file(path, QT_TRANSLATE_NOOP(
                    "errors", "{key} is stored in .npy format {version}, which Digit Lab does not read; save it "
                              "with numpy.savez").format(key=key, version=f"{version[0]}.{version[1]}")))
        headers[key] = (tuple(shape), dtype)
    return headers
