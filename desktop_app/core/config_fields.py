"""Fields that describe themselves once: the `train` flag, the settings file and the training panel read it.

A config dataclass (`training.TrainConfig`) declares each field with `described(default, ...)`; the CLI, the
window's settings and the panel iterate `cli_fields`, `remembered_fields` and `panel_fields` instead of
naming fields, so one added field reaches all three. No Qt here: the texts the window shows (label, tooltip,
suffix, off_text, a Choice's text and tooltip) are marked with texts.QT_TRANSLATE_NOOP and are English `str`s
that the window translates (`localized`); `help` is the command line's, English only.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import MISSING, dataclass
from typing import Any

PANEL_GROUPS = ("data", "model", "training", "stopping")  # the training panel's boxes, top to bottom
SETTINGS_PREFIX = "training/"
_METADATA_KEY = "setting"


class _FieldDefault:
    """Marks a flag whose default is its field's own (the usual case)."""

    def __repr__(self) -> str:
        return "FIELD_DEFAULT"


FIELD_DEFAULT: Any = _FieldDefault()


@dataclass(frozen=True)
class Choice:
    """One allowed value, with the text and tooltip a combo box shows for it."""

    value: str
    text: str
    tooltip: str = ""


@dataclass(frozen=True)
class Setting:
    """How one config field appears outside the code. A field with a panel label is also remembered in
    the settings file: the file exists to bring the panel back as the user left it."""

    help: str  # what the field means; the flag's help (argparse fills in %(default)s)
    flag: str | None = None  # the `train` flag, e.g. "--batch-size"; None: not on the command line
    flag_default: Any = FIELD_DEFAULT  # the flag's own default where it differs (None: "not given")
    metavar: str | None = None
    choices: tuple[Choice, ...] = ()
    label: str | None = None  # the panel's label (& marks the shortcut; a check box's text); None: not shown
    tooltip: str = ""  # the panel's tooltip
    group: str = "training"  # the panel box, one of PANEL_GROUPS
    minimum: float | None = None  # spin box range and step
    maximum: float | None = None
    step: float | None = None
    suffix: str = ""  # after a spin box's number, e.g. " epochs"
    off_text: str = ""  # what a spin box shows at its minimum ("Off", "All")

    def __post_init__(self) -> None:
        if self.group not in PANEL_GROUPS:  # a typo would otherwise only show as a missing row
            raise ValueError(f"unknown panel group {self.group!r}; choose one of {', '.join(PANEL_GROUPS)}")


def described(default: Any, **setting: Any) -> Any:
    """A dataclass field with `default` and the `Setting` made of the keyword arguments."""
    return dataclasses.field(default=default, metadata={_METADATA_KEY: Setting(**setting)})


@dataclass(frozen=True)
class ConfigField:
    """One field of a config class as the generators see it."""

    name: str
    type: type  # bool, int, float or str, with None taken out
    optional: bool  # None is allowed and means "off" / "not set"
    default: Any
    setting: Setting

    @property
    def settings_key(self) -> str | None:
        return SETTINGS_PREFIX + self.name if self.setting.label is not None else None

    @property
    def empty(self) -> Any:
        """What stands for None where None cannot be stored or shown (a settings file, a spin box): 0 or ""."""
        return self.type()

    @property
    def choice_values(self) -> list[str]:
        return [choice.value for choice in self.setting.choices]


def config_fields(config_class: type) -> list[ConfigField]:
    """Every field of `config_class` in declaration order; a field declared without `described` gets
    a Setting with no flag and no label."""
    hints = typing.get_type_hints(config_class)
    described_fields = []
    for item in dataclasses.fields(config_class):
        value_type, optional = _value_type(hints[item.name])
        default = item.default if item.default is not MISSING else item.default_factory()  # type: ignore[misc]
        setting = item.metadata.get(_METADATA_KEY) or Setting(help="")
        described_fields.append(ConfigField(item.name, value_type, optional, default, setting))
    return described_fields


def cli_fields(config_class: type) -> list[ConfigField]:
    """The fields that are `train` flags."""
    return [item for item in config_fields(config_class) if item.setting.flag]


def panel_fields(config_class: type) -> list[ConfigField]:
    """The fields the training panel shows."""
    return [item for item in config_fields(config_class) if item.setting.label is not None]


def remembered_fields(config_class: type) -> list[ConfigField]:
    """The fields the settings file keeps between sessions (under `settings_key`)."""
    return [item for item in config_fields(config_class) if item.settings_key is not None]


def _value_type(hint: Any) -> tuple[type, bool]:
    """(int, True) for `int | None`; (float, False) for `float`."""
    arguments = typing.get_args(hint)
    if not arguments:
        return hint, False
    others = [argument for argument in arguments if argument is not type(None)]
    if len(others) != 1:
        raise TypeError(f"a config field must be one type, or one type or None; not {hint}")
    return others[0], len(others) < len(arguments)
