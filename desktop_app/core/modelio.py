"""Model files: atomic `.keras` saves that carry Digit Lab's metadata, and safe, checked loading.

Loading never runs code from the file: Keras' safe mode refuses Lambda layers and other pickled code,
and only local `.keras` zip archives are accepted. The training config, history, data set name and
preprocessing version travel inside the archive as an extra `digit_lab.json` entry, which Keras ignores.
`atomic_write` here is the core's one atomic-write helper: the personal data set and export use it too.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import json
import logging
import os
import shutil
import tempfile
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from desktop_app import __version__
from desktop_app.core.errors import OPEN_PROBLEM, ModelFileError, about_file, clipped, message_of
from desktop_app.core.model_limits import (KERAS_MEMBERS, MAX_METADATA_BYTES, ModelTooLarge, check_archive,
                                           read_member, weight_budget)
from desktop_app.core.preprocess import PREPROCESS_VERSION
from desktop_app.core.safe_files import require_regular_file
from desktop_app.core.texts import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

METADATA_ENTRY = "digit_lab.json"
TIMELAPSE_ENTRY = "digit_lab_timelapse.npz"  # the last run's time-lapse (core.timelapse), when it has one
MAX_TIMELAPSE_BYTES = 32 << 20  # a default network's is about 3 MB
EXPECTED_INPUT = (None, 28, 28, 1)
EXPECTED_OUTPUT = (None, 10)


@dataclass
class ModelMetadata:
    preset: str = ""
    dataset: str = ""
    config: dict[str, Any] = field(default_factory=dict)
    history: dict[str, list[float]] = field(default_factory=dict)
    architecture: dict[str, Any] = field(default_factory=dict)  # core.architecture's to_dict(); {} if unknown
    preprocess_version: int = PREPROCESS_VERSION
    app_version: str = __version__
    saved_at: str = ""

    @classmethod
    def from_dict(cls, values: dict[str, Any], problems: list[str] | None = None) -> "ModelMetadata":
        """The fields of `values` that have the right form; each one that has not is left at its default
        and named in `problems`: a model with odd metadata still opens."""
        problems = problems if problems is not None else []
        if not isinstance(values, dict):
            problems.append(QT_TRANSLATE_NOOP("warnings", "the Digit Lab metadata is not a record; it is ignored"))
            return cls(preprocess_version=0, app_version="")
        kept = {}
        for item in dataclasses.fields(cls):
            if item.name not in values:
                continue
            value = values[item.name]
            if _FIELD_CHECKS[item.name](value):
                kept[item.name] = value
            else:
                problems.append(QT_TRANSLATE_NOOP("warnings", "its saved {name} ({value}) is malformed and is ignored"
                                                  ).format(name=item.name, value=_preview(value)))
        return cls(**kept)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_history(value) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and isinstance(values, list) and all(_is_number(v) for v in values)
        for key, values in value.items())


_FIELD_CHECKS: dict[str, Callable[[Any], bool]] = {
    "preset": lambda value: isinstance(value, str),
    "dataset": lambda value: isinstance(value, str),
    "config": lambda value: isinstance(value, dict),
    "architecture": lambda value: isinstance(value, dict),
    "history": _is_history,
    "preprocess_version": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "app_version": lambda value: isinstance(value, str),
    "saved_at": lambda value: isinstance(value, str),
}


def _preview(value) -> str:
    text = json.dumps(value) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


@dataclass
class LoadedModel:
    model: Any
    metadata: ModelMetadata
    path: Path
    warnings: list[str] = field(default_factory=list)  # what was odd but did not stop the model opening
    timelapse: Any = None  # the last run's core.timelapse.Timelapse, or None (older files have none)


def atomic_write(target: str | Path, write: Callable[[Path], object], *, suffix: str = "",
                 private: bool = True) -> Path:
    """Call `write(temporary)` on an empty temporary file beside `target`, then rename it over `target`
    (same folder, so the rename is atomic): a crash, a full disk or an error leaves the old file, never
    half a new one. On any error the temporary file is removed and the error propagates. Returns `target`.

    `suffix` ends the temporary name (Keras picks the format by it). The file is `private` (0600, as
    mkstemp makes it) unless asked otherwise; then it gets the permissions of an ordinary new file (0666
    less the umask). The model files and the personal data set use this, and so does export.
    """
    target = Path(target)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=suffix, dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        if not private:
            os.chmod(temporary, 0o666 & ~_umask())
        write(temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    """The process's umask. Linux tells it in /proc; elsewhere the only way to read it is to set it, so
    it is set back at once."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _save_error(target: Path, error: BaseException) -> ModelFileError:
    code = getattr(error, "errno", None)
    if code == errno.ENOSPC:
        message = QT_TRANSLATE_NOOP("errors", "Could not save {file}: the disk is full. Free some space or save "
                                              "somewhere else. Any file that was there is unchanged.")
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(error, PermissionError):
        message = QT_TRANSLATE_NOOP("errors", "Could not save {file}: the folder is read-only. Choose a folder you "
                                              "can write to. Any file that was there is unchanged.")
    else:
        message = QT_TRANSLATE_NOOP("errors", "Could not save {file}: {reason}. Choose another file name or "
                                              "folder. Any file that was there is unchanged.")
    return ModelFileError(message.format(file=target, reason=message_of(error)))


