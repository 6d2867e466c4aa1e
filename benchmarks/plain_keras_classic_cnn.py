"""The baseline: a plain Keras script of the classic two-convolution CNN (Adam, batch 128, 3 epochs).

Two versions a learner could copy, chosen by --padding:
  same  (default): the TensorFlow tutorial's, 3.27 M parameters;
  valid: the "Python Machine Learning" book's, 1.11 M parameters (the 5×5 convolutions shrink the maps
         28 → 24 → 12 → 8 → 4, so Dense 1024 sees 4·4·64 inputs instead of 7·7·64).

    python benchmarks/plain_keras_classic_cnn.py [SEED] [--padding same|valid] [--epochs N] [--limit N]
                                                 [--validation-split F]

--validation-split is Keras' validation_split (default 0.1, what train_speed_accuracy.py and
train_command_vs_plain.py compare with); 0 holds nothing out and skips the validation passes, as the
issue's baseline for quick_recipe.py does.

Prints one JSON line: training wall time (fit alone), MNIST test accuracy (the 10,000 test images) and
the parameter count. Run by train_speed_accuracy.py, train_command_vs_plain.py and quick_recipe.py.
"""

import argparse
import json
import os
import time
from pathlib import Path

parser = argparse.ArgumentParser()
parser.add_argument("seed", nargs="?", type=int, default=42)
parser.add_argument("--padding", choices=("same", "valid"), default="same")
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--limit", type=int, default=None, help="train on only the first N training images")
parser.add_argument("--validation-split", type=float, default=0.1,
                    help="the share of the training images Keras holds out (default 0.1; 0: none)")
args = parser.parse_args()

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402

data = np.load(Path(__file__).resolve().parents[1] / "resources" / "mnist.npz")
x_train = data["x_train"][..., None].astype("float32") / 255
x_test = data["x_test"][..., None].astype("float32") / 255
y_train, y_test = data["y_train"], data["y_test"]
if args.limit:
    x_train, y_train = x_train[:args.limit], y_train[:args.limit]

keras.utils.set_random_seed(args.seed)
model = keras.Sequential([
    keras.Input((28, 28, 1)),
    layers.Conv2D(32, 5, padding=args.padding, activation="relu"), layers.MaxPooling2D(),
    layers.Conv2D(64, 5, padding=args.padding, activation="relu"), layers.MaxPooling2D(),
    layers.Flatten(), layers.Dense(1024, activation="relu"), layers.Dropout(0.5),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
started = time.perf_counter()
model.fit(x_train, y_train, batch_size=128, epochs=args.epochs, validation_split=args.validation_split,
          verbose=0)
seconds = time.perf_counter() - started
_, accuracy = model.evaluate(x_test, y_test, batch_size=1000, verbose=0)
name = "plain Keras classic-cnn" + ("" if args.padding == "same" else " (valid padding)")
print(json.dumps({"name": f"{name}, {args.epochs} epochs", "train_seconds": seconds,
                  "test_accuracy": float(accuracy), "params": model.count_params(),
                  "validation_split": args.validation_split}))
