"""tf.data pipelines from uint8 image arrays: scaling, seeded shuffling, batching, augmentation."""

from __future__ import annotations

import os

import numpy as np

from desktop_app.core.augmentation import AugmentationSettings, augment_batch

PARALLEL_BATCHES = max(1, min(4, os.cpu_count() or 1))  # batches augmented at once


def split_validation(images: np.ndarray, labels: np.ndarray, fraction: float, seed: int):
    """A seeded random split into (train images, train labels, validation images, validation labels)."""
    if not 0 <= fraction < 1:
        raise ValueError(f"the validation split must be at least 0 and below 1, not {fraction}")
    order = np.random.default_rng(seed).permutation(len(images))
    held_out = int(round(len(images) * fraction))
    train_idx, val_idx = order[held_out:], order[:held_out]
    return images[train_idx], labels[train_idx], images[val_idx], labels[val_idx]


def to_float_images(images: np.ndarray) -> np.ndarray:
    """uint8 (N, 28, 28) → float32 (N, 28, 28, 1) in 0–1, the input every model takes."""
    return (images.astype(np.float32) / 255.0)[..., None]


def make_dataset(images: np.ndarray, labels: np.ndarray, batch_size: int, *, shuffle: bool,
                 seed: int, augment: bool, augmentation: AugmentationSettings | None = None):
    """A tf.data.Dataset of (images, labels) batches, reshuffled and re-augmented every epoch."""
    import tensorflow as tf

    dataset = tf.data.Dataset.from_tensor_slices((images, labels.astype(np.int32)))
    if shuffle:
        dataset = dataset.shuffle(len(images), seed=seed, reshuffle_each_iteration=True)
    dataset = dataset.batch(batch_size)
    # The mapped functions hold no Python control flow on tensors, so AutoGraph has nothing to convert;
    # skipping its conversion made building this pipeline 1.4–2.9 s faster here (0.4–0.9 s instead of
    # 1.8–3.8 s with augmentation, 2 cores under load), time that came before the first batch.
    do_not_convert = tf.autograph.experimental.do_not_convert
    dataset = dataset.map(do_not_convert(lambda x, y: (tf.cast(x, tf.float32)[..., None] / 255.0, y)))
    if augment:
        settings = augmentation or AugmentationSettings()
        # One random pair per batch drives stateless ops: the same seed gives the same epochs.
        seeds = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True).batch(2)
        dataset = tf.data.Dataset.zip((dataset, seeds)).map(
            do_not_convert(lambda batch, pair: (augment_batch(batch[0], pair, settings), batch[1])),
            num_parallel_calls=PARALLEL_BATCHES)
    # Fixed parallelism, autotuning off: with it on, deleting the iterator at the end of fit waited for the
    # autotuning thread, 4.4 s in 2 of 6 runs here, and the batches ran no faster
    # (benchmarks/pipeline_teardown.py).
    options = tf.data.Options()
    options.autotune.enabled = False
    return dataset.prefetch(2).with_options(options)
