"""What a feature controller hands the main window to place: docks, menus, actions and canvas extras.

A controller never places its own widgets: the window decides where things go, so features stay
independent of one another and of the window's layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Union

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from desktop_app.gui.i18n import bind_text
from desktop_app.gui.resources import action_icon

# A text given as a function (`lambda: self.tr("&Quit")`) is said again whenever the language changes.
LiveText = Union[str, Callable[[], str]]


def set_live_text(owner: QObject, setter: Callable, text: LiveText, *leading) -> None:
    """`setter(*leading, text)`; again on every language change when `text` is a function."""
    if callable(text):
        bind_text(owner, setter, text, *leading)
    else:
        setter(*leading, text)


def make_action(parent: QObject, text: LiveText, tip: LiveText, slot, shortcut=None,
                icon: str | None = None) -> QAction:
    """An action with its tool and status tips, shortcut(s) and icon."""
    action = QAction(parent)
    set_live_text(parent, action.setText, text)
    set_live_text(parent, action.setToolTip, tip)
    set_live_text(parent, action.setStatusTip, tip)
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, (list, tuple)) else [shortcut]
        action.setShortcuts([QKeySequence(key) for key in keys])
    if icon:
        action.setIcon(action_icon(icon))
    action.triggered.connect(slot)
    return action


def make_dock(title: LiveText, name: str, widget: QWidget, tip: LiveText) -> QDockWidget:
    """A movable, floatable, closable dock (the window adds it to an area)."""
    dock = QDockWidget()
    set_live_text(dock, dock.setWindowTitle, title)
    dock.setObjectName(name)
    dock.setWidget(widget)
    set_live_text(dock, dock.setToolTip, tip)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    return dock


@dataclass
class DockPlacement:
    dock: QDockWidget
    area: Qt.DockWidgetArea
    tab_with: str = ""  # objectName of a dock to share tabs with ("" for its own place)


@dataclass
class Contributions:
    docks: list[DockPlacement] = field(default_factory=list)
    model_actions: list[QAction] = field(default_factory=list)  # added to the Model menu
    menus: list[QMenu] = field(default_factory=list)  # menu-bar menus, placed before Help
    shortcuts: list[QAction] = field(default_factory=list)  # window-wide shortcuts (no menu entry)
    canvas_extras: list[QWidget] = field(default_factory=list)  # under the canvas
