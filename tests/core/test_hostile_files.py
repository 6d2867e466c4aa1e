"""Hostile and broken input files: each is refused at once, in one line that names the file.

Issue 11: nothing hangs (pipes, devices), nothing is read without bound (bombs), nothing ends in a traceback.
"""

import os
import time

import numpy as np
import pytest
from PIL import Image

from desktop_app.core import data
from desktop_app.core.errors import DataError, ModelFileError
from desktop_app.core.modelio import load_model
from desktop_app.core.image_files import load_image_file

QUICK = 3.0  # seconds: every refusal here comes from a header or a stat, never from reading a file through


def refused(call, error_type, *arguments):
    """Run `call`, which must raise `error_type` quickly; return its one-line message."""
    started = time.monotonic()
    with pytest.raises(error_type) as caught:
        call(*arguments)
    assert time.monotonic() - started < QUICK
    message = str(caught.value)
    assert "\n" not in message
    return message


def fifo(path):
    os.mkfifo(path)
    return path


def device_link(path):
    path.symlink_to("/dev/zero")
    return path


# --- case 1: not a regular file -------------------------------------------------------------------

@pytest.mark.parametrize("make", [fifo, device_link], ids=["named pipe", "link to /dev/zero"])
def test_a_model_path_that_is_not_a_regular_file_is_refused(tmp_path, make):
    path = make(tmp_path / "m.keras")
    message = refused(load_model, ModelFileError, path)
    assert str(path) in message and "not a regular file" in message


@pytest.mark.parametrize("make", [fifo, device_link], ids=["named pipe", "link to /dev/zero"])
def test_an_image_path_that_is_not_a_regular_file_is_refused(tmp_path, make):
    path = make(tmp_path / "x.png")
    message = refused(load_image_file, DataError, path)
    assert str(path) in message and "not a regular file" in message


@pytest.mark.parametrize("make", [fifo, device_link], ids=["named pipe", "link to /dev/zero"])
def test_a_data_file_that_is_not_a_regular_file_is_refused(tmp_path, make):
    path = make(tmp_path / "set.npz")
    for call in (data.load_dataset, data.load_npz):
        message = refused(call, DataError, path)
        assert str(path) in message and "not a regular file" in message


def test_an_idx_file_that_is_a_pipe_is_refused(tmp_path):
    for stem in data.IDX_FILES.values():
        (tmp_path / stem).write_bytes(b"")
    pipe = tmp_path / data.IDX_FILES["x_train"]  # the first file read
    pipe.unlink()
    fifo(pipe)
    message = refused(data.load_dataset, DataError, tmp_path)
    assert str(pipe) in message and "not a regular file" in message


def test_a_pipe_among_a_folders_images_is_skipped_by_name(tmp_path, mnist, caplog):
    (tmp_path / "2").mkdir()
    Image.fromarray(mnist.x_test[1]).save(tmp_path / "2" / "good.png")
    fifo(tmp_path / "2" / "pipe.png")
    started = time.monotonic()
    dataset = data.load_dataset(tmp_path)
    assert time.monotonic() - started < QUICK
    assert len(dataset.x_train) == 1 and list(dataset.y_train) == [2]
    assert "pipe.png" in caplog.text and "not a regular file" in caplog.text


# --- case 4: headers are checked before data is read ---------------------------------------------

def idx_header(*shape):
    import struct
    return struct.pack(">BBBB", 0, 0, 8, len(shape)) + struct.pack(f">{len(shape)}I", *shape)


def test_an_idx_gzip_bomb_is_never_inflated(tmp_path):
    import gzip
    import tracemalloc

    bomb = tmp_path / "train-images-idx3-ubyte.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as stream:  # 10 images declared, 64 MB of zeros follow
        stream.write(idx_header(10, 28, 28))
        chunk = bytes(1 << 20)
        for _ in range(64):
            stream.write(chunk)
    assert bomb.stat().st_size < 200_000
    tracemalloc.start()
    try:
        message = refused(data.read_idx, DataError, bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(bomb) in message and "padded" in message
    assert peak < 4 << 20  # read no further than the header's 7,840 bytes (and gzip's buffers)


@pytest.mark.parametrize("shape, words", [
    ((65536,) * 4, "4 dimensions"),
    ((2_000_000, 28, 28), "at most 1,000,000"),
    ((10, 32, 32), "32×32"),
])
def test_an_idx_header_declaring_too_much_is_refused_before_reading(tmp_path, shape, words):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(idx_header(*shape) + bytes(100))
    message = refused(data.read_idx, DataError, path)
    assert str(path) in message and words in message


def npz_with(path, **changes):
    arrays = dict(x_train=np.zeros((3, 28, 28), np.uint8), y_train=np.array([1, 2, 3], np.uint8),
                  x_test=np.zeros((1, 28, 28), np.uint8), y_test=np.array([4], np.uint8))
    arrays.update(changes)
    np.savez(path, **arrays)
    return path


def test_an_npz_header_claiming_2_to_the_31_images_is_refused_before_allocating(tmp_path):
    import io
    import zipfile

    import numpy.lib.format as npy

    small = np.load(npz_with(tmp_path / "small.npz"))
    header = io.BytesIO()  # numpy would try to allocate 1.53 TiB for this x_train
    npy.write_array_header_1_0(header, {"descr": "|u1", "fortran_order": False, "shape": (2 ** 31, 28, 28)})
    path = tmp_path / "huge.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("x_train.npy", header.getvalue() + bytes(784))
        for key in ("y_train", "x_test", "y_test"):
            buffer = io.BytesIO()
            npy.write_array(buffer, small[key])
            archive.writestr(f"{key}.npy", buffer.getvalue())
    message = refused(data.load_dataset, DataError, path)
    assert str(path) in message and "at most 1,000,000" in message


# --- case 14: labels and archives that are not what they claim -----------------------------------

@pytest.mark.parametrize("labels, words", [
    (np.array([1.0, np.nan, 3.0]), "not whole numbers"),
    (np.array([1.0, 2.5, 3.0]), "not whole numbers"),
    (np.array(["1", "2", "3"]), "labels must be integers 0–9"),
    (np.array([1, 2, 12]), "outside 0–9"),
])
def test_labels_must_be_integers_0_to_9(tmp_path, labels, words):
    path = npz_with(tmp_path / "labels.npz", y_train=labels)
    message = refused(data.load_dataset, DataError, path)
    assert str(path) in message and words in message and "y_train" in message


def test_whole_float_labels_are_accepted(tmp_path):
    path = npz_with(tmp_path / "floats.npz", y_train=np.array([1.0, 2.0, 9.0]))
    assert list(data.load_dataset(path).y_train) == [1, 2, 9]


def test_a_png_renamed_npz_is_not_an_npz_archive(tmp_path):
    path = tmp_path / "digit.npz"
    Image.fromarray(np.zeros((28, 28), np.uint8)).save(path, format="PNG")
    message = refused(data.load_dataset, DataError, path)
    assert str(path) in message and "not an .npz archive" in message and "pickle" not in message


# --- case 5: images too large, or lying about their size ------------------------------------------

def png(width, height, rows_present, bit_depth=8):
    """A grey PNG whose header declares width×height but whose data holds only `rows_present` rows."""
    import struct
    import zlib

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    row = b"\x00" + bytes(width * bit_depth // 8)  # filter byte + black pixels
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(rows_present)) + compressor.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, 0, 0, 0, 0))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


