"""Decoding image files: the one place every image read goes through (predict, data folders, the
personal set and its zip import).

The pixel count is checked from the header before any pixel is decoded, so a decompression bomb or a
header that lies about its size is refused in one line naming the file instead of filling memory or
ending in Pillow's traceback. 16-bit and float images are scaled to 0–255 here, because Pillow's own
conversion to 8 bits clips them to pure black and white.
"""

from __future__ import annotations

import struct
import warnings
import zlib
from pathlib import Path
from typing import BinaryIO

import numpy as np

from desktop_app.core.errors import DataError, about_file
from desktop_app.core.safe_files import require_regular_file
from desktop_app.core.texts import QT_TRANSLATE_NOOP

MAX_PIXELS = 16_000_000  # 16 megapixels: far above any drawing or phone photo of a digit
READY_MODES = ("L", "RGB", "RGBA")
TRANSPARENCY_MODES = ("1", "L", "P", "RGB")  # modes whose transparency is a colour in image.info, not a band

# What Pillow raises for files that are not images, are cut short or lie in their headers.
# (PNG's plugin raises SyntaxError and struct.error for broken chunks.)
_DECODE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, struct.error, zlib.error, IndexError)


def load_image_file(path: str | Path) -> np.ndarray:
    """An image file as a uint8 array (H×W grey, or H×W×3/4 colour), or one DataError naming it."""
    path = require_regular_file(path)  # a pipe would hang Image.open
    return decode_image(path, str(path))


def decode_image(source: str | Path | BinaryIO, name: str) -> np.ndarray:
    """An image from a path or an open binary stream (a zip member), as a uint8 array; `name` is what
    an error message calls it."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            # Pillow warns from 89 MP on; the cap below refuses long before that
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise DataError(about_file(name, QT_TRANSLATE_NOOP(
                        "errors", "the image is {width}×{height} pixels ({megapixels:.0f} megapixels); Digit Lab "
                                  "reads images of at most {limit} megapixels").format(
                        width=width, height=height, megapixels=width * height / 1e6, limit=MAX_PIXELS // 1_000_000)))
                image.load()
                return as_8bit(image)
    except FileNotFoundError:
        raise DataError(about_file(name, QT_TRANSLATE_NOOP("errors", "no such file"))) from None
    except DataError:
        raise
    except Image.DecompressionBombError as error:  # Pillow's own limit, checked inside Image.open
        raise DataError(about_file(name, QT_TRANSLATE_NOOP(
            "errors", "the image is too large to read safely (over {megapixels:.0f} megapixels); Digit Lab reads "
                      "images of at most {limit} megapixels").format(
            megapixels=2 * Image.MAX_IMAGE_PIXELS / 1e6, limit=MAX_PIXELS // 1_000_000))) from error
    except _DECODE_ERRORS as error:
        raise DataError(about_file(name, QT_TRANSLATE_NOOP("errors", "not a readable image ({reason})").format(
            reason=str(error)))) from error


def as_8bit(image) -> np.ndarray:
    """A loaded Pillow image as a uint8 array in L, RGB or RGBA layout (RGBA whenever it has transparency:
    an alpha band, as in LA and RGBA, or a transparent colour, as palette PNGs often have).

    16-bit grey ("I;16…", and "I", which Pillow uses for 16-bit files too) is scaled from 0–65535, or
    from its own maximum when it exceeds that; float ("F") from 0–1 when it stays within 1, otherwise
    it is taken as 0–255.
    """
    if image.mode in TRANSPARENCY_MODES and image.info.get("transparency") is not None:
        # a palette, grey or RGB PNG with a transparent colour (tRNS): keep it as alpha, or the
        # transparent pixels take their stored colour (often black, and a drawing turns all black)
        return np.asarray(image.convert("RGBA"))
    if image.mode in READY_MODES:
        return np.asarray(image)
    if image.mode == "I" or image.mode.startswith("I;16"):
        values = np.asarray(image).astype(np.float64)
        full = max(65535.0, float(values.max(initial=0)))
        return np.rint(np.clip(values, 0, None) * (255.0 / full)).astype(np.uint8)
    if image.mode == "F":
        values = np.nan_to_num(np.asarray(image, np.float64), nan=0.0, posinf=0.0, neginf=0.0)
        scale = 255.0 if values.max(initial=0) <= 1.0 else 1.0
        return np.rint(np.clip(values * scale, 0, 255)).astype(np.uint8)
    return np.asarray(image.convert("RGBA" if "A" in image.getbands() else "RGB"))
