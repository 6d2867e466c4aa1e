"""Evaluation, inspection and digit-map results as files a person can open: PNG pictures and CSV tables.

Drawn with Pillow alone, so the CLI needs no plotting library and no display.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from desktop_app.core.embedding import CSV_COLUMNS, DIGIT_COLOURS, MISTAKE_COLOUR, DigitMap
from desktop_app.core.evaluation import EvaluationReport

CELL = 44


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1 has only the small bitmap font
        return ImageFont.load_default()


def write_confusion_csv(report: EvaluationReport, path: Path) -> Path:
    with open(path, "w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["true \\ predicted", *range(10), "accuracy"])
        for digit, row in enumerate(report.confusion):
            writer.writerow([digit, *row.tolist(), f"{report.per_class_accuracy[digit]:.4f}"])
    return path


def write_confusion_png(report: EvaluationReport, path: Path) -> Path:
    """A 10×10 heat map, rows true and columns predicted, with the count in every cell."""
    margin = 60
    size = margin + 10 * CELL + 10
    image = Image.new("RGB", (size, size + 30), "white")
    draw = ImageDraw.Draw(image)
    font, small = _font(16), _font(13)
    off_diagonal = report.confusion * (1 - np.eye(10, dtype=np.int64))
    scale_diag, scale_off = max(report.confusion.max(), 1), max(off_diagonal.max(), 1)
    for true in range(10):
        for predicted in range(10):
            count = int(report.confusion[true, predicted])
            if true == predicted:
                level = count / scale_diag
                colour = (int(255 - 200 * level), int(255 - 90 * level), int(255 - 200 * level))
            else:
                level = count / scale_off
                colour = (255, int(255 - 200 * level), int(255 - 200 * level))
            x, y = margin + predicted * CELL, margin + true * CELL
            draw.rectangle([x, y, x + CELL - 1, y + CELL - 1], fill=colour, outline=(220, 220, 220))
            if count:
                draw.text((x + CELL / 2, y + CELL / 2), str(count), fill="black", font=small, anchor="mm")
    for digit in range(10):
        draw.text((margin + digit * CELL + CELL / 2, margin - 14), str(digit), fill="black", font=font, anchor="mm")
        draw.text((margin - 14, margin + digit * CELL + CELL / 2), str(digit), fill="black", font=font, anchor="mm")
    draw.text((margin + 5 * CELL, 14), "predicted", fill="black", font=font, anchor="mm")
    draw.text((6, margin - 40), "true", fill="black", font=font)
    draw.text((margin, size + 6), f"accuracy {report.accuracy:.2%} on {report.samples} images",
              fill="black", font=font)
    image.save(path)
    return path


def write_mistakes_csv(report: EvaluationReport, path: Path) -> Path:
    with open(path, "w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["index", "true_label", "predicted_label", "confidence"])
        for mistake in report.mistakes:
            writer.writerow([mistake.index, mistake.true_label, mistake.predicted_label,
                             f"{mistake.confidence:.4f}"])
    return path


def write_mistakes_png(report: EvaluationReport, images: np.ndarray, path: Path, columns: int = 8) -> Path:
    """A gallery of the most confident mistakes: each digit with "true → predicted (confidence)"."""
    tile, label = 84, 18
    count = max(len(report.mistakes), 1)
    rows = int(np.ceil(count / columns))
    sheet = Image.new("RGB", (columns * tile, rows * (tile + label)), "white")
    draw = ImageDraw.Draw(sheet)
    font = _font(12)
    for position, mistake in enumerate(report.mistakes):
        row, column = divmod(position, columns)
        digit = Image.fromarray(255 - np.asarray(images[mistake.index]).reshape(28, 28).astype(np.uint8))
        sheet.paste(digit.resize((tile - 8, tile - 8), Image.Resampling.NEAREST).convert("RGB"),
                    (column * tile + 4, row * (tile + label) + 4))
        draw.text((column * tile + tile / 2, row * (tile + label) + tile + 6),
                  f"{mistake.true_label}→{mistake.predicted_label} {mistake.confidence:.0%}",
                  fill=(180, 0, 0), font=font, anchor="mm")
    sheet.save(path)
    return path


def write_grid_png(grid: np.ndarray, path: Path, scale: int = 6) -> Path:
    """A 0–1 grid image (tile_images' output), enlarged without blurring."""
    pixels = (np.clip(grid, 0, 1) * 255).astype(np.uint8)
    image = Image.fromarray(pixels).resize((grid.shape[1] * scale, grid.shape[0] * scale),
                                           Image.Resampling.NEAREST)
    image.save(path)
    return path


def write_history_csv(history: dict[str, list[float]], path: Path) -> Path:
    """Per-epoch metrics as a table: epoch, loss, accuracy, val_loss, val_accuracy."""
    keys = [key for key in ("loss", "accuracy", "val_loss", "val_accuracy") if history.get(key)]
    epochs = max((len(history[key]) for key in keys), default=0)
    with open(path, "w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["epoch", *keys])
        for epoch in range(epochs):
            writer.writerow([epoch + 1, *(f"{history[key][epoch]:.6f}" if epoch < len(history[key]) else ""
                                          for key in keys)])
    return path


def write_map_csv(digit_map: DigitMap, path: Path) -> Path:
    """One row per digit on the map: index (in the test set), true_label, predicted_label, x, y."""
    with open(path, "w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(CSV_COLUMNS)
        for index, true, predicted, x, y in digit_map.rows():
            writer.writerow([index, true, predicted, f"{x:.5f}", f"{y:.5f}"])
    return path


def write_map_png(digit_map: DigitMap, path: Path, size: int = 640) -> Path:
    """The map as a picture: a dot per digit coloured by its true label, mistakes ringed, a legend (drawn
    at twice the size and scaled down, so the dots are round)."""
    k = 2  # supersampling
    margin, legend_height = 20 * k, 34 * k
    full = size * k
    image = Image.new("RGB", (full, full + legend_height), "white")
    draw = ImageDraw.Draw(image)
    points = np.asarray(digit_map.points, np.float64)
    low, high = (points.min(axis=0), points.max(axis=0)) if len(points) else (np.zeros(2), np.ones(2))
    scale = (full - 2 * margin) / np.maximum(high - low, 1e-9)
    pixels = np.column_stack([margin + (points[:, 0] - low[0]) * scale[0],
                              full - margin - (points[:, 1] - low[1]) * scale[1]])  # y up, as on screen
    dot, ring = 2.6 * k, 6 * k
    for (x, y), label in zip(pixels, digit_map.labels):
        draw.ellipse([x - dot, y - dot, x + dot, y + dot], fill=DIGIT_COLOURS[int(label) % 10])
    for x, y in pixels[digit_map.mistakes]:
        draw.ellipse([x - ring, y - ring, x + ring, y + ring], outline=MISTAKE_COLOUR, width=2 * k)
    font = _font(14 * k)
    x, middle = margin, full + 17 * k
    for digit, colour in enumerate(DIGIT_COLOURS):
        draw.ellipse([x, middle - 5 * k, x + 10 * k, middle + 5 * k], fill=colour)
        draw.text((x + 14 * k, middle), str(digit), fill="black", font=font, anchor="lm")
        x += 40 * k
    draw.ellipse([x, middle - 7 * k, x + 14 * k, middle + 7 * k], outline=MISTAKE_COLOUR, width=2 * k)
    draw.text((x + 18 * k, middle), f"mistake ({int(digit_map.mistakes.sum())} of {len(points)})",
              fill="black", font=font, anchor="lm")
    image.resize((size, size + legend_height // k), Image.Resampling.LANCZOS).save(path)
    return path
