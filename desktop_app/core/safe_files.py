"""Refuse, before opening them, files that are not regular files.

Opening a named pipe blocks until something writes to it, and a device such as /dev/zero never ends:
either would hang a load or read it without end. `os.stat` follows links and never blocks, so every
load checks the path with it first.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop_app.core.errors import FILE_PROBLEM, DataError, DigitLabError, about_file
from desktop_app.core.texts import QT_TRANSLATE_NOOP, Template

_KINDS = (
    (stat.S_ISDIR, QT_TRANSLATE_NOOP("errors", "it is a folder, not a regular file; choose an ordinary file")),
    (stat.S_ISFIFO, QT_TRANSLATE_NOOP("errors", "it is a named pipe, not a regular file; choose an ordinary file")),
    (stat.S_ISCHR, QT_TRANSLATE_NOOP("errors", "it is a device, not a regular file; choose an ordinary file")),
    (stat.S_ISBLK, QT_TRANSLATE_NOOP("errors", "it is a device, not a regular file; choose an ordinary file")),
    (stat.S_ISSOCK, QT_TRANSLATE_NOOP("errors", "it is a socket, not a regular file; choose an ordinary file")),
)
_OTHER_KIND = QT_TRANSLATE_NOOP("errors", "it is not an ordinary file, not a regular file; choose an ordinary file")


def require_regular_file(path: str | Path, error: type[DigitLabError] = DataError,
                         frame: Template = FILE_PROBLEM) -> Path:
    """`path` itself when it is (or links to) a regular file; otherwise raise `error` with one line
    naming the file, in `frame` (errors.about_file's: "PATH: …", or OPEN_PROBLEM's "Could not open PATH: …")."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise error(about_file(path, QT_TRANSLATE_NOOP("errors", "no such file"), frame)) from None
    except OSError as problem:
        raise error(about_file(path, QT_TRANSLATE_NOOP("errors", "cannot read the file ({reason})").format(
            reason=problem.strerror or str(problem)), frame)) from problem
    if stat.S_ISREG(mode):
        return path
    kind = next((text for test, text in _KINDS if test(mode)), _OTHER_KIND)
    named = (QT_TRANSLATE_NOOP("errors", "{path} (a link to {target})").format(path=path, target=os.path.realpath(path))
             if path.is_symlink() else path)
    raise error(about_file(named, kind, frame))
