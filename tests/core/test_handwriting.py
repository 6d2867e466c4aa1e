import json
import zipfile

import numpy as np
import pytest
from PIL import Image

from desktop_app.core.errors import DataError
from desktop_app.core.handwriting import INDEX_NAME, HandwritingSet, ImportReport
from desktop_app.core.synthetic import personal_style


@pytest.fixture()
def drawings(mnist):
    return [(personal_style(mnist.x_test[i]), int(mnist.y_test[i])) for i in range(12)]


def test_samples_round_trip_through_the_folder_format(tmp_path, drawings):
    store = HandwritingSet(tmp_path / "me")
    strokes = [[[10, 10], [50, 60]]]
    for drawing, label in drawings:
        store.add(drawing, label, strokes)
    again = HandwritingSet(tmp_path / "me")  # a fresh object reads only the folder
    samples = again.samples()
    assert [s.label for s in samples] == [label for _, label in drawings]
    assert all((tmp_path / "me" / s.file).parent.name == str(s.label) for s in samples)
    np.testing.assert_array_equal(again.image(samples[0]), drawings[0][0])
    assert samples[0].strokes == strokes
    assert sum(again.counts()) == 12
    dataset = again.as_dataset()
    assert dataset.x_train.shape == (12, 28, 28) and dataset.x_train.max() > 200  # preprocessed, ink bright


def test_an_interrupted_write_leaves_the_set_readable(tmp_path, drawings, monkeypatch):
    store = HandwritingSet(tmp_path)
    store.add(*drawings[0])
    index_before = (tmp_path / INDEX_NAME).read_text()

    def crash(*args, **kwargs):
        raise OSError("power cut")

    monkeypatch.setattr("desktop_app.core.handwriting.os.replace", crash)
    with pytest.raises(OSError):
        store.add(*drawings[1])
    monkeypatch.undo()
    assert (tmp_path / INDEX_NAME).read_text() == index_before
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()]  # no temporary file left behind
    assert len(HandwritingSet(tmp_path).samples()) == 1


def test_an_image_whose_index_entry_was_lost_is_recovered(tmp_path, drawings):
    store = HandwritingSet(tmp_path)
    store.add(*drawings[0])
    (tmp_path / "4").mkdir(exist_ok=True)
    Image.fromarray(drawings[1][0]).save(tmp_path / "4" / "stray.png")
    (tmp_path / INDEX_NAME).write_text("{ truncated")  # a corrupt index is rebuilt from the images
    labels = sorted(s.label for s in store.samples())
    assert labels == sorted([drawings[0][1], 4])


def test_removing_a_sample_deletes_its_file(tmp_path, drawings):
    store = HandwritingSet(tmp_path)
    first = store.add(*drawings[0])
    store.add(*drawings[1])
    store.remove(first)
    assert not (tmp_path / first.file).exists()
    assert [s.file for s in store.samples()] != [first.file] and len(store.samples()) == 1


def test_export_and_import_a_zip(tmp_path, drawings):
    source = HandwritingSet(tmp_path / "a")
    for drawing, label in drawings[:5]:
        source.add(drawing, label)
    archive = source.export_zip(tmp_path / "mine.zip")
    names = zipfile.ZipFile(archive).namelist()
    assert INDEX_NAME in names and len([n for n in names if n.endswith(".png")]) == 5
    target = HandwritingSet(tmp_path / "b")
    assert target.import_zip(archive).added == 5
    assert target.counts() == source.counts()


def test_a_hostile_zip_cannot_write_outside_the_set(tmp_path, drawings):
    evil = tmp_path / "evil.zip"
    png = tmp_path / "x.png"
    Image.fromarray(drawings[0][0]).save(png)
    with zipfile.ZipFile(evil, "w") as archive:
        archive.write(png, "../../escaped.png")
        archive.write(png, "3/ok.png")
    store = HandwritingSet(tmp_path / "set")
    assert store.import_zip(evil).added == 1
    assert not (tmp_path.parent / "escaped.png").exists() and store.counts()[3] == 1
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"nope")
    with pytest.raises(DataError, match="junk.zip: not a readable zip"):
        store.import_zip(junk)


def test_an_empty_set_says_so(tmp_path):
    with pytest.raises(DataError, match="empty"):
        HandwritingSet(tmp_path).as_dataset()
    with pytest.raises(ValueError, match="0–9"):
        HandwritingSet(tmp_path).add(np.zeros((10, 10), np.uint8), 12)


def test_index_is_plain_json(tmp_path, drawings):
    store = HandwritingSet(tmp_path)
    store.add(*drawings[0])
    index = json.loads((tmp_path / INDEX_NAME).read_text())
    assert index["version"] == 1 and index["samples"][0]["label"] == drawings[0][1]


