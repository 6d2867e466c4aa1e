"""Helpers the GUI tests share (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt

from desktop_app.gui.driver import ONE, SEVEN, draw_stroke, send_mouse

__all__ = ["ONE", "SEVEN", "draw_stroke", "ink", "open_model", "quick_config", "right_click", "send_mouse"]


def open_model(qtbot, window, path, interactive: bool = True, timeout_ms: int = 30000) -> bool:
    """Open `path` in the window as a user does and wait for the opening to end; True when that model
    is now the open one."""
    from pathlib import Path

    if not window.open_model(path, interactive):
        return False
    qtbot.waitUntil(lambda: not window.is_opening(), timeout=timeout_ms)
    opened = window.session.path()
    return opened is not None and opened == Path(path).expanduser()


def quick_config(**changes):
    """A training config that trains in a second or two."""
    from desktop_app.core.training import TrainConfig

    values = dict(preset="mlp", epochs=1, batch_size=32, train_limit=300, augment=False, validation_split=0.1,
                  device="cpu")
    values.update(changes)
    return TrainConfig(**values)


def ink(array: np.ndarray) -> int:
    """Dark pixels in a canvas array (white paper, black ink)."""
    return int((np.asarray(array) < 128).sum()) if np.asarray(array).size else 0


def right_click(widget, x: float = 0.5, y: float = 0.5) -> None:
    position = QPointF(x * widget.width(), y * widget.height())
    send_mouse(widget, QEvent.Type.MouseButtonPress, position, Qt.MouseButton.RightButton,
               Qt.MouseButton.RightButton)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, position, Qt.MouseButton.RightButton,
               Qt.MouseButton.NoButton)
