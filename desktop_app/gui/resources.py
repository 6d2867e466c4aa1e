"""Icons for the window and the tool bar, loaded from the shipped `resources/` folder or the Qt style."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.core.resources import resource_path

APP_ICON_SVG = "digit-lab.svg"
APP_ICON_PNG = "digit-lab.png"

_app_icon: QIcon | None = None


def app_icon() -> QIcon:
    """The application icon: the SVG for every size it can render, the 256 px PNG as a fallback."""
    global _app_icon
    if _app_icon is None:
        icon = QIcon()
        png = resource_path(APP_ICON_PNG)
        if png.exists():
            icon.addFile(str(png))
        svg = resource_path(APP_ICON_SVG)
        if svg.exists():
            icon.addFile(str(svg))
        _app_icon = icon
    return _app_icon


# Freedesktop theme names first (crisp on Linux desktops), the style's own pixmap otherwise.
_ACTION_ICONS: dict[str, tuple[str, QStyle.StandardPixmap]] = {
    "new": ("document-new", QStyle.StandardPixmap.SP_FileIcon),
    "open": ("document-open", QStyle.StandardPixmap.SP_DialogOpenButton),
    "save": ("document-save", QStyle.StandardPixmap.SP_DialogSaveButton),
    "save-as": ("document-save-as", QStyle.StandardPixmap.SP_DialogSaveButton),
    "export": ("document-send", QStyle.StandardPixmap.SP_ArrowRight),
    "quit": ("application-exit", QStyle.StandardPixmap.SP_DialogCloseButton),
    "train": ("media-playback-start", QStyle.StandardPixmap.SP_MediaPlay),
    "stop": ("media-playback-stop", QStyle.StandardPixmap.SP_MediaStop),
    "undo": ("edit-undo", QStyle.StandardPixmap.SP_ArrowBack),
    "clear": ("edit-clear", QStyle.StandardPixmap.SP_DialogResetButton),
    "layers": ("dialog-information", QStyle.StandardPixmap.SP_FileDialogDetailedView),
    "folder": ("folder-open", QStyle.StandardPixmap.SP_DirOpenIcon),
}


def action_icon(name: str) -> QIcon:
    """An icon for a named action ("new", "open", "save", "train", …), never a null icon."""
    theme_name, fallback = _ACTION_ICONS[name]
    icon = QIcon.fromTheme(theme_name)
    if icon.isNull():
        icon = QApplication.style().standardIcon(fallback)
    return icon
