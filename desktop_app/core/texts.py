"""Texts the window shows in the user's language, marked here without Qt.

The core stays Qt-free and speaks English (the command line prints its texts as they are). A text the
window also shows is marked with `QT_TRANSLATE_NOOP(context, source)`: `pyside6-lupdate` finds the call by
its name and puts the source into the translation files, and the call returns a `Template`, a `str` that
remembers its context. `Template.format(**values)` gives a `Text`: the English sentence, a `str` as well,
which remembers its template and values, so `desktop_app.gui.i18n.localized` can show the same sentence in
another language, with the values in their places (named placeholders, because word order differs).

Anything that turns a Text into a plain str (concatenation, an f-string) leaves English: mark whole
sentences, never fragments.
"""

from __future__ import annotations

from typing import Any


class Template(str):
    """An English source text and the translation context it belongs to."""

    context: str

    def __new__(cls, context: str, source: str) -> "Template":
        template = super().__new__(cls, source)
        template.context = context
        return template

    def format(self, *args: Any, **values: Any) -> "Text":  # type: ignore[override]
        if args:
            raise TypeError("a translatable text takes named placeholders only: word order differs")
        return Text(self, values)

    def __reduce__(self):
        return (Template, (self.context, str(self)))


class Text(str):
    """A sentence made from a Template and its values: English as a str, translatable as a whole."""

    template: Template
    values: dict[str, Any]

    def __new__(cls, template: Template, values: dict[str, Any]) -> "Text":
        text = super().__new__(cls, str.format(str(template), **values))
        text.template = template
        text.values = dict(values)
        return text

    def __reduce__(self):  # a Text crossing a process boundary stays translatable
        return (Text, (self.template, self.values))


def QT_TRANSLATE_NOOP(context: str, source: str) -> Template:  # noqa: N802 — the name lupdate looks for
    """Mark `source` for translation in `context`; the English text, which remembers its context."""
    return Template(context, source)
