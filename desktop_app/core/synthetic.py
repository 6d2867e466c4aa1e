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


def _lissajous_eight(points: int = 40) -> list[tuple[float, float]]:
    import math

    steps = [2 * math.pi * index / points for index in range(points + 1)]
    return [(0.5 + 0.17 * math.sin(2 * t), 0.5 - 0.3 * math.cos(t)) for t in steps]


def _oval(points: int = 36) -> list[tuple[float, float]]:
    import math

    steps = [2 * math.pi * index / points for index in range(points + 2)]
    return [(0.5 + 0.19 * math.sin(t), 0.5 - 0.3 * math.cos(t)) for t in steps]


# One pen stroke per digit, as fractions of a square canvas (x right, y down): how people draw them.
DRAWN_DIGITS: dict[int, list[tuple[float, float]]] = {
    0: _oval(),
    1: [(0.44, 0.28), (0.52, 0.2), (0.52, 0.8)],
    2: [(0.3, 0.32), (0.38, 0.22), (0.5, 0.18), (0.63, 0.22), (0.68, 0.33), (0.62, 0.46), (0.3, 0.8), (0.72, 0.8)],
    3: [(0.33, 0.28), (0.45, 0.21), (0.6, 0.22), (0.66, 0.31), (0.6, 0.42), (0.48, 0.47), (0.62, 0.52),
        (0.68, 0.63), (0.62, 0.75), (0.47, 0.8), (0.32, 0.75)],
    4: [(0.6, 0.8), (0.6, 0.2), (0.28, 0.6), (0.75, 0.6)],
    5: [(0.68, 0.2), (0.36, 0.2), (0.33, 0.47), (0.5, 0.42), (0.65, 0.5), (0.68, 0.65), (0.6, 0.78),
        (0.45, 0.8), (0.3, 0.74)],
    6: [(0.62, 0.2), (0.45, 0.3), (0.34, 0.5), (0.33, 0.68), (0.42, 0.8), (0.58, 0.8), (0.67, 0.68),
        (0.62, 0.55), (0.48, 0.52), (0.35, 0.6)],
    7: [(0.27, 0.27), (0.45, 0.25), (0.72, 0.24), (0.66, 0.36), (0.58, 0.5), (0.51, 0.64), (0.46, 0.78)],
    8: _lissajous_eight(),
    9: [(0.65, 0.35), (0.55, 0.22), (0.4, 0.22), (0.32, 0.33), (0.38, 0.46), (0.52, 0.47), (0.65, 0.36),
        (0.65, 0.55), (0.62, 0.8)],
}


def drawn_digit(digit: int, pen: int = 18) -> np.ndarray:
    """A digit drawn with one stroke of a round pen on the white 280×280 canvas, dark ink."""
    from PIL import ImageDraw

    image = Image.new("L", (CANVAS, CANVAS), 255)
    draw = ImageDraw.Draw(image)
    points = [(x * CANVAS, y * CANVAS) for x, y in DRAWN_DIGITS[digit]]
    draw.line(points, fill=0, width=pen, joint="curve")
    for x, y in (points[0], points[-1]):
        draw.ellipse((x - pen / 2, y - pen / 2, x + pen / 2, y + pen / 2), fill=0)
    return np.asarray(image)
