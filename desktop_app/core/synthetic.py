"""A stand-in for a person's handwriting, made from MNIST digits: slanted, thick, drawn large in dark
ink on a white 280×280 canvas, as the drawing canvas stores them. For demos, tests and benchmarks of
fine-tuning, where no real person is at hand."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

CANVAS = 280


def personal_style(digit: np.ndarray, slant: float = 1.0, thickness: int = 15,
                   rng: np.random.Generator | None = None) -> np.ndarray:
    """One MNIST digit (28×28 uint8, ink bright) → a 280×280 drawing in a consistent personal style."""
    rng = rng or np.random.default_rng(0)
    size = int(rng.integers(150, 230))
    big = Image.fromarray(digit).resize((size, size), Image.Resampling.BILINEAR)
    # Affine maps output (x, y) to input (x + slant·(y − centre), y): a forward-leaning slant.
    sheared = big.transform(big.size, Image.Transform.AFFINE,
                            (1, slant, -slant * size / 2, 0, 1, 0), Image.Resampling.BILINEAR)
    thick = sheared.filter(ImageFilter.MaxFilter(thickness))
    canvas = Image.new("L", (CANVAS, CANVAS), 0)
    top, left = (int(v) for v in rng.integers(0, CANVAS - size, 2))
    canvas.paste(thick, (left, top))
    return 255 - np.asarray(canvas)


def personal_style_set(digits: np.ndarray, seed: int = 0, **style) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [personal_style(digit, rng=rng, **style) for digit in digits]
