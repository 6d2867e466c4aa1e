"""Issue 11 through the command line: every hostile input is answered in one line, exit status 2 (or, for
one image among those `predict` reads, its own line and exit 1), never a traceback and never a hang (a
watchdog fails the test instead of letting it hang)."""

import os
import signal
import struct

import numpy as np
import pytest
from PIL import Image

from desktop_app.cli import main

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@pytest.fixture(autouse=True)
def watchdog():
    def hung(*_):
        raise TimeoutError("the command hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)  # TensorFlow's import is the slow part; a hang would be forever
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def one_line_error(capsys, argv, names):
    assert main(argv) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("digit-lab: error: ") and str(names) in lines[0]
    return lines[0]


def one_failed_image(capsys, argv, name):
    """`predict` answers each image on its own line; a refused one makes the exit status 1."""
    assert main(argv) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{name}: "), lines
    assert "Traceback" not in captured.err
    return lines[0]


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    """A small untrained digit classifier: predict only needs one that loads."""
    import keras

    from desktop_app.core.modelio import save_model

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax")])
    model.compile(loss="sparse_categorical_crossentropy")
    return save_model(model, tmp_path_factory.mktemp("model") / "tiny.keras")


def test_a_pipe_named_keras_is_refused(tmp_path, capsys):
    pipe = tmp_path / "m.keras"
    os.mkfifo(pipe)
    one_line_error(capsys, ["predict", str(pipe), str(tmp_path / "x.png")], pipe)


def test_a_link_to_dev_zero_named_keras_is_refused(tmp_path, capsys):
    link = tmp_path / "m.keras"
    link.symlink_to("/dev/zero")
    message = one_line_error(capsys, ["predict", str(link), str(tmp_path / "x.png")], link)
    assert "device" in message


def test_a_pipe_among_the_images_is_refused(tmp_path, capsys, model_file):
    pipe = tmp_path / "x.png"
    os.mkfifo(pipe)
    message = one_failed_image(capsys, ["predict", str(model_file), str(pipe)], pipe)
    assert "not a regular file" in message


def test_a_png_bomb_is_refused(tmp_path, capsys, model_file):
    import zlib

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 30000, 30000, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(bytes(30001 * 4))) + chunk(b"IEND", b""))
    message = one_failed_image(capsys, ["predict", str(model_file), str(bomb)], bomb)
    assert "megapixels" in message


@pytest.mark.parametrize("kind", ["nan labels", "string labels", "png renamed"])
def test_train_refuses_a_bad_npz_in_one_line(tmp_path, capsys, kind):
    path = tmp_path / "set.npz"
    labels = {"nan labels": np.array([1.0, np.nan]), "string labels": np.array(["1", "2"])}
    if kind == "png renamed":
        Image.fromarray(np.zeros((28, 28), np.uint8)).save(path, format="PNG")
    else:
        np.savez(path, x_train=np.zeros((2, 28, 28), np.uint8), y_train=labels[kind],
                 x_test=np.zeros((1, 28, 28), np.uint8), y_test=np.array([3], np.uint8))
    message = one_line_error(capsys, ["train", "--data", str(path), "--epochs", "1", "--device", "cpu",
                                      "--out", str(tmp_path / "out.keras")], path)
    assert ("not an .npz archive" in message and "pickle" not in message) if kind == "png renamed" \
        else "labels must be integers 0–9" in message
    assert not (tmp_path / "out.keras").exists()


def test_train_refuses_an_idx_header_declaring_too_many_images(tmp_path, capsys):
    import gzip

    names = {"train-images-idx3-ubyte.gz": (2 ** 31, 28, 28), "train-labels-idx1-ubyte.gz": (2,),
             "t10k-images-idx3-ubyte.gz": (1, 28, 28), "t10k-labels-idx1-ubyte.gz": (1,)}
    for name, shape in names.items():
        with gzip.open(tmp_path / name, "wb") as stream:
            stream.write(struct.pack(">BBBB", 0, 0, 8, len(shape)) + struct.pack(f">{len(shape)}I", *shape))
            stream.write(bytes(min(int(np.prod(shape)), 1 << 20)))
    message = one_line_error(capsys, ["train", "--data", str(tmp_path), "--epochs", "1", "--device", "cpu",
                                      "--out", str(tmp_path / "out.keras")], tmp_path / "train-images-idx3-ubyte.gz")
    assert "at most 1,000,000" in message


def _idx(array):
    array = np.asarray(array, np.uint8)
    return struct.pack(">BBBB", 0, 0, 8, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape) \
        + array.tobytes()


@pytest.mark.parametrize("broken, words", [
    ({"train-images-idx3-ubyte.gz": b"\x00\x00\x0d\x03" + bytes(12)}, "wrong magic number"),
    ({"train-images-idx3-ubyte.gz": struct.pack(">BBBBI", 0, 0, 8, 3, 3)}, "header cut short"),
    ({"train-labels-idx1-ubyte.gz": _idx([1, 2])}, "2 labels for the 3 images"),
    ({"t10k-labels-idx1-ubyte.gz": _idx([4, 10])}, "labels outside 0–9"),
    ({"train-images-idx3-ubyte.gz": "cut in half"}, "Compressed file ended before"),
], ids=["wrong magic", "short header", "count mismatch", "label 10", "corrupt gzip"])
def test_train_refuses_a_broken_idx_file_in_one_line_naming_it(tmp_path, capsys, broken, words):
    import gzip

    arrays = {"train-images-idx3-ubyte.gz": np.zeros((3, 28, 28)), "train-labels-idx1-ubyte.gz": [1, 2, 3],
              "t10k-images-idx3-ubyte.gz": np.zeros((2, 28, 28)), "t10k-labels-idx1-ubyte.gz": [4, 5]}
    for name, array in arrays.items():
        (tmp_path / name).write_bytes(gzip.compress(_idx(array)))
    (name, content), = broken.items()
    path = tmp_path / name
    if content == "cut in half":
        path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 2])
    else:
        path.write_bytes(gzip.compress(content))
    out = tmp_path / "out.keras"
    message = one_line_error(capsys, ["train", "--data", str(tmp_path), "--epochs", "1", "--device", "cpu",
                                      "--out", str(out)], path)
    assert words in message and not out.exists()
