"""A widget for a TrainConfig field, made from the field's description (core.config_fields).

The training panel builds its few special widgets itself (the data set list, the device list, the batch
size's doubling spin box…); every other labelled field gets the widget its type asks for here, so a field
added to TrainConfig appears in the panel with no edit to the panel.

The field's texts (label, tooltip, suffix, choices) are the core's marked texts: they are shown with
`localized` through `bind_text`, so they follow the language while the window runs. `owner` is the object
whose bindings they join (the panel, so that its other texts are re-said in the same pass); by default the
widget itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from desktop_app.core.config_fields import ConfigField, Setting
from desktop_app.gui.i18n import bind_text, localized

GENERIC_INT_MAXIMUM = 1_000_000
GENERIC_FLOAT_MAXIMUM = 1e6
GENERIC_FLOAT_DECIMALS = 4


@dataclass
class FieldWidget:
    """One field in the panel: its input widget, what the form shows, and the value both ways."""

    widget: QWidget  # the input; TrainingPanel.field_widget(name) returns it
    read: Callable[[], Any]  # the field's value from the widget
    write: Callable[[Any], None]  # show a value of the field
    changed: SignalInstance  # the user changed the value
    row: QWidget | None = None  # what the form shows when not the input alone (an edit with a button)

    @property
    def form_widget(self) -> QWidget:
        return self.row if self.row is not None else self.widget

    @property
    def is_check_box(self) -> bool:
        """A check box carries its label as its own text: the form gives it an empty label."""
        return isinstance(self.widget, QCheckBox)


def generic_field_widget(item: ConfigField, owner: QObject | None = None) -> FieldWidget:
    """A widget made from the field's type: choices → combo box, bool → check box, int → spin box,
    float → double spin box, anything else → line edit. An optional field shows None as the spin box's
    minimum or an empty edit."""
    setting = item.setting
    if setting.choices:
        made = choice_field_widget(item, owner)
    elif item.type is bool:
        check = QCheckBox()
        bind_text(_owner(owner, check), check.setText, lambda: localized(setting.label or ""))
        made = FieldWidget(check, check.isChecked, lambda value: check.setChecked(bool(value)), check.toggled)
    elif item.type is int:
        made = _spin_field_widget(item, QSpinBox(), int, owner)
    elif item.type is float:
        spin = QDoubleSpinBox()
        spin.setDecimals(GENERIC_FLOAT_DECIMALS)
        made = _spin_field_widget(item, spin, float, owner)
    else:
        made = _line_edit_field_widget(item)
    bind_text(_owner(owner, made.widget), made.widget.setToolTip, lambda: localized(setting.tooltip))
    return made


def choice_field_widget(item: ConfigField, owner: QObject | None = None) -> FieldWidget:
    """A combo box of the field's choices; a value that is not among them shows the first."""
    combo = choice_combo(item.setting, owner)

    def read() -> Any:
        value = combo.currentData()
        return item.default if value is None else value

    def write(value: Any) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    return FieldWidget(combo, read, write, combo.currentIndexChanged)


def choice_combo(setting: Setting, owner: QObject | None = None) -> QComboBox:
    combo = QComboBox()
    texts = _owner(owner, combo)
    for choice in setting.choices:
        combo.addItem("", choice.value)
        bind_text(texts, set_item_text, lambda text=choice.text: localized(text), combo, choice.value)
        if choice.tooltip:
            bind_text(texts, set_item_tooltip, lambda tooltip=choice.tooltip: localized(tooltip), combo, choice.value)
    bind_text(texts, combo.setToolTip, lambda: localized(setting.tooltip))
    return combo


def set_item_text(combo: QComboBox, data: Any, text: str) -> None:
    """The text of the combo box's item whose data is `data` (none: nothing), a setter for bind_text whose
    binding follows the item wherever it moves in the list."""
    index = combo.findData(data)
    if index >= 0:
        combo.setItemText(index, text)


def set_item_tooltip(combo: QComboBox, data: Any, text: str) -> None:
    """The tooltip of the combo box's item whose data is `data` (none: nothing), for bind_text."""
    index = combo.findData(data)
    if index >= 0:
        combo.setItemData(index, text, Qt.ItemDataRole.ToolTipRole)


def configure_spin_box(spin: QSpinBox | QDoubleSpinBox, setting: Setting, number: type = int,
                       owner: QObject | None = None) -> None:
    """Range (0 to a large `number` unless described), step, suffix and the minimum's text ("Off", "All")."""
    largest = GENERIC_FLOAT_MAXIMUM if number is float else GENERIC_INT_MAXIMUM
    spin.setRange(number(setting.minimum if setting.minimum is not None else 0),
                  number(setting.maximum if setting.maximum is not None else largest))
    if setting.step is not None:
        spin.setSingleStep(number(setting.step))
    bind_text(_owner(owner, spin), spin.setSuffix, lambda: localized(setting.suffix))
    bind_text(_owner(owner, spin), spin.setSpecialValueText, lambda: localized(setting.off_text))


def _spin_field_widget(item: ConfigField, spin: QSpinBox | QDoubleSpinBox, number: type,
                       owner: QObject | None = None) -> FieldWidget:
    configure_spin_box(spin, item.setting, number, owner)

    def read() -> Any:
        value = spin.value()
        return None if item.optional and value == spin.minimum() else value

    def write(value: Any) -> None:
        spin.setValue(spin.minimum() if value is None else number(value))

    return FieldWidget(spin, read, write, spin.valueChanged)


def _line_edit_field_widget(item: ConfigField) -> FieldWidget:
    edit = QLineEdit()
    edit.setClearButtonEnabled(True)

    def read() -> Any:
        text = edit.text().strip()
        if not text:
            return None if item.optional else item.default
        return item.type(text)

    return FieldWidget(edit, read, lambda value: edit.setText("" if value is None else str(value)),
                       edit.editingFinished)


def _owner(owner: QObject | None, widget: QWidget) -> QObject:
    """Whose bindings a widget's texts join: the given owner, else the widget itself."""
    return widget if owner is None else owner
