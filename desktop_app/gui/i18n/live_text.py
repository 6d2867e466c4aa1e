"""Texts that follow the language while the window runs.

`bind_text(owner, label.setText, lambda: self.tr("Train"))` sets the text now and sets it again, from
the same function, whenever the language changes: the function reads the object's current state, so a
status line such as "Epoch 2 of 5" is re-said in the new language too. Binding the same setter again (the
same widget's setText, with the same leading arguments such as a tab's index) replaces the earlier binding,
so a slot that updates a label simply binds it anew.

`localized(text)` shows a core text (desktop_app.core.texts) in the current language: a Template is
looked up in its context, a Text's template too, with its values put back in their places.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Slot

from desktop_app.core.texts import Template, Text
from desktop_app.gui.i18n.language import language_notifier

log = logging.getLogger(__name__)


def localized(text: Any) -> str:
    """`text` in the current language: a core Template or Text is translated (values too, when they are
    texts themselves); anything else is shown as it is."""
    if isinstance(text, Text):
        template = localized(text.template)
        values = {name: localized(value) if isinstance(value, (Template, Text)) else value
                  for name, value in text.values.items()}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: English, whole
            log.warning("The translation of %r does not fit its values; shown in English.", str(text.template))
            return str(text)
    if isinstance(text, Template):
        return QCoreApplication.translate(text.context, str(text))
    return text if isinstance(text, str) else str(text)


class LiveTexts(QObject):
    """The text bindings of one owner, re-applied whenever the language changes (`language_notifier`,
    which `install_language` emits once the new translators are in place). A signal rather than an event
    filter on the owner: a filter would run Python for every paint and mouse move the owner receives."""

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.setObjectName("LiveTexts")
        self._bindings: dict[tuple, tuple[Callable, tuple, Callable[[], Any]]] = {}
        language_notifier().changed.connect(self.refresh)

    def bind(self, setter: Callable, make_text: Callable[[], Any], *leading: Any) -> None:
        self._bindings[_key(setter, leading)] = (setter, leading, make_text)
        setter(*leading, _text_of(make_text()))

    def forget(self, setter: Callable, *leading: Any) -> None:
        """Stop re-setting a text (the widget now shows something that is not a sentence of ours)."""
        self._bindings.pop(_key(setter, leading), None)

    @Slot()
    @Slot(str)
    def refresh(self, *_ignored: Any) -> None:
        for key, (setter, leading, make_text) in list(self._bindings.items()):
            try:
                setter(*leading, _text_of(make_text()))
            except RuntimeError:  # the widget is gone (Qt deleted it)
                self._bindings.pop(key, None)


def _key(setter: Callable, leading: tuple) -> tuple:
    """One binding per setter of one object (and its leading arguments, such as an item's index)."""
    target = getattr(setter, "__self__", setter)
    return id(target), getattr(setter, "__name__", repr(setter)), leading


def _text_of(made: Any) -> Any:
    return localized(made) if isinstance(made, (Template, Text)) else made


def live_texts(owner: QObject) -> LiveTexts:
    """The owner's LiveTexts, made on first use."""
    found = getattr(owner, "_digit_lab_live_texts", None)
    if found is None:
        found = LiveTexts(owner)
        owner._digit_lab_live_texts = found  # type: ignore[attr-defined]
    return found


def bind_text(owner: QObject, setter: Callable, make_text: Callable[[], Any], *leading: Any) -> None:
    """Set a text now with `setter(*leading, make_text())`, and again whenever the language changes."""
    live_texts(owner).bind(setter, make_text, *leading)
