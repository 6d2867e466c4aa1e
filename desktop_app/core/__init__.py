"""The Qt-free core of Digit Lab: data, models, training, preprocessing, inference, model files.

Nothing below this package imports Qt (an import-linter contract in pyproject.toml enforces it),
so the CLI, the tests and the GUI all share it.
"""
