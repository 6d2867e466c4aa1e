"""Drawings that are not one digit, made by code: what a user draws when they test the network, or
draw badly. Letters (in a font and by "hand"), scribbles, shapes, two digits side by side, dots and
filled blobs, each on a white 280×280 canvas in dark ink, as the drawing canvas stores a drawing.

Each kind is drawn from a seed, so a tuning set and a held-out set are two seeds; `HELD_OUT_KINDS`
are kinds never used for tuning, to show how the verdict holds on what it never saw. Letters that are
routinely written like digits (O, I, l, S, Z, B, G, q …) are left out: reading them as digits is right.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFont

CANVAS = 280

# Letter skeletons on a unit box (x right, y down): each letter a list of strokes, each a list of points.
_HAND_LETTERS: dict[str, list[list[tuple[float, float]]]] = {
    "A": [[(0, 1), (0.5, 0), (1, 1)], [(0.25, 0.55), (0.75, 0.55)]],
    "E": [[(0.9, 0), (0.1, 0), (0.1, 1), (0.9, 1)], [(0.1, 0.5), (0.7, 0.5)]],
    "F": [[(0.9, 0), (0.1, 0), (0.1, 1)], [(0.1, 0.5), (0.7, 0.5)]],
    "H": [[(0.1, 0), (0.1, 1)], [(0.9, 0), (0.9, 1)], [(0.1, 0.5), (0.9, 0.5)]],
    "K": [[(0.15, 0), (0.15, 1)], [(0.9, 0), (0.15, 0.55)], [(0.4, 0.4), (0.9, 1)]],
    "M": [[(0, 1), (0.1, 0), (0.5, 0.6), (0.9, 0), (1, 1)]],
    "N": [[(0.1, 1), (0.1, 0), (0.9, 1), (0.9, 0)]],
    "R": [[(0.15, 1), (0.15, 0), (0.7, 0), (0.85, 0.15), (0.85, 0.35), (0.7, 0.5), (0.15, 0.5)],
          [(0.45, 0.5), (0.9, 1)]],
    "U": [[(0.1, 0), (0.1, 0.75), (0.3, 1), (0.7, 1), (0.9, 0.75), (0.9, 0)]],
    "V": [[(0, 0), (0.5, 1), (1, 0)]],
    "W": [[(0, 0), (0.25, 1), (0.5, 0.35), (0.75, 1), (1, 0)]],
    "X": [[(0, 0), (1, 1)], [(1, 0), (0, 1)]],
    "Y": [[(0, 0), (0.5, 0.5), (1, 0)], [(0.5, 0.5), (0.5, 1)]],
    "C": [[(0.9, 0.15), (0.6, 0), (0.3, 0.05), (0.1, 0.35), (0.1, 0.65), (0.3, 0.95), (0.6, 1), (0.9, 0.85)]],
    "P": [[(0.15, 1), (0.15, 0), (0.7, 0), (0.9, 0.15), (0.9, 0.35), (0.7, 0.5), (0.15, 0.5)]],
    "W2": [[(0, 0.1), (0.2, 1), (0.5, 0.2), (0.8, 1), (1, 0.1)]],
}
FONT_LETTERS = "ACEFHKMNPRUVWXYaefhkmnrtuvwxy#@&%?"


def _canvas() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (CANVAS, CANVAS), 255)
    return image, ImageDraw.Draw(image)


def _pen(rng: np.random.Generator) -> int:
    return int(rng.integers(9, 24))


def _box(rng: np.random.Generator, low: float = 0.35, high: float = 0.8) -> tuple[float, float, float, float]:
    """A random box (left, top, width, height) on the canvas, as people draw: not always centred."""
    width = rng.uniform(low, high) * CANVAS
    height = rng.uniform(low, high) * CANVAS
    left = rng.uniform(0.05 * CANVAS, CANVAS - width - 0.05 * CANVAS)
    top = rng.uniform(0.05 * CANVAS, CANVAS - height - 0.05 * CANVAS)
    return left, top, width, height


def _polyline(draw: ImageDraw.ImageDraw, points, width: int) -> None:
    points = [tuple(map(float, point)) for point in points]
    draw.line(points, fill=0, width=width, joint="curve")
    for x, y in (points[0], points[-1]):  # round pen ends, as the canvas' pen
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=0)


def _jitter(points, rng: np.random.Generator, amount: float) -> list[tuple[float, float]]:
    return [(x + rng.normal(0, amount), y + rng.normal(0, amount)) for x, y in points]


def hand_letter(rng: np.random.Generator) -> np.ndarray:
    letter = list(_HAND_LETTERS)[int(rng.integers(len(_HAND_LETTERS)))]
    image, draw = _canvas()
    left, top, width, height = _box(rng, 0.4, 0.75)
    slant = rng.uniform(-0.25, 0.25)
    width_px = _pen(rng)
    for stroke in _HAND_LETTERS[letter]:
        points = [(left + (x + slant * (1 - y)) * width * 0.85, top + y * height) for x, y in stroke]
        _polyline(draw, _jitter(points, rng, 0.02 * CANVAS), width_px)
    return np.asarray(image)


def _fonts() -> list:
    """Pillow's own scalable font (always there), and DejaVu where the system has it."""
    fonts = []
    for name in ("DejaVuSans.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSans-Oblique.ttf"):
        try:
            fonts.append(lambda size, name=name: ImageFont.truetype(name, size))
            fonts[-1](10)
        except OSError:
            fonts.pop()
    fonts.append(lambda size: ImageFont.load_default(size))
    return fonts


