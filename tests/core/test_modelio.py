import errno
import zipfile
from pathlib import Path

import numpy as np
import pytest

from desktop_app.core import modelio
from desktop_app.core.errors import ModelFileError
from desktop_app.core.modelio import ModelMetadata, load_model, save_model


@pytest.fixture()
def saved(tmp_path, tiny_result):
    metadata = ModelMetadata(preset="small-cnn", dataset="mnist[:600]",
                             config=tiny_result.config.to_dict(), history=tiny_result.history)
    return save_model(tiny_result.model, tmp_path / "digits.keras", metadata)


def test_round_trip_keeps_weights_optimizer_and_metadata(saved, tiny_result, small_mnist):
    loaded = load_model(saved)
    image = small_mnist.x_test[:3, ..., None].astype(np.float32) / 255
    np.testing.assert_allclose(loaded.model(image).numpy(), tiny_result.model(image).numpy(), atol=1e-6)
    assert loaded.metadata.history == tiny_result.history
    assert loaded.metadata.config["preset"] == "small-cnn" and loaded.metadata.dataset == "mnist[:600]"
    assert loaded.metadata.preprocess_version == 1 and loaded.metadata.saved_at
    assert int(loaded.model.optimizer.iterations.numpy()) == int(tiny_result.model.optimizer.iterations.numpy())


def test_suffix_is_added(tmp_path, tiny_result):
    assert save_model(tiny_result.model, tmp_path / "plain").name == "plain.keras"


def test_a_failed_save_leaves_the_old_file_intact(saved, tiny_result, monkeypatch):
    before = saved.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(type(tiny_result.model), "save", disk_full)
    with pytest.raises(ModelFileError, match="digits.keras: the disk is full.*unchanged"):
        save_model(tiny_result.model, saved)
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["digits.keras"]  # no temporary left


NOBODY = 65534  # the unprivileged user and group of most Unix systems


def _save_as_nobody(model, target, answer) -> None:
    """In a forked child: drop root's privileges (root writes into any folder), then save."""
    import os

    try:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    except OSError as error:
        answer.send(("no nobody", str(error)))
        return
    try:
        save_model(model, target)
        answer.send(("saved", ""))
    except ModelFileError as error:
        answer.send(("refused", str(error)))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which fails the test
        answer.send(("crashed", f"{type(error).__name__}: {error}"))


def _save_into_read_only_folder(model, target) -> tuple[str, str]:
    """Save `model` to `target` in a folder without write permission: here as an ordinary user, or, when
    this is root, in a child process that becomes nobody. Returns (what happened, the message)."""
    import multiprocessing
    import os
    import warnings

    if os.geteuid() != 0:
        try:
            save_model(model, target)
            return "saved", ""
        except ModelFileError as error:
            return "refused", str(error)
    # fork, so the child has the trained model; it only calls save_model, never TensorFlow's threads.
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # "fork in a multi-threaded process"
        child = context.Process(target=_save_as_nobody, args=(model, target, send))
        child.start()
    child.join(60)
    assert child.exitcode == 0, f"the child process ended with {child.exitcode}"
    assert receive.poll(), "the child process answered nothing"
    return receive.recv()


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid"), reason="POSIX permissions")
def test_a_read_only_folder_gives_a_clear_message_and_keeps_the_old_file(saved, tiny_result):
    import os
    import shutil
    import tempfile

    # Not under tmp_path: pytest's folders are private to root, and nobody must reach this one.
    folder = Path(tempfile.mkdtemp(prefix="digit-lab-read-only-"))
    try:
        old = folder / "digits.keras"
        shutil.copyfile(saved, old)
        before = old.read_bytes()
        os.chmod(old, 0o666)  # the file itself is writable: only the folder can protect it
        os.chmod(folder, 0o555)
        if os.geteuid() != 0 and os.access(folder, os.W_OK):
            pytest.skip("this file system ignores the folder's permissions")
        what, message = _save_into_read_only_folder(tiny_result.model, old)
        if what == "no nobody":
            pytest.skip(f"root cannot become nobody here: {message}")
        assert what == "refused", (what, message)
        assert message == (f"Could not save {old}: the folder is read-only. Choose a folder you can write "
                           "to. Any file that was there is unchanged.")
        assert old.read_bytes() == before
        assert sorted(path.name for path in folder.iterdir()) == ["digits.keras"]  # no temporary left
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


