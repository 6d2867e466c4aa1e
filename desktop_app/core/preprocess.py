"""A drawing or a photo of a digit → the 28×28×1 float32 image a model reads, the way MNIST was made.

MNIST's recipe: crop to the ink, scale the longer side to 20 px keeping the aspect ratio (anti-aliased),
then paste into a 28×28 field so that the centre of mass lies at the field's centre. The target centre
(14.0, 14.0) in pixel indices is what MNIST's own training digits average. Pure numpy + Pillow.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop_app.core.errors import DataError, EmptyDrawingError
from desktop_app.core.texts import QT_TRANSLATE_NOOP

PREPROCESS_VERSION = 1  # stored with models; bump when the recipe changes what a model sees
FIT_SIZE = 20
FIELD_SIZE = 28
MNIST_CENTRE = 14.0
MIN_CONTRAST = 0.15  # ink must differ from the background by this much (of full scale)
INK_THRESHOLD = 0.2  # fraction of the strongest ink that counts when cropping
NO_INK = QT_TRANSLATE_NOOP("errors", "Nothing is drawn: the image holds no ink.")


@dataclass(frozen=True)
class DrawingAnalysis:
    image: np.ndarray  # 28×28×1 float32 in 0–1
    marks: int  # separate marks of real weight
    scattered: bool  # several marks far apart: probably not one digit


def _luminance(array: np.ndarray) -> np.ndarray:
    """Grey levels in 0–1 for a grey, RGB or RGBA array; transparency is flattened onto a backdrop
    that contrasts with the opaque pixels, so dark ink on transparent and light ink on transparent both work."""
    array = np.asarray(array)
    scale = 255.0 if array.dtype == np.uint8 or array.max(initial=0) > 1.0 else 1.0
    values = array.astype(np.float32) / scale
    if values.ndim == 3 and values.shape[2] == 1:
        values = values[..., 0]
    if values.ndim == 2:
        return values
    if values.ndim != 3 or values.shape[2] not in (3, 4):
        raise DataError(QT_TRANSLATE_NOOP("errors", "an image must be H×W grey or H×W×3/4 colour, not shape {shape}"
                                          ).format(shape=array.shape))
    grey = values[..., :3] @ np.array([0.299, 0.587, 0.114], np.float32)
    if values.shape[2] == 4 and values[..., 3].min() < 0.999:
        alpha = values[..., 3]
        opaque = alpha > 0.5
        ink_is_dark = grey[opaque].mean() < 0.5 if opaque.any() else True
        backdrop = 1.0 if ink_is_dark else 0.0
        grey = grey * alpha + backdrop * (1 - alpha)
    return grey


def ink_map(array: np.ndarray) -> np.ndarray:
    """Ink strength in 0–1 (1 = strongest ink) whatever the polarity: the border tells the background."""
    grey = _luminance(array)
    if grey.size == 0:
        raise EmptyDrawingError(QT_TRANSLATE_NOOP("errors", "The image is empty."))
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    background = float(np.median(border))
    ink = (background - grey) if background > 0.5 else (grey - background)
    strongest = float(ink.max())
    if strongest < MIN_CONTRAST:
        raise EmptyDrawingError(NO_INK)
    return np.clip(ink / strongest, 0.0, 1.0)


def _fit_longer_side(crop: np.ndarray) -> np.ndarray:
    from PIL import Image

    height, width = crop.shape
    scale = FIT_SIZE / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    resized = Image.fromarray(crop.astype(np.float32)).resize(size, Image.Resampling.LANCZOS)
    return np.clip(np.asarray(resized, dtype=np.float32), 0.0, 1.0)


@dataclass(frozen=True)
class Placement:
    """Where the ink of an image lands in the 28×28 field: the one placement step that
    `preprocess_image` pastes with and `inspection.network_field_in_drawing` maps back with."""

    digit: np.ndarray  # the cropped ink fitted into FIT_SIZE px (float32, 0–1)
    crop_top: int  # the crop box in the input's pixels: rows crop_top…crop_bottom-1, likewise columns
    crop_left: int
    crop_bottom: int
    crop_right: int
    top: int  # where `digit` goes in the FIELD_SIZE×FIELD_SIZE field
    left: int

    @property
    def scale_y(self) -> float:
        """Field pixels per input pixel, vertically (the fit rounds each side on its own)."""
        return self.digit.shape[0] / (self.crop_bottom - self.crop_top)

    @property
    def scale_x(self) -> float:
        return self.digit.shape[1] / (self.crop_right - self.crop_left)


def place_ink(array: np.ndarray) -> Placement:
    """Crop to the ink, fit the longer side into 20 px, and place it so the centre of mass lies at
    MNIST_CENTRE. Raises EmptyDrawingError when there is no ink."""
    ink = ink_map(array)
    ink[ink < INK_THRESHOLD / 2] = 0.0  # paper grain and sensor noise
    mask = ink >= INK_THRESHOLD
    if not mask.any():
        raise EmptyDrawingError(NO_INK)
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    bottom, right = int(rows[-1]) + 1, int(cols[-1]) + 1
    digit = _fit_longer_side(ink[rows[0]:bottom, cols[0]:right])
    mass = float(digit.sum())
    if mass <= 0:
        raise EmptyDrawingError(NO_INK)
    height, width = digit.shape
    grid_rows, grid_cols = np.mgrid[0:height, 0:width]
    centre_row = float((digit * grid_rows).sum()) / mass
    centre_col = float((digit * grid_cols).sum()) / mass
    top = int(np.clip(round(MNIST_CENTRE - centre_row), 0, FIELD_SIZE - height))
    left = int(np.clip(round(MNIST_CENTRE - centre_col), 0, FIELD_SIZE - width))
    return Placement(digit, int(rows[0]), int(cols[0]), bottom, right, top, left)


def preprocess_image(array: np.ndarray) -> np.ndarray:
    """Any grey/RGB(A) image, either polarity, any size → 28×28×1 float32 in 0–1, ink bright.

    Raises EmptyDrawingError when there is no ink to classify.
    """
    placement = place_ink(array)
    height, width = placement.digit.shape
    field = np.zeros((FIELD_SIZE, FIELD_SIZE), np.float32)
    field[placement.top:placement.top + height, placement.left:placement.left + width] = placement.digit
    return field[..., None]


def preprocess_to_uint8(array: np.ndarray) -> np.ndarray:
    """preprocess_image as 28×28 uint8 (0–255, ink bright): the layout data sets keep MNIST in."""
    return np.rint(preprocess_image(array)[..., 0] * 255).astype(np.uint8)


def _components(mask: np.ndarray) -> list[np.ndarray]:
    """8-connected components of a small boolean mask, each as an array of (row, col) positions."""
    seen = np.zeros_like(mask, dtype=bool)
    found = []
    height, width = mask.shape
    for start in zip(*np.nonzero(mask)):
        if seen[start]:
            continue
        stack, members = [start], []
        seen[start] = True
        while stack:
            row, col = stack.pop()
            members.append((row, col))
            for d_row in (-1, 0, 1):
                for d_col in (-1, 0, 1):
                    r, c = row + d_row, col + d_col
                    if 0 <= r < height and 0 <= c < width and mask[r, c] and not seen[r, c]:
                        seen[r, c] = True
                        stack.append((r, c))
        found.append(np.array(members))
    return found


def analyse_drawing(array: np.ndarray, min_share: float = 0.08, far_apart: int = 4) -> DrawingAnalysis:
    """Preprocess, and count the marks: several marks of real weight more than `far_apart` px apart
    (in the 28×28 image) are probably not one digit, and the GUI says so instead of asserting one."""
    image = preprocess_image(array)
    plane = image[..., 0]
    total = float(plane.sum())
    marks = [members for members in _components(plane >= 0.25)
             if plane[members[:, 0], members[:, 1]].sum() >= min_share * total]
    scattered = False
    for i, first in enumerate(marks):
        for second in marks[i + 1:]:
            gap_rows = max(first[:, 0].min() - second[:, 0].max(), second[:, 0].min() - first[:, 0].max())
            gap_cols = max(first[:, 1].min() - second[:, 1].max(), second[:, 1].min() - first[:, 1].max())
            if max(gap_rows, gap_cols) > far_apart:
                scattered = True
    return DrawingAnalysis(image, len(marks), scattered)
