"""Accuracy on drawings far from MNIST's framing, against plain MNIST test accuracy.

    python benchmarks/reframed_accuracy.py MODEL.keras [--images 2000]

Each MNIST test digit is re-drawn as a user might: small or large on a 280×280 canvas, off-centre,
with thick or thin strokes, or dark ink on white; then it goes through the canvas preprocessing
(core.preprocess) to the model. Prints each accuracy and its gap to the MNIST test accuracy.
"""

import argparse

import numpy as np
from PIL import Image, ImageFilter

from desktop_app.core.tensorflow_runtime import import_tensorflow

import_tensorflow()
from desktop_app.core.data import load_dataset  # noqa: E402
from desktop_app.core.inference import Predictor  # noqa: E402
from desktop_app.core.modelio import load_model  # noqa: E402
from desktop_app.core.preprocess import preprocess_image  # noqa: E402

CANVAS = 280


def place(digit: np.ndarray, size: int, top: int, left: int) -> np.ndarray:
    big = np.asarray(Image.fromarray(digit).resize((size, size), Image.Resampling.BILINEAR))
    canvas = np.zeros((CANVAS, CANVAS), np.uint8)
    canvas[top:top + size, left:left + size] = big
    return canvas


def stroke(canvas: np.ndarray, filter_size: int, thicker: bool) -> np.ndarray:
    image = Image.fromarray(canvas)
    chosen = ImageFilter.MaxFilter(filter_size) if thicker else ImageFilter.MinFilter(filter_size)
    return np.asarray(image.filter(chosen))


FRAMINGS = {
    "small (28 px), random place": lambda d, r: place(d, 28, *r.integers(0, CANVAS - 28, 2)),
    "large (260 px)": lambda d, r: place(d, 260, 10, 10),
    "off-centre corner (100 px)": lambda d, r: place(d, 100, 175, 5),
    "thick strokes": lambda d, r: stroke(place(d, 140, 70, 70), 9, True),
    "thin strokes": lambda d, r: stroke(place(d, 140, 70, 70), 5, False),
    "dark ink on white": lambda d, r: 255 - place(d, 140, 70, 70),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--images", type=int, default=2000)
    args = parser.parse_args()
    predictor = Predictor(load_model(args.model).model)
    test = load_dataset()
    digits, labels = test.x_test[:args.images], test.y_test[:args.images]
    mnist_accuracy = float((predictor.predict_batch(digits).argmax(1) == labels).mean())
    print(f"command: python benchmarks/reframed_accuracy.py {args.model} --images {args.images}")
    print(f"{'MNIST test digits as they are':>32}: {mnist_accuracy:.4f}")
    rng = np.random.default_rng(0)
    gaps = []
    for name, framing in FRAMINGS.items():
        images = np.stack([preprocess_image(framing(digit, rng)) for digit in digits])
        accuracy = float((predictor.predict_batch(images).argmax(1) == labels).mean())
        gaps.append(mnist_accuracy - accuracy)
        print(f"{name:>32}: {accuracy:.4f} (gap {100 * (mnist_accuracy - accuracy):+.2f} points)")
    print(f"largest gap: {100 * max(gaps):.2f} points (target ≤ 1)")


if __name__ == "__main__":
    main()
