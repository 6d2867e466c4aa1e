"""Random changes to training images that real drawings show: shifts, rotations, scale, stroke thickness.

Pure TensorFlow ops on a batch (B, 28, 28, 1) in 0–1, run inside the tf.data pipeline so they overlap
with training. One projective transform per image does shift, rotation and scale in one resampling.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class AugmentationSettings:
    max_shift: float = 2.0  # pixels
    max_rotation: float = 12.0  # degrees
    scale_range: tuple[float, float] = (0.85, 1.1)
    thinner_probability: float = 0.1  # 2×2 erosion
    thicker_probability: float = 0.15  # 2×2 dilation
    much_thicker_probability: float = 0.2  # 3×3 dilation: a felt pen on a small drawing


def augment_batch(images, seed, settings: AugmentationSettings = AugmentationSettings()):
    """Augment a batch; `seed` is a shape-(2,) int tensor, so the same seed gives the same batch."""
    import tensorflow as tf

    batch = tf.shape(images)[0]
    seeds = tf.random.experimental.stateless_split(seed, num=5)

    def uniform(index, low, high):
        return tf.random.stateless_uniform([batch], seeds[index], low, high)

    angle = uniform(0, -1.0, 1.0) * (settings.max_rotation * math.pi / 180)
    scale = uniform(1, *settings.scale_range)
    shift = tf.random.stateless_uniform([batch, 2], seeds[2], -settings.max_shift, settings.max_shift)
    # Output pixel (x, y) samples input M·(p − c − t) + c: rotate and scale about the image centre c.
    cos, sin = tf.cos(angle) / scale, tf.sin(angle) / scale
    centre = 13.5
    px, py = centre + shift[:, 0], centre + shift[:, 1]
    zeros = tf.zeros_like(cos)
    transforms = tf.stack(
        [cos, sin, centre - cos * px - sin * py,
         -sin, cos, centre + sin * px - cos * py, zeros, zeros], axis=1)
    moved = tf.raw_ops.ImageProjectiveTransformV3(
        images=images, transforms=transforms, output_shape=tf.constant([28, 28]),
        fill_value=0.0, interpolation="BILINEAR", fill_mode="CONSTANT")

    thinner = -tf.nn.max_pool2d(-moved, 2, 1, "SAME")
    thicker = tf.nn.max_pool2d(moved, 2, 1, "SAME")
    much_thicker = tf.nn.max_pool2d(moved, 3, 1, "SAME")
    choice = uniform(3, 0.0, 1.0)[:, None, None, None]
    first = settings.thinner_probability
    second = first + settings.thicker_probability
    third = second + settings.much_thicker_probability
    return tf.where(choice < first, thinner,
                    tf.where(choice < second, thicker, tf.where(choice < third, much_thicker, moved)))
