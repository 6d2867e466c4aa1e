"""Exporting a model for use outside Digit Lab: a TensorFlow SavedModel for serving, TFLite for phones."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.modelio import atomic_write

EXPORT_FORMATS = {
    "saved_model": "TensorFlow SavedModel folder (for serving)",
    "tflite": "TensorFlow Lite file (.tflite)",
}


def export_model(model, path: str | Path, kind: str) -> Path:
    """Write `model` as a SavedModel folder or a .tflite file (written atomically); returns the path."""
    path = Path(path)
    if kind == "saved_model":
        model.export(str(path), format="tf_saved_model", verbose=False)
        return path
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
