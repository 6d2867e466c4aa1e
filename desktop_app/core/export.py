"""Exporting a model for use outside Digit Lab: ONNX for ONNX Runtime (and the many runtimes that read
ONNX), a TensorFlow SavedModel for serving, TFLite for phones. `core.export_check` proves afterwards that
an export computes the model's answers.

ONNX goes through Keras' own `model.export(format="onnx")`, which converts with tf2onnx on the TensorFlow
back end. tf2onnx, onnx and onnxruntime are an optional extra (`pip install "digit-lab[export]"`): about
118 MB installed, which the installers leave out to stay within their size limits (1.0 GB installed; the
bundle is 911 MB already)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Callable

from desktop_app.core.errors import DigitLabError
from desktop_app.core.modelio import atomic_write
from desktop_app.core.output_paths import NO_FOLDER, OutputPathError, check_output_file, check_output_folder
from desktop_app.core.texts import QT_TRANSLATE_NOOP

EXPORT_FORMATS = {
    "onnx": QT_TRANSLATE_NOOP("export", "ONNX file (.onnx, for ONNX Runtime)"),
    "saved_model": QT_TRANSLATE_NOOP("export", "TensorFlow SavedModel folder (for serving)"),
    "tflite": QT_TRANSLATE_NOOP("export", "TensorFlow Lite file (.tflite)"),
}
SUFFIXES = {"onnx": ".onnx", "tflite": ".tflite", "saved_model": ""}
# What each format needs beyond Digit Lab's own dependencies: the converter and the runtime that checks it.
EXTRA_MODULES = {"onnx": ("tf2onnx", "onnx", "onnxruntime")}
EXPORT_EXTRA = "digit-lab[export]"


class ExportUnavailableError(DigitLabError):
    """The packages an export format needs are not installed; the message says what to install."""


def check_format(kind: str) -> str:
    """`kind` when it is one of EXPORT_FORMATS; a DigitLabError listing them otherwise."""
    if kind not in EXPORT_FORMATS:
        raise DigitLabError(QT_TRANSLATE_NOOP("export", "unknown export format {kind!r}; choose one of {formats}."
                                              ).format(kind=kind, formats=", ".join(EXPORT_FORMATS)))
    return kind


def missing_modules(kind: str) -> list[str]:
    """The modules `kind` needs that cannot be imported here (found without importing them)."""
    return [name for name in EXTRA_MODULES.get(kind, ()) if importlib.util.find_spec(name) is None]


def unavailable_reason(kind: str) -> str:
    """Why `kind` cannot be exported here and what to install; "" when it can."""
    missing = missing_modules(kind)
    if not missing:
        return ""
    packages = " ".join(EXTRA_MODULES[kind])
    if getattr(sys, "frozen", False):  # the installed app: PyInstaller's bundle has no pip
        return QT_TRANSLATE_NOOP(
            "export", "{format} export is not part of the installed Digit Lab (it would add about 120 MB and push "
                      "the installers past their size limits). Export a TensorFlow Lite file or a SavedModel here, "
                      "or install Digit Lab with pip, where pip install \"{extra}\" adds {format} export "
                      "({packages}).").format(format=kind.upper(), extra=EXPORT_EXTRA, packages=packages)
    needs = (QT_TRANSLATE_NOOP("export", "{format} export needs {modules}, which is not installed. Install the "
                                         "export extra: pip install \"{extra}\" (or pip install {packages}).")
             if len(missing) == 1 else
             QT_TRANSLATE_NOOP("export", "{format} export needs {modules}, which are not installed. Install the "
                                         "export extra: pip install \"{extra}\" (or pip install {packages})."))
    return needs.format(format=kind.upper(), modules=", ".join(missing), extra=EXPORT_EXTRA, packages=packages)


def require_format(kind: str) -> None:
    """Raise ExportUnavailableError, saying what to install, when `kind` cannot be exported here."""
    check_format(kind)
    reason = unavailable_reason(kind)
    if reason:
        raise ExportUnavailableError(reason)


def export_target(path: str | Path, kind: str) -> Path:
    """The path `export_model` writes for `path` (a .onnx or .tflite suffix added when missing)."""
    path = Path(path).expanduser()
    suffix = SUFFIXES[check_format(kind)]
    return path if not suffix or path.suffix == suffix else path.with_name(path.name + suffix)


def check_export_target(path: str | Path, kind: str) -> Path:
    """The path the export will write, checked before any work: its folder exists and is writable, and
    it is not a folder (a file format) or a file (a SavedModel folder). Raises OutputPathError."""
    if SUFFIXES[check_format(kind)]:
        return check_output_file(path, suffix=SUFFIXES[kind])
    target = export_target(path, kind)
    if target.exists() and not target.is_dir():
        raise OutputPathError(QT_TRANSLATE_NOOP("export", "Cannot write {path}: it is a file; a SavedModel is a "
                                                          "folder: choose another name.").format(path=target))
    if not target.parent.is_dir():
        raise OutputPathError(NO_FOLDER.format(path=target, folder=target.parent))
    check_output_folder(target.parent)  # writable: a temporary file is made and removed there
    return target


def export_model(model, path: str | Path, kind: str) -> Path:
    """Write `model` as an ONNX file, a SavedModel folder or a .tflite file; returns the path. Each is
    written beside its target and moved into place once complete, so a failed (or interrupted) export
    leaves no half of one, and an earlier export at the same path stays until the new one is whole."""
    path = Path(path)
    if kind == "onnx":
        require_format(kind)
        path = export_target(path, kind)
        return atomic_write(path, lambda temporary: _write_onnx(model, temporary), suffix=".onnx", private=False)
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
            raise RuntimeError(QT_TRANSLATE_NOOP("export", "TensorFlow Lite conversion failed: {reason}").format(
                reason=str(error))) from error
        # not private: as before, the export gets an ordinary new file's permissions (umask)
        return atomic_write(path, lambda temporary: temporary.write_bytes(flat), private=False)
    raise ValueError(f"unknown export format {kind!r}; choose one of {', '.join(EXPORT_FORMATS)}")


def _write_onnx(model, path: Path) -> None:
    """Keras' ONNX export (tf2onnx on the TensorFlow back end), for a batch of any size of 28×28×1 images
    in 0–1 under the input name "image"."""
    import tensorflow as tf

    signature = [tf.TensorSpec((None, 28, 28, 1), tf.float32, name="image")]
    try:
        with warnings.catch_warnings():
            # Keras' numpy-2 patch for tf2onnx asks numpy for `np.object`, which warns on numpy 2
            warnings.simplefilter("ignore", FutureWarning)
            model.export(str(path), format="onnx", verbose=False, input_signature=signature)
    except ImportError as error:  # the extra went missing between the check and the work
        raise ExportUnavailableError(QT_TRANSLATE_NOOP("export", "ONNX export failed: {reason}. {advice}").format(
            reason=str(error), advice=unavailable_reason("onnx"))) from error
    except Exception as error:
        raise RuntimeError(QT_TRANSLATE_NOOP("export", "ONNX conversion failed: {reason}").format(
            reason=str(error))) from error
    if path.stat().st_size == 0:
        raise RuntimeError(QT_TRANSLATE_NOOP("export", "ONNX conversion failed: the converter wrote an empty file."))


def _replace_folder(target: Path, write: Callable[[Path], object]) -> Path:
    """`write(folder)` into a new folder in a hidden temporary folder beside `target`, then rename it to
    `target` (an existing folder there is moved aside first and removed once the new one is in place).
    On any error the temporary folder is removed and the error propagates."""
    if target.exists() and not target.is_dir():
        raise FileExistsError(QT_TRANSLATE_NOOP("export", "{path} is a file; a SavedModel is a folder: choose "
                                                          "another name.").format(path=target))
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
