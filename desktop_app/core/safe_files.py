"""Refuse, before opening them, files that are not regular files.

Opening a named pipe blocks until something writes to it, and a device such as /dev/zero never ends:
either would hang a load or read it without end. `os.stat` follows links and never blocks, so every
load checks the path with it first.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop_app.core.errors import DataError, DigitLabError

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def require_regular_file(path: str | Path, error: type[DigitLabError] = DataError, lead: str = "") -> Path:
    """`path` itself when it is (or links to) a regular file; otherwise raise `error` with one line
    naming the file, "`lead`PATH: …"."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise error(f"{lead}{path}: no such file.") from None
    except OSError as problem:
        raise error(f"{lead}{path}: cannot read the file ({problem.strerror or problem}).") from problem
    if stat.S_ISREG(mode):
        return path
    kind = next((name for test, name in _KINDS if test(mode)), "not an ordinary file")
    target = f" (a link to {os.path.realpath(path)})" if path.is_symlink() else ""
    raise error(f"{lead}{path}{target}: it is {kind}, not a regular file; choose an ordinary file.")
