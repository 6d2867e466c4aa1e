"""How well models read digits drawn on the canvas, side by side: the quick recipe's against the standard's.

    python benchmarks/drawing_accuracy.py QUICK.keras DEFAULT.keras [MORE.keras ...] [--images 2000]

Every model reads the same images, all MNIST test digits (never trained on):
  - as they are (28×28, MNIST's own framing);
  - canvas-style: core.synthetic.personal_style draws each digit as a person might on the 280×280 canvas
    (large, slanted, thick strokes, dark on white, somewhere on the canvas), in three hands (slant 0, 0.5
    and 1; stroke 9, 15 and 21 px), then core.preprocess.preprocess_image frames it as the window does;
  - re-framed: benchmarks/reframed_accuracy.py's framings (small, large, off-centre, thick, thin, dark on
    white), through the same preprocessing.
Prints one row per image set with each model's accuracy, and each model's mean over the drawn sets.
The quick models for the README come from `quick_recipe.py --keep DIR`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))  # reframed_accuracy beside this file

from desktop_app.core.tensorflow_runtime import import_tensorflow  # noqa: E402

import_tensorflow()
from desktop_app.core.data import load_dataset  # noqa: E402
from desktop_app.core.inference import Predictor  # noqa: E402
from desktop_app.core.modelio import load_model  # noqa: E402
from desktop_app.core.preprocess import preprocess_image  # noqa: E402
from desktop_app.core.synthetic import personal_style  # noqa: E402
from reframed_accuracy import FRAMINGS  # noqa: E402

HANDS = {"canvas, upright, stroke 9": dict(slant=0.0, thickness=9),
         "canvas, slant 0.5, stroke 15": dict(slant=0.5, thickness=15),
         "canvas, slant 1, stroke 21": dict(slant=1.0, thickness=21)}


def image_sets(digits: np.ndarray) -> dict[str, np.ndarray]:
    sets = {"MNIST test digits as they are": digits.astype(np.float32)[..., None] / 255.0}
    for index, (name, hand) in enumerate(HANDS.items()):
        rng = np.random.default_rng(index)
        sets[name] = np.stack([preprocess_image(personal_style(digit, rng=rng, **hand)) for digit in digits])
    rng = np.random.default_rng(0)
    for name, framing in FRAMINGS.items():
        sets[name] = np.stack([preprocess_image(framing(digit, rng)) for digit in digits])
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", nargs="+", metavar="MODEL.keras")
    parser.add_argument("--images", type=int, default=2000, help="the first N MNIST test digits (default 2000)")
    args = parser.parse_args()
    mnist = load_dataset()
    digits, labels = mnist.x_test[:args.images], mnist.y_test[:args.images]
    predictors = {Path(path).name: Predictor(load_model(path).model) for path in args.models}
    sets = image_sets(digits)
    print(f"command: {shlex.join(['python', 'benchmarks/drawing_accuracy.py', *sys.argv[1:]])}")
    width = max(len(name) for name in sets)
    print(f"{'':>{width}}  " + "  ".join(f"{name:>14}" for name in predictors))
    drawn = {name: [] for name in predictors}
    for set_name, images in sets.items():
        row = []
        for name, predictor in predictors.items():
            accuracy = float((predictor.predict_batch(images).argmax(1) == labels).mean())
            row.append(accuracy)
            if set_name != "MNIST test digits as they are":
                drawn[name].append(accuracy)
        print(f"{set_name:>{width}}  " + "  ".join(f"{accuracy:>14.4f}" for accuracy in row))
    print(f"{'mean over the drawn sets':>{width}}  " + "  ".join(
        f"{float(np.mean(values)):>14.4f}" for values in drawn.values()))


if __name__ == "__main__":
    main()
