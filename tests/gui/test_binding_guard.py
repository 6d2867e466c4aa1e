"""The guard against PySide6 6.12.0's dropped references to None (see desktop_app/gui/__init__.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

import desktop_app.gui as gui


def test_many_null_returning_calls_cannot_exhaust_none():
    probe = QObject()
    for _ in range(20_000):  # the calls pyqtgraph and the window make all the time
        probe.parent()
        probe.sender()
    if gui.NONE_REFCOUNT_GUARDED:
        assert sys.getrefcount(None) > gui.NONE_REFCOUNT_RESERVE // 2
    else:
        assert sys.getrefcount(None) > 0  # an unaffected binding (or an immortal None)
