"""Tune the Python runtime for a responsive window: when garbage is collected, and how often threads switch.

Both `app` (at start-up) and `main_window` (once TensorFlow has loaded) call it, so it imports neither.
"""

from __future__ import annotations

import gc
import sys

# The GIL is handed back after this many seconds of one thread running Python (Python's default is 5 ms).
SWITCH_INTERVAL_S = 0.001

_garbage_collector = None
_frozen = False


def collect_garbage_on_gui_thread() -> None:
    """Let Python's cycle collector run only on the GUI thread, from a timer.

    Left automatic, it runs in whichever thread happens to allocate, and a Qt widget it frees on the
    training thread deadlocks (seen here: a window from an earlier test freed inside TensorFlow's loader
    thread) or crashes Qt. pyqtgraph's GarbageCollector disables automatic collection and collects on
    a QTimer instead: every 0.1 s, so each collection stays short (a 1 s backlog of the objects graph
    tracing makes took 40–90 ms, a visible hitch). Needs a QApplication; later calls do nothing.
    """
    global _garbage_collector
    if _garbage_collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _garbage_collector = GarbageCollector(interval=0.1)


def freeze_long_lived_objects() -> None:
    """Exempt every object alive now (TensorFlow's and Keras' modules, the window) from later collections.

    With them in view, each full collection on the GUI thread took about 90 ms (320,000 objects);
    frozen, it takes under 1 ms. Only the first call freezes (after TensorFlow has loaded): what is frozen
    is never freed, so a later window must not freeze what an earlier one left behind.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def tune_for_responsiveness() -> None:
    """Collect garbage on the GUI thread only, and switch threads every millisecond.

    The training thread runs Python between batches (Keras' loop, the callbacks); handing the GIL back
    to the GUI thread every millisecond instead of every 5 keeps repaints and input from being held up.
    """
    collect_garbage_on_gui_thread()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
