"""The Qt desktop application: widgets that call `desktop_app.core` and hold no machine-learning logic.

Importing this package imports Qt's core module (for the check below) but not TensorFlow;
`desktop_app.gui.app.run_gui` starts the window.
"""

from __future__ import annotations

import sys


def binding_problem(pyside_version: str, python_version: tuple[int, int]) -> str | None:
    """Why this PySide6 cannot run Digit Lab on this Python, or None when it can.

    PySide6 6.12.0 drops a reference to None (and to True/False) each time a binding returns a null
    QObject or a bool; on Python 3.10/3.11, where those objects are not immortal, the count runs out
    as the app works and the interpreter aborts ("deallocating None"). 6.11.3 is not affected.
    """
    if pyside_version == "6.12.0" and python_version < (3, 12):
        return ("PySide6 6.12.0 crashes on Python 3.10 and 3.11 after a while. Install another version: "
                "python -m pip install \"PySide6-Essentials!=6.12.0\"")
    return None


def _check_binding() -> None:
    import PySide6

    problem = binding_problem(PySide6.__version__, sys.version_info[:2])
    if problem:
        raise ImportError(problem)


_check_binding()
