"""The errors the core raises for things a user did or chose: each message names the file and the fix."""


class DigitLabError(Exception):
    """A problem the user can act on; its message is shown as it is, without a traceback."""


class DataError(DigitLabError):
    """A data set file or folder is missing, truncated or of the wrong shape."""


class ModelFileError(DigitLabError):
    """A model file cannot be saved or loaded (foreign, corrupt, unsafe, read-only folder, full disk)."""


class EmptyDrawingError(DigitLabError):
    """The image holds no ink, so there is nothing to classify."""
