import json
import zipfile

import numpy as np
import pytest
from PIL import Image

from desktop_app.core.errors import DataError
from desktop_app.core.handwriting import INDEX_NAME, HandwritingSet
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
    assert target.import_zip(archive) == 5
    assert target.counts() == source.counts()


def test_a_hostile_zip_cannot_write_outside_the_set(tmp_path, drawings):
    evil = tmp_path / "evil.zip"
    png = tmp_path / "x.png"
    Image.fromarray(drawings[0][0]).save(png)
    with zipfile.ZipFile(evil, "w") as archive:
        archive.write(png, "../../escaped.png")
        archive.write(png, "3/ok.png")
    store = HandwritingSet(tmp_path / "set")
    assert store.import_zip(evil) == 1
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
    assert target.import_zip(archive) == 6
    assert target.import_folder(tmp_path / "a") == 6
    assert writes == [6, 12]
    assert target.counts() == [2 * count for count in source.counts()]
    assert all(s.created for s in target.samples())  # every import is indexed, not a stray


def test_a_failing_import_keeps_what_it_stored(tmp_path, drawings):
    folder = tmp_path / "in"
    (folder / "1").mkdir(parents=True)
    (folder / "2").mkdir()
    Image.fromarray(drawings[0][0]).save(folder / "1" / "a.png")
    (folder / "2" / "b.png").write_bytes(b"not a png")
    store = HandwritingSet(tmp_path / "me")
    with pytest.raises(DataError):
        store.import_folder(folder)
    assert [s.label for s in store.samples()] == [1] and store.samples()[0].created


def test_counts_of_given_samples(tmp_path, drawings):
    store = HandwritingSet(tmp_path)
    for drawing, label in drawings[:4]:
        store.add(drawing, label)
    samples = store.samples()
    assert store.counts(samples) == store.counts()
    assert sum(store.counts(samples[:1])) == 1 and store.counts([]) == [0] * 10
