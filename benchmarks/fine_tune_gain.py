"""What fine-tuning on a person's handwriting gains, before and after, in one run.

    python benchmarks/fine_tune_gain.py MODEL.keras [--samples 400]

The "person" is synthetic (core.synthetic: MNIST training digits the model never saw as such, drawn
slanted and thick, large on a white canvas). A quarter of the samples is held out to measure on;
MNIST accuracy is on the whole test set.
"""

import argparse
import time

import numpy as np

from desktop_app.core.tensorflow_runtime import import_tensorflow

import_tensorflow()
from desktop_app.core.data import Dataset, load_dataset  # noqa: E402
from desktop_app.core.fine_tuning import fine_tune, fine_tune_config  # noqa: E402
from desktop_app.core.modelio import load_model  # noqa: E402
from desktop_app.core.preprocess import preprocess_to_uint8  # noqa: E402
from desktop_app.core.synthetic import personal_style_set  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--samples", type=int, default=400)
    args = parser.parse_args()
    mnist = load_dataset()
    start = 50000
    digits, labels = mnist.x_train[start:start + args.samples], mnist.y_train[start:start + args.samples]
    images = np.stack([preprocess_to_uint8(d) for d in personal_style_set(digits, seed=1)])
    empty = np.zeros((0, 28, 28), np.uint8)
    personal = Dataset("synthetic hand", images, labels, empty, np.zeros(0, np.uint8))
    model = load_model(args.model).model
    started = time.perf_counter()
    report = fine_tune(model, personal, mnist, fine_tune_config(device="cpu"))
    seconds = time.perf_counter() - started
    print(f"command: python benchmarks/fine_tune_gain.py {args.model} --samples {args.samples}")
    print(f"personal hand, {report.holdout_size} held-out drawings: {report.personal_before:.2%} → "
          f"{report.personal_after:.2%} ({100 * (report.personal_after - report.personal_before):+.1f} points)")
    print(f"MNIST test set (10,000): {report.mnist_before:.2%} → {report.mnist_after:.2%} "
          f"({100 * (report.mnist_after - report.mnist_before):+.2f} points; target ≥ −0.30)")
    print(f"fine-tuning took {seconds:.1f} s on {report.train_size} drawings mixed with 3,000 MNIST images")


if __name__ == "__main__":
    main()
