"""Exporting a model for use outside Digit Lab: a TensorFlow SavedModel for serving, TFLite for phones."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Callable

from desktop_app.core.modelio import atomic_write

EXPORT_FORMATS = {
    "saved_model": "TensorFlow SavedModel folder (for serving)",
    "tflite": "TensorFlow Lite file (.tflite)",
}


def export_model(model, path: str | Path, kind: str) -> Path:
    """Write `model` as a SavedModel folder or a .tflite file; returns the path. Either is written beside
    its target and moved into place once complete, so a failed (or interrupted) export leaves no half of
    one, and an earlier export at the same path stays until the new one is whole."""
    path = Path(path)
    if kind == "saved_model":
        return _replace_folder(path, lambda folder: model.export(str(folder), format="tf_saved_model",
                                                                 verbose=False))
    if kind == "tflite":
        import tensorflow as tf

        if path.suffix != ".tflite":
            path = path.with_name(path.name + ".tflite")
        try:
            flat = tf.lite.TFLiteConverter.from_keras_model(model).convert()
        except Exception as error:
            raise RuntimeError(f"TensorFlow Lite conversion failed: {error}") from error
        # not private: as before, the export gets an ordinary new file's permissions (umask)
        return atomic_write(path, lambda temporary: temporary.write_bytes(flat), private=False)
    raise ValueError(f"unknown export format {kind!r}; choose one of {', '.join(EXPORT_FORMATS)}")


def _replace_folder(target: Path, write: Callable[[Path], object]) -> Path:
    """`write(folder)` into a new folder in a hidden temporary folder beside `target`, then rename it to
    `target` (an existing folder there is moved aside first and removed once the new one is in place).
    On any error the temporary folder is removed and the error propagates."""
    if target.exists() and not target.is_dir():
        raise FileExistsError(f"{target} is a file; a SavedModel is a folder: choose another name.")
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        fresh = staging / "new"
        write(fresh)
        if target.exists():
            old = staging / "old"
            target.rename(old)
            try:
                fresh.rename(target)
            except OSError:
                old.rename(target)  # put the earlier export back
                raise
        else:
            fresh.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