def test_a_missing_folder_gives_a_clear_message(tmp_path, tiny_result):
    with pytest.raises(ModelFileError, match="does not exist"):
        save_model(tiny_result.model, tmp_path / "no" / "such" / "x.keras")


@pytest.mark.parametrize("name,content,message", [
    ("old.h5", b"\x89HDF\r\n", "legacy HDF5"),
    ("junk.keras", b"not a zip at all", "corrupt or truncated"),
    ("model.pt", b"PK", "ending in .keras"),
])
def test_foreign_files_are_refused_by_name(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match=message) as caught:
        load_model(path)
    assert name in str(caught.value)


def test_a_folder_is_refused_with_how_to_convert(tmp_path):
    with pytest.raises(ModelFileError, match="SavedModel.*convert"):
        load_model(tmp_path)


def test_a_truncated_keras_file_is_corrupt(saved):
    saved.write_bytes(saved.read_bytes()[:-2000])
    with pytest.raises(ModelFileError, match="digits.keras.*corrupt"):
        load_model(saved)


def test_a_zip_without_a_model_is_refused(tmp_path):
    path = tmp_path / "photos.keras"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("cat.txt", "meow")
    with pytest.raises(ModelFileError, match="no config.json"):
        load_model(path)


def test_a_lambda_layer_is_refused_and_its_code_never_runs(tmp_path):
    import keras

    marker = tmp_path / "ran.txt"
    code = f"lambda t: (open({str(marker)!r}, 'w').close(), t)[1]"
    inputs = keras.Input((28, 28, 1))
    hidden = keras.layers.Lambda(eval(code))(inputs)
    outputs = keras.layers.Dense(10, activation="softmax")(keras.layers.Flatten()(hidden))
    path = tmp_path / "trojan.keras"
    keras.Model(inputs, outputs).save(path)
    marker.unlink()  # building the model above ran the lambda once
    with pytest.raises(ModelFileError, match="trojan.keras: it contains code"):
        load_model(path)
    assert not marker.exists()


def test_a_model_for_other_inputs_is_refused(tmp_path):
    import keras

    other = keras.Sequential([keras.Input((32, 32, 3)), keras.layers.Flatten(), keras.layers.Dense(10)])
    path = tmp_path / "cifar.keras"
    other.save(path)
    with pytest.raises(ModelFileError, match=r"cifar.keras: it is not a digit classifier.*\(None, 28, 28, 1\)"):
        load_model(path)


def test_a_plain_keras_model_loads_without_digit_lab_metadata(tmp_path, tiny_result):
    path = tmp_path / "plain.keras"
    tiny_result.model.save(path)
    loaded = load_model(path)
    assert loaded.metadata.history == {} and loaded.metadata.preprocess_version == 0


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX permissions")
def test_atomic_write_keeps_private_files_private_and_leaves_nothing_on_failure(tmp_path):
    import os
    import stat

    private = modelio.atomic_write(tmp_path / "private.bin", lambda path: path.write_bytes(b"1"))
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and private.read_bytes() == b"1"
    previous = os.umask(0o027)
    try:
        shared = modelio.atomic_write(tmp_path / "shared.bin", lambda path: path.write_bytes(b"2"),
                                      private=False)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640  # an ordinary new file under that umask

    def half_then_fail(path):
        path.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        modelio.atomic_write(private, half_then_fail)
    assert private.read_bytes() == b"1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["private.bin", "shared.bin"]