def test_practice_asks_for_the_least_collected_digit():
    from desktop_app.core.handwriting import practice_digit

    rng = np.random.default_rng(0)
    counts = [3, 3, 1, 3, 3, 3, 3, 3, 3, 3]
    assert practice_digit(counts, rng=rng) == 2
    even = [2] * 10
    asked = {practice_digit(even, previous=4, rng=rng) for _ in range(200)}
    assert asked == set(range(10)) - {4}  # every digit but the one just drawn
    # the rarest is the one just drawn and another is nearly as rare: no immediate repeat
    assert practice_digit([1, 2, 5, 5, 5, 5, 5, 5, 5, 5], previous=0, rng=rng) == 1


def test_as_dataset_keeps_the_order_of_given_samples(tmp_path, drawings):
    store = HandwritingSet(tmp_path)
    for drawing, label in drawings[:4]:
        store.add(drawing, label)
    chosen = store.samples()[::-1][:3]
    dataset = store.as_dataset(samples=chosen)
    assert dataset.y_train.tolist() == [s.label for s in chosen]


def _count_index_writes(monkeypatch) -> list[int]:
    writes: list[int] = []
    original = HandwritingSet._write_index

    def counting(self, samples):
        writes.append(len(samples))
        original(self, samples)

    monkeypatch.setattr(HandwritingSet, "_write_index", counting)
    return writes


def test_remove_takes_several_samples_or_file_names_and_writes_the_index_once(tmp_path, drawings, monkeypatch):
    store = HandwritingSet(tmp_path / "me")
    added = [store.add(drawing, label) for drawing, label in drawings[:5]]
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"keep me")
    writes = _count_index_writes(monkeypatch)
    assert store.remove(added[0], added[2].file, "../outside.png", "7/not-there.png") == 2
    assert writes == [3]
    assert outside.exists()  # only the set's own files are deleted
    assert not (tmp_path / "me" / added[0].file).exists() and not (tmp_path / "me" / added[2].file).exists()
    assert [s.file for s in store.samples()] == [added[i].file for i in (1, 3, 4)]
    assert store.remove() == 0 and writes == [3]


def test_imports_write_the_index_once(tmp_path, drawings, monkeypatch):
    source = HandwritingSet(tmp_path / "a")
    for drawing, label in drawings[:6]:
        source.add(drawing, label, [[[1, 2], [3, 4]]])
    archive = source.export_zip(tmp_path / "mine.zip")
    target = HandwritingSet(tmp_path / "b")
    writes = _count_index_writes(monkeypatch)
    assert target.import_zip(archive) == ImportReport(6)
    assert target.import_folder(tmp_path / "a") == ImportReport(6)
    assert writes == [6, 12]
    assert target.counts() == [2 * count for count in source.counts()]
    assert all(s.created for s in target.samples())  # every import is indexed, not a stray


def test_a_failing_import_keeps_what_it_stored(tmp_path, drawings, monkeypatch):
    folder = tmp_path / "in"
    (folder / "1").mkdir(parents=True)
    (folder / "2").mkdir()
    Image.fromarray(drawings[0][0]).save(folder / "1" / "a.png")
    Image.fromarray(drawings[1][0]).save(folder / "2" / "b.png")
    store = HandwritingSet(tmp_path / "me")
    original, calls = HandwritingSet._store_png, []

    def disk_full_on_the_second(self, *args):
        calls.append(args)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return original(self, *args)

    monkeypatch.setattr(HandwritingSet, "_store_png", disk_full_on_the_second)
    with pytest.raises(OSError, match="No space"):
        store.import_folder(folder)
    assert [s.label for s in store.samples()] == [1] and store.samples()[0].created


def test_counts_of_given_samples(tmp_path, drawings):
    store = HandwritingSet(tmp_path)
    for drawing, label in drawings[:4]:
        store.add(drawing, label)
    samples = store.samples()
    assert store.counts(samples) == store.counts()
    assert sum(store.counts(samples[:1])) == 1 and store.counts([]) == [0] * 10


# --- issue 11, case 13: transparent and blank images ---------------------------------------------

def _digit_alpha(mnist, index: int = 0, size: int = 84) -> np.ndarray:
    """An MNIST digit, enlarged, as an alpha channel: 255 where the ink is, 0 around it."""
    return np.asarray(Image.fromarray(mnist.x_test[index]).resize((size, size), Image.Resampling.LANCZOS))


def _transparent_png(path, mnist, mode: str) -> None:
    """Black ink on a transparent background, the way drawing apps export it: the transparent pixels are
    black too, so an import that drops the transparency sees an all-black image."""
    alpha = _digit_alpha(mnist)
    black = np.zeros_like(alpha)
    if mode == "RGBA":
        Image.fromarray(np.dstack([black, black, black, alpha]), "RGBA").save(path)
    elif mode == "LA":
        Image.fromarray(np.dstack([black, alpha]), "LA").save(path)
    else:  # a palette PNG: index 0 transparent black, index 1 opaque black
        picture = Image.fromarray((alpha > 127).astype(np.uint8), "P")
        picture.putpalette([0, 0, 0, 0, 0, 0])
        picture.save(path, transparency=0)
    assert Image.open(path).mode == mode