def save_model(model, path: str | Path, metadata: ModelMetadata | None = None, timelapse=None) -> Path:
    """Write `model` to `path` (".keras" appended if missing) so that a crash or a full disk never
    leaves half a file: the model goes to a temporary file in the same folder, then replaces the target.
    A `timelapse` (core.timelapse.Timelapse with snapshots) goes in as an extra .npz entry."""
    target = Path(path).expanduser()
    if target.suffix != ".keras":
        target = target.with_name(target.name + ".keras")
    if not target.parent.is_dir():
        raise ModelFileError(QT_TRANSLATE_NOOP("errors", "Could not save {file}: the folder {folder} does not exist."
                                               ).format(file=target, folder=target.parent))
    metadata = metadata or ModelMetadata()
    metadata.saved_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")

    def write(temporary: Path) -> None:
        model.save(temporary)
        with zipfile.ZipFile(temporary, "a") as archive:
            archive.writestr(METADATA_ENTRY, json.dumps(dataclasses.asdict(metadata), indent=1))
            if timelapse is not None and len(timelapse):
                archive.writestr(TIMELAPSE_ENTRY, timelapse.to_bytes())  # compressed already: stored

    try:
        atomic_write(target, write, suffix=".keras")  # Keras saves by the suffix
    except Exception as error:  # h5py and zipfile raise several kinds for the same disk problem
        raise _save_error(target, error) from error
    log.info("saved model to %s", target)
    return target


def _check_file(path: Path) -> None:
    if not path.exists():
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP("errors", "no such file"), OPEN_PROBLEM))
    if path.is_dir():
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "it is a folder (a TensorFlow SavedModel?), not a .keras file. To use it, convert it in a "
                      "trusted Python session with keras.models.load_model(OLD).save(\"model.keras\") and open "
                      "the .keras file"), OPEN_PROBLEM))
    if path.suffix.lower() in (".h5", ".hdf5"):
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "legacy HDF5 (.h5) models are not supported, because they cannot be loaded safely. To use "
                      "it, convert it in a trusted Python session with keras.models.load_model(OLD).save("
                      "\"model.keras\") and open the .keras file"), OPEN_PROBLEM))
    if path.suffix.lower() != ".keras":
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "Digit Lab opens Keras model files ending in .keras"), OPEN_PROBLEM))
    # A pipe would hang the zip check below and a device would be read without end.
    require_regular_file(path, ModelFileError, frame=OPEN_PROBLEM)
    if not zipfile.is_zipfile(path):
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "the file is corrupt or truncated (not a .keras archive)"), OPEN_PROBLEM))
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(path, archive)  # sizes first: testzip unpacks every entry
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP("errors", "the file is corrupt ({reason})").format(
            reason=str(error)), OPEN_PROBLEM)) from error
    if bad:
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "the file is corrupt (damaged entry {name})").format(name=bad), OPEN_PROBLEM))


def read_metadata(path: str | Path, problems: list[str] | None = None) -> ModelMetadata:
    """Digit Lab's metadata from a .keras file; empty metadata for a model saved by plain Keras. What is
    malformed is left out, logged and named in `problems`."""
    problems = problems if problems is not None else []
    found: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            if METADATA_ENTRY not in archive.namelist():
                return ModelMetadata(preprocess_version=0, app_version="")
            values = json.loads(read_member(archive, METADATA_ENTRY, MAX_METADATA_BYTES))
            metadata = ModelMetadata.from_dict(values, found)
    except (zipfile.BadZipFile, OSError, ValueError, TypeError, RecursionError, ModelFileError) as error:
        found.append(QT_TRANSLATE_NOOP("warnings", "its Digit Lab metadata is unreadable ({reason}) and is ignored"
                                       ).format(reason=clipped(error, 120)))
        metadata = ModelMetadata(preprocess_version=0, app_version="")
    for problem in found:
        log.warning("%s: %s", path, problem)
    problems.extend(found)
    return metadata


def _describe_load_error(path: Path, error: Exception) -> str:
    text = str(error)
    lowered = text.lower()
    if "lambda" in lowered or "safe_mode" in lowered or "unsafe" in lowered:
        return about_file(path, QT_TRANSLATE_NOOP(
            "errors", "it contains code (for example a Lambda layer) and Digit Lab never runs code from a model "
                      "file. Open only models whose layers are standard Keras layers"), OPEN_PROBLEM)
    if "could not locate" in lowered or "unknown layer" in lowered or "custom" in lowered:
        return about_file(path, QT_TRANSLATE_NOOP(
            "errors", "it uses a custom layer or function that Digit Lab does not know ({reason})").format(
            reason=text.splitlines()[0][:200]), OPEN_PROBLEM)
    return about_file(path, QT_TRANSLATE_NOOP("errors", "the file is corrupt or not a Keras 3 model ({reason})").format(
        reason=text.splitlines()[0][:200] if text else type(error).__name__), OPEN_PROBLEM)


