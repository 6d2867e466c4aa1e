"""Finding the main window's menus by title, for the parts that add their actions to them."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


def find_menu(window: QMainWindow, title: str) -> QMenu | None:
    """The menu-bar menu called `title` (mnemonic ampersands ignored), or None."""
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title:
            return action.menu()
    return None


def add_menu_before_help(window: QMainWindow, title: str) -> QMenu:
    """A new menu-bar menu, placed before Help, where menus usually end (last when there is no Help)."""
    menu = QMenu(title, window)
    help_menu = find_menu(window, "Help")
    if help_menu is not None:
        window.menuBar().insertMenu(help_menu.menuAction(), menu)
    else:
        window.menuBar().addMenu(menu)
    return menu
