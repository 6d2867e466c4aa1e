"""Checks that an output path can be written, made before the work: a run that trained for an hour must
not find out at the end that its file cannot be saved."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from desktop_app.core.errors import DigitLabError
from desktop_app.core.texts import QT_TRANSLATE_NOOP


class OutputPathError(DigitLabError):
    """An output file or folder cannot be written; the message names the path and why."""


_IS_FOLDER = QT_TRANSLATE_NOOP("errors", "Cannot write {path}: it is a folder; name a file, e.g. {example}.")
_IS_FILE = QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {file} is a file, not a folder.")
NO_FOLDER = QT_TRANSLATE_NOOP("errors", "Cannot write {path}: the folder {folder} does not exist.")


def check_output_file(path: str | Path, *, suffix: str = "") -> Path:
    """The file that will be written for `path` (`suffix` appended when it lacks it, as save_model does);
    raises OutputPathError when it is a folder, its folder is missing or a file, or cannot be written."""
    given = Path(path).expanduser()
    if given.is_dir():  # "model" naming a folder would otherwise become "model.keras" beside it
        raise OutputPathError(_IS_FOLDER.format(path=given, example=f"{given / 'model'}{suffix}"))
    target = given if not suffix or given.suffix == suffix else given.with_name(given.name + suffix)
    if target.is_dir():
        raise OutputPathError(_IS_FOLDER.format(path=target, example=f"{target / 'model'}{suffix}"))
    parent = target.parent
    if not parent.exists():
        _refuse_missing(target, parent)
    if not parent.is_dir():
        raise OutputPathError(_IS_FILE.format(path=target, file=parent))
    _probe(parent, target)
    return target


def check_output_folder(path: str | Path) -> Path:
    """The folder `path`, which may not exist yet (it is made with its parents): raises OutputPathError
    when it or the nearest folder above it that exists is a file or cannot be written."""
    folder = Path(path).expanduser()
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputPathError(QT_TRANSLATE_NOOP("errors", "Cannot write to {path}: {file} is a file, not a folder."
                                                ).format(path=folder, file=existing))
    _probe(existing, folder)
    return folder


def _refuse_missing(target: Path, parent: Path) -> None:
    above = parent
    while not above.exists() and above != above.parent:
        above = above.parent
    if above.exists() and not above.is_dir():  # "afile/m.keras": the folder is missing because a file is there
        raise OutputPathError(_IS_FILE.format(path=target, file=above))
    raise OutputPathError(NO_FOLDER.format(path=target, folder=parent))


def _probe(folder: Path, shown: Path) -> None:
    """Create and remove a temporary file in `folder`: the only sure test of writing (permissions, a
    read-only mount, /sys and the like all answer here)."""
    try:
        handle, name = tempfile.mkstemp(prefix=".digit-lab-probe-", dir=folder)
        os.close(handle)
        os.unlink(name)
    except OSError as error:
        raise OutputPathError(QT_TRANSLATE_NOOP("errors", "Cannot write {path}: the folder {folder} is not writable "
                                                          "({reason}).").format(
            path=shown, folder=folder, reason=error.strerror or str(error))) from error
