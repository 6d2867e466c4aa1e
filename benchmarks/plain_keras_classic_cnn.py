"""The baseline: a plain Keras script of the classic two-convolution CNN (Adam, batch 128, 3 epochs).

Prints one JSON line: training wall time and MNIST test accuracy. Run by train_speed_accuracy.py.
"""

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402

data = np.load(Path(__file__).resolve().parents[1] / "resources" / "mnist.npz")
x_train = data["x_train"][..., None].astype("float32") / 255
x_test = data["x_test"][..., None].astype("float32") / 255
y_train, y_test = data["y_train"], data["y_test"]

keras.utils.set_random_seed(int(sys.argv[1]) if len(sys.argv) > 1 else 42)
model = keras.Sequential([
    keras.Input((28, 28, 1)),
    layers.Conv2D(32, 5, padding="same", activation="relu"), layers.MaxPooling2D(),
    layers.Conv2D(64, 5, padding="same", activation="relu"), layers.MaxPooling2D(),
    layers.Flatten(), layers.Dense(1024, activation="relu"), layers.Dropout(0.5),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
started = time.perf_counter()
model.fit(x_train, y_train, batch_size=128, epochs=3, validation_split=0.1, verbose=0)
seconds = time.perf_counter() - started
_, accuracy = model.evaluate(x_test, y_test, batch_size=1000, verbose=0)
print(json.dumps({"name": "plain Keras classic-cnn, 3 epochs", "train_seconds": seconds,
                  "test_accuracy": float(accuracy)}))
