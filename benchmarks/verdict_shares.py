"""How the verdict holds: the share of each kind of drawing that is not called a digit, and what it
costs real digits.

    python benchmarks/verdict_shares.py [MODEL.keras] [--per-kind 300] [--digits 2000]

MODEL defaults to the ready-made model. Non-digits come from `core.non_digits` with seeds that neither
the checker's training nor its threshold used (the kinds marked "held out" were never in its training at
all); re-framed digits are MNIST *test* digits re-drawn as a user might (`reframed_accuracy.FRAMINGS`,
and the canvas style of `core.synthetic`). For each set it prints the share given each verdict, and
beside it the share the model alone would have called a digit at 60 % or more, as the window did
before. On MNIST test it prints the model's accuracy with and without the verdict: the checker never
changes the model's answer, so the two are equal, and the cost is the share not given `digit`.
"""

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reframed_accuracy import FRAMINGS  # noqa: E402  (imports TensorFlow quietly)

from desktop_app.core.data import load_dataset  # noqa: E402
from desktop_app.core.inference import Predictor  # noqa: E402
from desktop_app.core.modelio import load_model  # noqa: E402
from desktop_app.core.non_digits import HELD_OUT_KINDS, KINDS, make_non_digits  # noqa: E402
from desktop_app.core.preprocess import preprocess_image  # noqa: E402
from desktop_app.core.resources import resource_path  # noqa: E402
from desktop_app.core.synthetic import personal_style  # noqa: E402
from desktop_app.core.verdict import shared_checker  # noqa: E402

SEED = 777_000  # not a seed tools/make_digit_checker.py uses


def shares(predictor, checker, images: np.ndarray) -> tuple[dict[str, float], float]:
    probabilities = predictor.predict_batch(images)
    kinds = [verdict.kind for verdict in checker.verdicts(images, probabilities)]
    counted = {kind: kinds.count(kind) / len(kinds) for kind in ("digit", "unsure", "not_a_digit")}
    return counted, float(np.mean(probabilities.max(axis=1) >= 0.6))


def row(label: str, images: np.ndarray, predictor, checker, note: str = "") -> None:
    counted, confident = shares(predictor, checker, images)
    print(f"  {label:40s} {len(images):6,}  {counted['not_a_digit']:8.1%}  {counted['unsure']:7.1%}  "
          f"{counted['digit']:7.1%}  {confident:13.1%}{note}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", nargs="?", default=str(resource_path("ready_model.keras")))
    parser.add_argument("--per-kind", type=int, default=300)
    parser.add_argument("--digits", type=int, default=2000)
    args = parser.parse_args()
    predictor = Predictor(load_model(args.model).model)
    checker = shared_checker()
    mnist = load_dataset()
    print(f"command: python benchmarks/verdict_shares.py {args.model} --per-kind {args.per_kind} "
          f"--digits {args.digits}")
    print(f"model {args.model}; checker threshold {checker.threshold:.4f}")
    print(f"  {'drawings':40s} {'count':>6}  {'not digit':>8}  {'unsure':>7}  {'digit':>7}  "
          f"{'model ≥ 60 %':>13}")
    print("non-digits (want: not digit)")
    for index, kind in enumerate(KINDS):
        drawings = make_non_digits(kind, args.per_kind, SEED + index, mnist.x_test)
        images = np.stack([preprocess_image(drawing) for drawing in drawings])
        row(kind, images, predictor, checker, "  (held out: never in training)" if kind in HELD_OUT_KINDS else "")
    print("digits (want: digit)")
    probabilities = predictor.predict_batch(mnist.x_test)
    accuracy = float(np.mean(probabilities.argmax(axis=1) == mnist.y_test))
    row("MNIST test", mnist.x_test, predictor, checker)
    rng = np.random.default_rng(SEED)
    digits = mnist.x_test[:args.digits]
    for name, frame in FRAMINGS.items():
        row(f"re-framed: {name}", np.stack([preprocess_image(frame(d, rng)) for d in digits]), predictor, checker)
    drawn = np.stack([preprocess_image(personal_style(d, slant=rng.uniform(-0.5, 0.9),
                                                      thickness=2 * int(rng.integers(2, 12)) + 1, rng=rng))
                      for d in digits])
    row("drawn on a canvas (core.synthetic)", drawn, predictor, checker)
    print(f"MNIST test accuracy without the verdict {accuracy:.2%}, with it {accuracy:.2%} (the checker never "
          "changes the model's answer; it only adds a verdict)")


if __name__ == "__main__":
    main()