@pytest.mark.parametrize("width, height, rows, words", [
    (30000, 30000, 10, "megapixels"),  # past Pillow's own bomb limit
    (12000, 12000, 10, "megapixels"),  # 144 MP: under Pillow's limit, 2.9 GB once converted
])
def test_oversized_and_lying_images_are_refused_in_one_line(tmp_path, width, height, rows, words):
    path = tmp_path / "bomb.png"
    path.write_bytes(png(width, height, rows))
    message = refused(load_image_file, DataError, path)
    assert str(path) in message and words in message


@pytest.mark.parametrize("keep", [0.5, 20 / 5000, 40 / 5000])
def test_a_truncated_image_is_refused_in_one_line(tmp_path, keep):
    import io

    noise = np.random.default_rng(0).integers(0, 256, (100, 100), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(noise).save(buffer, format="PNG")
    path = tmp_path / "cut.png"
    path.write_bytes(buffer.getvalue()[:int(len(buffer.getvalue()) * keep)])
    message = refused(load_image_file, DataError, path)
    assert str(path) in message and "not a readable image" in message


def test_a_bomb_in_a_data_folder_is_skipped_by_name(tmp_path, mnist, caplog):
    (tmp_path / "3").mkdir()
    Image.fromarray(mnist.x_test[18]).save(tmp_path / "3" / "good.png")
    (tmp_path / "3" / "bomb.png").write_bytes(png(30000, 30000, 10))
    dataset = refused_not(data.load_dataset, tmp_path)
    assert len(dataset.x_train) == 1
    assert "bomb.png" in caplog.text and "megapixels" in caplog.text


def test_a_bomb_in_an_imported_zip_is_skipped_by_name(tmp_path, mnist, caplog):
    import zipfile

    from desktop_app.core.handwriting import HandwritingSet

    archive = tmp_path / "drawings.zip"
    good = tmp_path / "good.png"
    Image.fromarray(255 - mnist.x_test[0]).save(good)
    with zipfile.ZipFile(archive, "w") as target:
        target.write(good, "7/good.png")
        target.writestr("7/bomb.png", png(30000, 30000, 10))
    report = refused_not(HandwritingSet(tmp_path / "set").import_zip, archive)
    assert report.added == 1 and report.skipped[0].startswith("7/bomb.png: ")
    assert "7/bomb.png" in caplog.text and "megapixels" in caplog.text


def refused_not(call, *arguments):
    started = time.monotonic()
    result = call(*arguments)
    assert time.monotonic() - started < QUICK
    return result


# --- case 12: 16-bit and float images keep their grey levels --------------------------------------

def test_a_16_bit_png_preprocesses_like_its_8_bit_version(tmp_path, mnist):
    from desktop_app.core.preprocess import preprocess_to_uint8

    eight = np.asarray(Image.fromarray(255 - mnist.x_test[0]).resize((112, 112), Image.Resampling.LANCZOS))
    Image.fromarray(eight).save(tmp_path / "eight.png")
    Image.fromarray(eight.astype(np.uint16) * 257).save(tmp_path / "sixteen.png")
    assert Image.open(tmp_path / "sixteen.png").mode.startswith("I")
    Image.fromarray(eight.astype(np.float32) / 255).save(tmp_path / "float.tiff")
    expected = preprocess_to_uint8(load_image_file(tmp_path / "eight.png")).astype(int)
    for name in ("sixteen.png", "float.tiff"):
        got = preprocess_to_uint8(load_image_file(tmp_path / name)).astype(int)
        assert np.abs(got - expected).max() <= 1, name
