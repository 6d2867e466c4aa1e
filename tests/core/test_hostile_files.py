"""Hostile and broken input files: each is refused at once, in one line that names the file.

Issue 11: nothing hangs (pipes, devices), nothing is read without bound (bombs), nothing ends in a traceback.
"""

import os
import time

import numpy as np
import pytest
from PIL import Image

from desktop_app.core import data
from desktop_app.core.errors import DataError, DigitLabError, ModelFileError
from desktop_app.core.modelio import load_model
from desktop_app.core.preprocess import load_image_file

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
