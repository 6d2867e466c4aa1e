"""The errors the core raises for things a user did or chose: each message names the file and the fix.

A message the window shows is a `texts.Text` (marked with QT_TRANSLATE_NOOP), passed to the exception as
its only argument: `str(error)` is the English sentence the command line prints, and `message_of(error)`
is the Text itself, which the window shows in the user's language (`localized`).
"""

from __future__ import annotations

from typing import Any

from desktop_app.core.texts import QT_TRANSLATE_NOOP, Template, Text

# The two forms of a message about one file: "FILE: problem." and "Could not open FILE: problem.", with
# `problem` a clause without its full stop. A list of skipped files shows the problem alone ("FILE: problem").
# FILE_PROBLEM is not marked: it reads the same in every language (localized shows it as it is, with its
# values translated).
FILE_PROBLEM = Template("errors", "{file}: {problem}.")
OPEN_PROBLEM = QT_TRANSLATE_NOOP("errors", "Could not open {file}: {problem}.")


class DigitLabError(Exception):
    """A problem the user can act on; its message is shown as it is, without a traceback."""


class DataError(DigitLabError):
    """A data set file or folder is missing, truncated or of the wrong shape."""


class ModelFileError(DigitLabError):
    """A model file cannot be saved or loaded (foreign, corrupt, unsafe, read-only folder, full disk)."""


class EmptyDrawingError(DigitLabError):
    """The image holds no ink, so there is nothing to classify."""


def message_of(error: BaseException) -> Any:
    """The message `error` was raised with: a Text stays a Text (translatable), anything else is str(error)."""
    if len(error.args) == 1 and isinstance(error.args[0], (Template, Text)):
        return error.args[0]
    return str(error)


def clipped(error: BaseException, limit: int) -> Any:
    """`error`'s message cut to `limit` characters as the English has it; a Text short enough stays a Text."""
    text = str(error)
    return message_of(error) if len(text) <= limit else text[:limit]


def about_file(file: Any, problem: Any, frame: Template = FILE_PROBLEM) -> Text:
    """The message "FILE: problem." (or another `frame` with {file} and {problem})."""
    return frame.format(file=file, problem=problem)


def file_problem(error: BaseException, file: Any) -> Any | None:
    """The problem clause of an `about_file` message of `error` about `file` (no full stop), else None."""
    message = message_of(error)
    if (isinstance(message, Text) and message.template == FILE_PROBLEM
            and message.template.context == FILE_PROBLEM.context and str(message.values["file"]) == str(file)):
        return message.values["problem"]
    return None