def _ink_agreement(first: np.ndarray, second: np.ndarray) -> float:
    return float(np.corrcoef(first.astype(float).ravel(), second.astype(float).ravel())[0, 1])


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P"])
def test_black_ink_on_transparency_imports_as_dark_ink_on_white(tmp_path, mnist, mode):
    from desktop_app.core.preprocess import preprocess_to_uint8

    folder = tmp_path / "in"
    (folder / "7").mkdir(parents=True)
    _transparent_png(folder / "7" / "seven.png", mnist, mode)
    store = HandwritingSet(tmp_path / "me")

    assert store.import_folder(folder) == ImportReport(1)

    stored = store.image(store.samples()[0])
    border = np.concatenate([stored[0], stored[-1], stored[:, 0], stored[:, -1]])
    assert border.min() > 240 and stored.min() < 40  # white paper, dark ink
    assert 0.02 < (stored < 128).mean() < 0.5  # ink where the digit is, not everywhere
    read = store.as_dataset().x_train[0]
    assert read.max() > 200
    reference = preprocess_to_uint8(255 - _digit_alpha(mnist))  # the same digit drawn opaque
    assert _ink_agreement(read, reference) > 0.75  # the palette image has hard edges: 0.81


def test_light_ink_on_transparency_is_kept_as_dark_ink_on_white(tmp_path, mnist):
    alpha = _digit_alpha(mnist)
    white = np.full_like(alpha, 255)
    archive = tmp_path / "light.zip"
    with zipfile.ZipFile(archive, "w") as target:
        buffer = tmp_path / "light.png"
        Image.fromarray(np.dstack([white, white, white, alpha]), "RGBA").save(buffer)
        target.write(buffer, "7/light.png")
    store = HandwritingSet(tmp_path / "me")
    assert store.import_zip(archive) == ImportReport(1)
    stored = store.image(store.samples()[0])
    assert stored[0].min() > 240 and stored.min() < 40


def test_blank_images_in_a_zip_are_skipped_by_name_and_the_others_imported(tmp_path, mnist):
    archive = tmp_path / "drawings.zip"
    images = {
        "3/good.png": Image.fromarray(255 - mnist.x_test[18]),
        "3/blank.png": Image.fromarray(np.full((60, 60), 255, np.uint8)),  # white paper, nothing drawn
        "5/clear.png": Image.fromarray(np.zeros((60, 60, 4), np.uint8), "RGBA"),  # fully transparent
        "4/good.png": Image.fromarray(255 - mnist.x_test[4]),
    }
    with zipfile.ZipFile(archive, "w") as target:
        for name, picture in images.items():
            path = tmp_path / name.replace("/", "-")
            picture.save(path)
            target.write(path, name)
    store = HandwritingSet(tmp_path / "me")

    report = store.import_zip(archive)

    assert report.added == 2
    assert [line.split(":")[0] for line in report.skipped] == ["3/blank.png", "5/clear.png"]
    assert all("no ink" in line for line in report.skipped)
    assert store.counts()[3] == 1 and store.counts()[4] == 1 and store.counts()[5] == 0
    assert len(store.as_dataset().x_train) == 2  # what was imported reads as a whole set


def test_a_folder_import_names_blank_and_unreadable_images(tmp_path, mnist):
    folder = tmp_path / "in"
    for digit in (1, 2):
        (folder / str(digit)).mkdir(parents=True)
    Image.fromarray(255 - mnist.x_test[2]).save(folder / "1" / "a.png")
    Image.fromarray(np.full((40, 40), 250, np.uint8)).save(folder / "2" / "empty.png")
    (folder / "2" / "b.png").write_bytes(b"not a png")
    store = HandwritingSet(tmp_path / "me")

    report = store.import_folder(folder)

    assert report.added == 1 and store.counts()[1] == 1
    assert sorted(line.split(":")[0] for line in report.skipped) == ["2/b.png", "2/empty.png"]
    assert any("not a readable image" in line for line in report.skipped)
    only_blank = tmp_path / "blank"
    (only_blank / "6").mkdir(parents=True)
    Image.fromarray(np.full((40, 40), 255, np.uint8)).save(only_blank / "6" / "nothing.png")
    with pytest.raises(DataError, match="6/nothing.png: no ink"):
        store.import_folder(only_blank)
    assert sum(store.counts()) == 1


def test_reading_a_set_leaves_out_a_blank_sample_by_name(tmp_path, drawings):
    store = HandwritingSet(tmp_path)
    for drawing, label in drawings[:3]:
        store.add(drawing, label)
    blank = store.add(np.full((100, 100), 255, np.uint8), 8)  # stored before imports refused such images

    reading = store.read()

    assert [s.file for s in reading.samples] == [s.file for s in store.samples()[:3]]
    assert len(reading.dataset.x_train) == 3 and reading.dataset.y_train.tolist() == [l for _, l in drawings[:3]]
    assert reading.skipped == [f"{blank.file}: no ink (a blank image)"]
    store.remove(*reading.samples)
    with pytest.raises(DataError, match=f"none of the 1 drawings can be read.*{blank.file}"):
        store.read()
