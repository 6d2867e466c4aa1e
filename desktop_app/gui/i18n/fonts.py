"""Hangul on a machine without a Korean font.

Windows and macOS ship Korean fonts; many Linux installations (and minimal containers) have none, and Qt
then draws Korean texts as empty boxes. When no installed font covers the Korean writing system, the
NanumGothic font shipped in resources/ (OFL, unmodified) is registered with the application: Qt's font
fallback then finds it for Hangul while Latin text keeps the system's font.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from desktop_app.core.resources import resource_path

log = logging.getLogger(__name__)

HANGUL_FONT_FILE = "NanumGothic.ttf"
_registered: str | None = None


def ensure_hangul_font() -> str | None:
    """The family that draws Hangul: an installed one, else the shipped one once registered (None when
    neither is there)."""
    global _registered
    if _registered:
        return _registered
    installed = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    if installed:
        return installed[0]
    path = resource_path(HANGUL_FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("No font for Korean is installed and %s could not be loaded: Korean texts may show as "
                    "boxes.", HANGUL_FONT_FILE)
        return None
    _registered = families[0]
    return _registered
