"""The window's languages: translation files, switching at run time, texts that follow the language.

- `language`: which languages exist, installing one (Digit Lab's and Qt's own translations) at any time.
- `live_text`: `bind_text(owner, setter, make_text)` sets a text now and again whenever the language
  changes; `localized(text)` shows a core `Template`/`Text` in the current language.

The sources are `digit_lab_<code>.ts` beside this file (kept in the repository, edited with Qt Linguist or
by hand) and the compiled `.qm` files the application loads; `python tools/translations.py update`
regenerates both, `python tools/translations.py check` fails when they are stale. See GLOSSARY.ko.md for
the Korean terms.
"""

from desktop_app.gui.i18n.language import (LANGUAGES, current_language, initial_language, install_language,
                                           language_notifier)
from desktop_app.gui.i18n.live_text import LiveTexts, bind_text, localized

__all__ = ["LANGUAGES", "LiveTexts", "bind_text", "current_language", "initial_language", "install_language",
           "language_notifier", "localized"]
