"""How good a model is: accuracy, loss, the confusion matrix, per-class figures, the worst mistakes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Mistake:
    index: int  # position in the evaluated images
    true_label: int
    predicted_label: int
    confidence: float  # probability given to the wrong answer


@dataclass
class EvaluationReport:
    accuracy: float
    loss: float
    confusion: np.ndarray  # 10×10 counts, rows true label, columns predicted
    per_class_accuracy: np.ndarray  # 10 values; NaN for a digit with no images
    mistakes: list[Mistake]  # most confident first
    samples: int
    predicted: np.ndarray  # the predicted label of every evaluated image
    confidence: np.ndarray  # the probability each image's predicted label got (float32)
    verdicts: dict[str, int] | None = None  # images per verdict (core.verdict), when asked for

    def not_given_digit(self) -> int | None:
        """How many images did not get the verdict `digit` (unsure or not a digit), when counted."""
        return None if self.verdicts is None else self.samples - self.verdicts.get("digit", 0)

    def to_dict(self) -> dict:
        values = {
            "samples": self.samples, "accuracy": self.accuracy, "loss": self.loss,
            "per_class_accuracy": {str(d): (None if np.isnan(a) else float(a))
                                   for d, a in enumerate(self.per_class_accuracy)},
            "confusion_matrix": self.confusion.tolist(),
            "mistakes": [vars(m) for m in self.mistakes],
        }
        if self.verdicts is not None:
            values.update(verdicts=dict(self.verdicts), not_given_digit=self.not_given_digit())
        return values


def _most_confident(chosen: np.ndarray, labels: np.ndarray, predicted: np.ndarray, confidence: np.ndarray,
                    limit: int) -> list[Mistake]:
    """The images where `chosen` is True as Mistakes, most confident first (ties keep image order)."""
    indices = np.flatnonzero(chosen)
    indices = indices[np.argsort(-confidence[indices], kind="stable")][:limit]
    return [Mistake(int(i), int(labels[i]), int(predicted[i]), float(confidence[i])) for i in indices]


def report_from_probabilities(probabilities: np.ndarray, labels: np.ndarray,
                              mistakes: int = 25) -> EvaluationReport:
    labels = np.asarray(labels).astype(np.int64)
    predicted = probabilities.argmax(axis=1)
    confusion = np.zeros((10, 10), np.int64)
    np.add.at(confusion, (labels, predicted), 1)
    per_class_total = confusion.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_class = np.diag(confusion) / per_class_total
    rows = np.arange(len(labels))
    true_prob = probabilities[rows, labels]
    loss = float(-np.mean(np.log(np.clip(true_prob, 1e-7, 1.0)))) if len(labels) else float("nan")
    # in the probabilities' own precision: the mistakes list reports these values as they are
    confidence = probabilities[rows, predicted]
    return EvaluationReport(
        accuracy=float(np.mean(predicted == labels)) if len(labels) else float("nan"),
        loss=loss, confusion=confusion, per_class_accuracy=per_class,
        mistakes=_most_confident(predicted != labels, labels, predicted, confidence, mistakes),
        samples=int(len(labels)),
        predicted=predicted.astype(np.int64),
        confidence=confidence.astype(np.float32),
    )


def cell_examples(report: EvaluationReport, labels: np.ndarray, true_label: int, predicted_label: int,
                  limit: int = 60) -> list[Mistake]:
    """The images behind one confusion-matrix cell (true label, predicted label), most confident first.

    On the diagonal they are right answers; `confidence` is the probability of the predicted label.
    """
    labels = np.asarray(labels).astype(np.int64)
    chosen = (labels == true_label) & (report.predicted == predicted_label)
    return _most_confident(chosen, labels, report.predicted, report.confidence, limit)


def evaluate(model, images: np.ndarray, labels: np.ndarray, mistakes: int = 25,
             progress=None, verdicts: bool = False) -> EvaluationReport:
    """Evaluate on uint8 or float images; `progress(done, total)` is called between chunks. With
    `verdicts`, count each image's verdict (digit, unsure, not a digit) too."""
    from desktop_app.core.inference import Predictor

    predictor = Predictor(model)
    chunk = 1000
    parts = []
    for start in range(0, len(images), chunk):
        parts.append(predictor.predict_batch(images[start:start + chunk]))
        if progress:
            progress(min(start + chunk, len(images)), len(images))
    probabilities = np.concatenate(parts) if parts else np.zeros((0, 10), np.float32)
    report = report_from_probabilities(probabilities, labels, mistakes)
    if verdicts:
        report.verdicts = count_verdicts(images, probabilities)
    return report


def count_verdicts(images: np.ndarray, probabilities: np.ndarray) -> dict[str, int]:
    """How many of `images` get each verdict, with the packaged digit checker."""
    from desktop_app.core.verdict import VERDICTS, judge, shared_checker

    checker = shared_checker()
    scores = checker.scores(images) if checker else [None] * len(probabilities)
    threshold = checker.threshold if checker else None
    counts = dict.fromkeys(VERDICTS[:3], 0)
    for row, score in zip(probabilities, scores):
        counts[judge(row, score, threshold).kind] += 1
    return counts
