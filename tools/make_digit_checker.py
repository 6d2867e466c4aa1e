"""Build `resources/digit_checker.keras`, the small network that tells a digit from a drawing that is not
one, and print its held-out figures.

    python tools/make_digit_checker.py [--seed 0] [--out resources/digit_checker.keras]

It learns digits (MNIST training images, augmented, and the same digits drawn large and thick on a
canvas) against non-digits made by `core.non_digits` from tuning seeds, for every kind but the held-out
ones. Its threshold is set on MNIST training digits it never trained on (the last 5,000), so that 99.7 %
of them pass; the threshold travels in the file's metadata. The MNIST test set is used only to report.
Held-out figures: MNIST test digits, the same digits drawn on a canvas, and every kind of non-digit from
new seeds, the held-out kinds included.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from desktop_app.core.non_digits import HELD_OUT_KINDS, KINDS, make_non_digits  # noqa: E402
from desktop_app.core.preprocess import preprocess_to_uint8  # noqa: E402
from desktop_app.core.synthetic import personal_style  # noqa: E402

KEEP_SHARE = 0.997  # of unseen MNIST training digits, by which the threshold is set
TUNING_KINDS = tuple(kind for kind in KINDS if kind not in HELD_OUT_KINDS)


def on_canvas(digits: np.ndarray, seed: int) -> np.ndarray:
    """Digits as a person draws them: big, slanted either way, thin to thick, then preprocessed."""
    rng = np.random.default_rng(seed)
    return np.stack([preprocess_to_uint8(personal_style(digit, slant=rng.uniform(-0.5, 0.9),
                                                        thickness=2 * int(rng.integers(2, 12)) + 1, rng=rng))
                     for digit in digits])


def non_digits(kinds, count: int, seed: int, digits: np.ndarray) -> dict[str, np.ndarray]:
    return {kind: np.stack([preprocess_to_uint8(image) for image in
                            make_non_digits(kind, count, seed + index, digits)])
            for index, kind in enumerate(kinds)}


def build_model():
    import keras
    from keras import layers

    return keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(16, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Flatten(), layers.Dense(32, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ], name="digit_checker")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-kind", type=int, default=3000, help="non-digits of each tuning kind")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--out", default=str(ROOT / "resources" / "digit_checker.keras"))
    args = parser.parse_args()
    started = time.perf_counter()

    import keras
    import tensorflow as tf

    from desktop_app.core.augmentation import augment_batch
    from desktop_app.core.modelio import ModelMetadata, save_model

    keras.utils.set_random_seed(args.seed)
    mnist = np.load(ROOT / "resources" / "mnist.npz")
    train, unseen, test = mnist["x_train"][:55000], mnist["x_train"][55000:], mnist["x_test"]

    digits = np.concatenate([train, on_canvas(train[:4000], args.seed + 1)])
    others = np.concatenate(list(non_digits(TUNING_KINDS, args.per_kind, 1000 + 10 * args.seed, train).values()))
    x = np.concatenate([digits, others])[..., None]
    y = np.concatenate([np.zeros(len(digits)), np.ones(len(others))]).astype("float32")
    weights = {0: 1.0, 1: len(digits) / len(others)}  # both sides weigh alike
    print(f"training on {len(digits):,} digits and {len(others):,} non-digits "
          f"({', '.join(TUNING_KINDS)}); data made in {time.perf_counter() - started:.0f} s", flush=True)

    order = np.random.default_rng(args.seed).permutation(len(x))
    data = (tf.data.Dataset.from_tensor_slices((x[order], y[order], np.vectorize(weights.get)(y[order])
                                                .astype("float32")))
            .batch(128)
            .enumerate()
            .map(lambda step, batch: (augment_batch(tf.cast(batch[0], tf.float32) / 255.0,
                                                    tf.stack([tf.cast(step, tf.int32), args.seed])),
                                      batch[1], batch[2]))
            .prefetch(2))
    model = build_model()
    model.compile(keras.optimizers.Adam(keras.optimizers.schedules.CosineDecay(3e-3, args.epochs * len(data))),
                  "binary_crossentropy")
    model.fit(data, epochs=args.epochs, verbose=2)

    def scores(images: np.ndarray) -> np.ndarray:
        return model.predict(images[..., None].astype("float32") / 255.0, batch_size=1000, verbose=0)[:, 0]

    tuning_digits = np.concatenate([unseen, on_canvas(unseen[:1000], args.seed + 2)])
    threshold = float(np.quantile(scores(tuning_digits), KEEP_SHARE))
    print(f"threshold {threshold:.4f}: {KEEP_SHARE:.1%} of {len(tuning_digits):,} unseen MNIST training digits "
          "(plain and drawn on a canvas) pass")

    print("held out (new seeds; the MNIST test set): share called not a digit")
    print(f"  MNIST test digits            {np.mean(scores(test) >= threshold):7.2%}  (of {len(test):,})")
    drawn = on_canvas(test[:2000], args.seed + 3)
    print(f"  MNIST test digits, on canvas {np.mean(scores(drawn) >= threshold):7.2%}  (of {len(drawn):,})")
    for kind, images in non_digits(KINDS, 300, 90_000 + 10 * args.seed, test).items():
        note = "  (a kind it never trained on)" if kind in HELD_OUT_KINDS else ""
        print(f"  {kind:28s} {np.mean(scores(images) >= threshold):7.2%}  (of {len(images)}){note}")

    metadata = ModelMetadata(preset="digit-checker", dataset="MNIST train[:55000] + core.non_digits",
                             config={"threshold": threshold, "seed": args.seed, "keep_share": KEEP_SHARE,
                                     "epochs": args.epochs, "per_kind": args.per_kind})
    model.compile(optimizer=None, loss="binary_crossentropy")  # no optimizer state in a shipped file
    saved = save_model(model, args.out, metadata)
    print(f"saved {saved} ({saved.stat().st_size / 1024:.0f} KB, {model.count_params():,} parameters) "
          f"in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
