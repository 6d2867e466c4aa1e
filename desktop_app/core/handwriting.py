"""A person's own handwriting as a data set: a plain folder anyone can back up, share or inspect.

Layout: ROOT/0 … ROOT/9 hold one PNG per sample (ink dark on white, as drawn), and ROOT/index.json lists
each sample's file, label, creation time and raw strokes. Every write goes to a temporary file in the
same folder and is renamed over its target, so a crash leaves either the old or the new state; a PNG
whose index entry was lost in a crash is picked up again by `samples()`.

Imports keep the same layout: transparency is composited on white (black ink on a transparent
background, as drawing apps export it, stays black ink), and an image that cannot be read or holds no
ink is refused on its own, by name, while the others are imported. Reading the set for measuring or
fine-tuning likewise leaves out (and names) a sample that cannot be read, instead of failing the set.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
from PIL import Image

from desktop_app.core.data import Dataset
from desktop_app.core.errors import DataError, EmptyDrawingError, about_file, file_problem
from desktop_app.core.image_files import decode_image, load_image_file
from desktop_app.core.modelio import atomic_write
from desktop_app.core.texts import QT_TRANSLATE_NOOP, Template

log = logging.getLogger(__name__)

INDEX_NAME = "index.json"
INDEX_VERSION = 1
SKIPPED = Template("errors", "{file}: {reason}")  # a line of a list of skipped files (the same in every language)


@dataclass
class Sample:
    file: str  # relative to the root, e.g. "3/20261125-210501-1a2b3c.png"
    label: int
    created: str = ""
    strokes: list = field(default_factory=list)  # [[[x, y], …], …] in canvas pixels


@dataclass(frozen=True)
class ImportReport:
    """What an import did: how many drawings it added, and each file it skipped as "NAME: why"."""

    added: int
    skipped: tuple[str, ...] = ()


@dataclass
class SetReading:
    """The samples of a set that could be read, preprocessed the MNIST way, and those that could not."""

    dataset: Dataset  # the readable samples as training images, in the order of `samples`
    samples: list[Sample]  # the samples behind dataset.x_train, one for one
    skipped: list[str]  # "FILE: why" for each sample left out (unreadable, or no ink)


class HandwritingSet:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).expanduser()

    # -- reading ---------------------------------------------------------------------------------
    def _read_index(self) -> list[Sample]:
        path = self.root / INDEX_NAME
        if not path.exists():
            return []
        try:
            entries = json.loads(path.read_text())["samples"]
            return [Sample(**entry) for entry in entries]
        except (ValueError, KeyError, TypeError) as error:
            log.warning("%s is unreadable (%s); rebuilding it from the images", path, error)
            return []

    def samples(self) -> list[Sample]:
        """Every sample whose PNG exists, in the order they were added (strays found on disk last)."""
        indexed = [s for s in self._read_index() if (self.root / s.file).is_file()]
        known = {s.file for s in indexed}
        strays = [Sample(f"{digit}/{path.name}", digit)
                  for digit in range(10) if (self.root / str(digit)).is_dir()
                  for path in sorted((self.root / str(digit)).glob("*.png"))
                  if f"{digit}/{path.name}" not in known]
        return indexed + strays

    def counts(self, samples: list[Sample] | None = None) -> list[int]:
        """How many samples of each digit: of the set, or of `samples` (saves reading the set again)."""
        counts = [0] * 10
        for sample in self.samples() if samples is None else samples:
            counts[sample.label] += 1
        return counts

    def image(self, sample: Sample) -> np.ndarray:
        return _grey(load_image_file(self.root / sample.file))

    def read(self, samples: list[Sample] | None = None, name: str = "my handwriting") -> SetReading:
        """All samples (or the given ones, in that order), preprocessed the MNIST way, as training images
        (the test part empty). A sample whose file cannot be read or holds no ink is left out and named
        in `skipped`: one bad file never fails the whole set. DataError when no sample is readable."""
        from desktop_app.core.preprocess import preprocess_to_uint8

        samples = self.samples() if samples is None else list(samples)
        if not samples:
            raise DataError(about_file(self.root, QT_TRANSLATE_NOOP(
                "errors", "the personal data set is empty; store some drawings first")))
        images, kept, skipped = [], [], []
        for sample in samples:
            try:
                images.append(preprocess_to_uint8(self.image(sample)))
            except (DataError, EmptyDrawingError, OSError) as error:
                skipped.append(SKIPPED.format(file=sample.file, reason=_reason(error, self.root / sample.file)))
                continue
            kept.append(sample)
        if skipped:
            log.warning("%s: left out %d drawing(s): %s", self.root, len(skipped), "; ".join(skipped))
        if not kept:
            raise DataError(about_file(self.root, QT_TRANSLATE_NOOP(
                "errors", "none of the {count} drawings can be read ({examples})").format(
                count=len(samples), examples=_examples(skipped))))
        labels = np.array([s.label for s in kept], np.uint8)
        empty = np.zeros((0, 28, 28), np.uint8)
        return SetReading(Dataset(name, np.stack(images), labels, empty, np.zeros(0, np.uint8)), kept, skipped)

    def as_dataset(self, name: str = "my handwriting", samples: list[Sample] | None = None) -> Dataset:
        """The readable samples as a Dataset (see `read`, which also says which samples were left out)."""
        return self.read(samples, name).dataset

    # -- writing ---------------------------------------------------------------------------------
    def _write_index(self, samples: list[Sample]) -> None:
        payload = json.dumps({"version": INDEX_VERSION, "samples": [asdict(s) for s in samples]})
        atomic_write(self.root / INDEX_NAME, lambda path: path.write_text(payload))

    def add(self, drawing: np.ndarray, label: int, strokes: list | None = None) -> Sample:
        """Store a drawing (H×W grey uint8, as the canvas holds it) under its digit; returns the sample."""
        return self._add_all([(drawing, label, strokes)])[0]

    def _add_all(self, items: Iterable[tuple[np.ndarray, int, list | None]]) -> list[Sample]:
        """Store each (drawing, label, strokes), reading and writing the index once for all of them (an
        import of n images would otherwise rewrite it n times). `items` may be a generator; if one fails,
        those stored before it stay indexed and the error propagates."""
        existing = self.samples()  # before the new PNGs exist, or they would count as strays too
        added: list[Sample] = []
        try:
            for drawing, label, strokes in items:
                added.append(self._store_png(drawing, label, strokes))
        finally:
            if added:
                self._write_index([*existing, *added])
        return added

    def _store_png(self, drawing: np.ndarray, label: int, strokes: list | None) -> Sample:
        """Write one drawing's PNG under its digit folder (not yet in the index)."""
        if not 0 <= int(label) <= 9:
            raise ValueError(f"a label must be a digit 0–9, not {label!r}")
        folder = self.root / str(int(label))
        folder.mkdir(parents=True, exist_ok=True)
        now = dt.datetime.now()
        name = f"{now:%Y%m%d-%H%M%S}-{os.urandom(3).hex()}.png"  # 6 random hex digits keep names unique
        picture = Image.fromarray(np.asarray(drawing, np.uint8))
        atomic_write(folder / name, lambda path: picture.save(path, format="PNG"))
        return Sample(f"{int(label)}/{name}", int(label), now.isoformat(timespec="seconds"), strokes or [])

    def remove(self, *samples: Sample | str) -> int:
        """Delete the given samples (Sample objects or their `file` names, e.g. "3/….png"), writing the
        index once for all of them; returns how many of them were in the set. Only files of the set are
        deleted, whatever names are given."""
        files = {s if isinstance(s, str) else s.file for s in samples}
        if not files:
            return 0
        current = self.samples()
        remaining = [s for s in current if s.file not in files]
        self._write_index(remaining)  # first: a crash now leaves strays, which samples() finds again
        for sample in current:
            if sample.file in files:
                (self.root / sample.file).unlink(missing_ok=True)
        return len(current) - len(remaining)

    # -- sharing ---------------------------------------------------------------------------------
    def export_zip(self, target: str | Path) -> Path:
        target = Path(target)
        samples = self.samples()
        self._write_index(samples)  # the archive carries an index that lists every image

        def write(path: Path) -> None:
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(self.root / INDEX_NAME, INDEX_NAME)
                for sample in samples:
                    archive.write(self.root / sample.file, sample.file)

        return atomic_write(target, write)

    def import_zip(self, source: str | Path) -> ImportReport:
        """Add the samples of an exported archive (or any zip of 0–9 folders of PNGs). An entry that
        cannot be read or holds no ink is skipped and named; DataError when nothing could be added."""
        source = Path(source)
        try:
            archive = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError) as error:
            raise DataError(about_file(source, QT_TRANSLATE_NOOP("errors", "not a readable zip archive ({reason})"
                                                                 ).format(reason=str(error)))) from error
        skipped: list[str] = []

        def drawings():
            for member in archive.namelist():
                parts = Path(member).parts
                # Only DIGIT/NAME.png entries, read straight from the archive: nothing is extracted, and
                # entries such as "../x.png" are not even looked at.
                if len(parts) == 2 and parts[0].isdigit() and len(parts[0]) == 1 \
                        and parts[1].lower().endswith(".png") and ".." not in parts:
                    try:
                        with archive.open(member) as stream:
                            drawing = _importable(decode_image(stream, member))
                    except (DataError, EmptyDrawingError, OSError, zipfile.BadZipFile) as error:
                        # bombs, lies, damaged entries and blank images: skipped, by name
                        skipped.append(SKIPPED.format(file=member, reason=_reason(error, member)))
                        log.warning("%s: skipped %s", source, skipped[-1])
                        continue
                    yield drawing, int(parts[0]), None

        with archive:
            added = len(self._add_all(drawings()))
        if not added:
            if skipped:
                raise DataError(about_file(source, NONE_IMPORTED.format(count=len(skipped),
                                                                        examples=_examples(skipped))))
            raise DataError(about_file(source, QT_TRANSLATE_NOOP(
                "errors", "no digit images found (expected folders 0–9 of PNG files)")))
        return ImportReport(added, tuple(skipped))

    def import_folder(self, folder: str | Path) -> ImportReport:
        """Copy every image of a folder with sub-folders 0–9 into the set. An image that cannot be read or
        holds no ink is skipped and named (as "DIGIT/NAME: why"); DataError when images were found but none
        could be added. A folder without such images adds nothing (`added` 0)."""
        from desktop_app.core.data import IMAGE_SUFFIXES

        skipped: list[str] = []

        def drawings():
            for digit in range(10):
                sub = Path(folder) / str(digit)
                for path in sorted(sub.iterdir()) if sub.is_dir() else []:
                    if path.suffix.lower() in IMAGE_SUFFIXES:
                        name = f"{digit}/{path.name}"
                        try:
                            drawing = _importable(load_image_file(path))
                        except (DataError, EmptyDrawingError, OSError) as error:
                            skipped.append(SKIPPED.format(file=name, reason=_reason(error, path)))
                            log.warning("%s: skipped %s", folder, skipped[-1])
                            continue
                        yield drawing, digit, None

        added = len(self._add_all(drawings()))
        if not added and skipped:
            raise DataError(about_file(folder, NONE_IMPORTED.format(count=len(skipped), examples=_examples(skipped))))
        return ImportReport(added, tuple(skipped))


