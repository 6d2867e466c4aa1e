"""How figures, durations, digits and errors are written in the window: one place for every panel.

Numbers follow the window's language (QLocale, which `install_language` sets), units and sentences go
through Qt's translations in the context "text_format". English grammar that a translation file cannot say
(1 four, 7 fours) stays here: where a text has no translation Qt gives its source back, and then the English
words are written as before.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLocale

from desktop_app.core.errors import DigitLabError
from desktop_app.core.models import PRESETS
from desktop_app.core.texts import QT_TRANSLATE_NOOP, Template, Text
from desktop_app.gui.i18n import localized

DIGIT_NAMES = ("zeros", "ones", "twos", "threes", "fours", "fives", "sixes", "sevens", "eights", "nines")


def _english_unless_translated(translated: str, source: str, count: int, english: str) -> str:
    """`translated`, the text in the window's language; `english` (its English grammar) where Qt found no
    translation and gave back the source with the number in place of %n."""
    return english if translated == source.replace("%n", str(count)) else translated


def number(value: float, decimals: int) -> str:
    """`value` with `decimals` places, as the window's language writes numbers (no thousands separator)."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(value), "f", decimals)


def format_duration(seconds: float) -> str:
    """1:05, 12:40 or 1:02:03 (a clock, written the same in every language the window speaks)."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def percent_of(fraction: float, decimals: int = 1) -> str:
    """“97.5 %” for 0.975 (Korean writes “97.5%”)."""
    return QCoreApplication.translate("text_format", "{value} %").format(value=number(fraction * 100, decimals))


# Each metric as a phrase of its own (word order differs between languages); decimals, and whether a percent.
_METRIC_PHRASES = (("loss", QT_TRANSLATE_NOOP("text_format", "loss {value}"), 4, False),
                   ("accuracy", QT_TRANSLATE_NOOP("text_format", "accuracy {value}"), 2, True),
                   ("val_loss", QT_TRANSLATE_NOOP("text_format", "validation loss {value}"), 4, False),
                   ("val_accuracy", QT_TRANSLATE_NOOP("text_format", "validation accuracy {value}"), 2, True))


def format_metrics(metrics: dict[str, float]) -> str:
    """“loss 0.1234 · accuracy 97.50 % · …” for the metrics present."""
    parts = []
    for key, phrase, decimals, is_percent in _METRIC_PHRASES:
        if key in metrics:
            value = percent_of(metrics[key], decimals) if is_percent else number(metrics[key], decimals)
            parts.append(localized(phrase.format(value=value)))
    return " · ".join(parts)


def percent(value: float | None) -> str:
    """“97.5 %”, or “–” for a figure that does not exist."""
    return "–" if value is None or not math.isfinite(value) else percent_of(value, 1)


def count_text(count: int) -> str:
    """12 345 with a thin space between thousands, as the panels write counts."""
    return f"{count:,}".replace(",", " ")


def tensorboard_command(folder: str) -> str:
    """The command that shows a run's TensorBoard logs."""
    return f'tensorboard --logdir "{folder}"'


def short_version(version: str) -> str:
    """“2.20” for “2.20.0”."""
    return ".".join(version.split(".")[:2])


def preset_title(preset: str, without_default_mark: bool = False) -> str:
    """The preset's title in the window's language (its name when it is no preset); without the
    "(default)" mark, in whatever words the language has, when asked."""
    if preset not in PRESETS:
        return preset
    title = localized(PRESETS[preset].title)
    if without_default_mark and str(PRESETS[preset].title).endswith(" (default)"):
        title = title.rsplit(" (", 1)[0] if " (" in title else title.rsplit("(", 1)[0].rstrip()
    return title


def digit_plural(digit: int, count: int) -> str:
    """“1 four”, “7 fours” (in Korean “숫자 4 그림 7개”): `count` drawings of `digit`."""
    name = DIGIT_NAMES[digit]
    english = f"{count} {name[:-2] if name.endswith('xes') else name[:-1]}" if count == 1 else f"{count} {name}"
    translated = QCoreApplication.translate("text_format", "%n drawing(s) of {digit}", "", count)
    return _english_unless_translated(translated, "%n drawing(s) of {digit}", count, english).format(digit=digit)


def digit_article(digit: int) -> str:
    """“a 7”, “an 8” (in Korean just “7”)."""
    if digit == 8:
        return QCoreApplication.translate("text_format", "an {digit}").format(digit=digit)
    return QCoreApplication.translate("text_format", "a {digit}").format(digit=digit)


def images_label(count: int) -> str:
    """“1 image”, “5 images”."""
    english = f"{count} image" + ("" if count == 1 else "s")
    translated = QCoreApplication.translate("text_format", "%n image(s)", "", count)
    return _english_unless_translated(translated, "%n image(s)", count, english)


def describe_exception(error: BaseException, action: str) -> str:
    """A user-facing sentence for an exception, in the window's language: a DigitLabError speaks for itself;
    anything else says what failed (`action`, already in the window's language) and the exception."""
    if isinstance(error, DigitLabError):
        said = error.args[0] if error.args else None
        return localized(said) if isinstance(said, (Template, Text)) else str(error)
    text = str(error).strip().splitlines()[0][:300] if str(error).strip() else ""
    what = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return QCoreApplication.translate("text_format", "{action} failed: {error}").format(action=localized(action),
                                                                                     error=what)
