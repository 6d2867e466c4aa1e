"""The end of a training run with tf.data autotuning on and off.

With autotuning on, deleting the training iterator at the end of `fit` sometimes waited about 5 s for
the autotuning thread; `core.pipeline.make_dataset` now turns autotuning off. This prints, for both, the
time of the batches (first to last batch) and the tail (from Keras' on_train_end to `train` returning),
each run a fresh process training the default preset one epoch, the two variants alternating.

    python benchmarks/pipeline_teardown.py [--images 12000] [--runs 5]
"""

import argparse
import json
import statistics
import subprocess
import sys
import time


def autotuned_dataset(images, labels, batch_size, *, shuffle, seed, augment, augmentation=None):
    """`core.pipeline.make_dataset` as it was: AUTOTUNE parallelism and prefetch, autotuning on."""
    import numpy as np
    import tensorflow as tf

    from desktop_app.core.augmentation import AugmentationSettings, augment_batch

    dataset = tf.data.Dataset.from_tensor_slices((images, labels.astype(np.int32)))
    if shuffle:
        dataset = dataset.shuffle(len(images), seed=seed, reshuffle_each_iteration=True)
    dataset = dataset.batch(batch_size).map(lambda x, y: (tf.cast(x, tf.float32)[..., None] / 255.0, y))
    if augment:
        settings = augmentation or AugmentationSettings()
        seeds = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True).batch(2)
        dataset = tf.data.Dataset.zip((dataset, seeds)).map(
            lambda batch, pair: (augment_batch(batch[0], pair, settings), batch[1]),
            num_parallel_calls=tf.data.AUTOTUNE)
    return dataset.prefetch(tf.data.AUTOTUNE)


def child(images: int, autotune: bool) -> dict:
    from desktop_app.core.tensorflow_runtime import import_tensorflow

    import_tensorflow()
    import keras

    from desktop_app.core import pipeline, training

    if autotune:
        pipeline.make_dataset = autotuned_dataset
    stamps = {}

    class Stamps(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            stamps.setdefault("first", time.perf_counter())
            stamps["last"] = time.perf_counter()

        def on_train_end(self, logs=None):
            stamps["train_end"] = time.perf_counter()

    standard = training._standard_callbacks
    training._standard_callbacks = lambda config: standard(config) + [Stamps()]
    result = training.train(training.TrainConfig(epochs=1, train_limit=images, device="cpu"))
    returned = time.perf_counter()
    return {"batches": stamps["last"] - stamps["first"], "tail": returned - stamps["train_end"],
            "seconds": result.seconds}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=12000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["on", "off"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.images, args.child == "on")))
        return
    runs = {"on": [], "off": []}
    for _ in range(args.runs):
        for variant in ("on", "off"):
            command = [sys.executable, __file__, "--child", variant, "--images", str(args.images)]
            output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            runs[variant].append(json.loads(output.strip().splitlines()[-1]))
    print(f"command: python benchmarks/pipeline_teardown.py --images {args.images} --runs {args.runs}")
    for variant, label in (("on", "autotuning on (before)"), ("off", "autotuning off (now)")):
        tails = [run["tail"] for run in runs[variant]]
        print(f"{label}: batches median {statistics.median(run['batches'] for run in runs[variant]):.2f} s; "
              f"tail median {statistics.median(tails):.2f} s, max {max(tails):.2f} s, "
              f"{sum(tail > 1 for tail in tails)} of {len(tails)} over 1 s; whole run median "
              f"{statistics.median(run['seconds'] for run in runs[variant]):.2f} s")


if __name__ == "__main__":
    main()