def font_letter(rng: np.random.Generator) -> np.ndarray:
    fonts = _fonts()
    font = fonts[int(rng.integers(len(fonts)))](int(rng.integers(110, 220)))
    letter = FONT_LETTERS[int(rng.integers(len(FONT_LETTERS)))]
    image, draw = _canvas()
    box = draw.textbbox((0, 0), letter, font=font)
    x = (CANVAS - (box[2] - box[0])) / 2 - box[0] + rng.uniform(-30, 30)
    y = (CANVAS - (box[3] - box[1])) / 2 - box[1] + rng.uniform(-30, 30)
    draw.text((x, y), letter, fill=0, font=font)
    return np.asarray(image)


def scribble(rng: np.random.Generator) -> np.ndarray:
    """A tangle: a smooth random walk that turns a lot and crosses itself."""
    image, draw = _canvas()
    left, top, width, height = _box(rng, 0.5, 0.85)
    position = np.array([left + width / 2, top + height / 2])
    heading, turn = rng.uniform(0, 2 * math.pi), 0.0
    points = [tuple(position)]
    for _ in range(int(rng.integers(40, 120))):
        turn = 0.8 * turn + rng.normal(0, 0.35)
        heading += turn
        position = position + 9 * np.array([math.cos(heading), math.sin(heading)])
        position = np.clip(position, [left, top], [left + width, top + height])
        points.append(tuple(position))
    _polyline(draw, points, _pen(rng))
    return np.asarray(image)


def _star(rng, cx, cy, r):
    tips = int(rng.integers(5, 8))
    start = rng.uniform(0, 2 * math.pi)
    points = []
    for index in range(2 * tips + 1):
        radius = r if index % 2 == 0 else r * rng.uniform(0.35, 0.5)
        angle = start + index * math.pi / tips
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return [points]


def _heart(rng, cx, cy, r):
    t = np.linspace(0, 2 * math.pi, 60)
    x = 16 * np.sin(t) ** 3
    y = -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t))
    return [list(zip(cx + x * r / 17, cy + y * r / 17))]


def _triangle(rng, cx, cy, r):
    start = rng.uniform(0, 2 * math.pi)
    return [[(cx + r * math.cos(start + k * 2 * math.pi / 3), cy + r * math.sin(start + k * 2 * math.pi / 3))
             for k in range(4)]]


def _square(rng, cx, cy, r):
    return [[(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r), (cx - r, cy - r)]]


def _smiley(rng, cx, cy, r):
    t = np.linspace(0, 2 * math.pi, 50)
    face = list(zip(cx + r * np.cos(t), cy + r * np.sin(t)))
    s = np.linspace(0.2 * math.pi, 0.8 * math.pi, 20)
    mouth = list(zip(cx + 0.55 * r * np.cos(s), cy + 0.55 * r * np.sin(s)))
    eyes = [[(cx - 0.35 * r, cy - 0.3 * r), (cx - 0.35 * r, cy - 0.25 * r)],
            [(cx + 0.35 * r, cy - 0.3 * r), (cx + 0.35 * r, cy - 0.25 * r)]]
    return [face, mouth, *eyes]


