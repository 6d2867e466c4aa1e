"""Teaching a trained model someone's handwriting without making it forget MNIST.

The personal samples are split into a part to learn from and a held-out part to measure on; the
learning part is repeated and mixed with a random slice of MNIST (so the model keeps seeing the digits
it already reads), augmented, and trained on at a low learning rate. The report holds the accuracy on
the held-out personal part and on the MNIST test set, before and after, and the weights from before,
so the caller can keep or discard the result.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop_app.core.data import Dataset
from desktop_app.core.evaluation import EvaluationReport, evaluate
from desktop_app.core.texts import QT_TRANSLATE_NOOP
from desktop_app.core.training import TrainConfig, TrainingObserver, TrainingResult, train


@dataclass
class FineTuneReport:
    personal_before: float
    personal_after: float
    mnist_before: float
    mnist_after: float
    holdout_size: int
    train_size: int
    result: TrainingResult
    weights_before: list = field(repr=False, default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"personal_before": self.personal_before, "personal_after": self.personal_after,
                "mnist_before": self.mnist_before, "mnist_after": self.mnist_after,
                "holdout_size": self.holdout_size, "train_size": self.train_size,
                "status": self.result.status}


def fine_tune_config(**overrides) -> TrainConfig:
    """Defaults for fine-tuning: a few epochs at a tenth of the usual rate, augmented."""
    values = dict(epochs=4, learning_rate=3e-4, augment=True, validation_split=0.0, batch_size=64,
                  continued_rate_share=1.0)  # 3e-4 is already a rate for a trained model
    values.update(overrides)
    return TrainConfig(**values)


def split_holdout(personal: Dataset, fraction: float = 0.25, seed: int = 0) -> tuple[Dataset, Dataset]:
    """Per digit, a share of the samples is held out (at least one where a digit has two or more)."""
    rng = np.random.default_rng(seed)
    learn, hold = [], []
    for digit in range(10):
        indices = rng.permutation(np.flatnonzero(personal.y_train == digit))
        count = int(round(len(indices) * fraction)) if len(indices) > 1 else 0
        count = max(count, 1) if len(indices) > 1 else 0
        hold.extend(indices[:count])
        learn.extend(indices[count:])
    empty_x, empty_y = np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.uint8)

    def subset(indices: list[int], name: str) -> Dataset:
        index = np.array(sorted(indices), dtype=np.int64)
        return Dataset(name, personal.x_train[index], personal.y_train[index], empty_x, empty_y)

    return subset(learn, f"{personal.name} (learn)"), subset(hold, f"{personal.name} (held out)")


def mix_with_mnist(personal: Dataset, mnist: Dataset, mnist_images: int = 3000, repeat: int = 4,
                   seed: int = 0) -> Dataset:
    """The personal samples `repeat` times plus a random slice of MNIST training images, shuffled."""
    rng = np.random.default_rng(seed)
    chosen = rng.choice(len(mnist.x_train), size=min(mnist_images, len(mnist.x_train)), replace=False)
    images = np.concatenate([np.repeat(personal.x_train, repeat, axis=0), mnist.x_train[chosen]])
    labels = np.concatenate([np.repeat(personal.y_train, repeat), mnist.y_train[chosen]])
    order = rng.permutation(len(images))
    return Dataset(f"{personal.name} + MNIST", images[order], labels[order], mnist.x_test, mnist.y_test)


def fine_tune(model, personal: Dataset, mnist: Dataset, config: TrainConfig | None = None,
              callbacks: TrainingObserver | None = None, stop_event: threading.Event | None = None,
              history: dict[str, list[float]] | None = None, holdout: float = 0.25,
              mnist_test_images: int | None = None) -> FineTuneReport:
    """Fine-tune `model` in place on `personal` mixed with MNIST; measure before and after. When this
    raises, the model has its weights from before again."""
    config = config or fine_tune_config()
    learn, held_out = split_holdout(personal, holdout, config.seed)
    if len(learn.x_train) == 0:
        raise ValueError(QT_TRANSLATE_NOOP("errors", "store at least two drawings of a digit before fine-tuning"))
    test_x, test_y = mnist.x_test[:mnist_test_images], mnist.y_test[:mnist_test_images]

    def accuracy_on(images, labels) -> float:
        return evaluate(model, images, labels, mistakes=0).accuracy if len(images) else float("nan")

    personal_before = accuracy_on(held_out.x_train, held_out.y_train)
    mnist_before = accuracy_on(test_x, test_y)
    weights_before = model.get_weights()
    try:
        mixed = mix_with_mnist(learn, mnist, seed=config.seed)
        result = train(config, callbacks, stop_event, model=model, dataset=mixed, history=history)
        personal_after = accuracy_on(held_out.x_train, held_out.y_train)
        mnist_after = accuracy_on(test_x, test_y)
    except BaseException:  # no report reaches the caller, so nobody else could undo the changed weights
        model.set_weights(weights_before)
        raise
    return FineTuneReport(personal_before, personal_after, mnist_before, mnist_after, len(held_out.x_train),
                          len(learn.x_train), result, weights_before)


MIN_SAMPLES_PER_DIGIT = 2


def missing_samples(counts: list[int], minimum: int = MIN_SAMPLES_PER_DIGIT) -> dict[int, int]:
    """Digit → how many more drawings it needs before fine-tuning (one to learn from, one to measure
    on); empty when every digit has `minimum`."""
    counts = list(counts) + [0] * (10 - len(counts))
    return {digit: minimum - counts[digit] for digit in range(10) if counts[digit] < minimum}


@dataclass
class PersonalMeasurement:
    """How well a model reads someone's handwriting, next to its MNIST test accuracy."""

    personal: EvaluationReport  # mistakes index into `samples`
    samples: list  # handwriting.Sample, in the evaluated order
    mnist: EvaluationReport
    skipped: list[str] = field(default_factory=list)  # "FILE: why" for each sample that could not be read


def measure_personal(model, personal, mnist: Dataset, mnist_test_images: int | None = None,
                     mistakes: int = 100, progress=None) -> PersonalMeasurement:
    """Evaluate `model` on every readable sample of a HandwritingSet (the others are named in `skipped`)
    and on the MNIST test set. `progress(done, total)` is called between chunks of images; an exception
    it raises ends the measurement (how a caller cancels it)."""
    reading = personal.read()
    dataset = reading.dataset
    report = evaluate(model, dataset.x_train, dataset.y_train, mistakes=mistakes, progress=progress)
    mnist_report = evaluate(model, mnist.x_test[:mnist_test_images], mnist.y_test[:mnist_test_images],
                            mistakes=0, progress=progress)
    return PersonalMeasurement(report, reading.samples, mnist_report, reading.skipped)
