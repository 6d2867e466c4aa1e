"""The Qt desktop application: widgets that call `desktop_app.core` and hold no machine-learning logic.

Importing this package imports Qt's core module (for the guard below) but not TensorFlow;
`desktop_app.gui.app.run_gui` starts the window.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

NONE_REFCOUNT_RESERVE = 1 << 40


def _guard_none_refcount() -> bool:
    """Work around a binding bug that would abort the process with "deallocating None".

    PySide6 6.12.0 (shiboken6 6.12.0) drops a reference to None each time a binding returns a null
    QObject pointer (`QObject.parent()`, `sender()`, `property()` of an unknown name, …). On Python 3.12+
    None is immortal and nothing happens; on 3.10/3.11 its count runs down as the application works, and
    when it reaches zero the interpreter aborts (pyqtgraph alone makes such calls on every mouse move).
    When a probe shows the bug, None gets a reserve of references no session can use up. Upgrade or
    downgrade PySide6 (6.11.3 is not affected) to make this a no-op.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.parent()
    if before - sys.getrefcount(None) < 50:
        return False
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += NONE_REFCOUNT_RESERVE  # ob_refcnt is the first field
    log.debug("PySide6 drops references to None; reserved %d references", NONE_REFCOUNT_RESERVE)
    return True


NONE_REFCOUNT_GUARDED = _guard_none_refcount()