def _grey(picture: np.ndarray) -> np.ndarray:
    """A decoded image (grey, RGB or RGBA uint8) as grey, transparency composited on white: the personal
    set keeps grey drawings, dark ink on white. (Dropping the alpha instead would turn black ink on a
    transparent background, whose transparent pixels are usually black too, into an all-black image.)"""
    picture = np.asarray(picture)
    if picture.ndim == 2:
        return picture
    grey = picture[..., :3].astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    if picture.shape[2] == 4:
        alpha = picture[..., 3].astype(np.float32) / 255.0
        grey = grey * alpha + 255.0 * (1.0 - alpha)
    return np.rint(np.clip(grey, 0, 255)).astype(np.uint8)


def _importable(picture: np.ndarray) -> np.ndarray:
    """A decoded image as the grey drawing an import stores; EmptyDrawingError when it holds no ink.

    Light ink on a transparent background vanishes on white: such an image is stored inverted (its
    colours flipped, then composited on white), so the set keeps dark ink on white throughout."""
    from desktop_app.core.preprocess import preprocess_image

    drawing = _grey(picture)
    try:
        preprocess_image(drawing)
        return drawing
    except EmptyDrawingError:
        if picture.ndim != 3 or picture.shape[2] != 4 or picture[..., 3].min() == 255:
            raise
    inverted = picture.copy()
    inverted[..., :3] = 255 - inverted[..., :3]
    drawing = _grey(inverted)
    preprocess_image(drawing)  # still no ink: EmptyDrawingError
    return drawing


