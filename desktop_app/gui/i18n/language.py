"""Which languages the window speaks, and switching between them while it runs.

English is the source language: its file, `digit_lab_en.qm`, holds only the singular and plural forms of
texts with a count ("%n image(s)" → "1 image", "2 images"). Any other language is a `digit_lab_<code>.qm`
beside this module, plus Qt's own `qtbase_<code>.qm` for the texts of Qt's standard dialogs and buttons.
After a switch, `language_notifier().changed` re-says every bound text at once (live_text), and Qt posts
`QEvent.LanguageChange` to every widget, which widgets that paint or fill tables from data handle.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent
SOURCE_LANGUAGE = "en"
# The languages the View menu offers, each named in itself.
LANGUAGES = {"en": "English", "ko": "한국어"}


class _LanguageNotifier(QObject):
    changed = Signal(str)  # the new language's code


_notifier: _LanguageNotifier | None = None
_translators: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def language_notifier() -> _LanguageNotifier:
    global _notifier
    if _notifier is None:
        _notifier = _LanguageNotifier()
    return _notifier


def current_language() -> str:
    return _current


def translation_file(code: str) -> Path:
    return TRANSLATIONS / f"digit_lab_{code}.qm"


def initial_language(saved: str = "", system_languages: list[str] | None = None) -> str:
    """The language of a start: the one the user chose, else the system's (`system_languages`, by default
    the system's UI languages in order of preference) when there is a translation for it, else English."""
    if saved in LANGUAGES:
        return saved
    if system_languages is None:
        system_languages = QLocale.system().uiLanguages()  # e.g. ["ko-KR", "ko", "en-US"]
    for name in system_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def install_language(code: str) -> str:
    """Show the window in `code` from now on (English for a code without translation); the language shown."""
    global _current
    app = QCoreApplication.instance()
    if code not in LANGUAGES:
        code = SOURCE_LANGUAGE
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if code == SOURCE_LANGUAGE:
        plurals = QTranslator(app)
        if plurals.load(str(translation_file(code))):
            _translators.append(plurals)
    else:
        if code == "ko":
            from desktop_app.gui.i18n.fonts import ensure_hangul_font

            ensure_hangul_font()  # before the first Korean text is drawn
        ours = QTranslator(app)
        if not ours.load(str(translation_file(code))):
            log.warning("The %s translation (%s) could not be loaded; the window stays in English.",
                        LANGUAGES[code], translation_file(code).name)
            code = SOURCE_LANGUAGE
        else:
            qt_own = QTranslator(app)  # Qt's standard dialogs and buttons (OK, Cancel, file dialogs)
            if qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                _translators.append(qt_own)
            _translators.append(ours)
    for translator in _translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(code))  # numbers and dates as the language writes them
    changed = code != _current
    _current = code
    if changed:
        language_notifier().changed.emit(code)
    return code
