"""How figures, durations, digits and errors are written in the window: one place for every panel."""

from __future__ import annotations

import math

from desktop_app.core.errors import DigitLabError
from desktop_app.core.models import PRESETS

DIGIT_NAMES = ("zeros", "ones", "twos", "threes", "fours", "fives", "sixes", "sevens", "eights", "nines")


def format_duration(seconds: float) -> str:
    """1:05, 12:40 or 1:02:03."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def format_metrics(metrics: dict[str, float]) -> str:
    """“loss 0.1234 · accuracy 97.50 % · …” for the metrics present."""
    parts = []
    for key, label in (("loss", "loss"), ("accuracy", "accuracy"), ("val_loss", "validation loss"),
                       ("val_accuracy", "validation accuracy")):
        if key in metrics:
            value = metrics[key]
            parts.append(f"{label} {value * 100:.2f} %" if "accuracy" in key else f"{label} {value:.4f}")
    return " · ".join(parts)


def percent(value: float | None) -> str:
    """“97.5 %”, or “–” for a figure that does not exist."""
    return "–" if value is None or not math.isfinite(value) else f"{value * 100:.1f} %"


def count_text(count: int) -> str:
    """12 345 with a thin space between thousands, as the panels write counts."""
    return f"{count:,}".replace(",", " ")


def tensorboard_command(folder: str) -> str:
    """The command that shows a run's TensorBoard logs."""
    return f'tensorboard --logdir "{folder}"'


def short_version(version: str) -> str:
    """“2.20” for “2.20.0”."""
    return ".".join(version.split(".")[:2])


def preset_title(preset: str) -> str:
    return PRESETS[preset].title if preset in PRESETS else preset


def digit_plural(digit: int, count: int) -> str:
    """“1 four”, “7 fours”."""
    name = DIGIT_NAMES[digit]
    return f"{count} {name[:-2] if name.endswith('xes') else name[:-1]}" if count == 1 else f"{count} {name}"


def digit_article(digit: int) -> str:
    """“a 7”, “an 8”."""
    return f"an {digit}" if digit == 8 else f"a {digit}"


def images_label(count: int) -> str:
    return f"{count} image" + ("" if count == 1 else "s")


def describe_exception(error: BaseException, action: str) -> str:
    """A user-facing sentence for an exception: a DigitLabError speaks for itself."""
    if isinstance(error, DigitLabError):
        return str(error)
    text = str(error).strip().splitlines()[0][:300] if str(error).strip() else ""
    return f"{action} failed: {type(error).__name__}{': ' + text if text else ''}"