def _spiral(rng, cx, cy, r):
    t = np.linspace(0, rng.uniform(3, 5) * 2 * math.pi, 120)
    radius = r * t / t[-1]
    return [list(zip(cx + radius * np.cos(t), cy + radius * np.sin(t)))]


def _house(rng, cx, cy, r):
    return [[(cx - r, cy), (cx - r, cy + r), (cx + r, cy + r), (cx + r, cy), (cx - r, cy), (cx, cy - r),
             (cx + r, cy)]]


def _arrow(rng, cx, cy, r):
    return [[(cx - r, cy), (cx + r, cy)], [(cx + 0.4 * r, cy - 0.5 * r), (cx + r, cy), (cx + 0.4 * r, cy + 0.5 * r)]]


SHAPES = {"star": _star, "heart": _heart, "triangle": _triangle, "square": _square, "smiley": _smiley,
          "spiral": _spiral, "house": _house, "arrow": _arrow}


def shape(rng: np.random.Generator, names: tuple[str, ...] | None = None) -> np.ndarray:
    names = names or tuple(SHAPES)
    name = names[int(rng.integers(len(names)))]
    image, draw = _canvas()
    r = rng.uniform(0.2, 0.38) * CANVAS
    cx, cy = (rng.uniform(r + 10, CANVAS - r - 10) for _ in range(2))
    width = _pen(rng)
    for stroke in SHAPES[name](rng, cx, cy, r):
        _polyline(draw, _jitter(stroke, rng, 0.01 * CANVAS), width)
    return np.asarray(image)


def dot(rng: np.random.Generator) -> np.ndarray:
    image, draw = _canvas()
    r = rng.uniform(4, 16)
    x, y = rng.uniform(40, CANVAS - 40, 2)
    draw.ellipse((x - r, y - r, x + r, y + r), fill=0)
    return np.asarray(image)


def blob(rng: np.random.Generator) -> np.ndarray:
    """A filled block or disk: someone colouring in."""
    image, draw = _canvas()
    left, top, width, height = _box(rng, 0.3, 0.8)
    box = (left, top, left + width, top + height)
    (draw.rectangle if rng.random() < 0.5 else draw.ellipse)(box, fill=0)
    return np.asarray(image)


def _digit_stroke_image(digit: np.ndarray, size: int) -> Image.Image:
    """An MNIST digit (ink bright) as dark ink on white, `size` px square."""
    return Image.fromarray(255 - digit).resize((size, size), Image.Resampling.BILINEAR)


def two_digits(rng: np.random.Generator, digits: np.ndarray) -> np.ndarray:
    image, _ = _canvas()
    size = int(rng.integers(110, 140))
    picks = rng.choice(len(digits), 2, replace=False)
    top = int(rng.integers(20, CANVAS - size - 20))
    gap = int(rng.integers(-10, 15))
    left = max(0, (CANVAS - 2 * size - gap) // 2)
    for index, pick in enumerate(picks):
        piece = _digit_stroke_image(digits[pick], size)
        image.paste(Image.fromarray(np.minimum(np.asarray(image.crop(
            (left + index * (size + gap), top, left + index * (size + gap) + size, top + size))),
            np.asarray(piece))), (left + index * (size + gap), top))
    return np.asarray(image)


Maker = Callable[[np.random.Generator], np.ndarray]
KINDS = ("letters (font)", "letters (hand)", "scribbles", "shapes", "two digits", "dots", "blobs")
# Kinds a tuning step never sees: the held-out figures for them show the verdict on the unfamiliar.
HELD_OUT_KINDS = ("letters (font)", "two digits")


def makers(digits: np.ndarray | None = None) -> dict[str, Maker]:
    """One maker per kind; "two digits" needs MNIST digits (N×28×28, ink bright) to draw from."""
    table: dict[str, Maker] = {
        "letters (font)": font_letter, "letters (hand)": hand_letter, "scribbles": scribble, "shapes": shape,
        "dots": dot, "blobs": blob,
    }
    if digits is not None:
        table["two digits"] = lambda rng: two_digits(rng, digits)
    return table


def make_non_digits(kind: str, count: int, seed: int, digits: np.ndarray | None = None) -> np.ndarray:
    """`count` drawings of one kind (count×280×280 uint8, dark ink on white), reproducible from `seed`."""
    maker = makers(digits)[kind]
    rng = np.random.default_rng(seed)
    return np.stack([maker(rng) for _ in range(count)]) if count else np.zeros((0, CANVAS, CANVAS), np.uint8)
