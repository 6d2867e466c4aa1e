"""Read handwritten digits with a Digit Lab model exported to ONNX, using onnxruntime alone.

    digit-lab export digits.keras --format onnx --out digits.onnx
    pip install onnxruntime numpy Pillow
    python onnx_example.py digits.onnx my-seven.png [more.png …] [--json]

No TensorFlow and no Digit Lab: this file carries its own copy of the preprocessing Digit Lab uses (its
desktop_app/core/preprocess.py), which is how MNIST itself was made:

1. grey levels (desktop_app/core/image_files.py reads 16-bit images too; this reads 8-bit ones); the
   border tells the paper from the ink, so dark ink on light paper and light ink on dark
   both work; ink strength is scaled so the strongest ink is 1;
2. crop to the ink, and scale the longer side to 20 pixels (Lanczos), keeping the aspect ratio;
3. paste it into a 28×28 field so that its centre of mass lies at (14, 14).

The model takes a batch of such images, N×28×28×1 float32 in 0–1 (ink bright), as its input "image" and
answers N×10 probabilities, one per digit 0–9.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np
import onnxruntime
from PIL import Image

FIT_SIZE, FIELD_SIZE, CENTRE = 20, 28, 14.0
MIN_CONTRAST = 0.15  # ink must differ from the paper by this much, or nothing is drawn
INK_THRESHOLD = 0.2  # the share of the strongest ink that counts when cropping


def read_grey(path: str) -> np.ndarray:
    """The image as grey levels in 0–1. Transparent pixels become paper: white behind dark ink, black
    behind light ink."""
    luma = np.array([0.299, 0.587, 0.114], np.float32)
    with Image.open(path) as image:
        image.load()
        if image.mode == "L" and "transparency" not in image.info:
            return np.asarray(image, dtype=np.float32) / 255.0
        if "A" not in image.getbands() and "transparency" not in image.info:
            return (np.asarray(image.convert("RGB"), dtype=np.float32) / 255.0) @ luma
        rgba = np.asarray(image.convert("RGBA"), dtype=np.float32) / 255.0
    grey, alpha = rgba[..., :3] @ luma, rgba[..., 3]
    if alpha.min() < 0.999:
        opaque = alpha > 0.5
        dark_ink = grey[opaque].mean() < 0.5 if opaque.any() else True
        grey = grey * alpha + (1.0 if dark_ink else 0.0) * (1 - alpha)
    return grey


def to_mnist(grey: np.ndarray) -> np.ndarray:
    """Grey levels (any size, either polarity) → a 28×28 float32 field in 0–1, ink bright, MNIST-style."""
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    paper = float(np.median(border))
    ink = (paper - grey) if paper > 0.5 else (grey - paper)
    if ink.max() < MIN_CONTRAST:
        raise ValueError("nothing is drawn: the image holds no ink")
    ink = np.clip(ink / ink.max(), 0.0, 1.0)
    ink[ink < INK_THRESHOLD / 2] = 0.0  # paper grain and sensor noise
    rows = np.flatnonzero((ink >= INK_THRESHOLD).any(axis=1))
    cols = np.flatnonzero((ink >= INK_THRESHOLD).any(axis=0))
    crop = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]

    height, width = crop.shape
    scale = FIT_SIZE / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    digit = Image.fromarray(crop.astype(np.float32)).resize(size, Image.Resampling.LANCZOS)
    digit = np.clip(np.asarray(digit, dtype=np.float32), 0.0, 1.0)

    height, width = digit.shape
    grid_rows, grid_cols = np.mgrid[0:height, 0:width]
    mass = float(digit.sum())
    top = int(np.clip(round(CENTRE - float((digit * grid_rows).sum()) / mass), 0, FIELD_SIZE - height))
    left = int(np.clip(round(CENTRE - float((digit * grid_cols).sum()) / mass), 0, FIELD_SIZE - width))
    field = np.zeros((FIELD_SIZE, FIELD_SIZE), np.float32)
    field[top:top + height, left:left + width] = digit
    return field


def main() -> int:
    parser = argparse.ArgumentParser(description="Read digits in images with an ONNX model from Digit Lab.")
    parser.add_argument("model", help="the .onnx file (digit-lab export MODEL.keras --format onnx --out …)")
    parser.add_argument("images", nargs="+", help="PNG (or JPEG…) images, each of one digit")
    parser.add_argument("--json", action="store_true", help="print [{file, digit, probabilities}] as JSON")
    args = parser.parse_args()

    session = onnxruntime.InferenceSession(args.model, providers=["CPUExecutionProvider"])
    input_name = session.get_inputs()[0].name
    batch = np.stack([to_mnist(read_grey(name)) for name in args.images])[..., None]  # N×28×28×1
    probabilities = session.run(None, {input_name: batch})[0]

    rows = [{"file": name, "digit": int(p.argmax()), "probabilities": [round(float(v), 6) for v in p]}
            for name, p in zip(args.images, probabilities)]
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
    else:
        for row in rows:
            print(f"{row['file']}: {row['digit']} ({max(row['probabilities']):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