def _check_shapes(path: Path, model) -> None:
    try:
        inputs = tuple(model.inputs[0].shape) if len(model.inputs) == 1 else None
        outputs = tuple(model.outputs[0].shape) if len(model.outputs) == 1 else None
    except (AttributeError, ValueError, TypeError):
        inputs = outputs = None
    if inputs != EXPECTED_INPUT or outputs != EXPECTED_OUTPUT:
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "it is not a digit classifier for Digit Lab. It takes {inputs} and gives {outputs}; Digit Lab "
                      "needs input (None, 28, 28, 1) and output (None, 10)").format(inputs=inputs, outputs=outputs),
            OPEN_PROBLEM))


def load_model(path: str | Path, progress: Callable[[int], None] | None = None) -> LoadedModel:
    """Load a .keras file safely and check that it reads 28×28×1 digits into 10 classes.

    The archive's sizes and declared layers are checked before Keras reads it, and its build stops at
    MAX_PARAMETERS. `progress(n)` hears of each of the n weights built so far (from this thread)."""
    path = Path(path).expanduser()
    _check_file(path)  # before importing Keras (seconds): a bad path is answered at once
    import keras

    try:
        with _keras_members_only(path) as keras_file, weight_budget(progress=progress), warnings.catch_warnings():
            # A file saved without its optimizer's state (the ready-made model) loads a fresh optimizer.
            warnings.filterwarnings("ignore", message="Skipping variable loading for optimizer")
            model = keras.models.load_model(keras_file, safe_mode=True, compile=True)
    except ModelTooLarge as error:
        raise ModelFileError(about_file(path, message_of(error), OPEN_PROBLEM)) from None
    except ModelFileError:
        raise
    except Exception as error:  # Keras raises many kinds for foreign or unsafe content
        raise ModelFileError(_describe_load_error(path, error)) from error
    _check_shapes(path, model)
    problems: list[str] = []
    metadata = read_metadata(path, problems)
    return LoadedModel(model, metadata, path, problems, read_timelapse(path, problems, model))


def read_timelapse(path: str | Path, problems: list[str] | None = None, model=None):
    """The time-lapse saved in a .keras file (core.timelapse.Timelapse), or None when it has none. One
    that is too large, unreadable or (given `model`) does not fit the model's weights is named in
    `problems` and ignored: the model still opens."""
    from desktop_app.core.timelapse import Timelapse

    problems = problems if problems is not None else []
    try:
        with zipfile.ZipFile(path) as archive:
            if TIMELAPSE_ENTRY not in archive.namelist():
                return None
            timelapse = Timelapse.from_bytes(read_member(archive, TIMELAPSE_ENTRY, MAX_TIMELAPSE_BYTES))
    except (zipfile.BadZipFile, OSError, ValueError, ModelFileError) as error:
        problem = QT_TRANSLATE_NOOP("warnings", "its training time-lapse is unreadable ({reason}) and is ignored"
                                    ).format(reason=clipped(error, 120))
    else:
        if model is None or all(_fits(model, snapshot.weights) for snapshot in timelapse.snapshots):
            return timelapse
        problem = QT_TRANSLATE_NOOP("warnings", "its training time-lapse does not fit the model's weights and is "
                                                "ignored")
    log.warning("%s: %s", path, problem)
    problems.append(problem)
    return None


def _fits(model, weights: list) -> bool:
    shapes = [tuple(variable.shape) for variable in model.weights]
    return len(shapes) == len(weights) and all(shape == array.shape for shape, array in zip(shapes, weights))


@contextlib.contextmanager
def _keras_members_only(path: Path) -> Iterator[Path]:
    """`path`, or a copy of it holding only the entries Keras reads. With any other entry (Digit Lab's
    metadata, or anything a file from elsewhere carries) Keras unpacks the whole archive to a temporary
    folder of its own, which it leaves behind when the load fails; the copy is ours and always removed."""
    with zipfile.ZipFile(path) as archive:
        if set(archive.namelist()) <= set(KERAS_MEMBERS):
            yield path
            return
        with tempfile.TemporaryDirectory(prefix="digit-lab-open-") as folder:
            copy = Path(folder) / "model.keras"
            try:
                with zipfile.ZipFile(copy, "w") as trimmed:
                    for name in KERAS_MEMBERS:
                        if name in archive.namelist():
                            with archive.open(name) as source, trimmed.open(name, "w", force_zip64=True) as target:
                                shutil.copyfileobj(source, target, 1 << 20)
            except OSError as error:
                raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
                    "errors", "no room to read it in the temporary folder ({reason})").format(
                    reason=error.strerror or str(error)), OPEN_PROBLEM)) from error
            yield copy
