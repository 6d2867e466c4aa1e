"""Honest answers: beside the ten probabilities, whether the drawing is a digit at all.

A network trained on digits only gives one of ten digits for anything: a dot reads as a digit at 99.8 %.
So a second, small network, the digit checker (`resources/digit_checker.keras`, built by
`tools/make_digit_checker.py`), tells digits from drawings that are not one: trained on MNIST digits
against letters, scribbles, shapes, dots and blobs that `core.non_digits` draws. It looks at the same
28×28 image the model reads and does not depend on the model, so every model gets the same check,
models saved by earlier versions included. Its threshold, set so that 99.7 % of MNIST training digits it
never saw pass, travels in its file.

The verdicts:
- `empty`: no ink (`digit` is None);
- `not_a_digit`: the checker says so; the model's top digit is still given, and its bars still shown;
- `unsure`: a digit, but the model's top two are close (`digit` and `runner_up` say which);
- `digit`: a digit, and the model is clear about which.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop_app.core.resources import resource_path
from desktop_app.core.texts import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

VERDICTS = ("digit", "unsure", "not_a_digit", "empty")
# The top digit is unsure when the runner-up comes this close to it (in probability).
UNSURE_MARGIN = 0.4
CHECKER_FILE = "digit_checker.keras"


@dataclass(frozen=True)
class Verdict:
    kind: str  # one of VERDICTS
    digit: int | None  # the model's top digit; None only when empty
    runner_up: int | None = None  # the second digit, when unsure
    not_digit_score: float | None = None  # the checker's score (0 digit … 1 not a digit), when it ran

    def to_dict(self) -> dict:
        return {"verdict": self.kind, "digit": self.digit, "runner_up": self.runner_up}


EMPTY = Verdict("empty", None)


def judge(probabilities: np.ndarray, not_digit_score: float | None, threshold: float | None) -> Verdict:
    """The verdict for one image from the model's ten `probabilities` and the checker's score (None when
    no checker is at hand: then only `digit` or `unsure`)."""
    probabilities = np.asarray(probabilities, dtype=np.float64)
    order = np.argsort(probabilities)[::-1]
    best, second = int(order[0]), int(order[1])
    score = None if not_digit_score is None else float(not_digit_score)
    if score is not None and threshold is not None and score >= threshold:
        return Verdict("not_a_digit", best, None, score)
    if probabilities[best] - probabilities[second] < UNSURE_MARGIN:
        return Verdict("unsure", best, second, score)
    return Verdict("digit", best, None, score)


class DigitChecker:
    """The digit checker: a score in 0–1 per 28×28 image (1: not a digit) and the threshold to apply."""

    def __init__(self, model, threshold: float) -> None:
        import tensorflow as tf

        self.model = model
        self.threshold = float(threshold)
        self._many = tf.function(lambda x: model(x, training=False),
                                 input_signature=[tf.TensorSpec((None, 28, 28, 1), tf.float32)])
        self.scores(np.zeros((1, 28, 28, 1), np.float32))  # trace now, not on the user's first stroke

    @classmethod
    def load(cls, path: str | Path | None = None) -> "DigitChecker":
        """Load the checker (safe mode, as every model file); its threshold comes from its metadata."""
        import keras

        from desktop_app.core.errors import ModelFileError, about_file
        from desktop_app.core.modelio import read_metadata

        path = Path(path) if path else resource_path(CHECKER_FILE)
        threshold = read_metadata(path).config.get("threshold")
        if not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
            raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP("errors", "the digit checker carries no "
                                                                              "threshold")))
        return cls(keras.models.load_model(path, safe_mode=True, compile=False), threshold)

    def scores(self, images: np.ndarray, batch_size: int = 1000) -> np.ndarray:
        """Scores for N images (N×28×28[×1], float 0–1 or uint8 0–255): 0 digit … 1 not a digit."""
        images = np.asarray(images)
        if images.dtype == np.uint8:
            images = images.astype(np.float32) / 255.0
        images = images.astype(np.float32, copy=False).reshape(-1, 28, 28, 1)
        parts = [self._many(images[start:start + batch_size]).numpy()[:, 0]
                 for start in range(0, len(images), batch_size)]
        return np.concatenate(parts) if parts else np.zeros(0, np.float32)

    def verdict(self, image: np.ndarray, probabilities: np.ndarray) -> Verdict:
        return judge(probabilities, float(self.scores(image)[0]), self.threshold)

    def verdicts(self, images: np.ndarray, probabilities: np.ndarray) -> list[Verdict]:
        scores = self.scores(images)
        return [judge(row, score, self.threshold) for row, score in zip(probabilities, scores)]


_shared: DigitChecker | None = None
_shared_failed = False
_lock = threading.Lock()


def shared_checker() -> DigitChecker | None:
    """The packaged checker, loaded once per process (any thread); None, logged once, when it cannot be
    loaded: then verdicts fall back to `digit`/`unsure` from the model alone."""
    global _shared, _shared_failed
    with _lock:
        if _shared is None and not _shared_failed:
            try:
                _shared = DigitChecker.load()
            except Exception:  # a damaged installation must not stop the app from reading digits
                log.exception("the digit checker could not be loaded; verdicts use the model alone")
                _shared_failed = True
        return _shared


def verdict_for(image: np.ndarray, probabilities: np.ndarray) -> Verdict:
    """The verdict for one preprocessed image with the packaged checker (or the model alone)."""
    checker = shared_checker()
    if checker is None:
        return judge(probabilities, None, None)
    return checker.verdict(image, probabilities)