NONE_IMPORTED = QT_TRANSLATE_NOOP("errors", "none of its {count} images could be imported ({examples})")


def _examples(skipped: list[str]) -> str:
    """The first three lines of `skipped` joined by "; ", with " …" when there are more: each line stays
    translatable (the joint is not a text)."""
    shown = skipped[:3]
    joint = Template("errors", "; ".join(f"{{line{index}}}" for index in range(len(shown)))
                     + (" …" if len(skipped) > 3 else ""))  # not marked: nothing in it to translate
    return joint.format(**{f"line{index}": line for index, line in enumerate(shown)})


def _reason(error: Exception, name: str | Path) -> str:
    """Why a file was skipped, without the file's name when the message starts with it already."""
    if isinstance(error, EmptyDrawingError):
        return QT_TRANSLATE_NOOP("errors", "no ink (a blank image)")
    problem = file_problem(error, name)  # "NAME: problem.", translatable: the problem alone
    if problem is not None:
        return problem
    text = str(error).strip() or type(error).__name__
    prefix = f"{name}: "
    if text.startswith(prefix):
        text = text[len(prefix):]
    return text.rstrip(".")


def practice_digit(counts: list[int], previous: int | None = None,
                   rng: np.random.Generator | None = None) -> int:
    """The digit to ask for next: a random one among the least collected, not `previous` when another
    digit is as rare (so practice never asks for the same digit twice in a row unless it must)."""
    rng = rng or np.random.default_rng()
    counts = list(counts) + [0] * (10 - len(counts))
    fewest = min(counts[:10])
    choices = [digit for digit in range(10) if counts[digit] == fewest]
    if previous in choices and len(choices) > 1:
        choices.remove(previous)
    elif choices == [previous]:  # the rarest is the one just drawn: take the next rarest instead
        others = [digit for digit in range(10) if digit != previous]
        second = min(counts[digit] for digit in others)
        if second <= fewest + 1:
            choices = [digit for digit in others if counts[digit] == second]
    return int(rng.choice(choices))
