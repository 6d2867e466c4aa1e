"""`digit-lab train`'s flags, each shown to change what a user gets: the saved file, its metadata, the
checkpoint, the summary. Small runs, in-process (`main([...])`), on the CPU."""

import json

import numpy as np
import pytest
from PIL import Image

from desktop_app.cli import main

QUICK = ["--preset", "mlp", "--epochs", "1", "--limit", "300", "--batch-size", "32", "--device", "cpu"]


def train(capsys, *flags):
    """Run `digit-lab train`; return (exit status, the --json summary or None, stderr)."""
    status = main(["train", *flags])
    captured = capsys.readouterr()
    return status, json.loads(captured.out) if "--json" in flags else None, captured.err


def validation_loss(model_path, limit, split, seed):
    """The saved model's loss on the run's held-out images, as Keras computed val_loss during the run."""
    from desktop_app.core.data import load_dataset
    from desktop_app.core.modelio import load_model
    from desktop_app.core.pipeline import split_validation, to_float_images

    mnist = load_dataset()
    _, _, x_val, y_val = split_validation(mnist.x_train[:limit], mnist.y_train[:limit], split, seed)
    model = load_model(model_path).model
    return model.evaluate(to_float_images(x_val), y_val, verbose=0, return_dict=True)["loss"]


def test_early_stopping_restore_best_and_checkpoint(tmp_path, capsys):
    from desktop_app.core.modelio import load_model, read_metadata

    out, best_file = tmp_path / "model.keras", tmp_path / "best.keras"
    # Seeded: at this rate the second epoch's validation loss is far worse than the first's (1.70 → 3.29).
    status, summary, _ = train(
        capsys, "--preset", "mlp", "--limit", "500", "--epochs", "5", "--batch-size", "32",
        "--validation-split", "0.2", "--optimizer", "sgd", "--learning-rate", "0.5", "--seed", "1",
        "--no-augment", "--device", "cpu", "--early-stopping", "1", "--restore-best",
        "--checkpoint", str(best_file), "--out", str(out), "--json")
    assert status == 0 and summary["status"] == "finished"
    val_loss = read_metadata(out).history["val_loss"]
    assert summary["epochs"] == len(val_loss) < 5  # --early-stopping: fewer epochs than asked for
    assert summary["reason"].startswith(f"Early stopping ended the run after {len(val_loss)} epoch(s).")
    best = int(np.argmin(val_loss))
    assert val_loss[-1] > val_loss[best]  # patience 1: the last epoch was no better

    # --restore-best: the saved model is the best epoch's, and the summary says so beside the last figures
    assert summary["metrics"]["val_loss"] == pytest.approx(val_loss[-1])
    assert f"keeps the weights of epoch {best + 1}, the best by val_loss" in summary["reason"]
    assert validation_loss(out, 500, 0.2, 1) == pytest.approx(val_loss[best], rel=1e-4)

    # --checkpoint: a file of its own that loads and holds the best epoch too
    assert best_file.is_file() and load_model(best_file).model is not None
    assert validation_loss(best_file, 500, 0.2, 1) == pytest.approx(val_loss[best], rel=1e-4)

    config = read_metadata(out).config
    assert (config["early_stopping_patience"], config["restore_best"], config["checkpoint_path"]) == (
        1, True, str(best_file))


@pytest.fixture(scope="module")
def plain_run(tmp_path_factory):
    """A run with the default optimizer and augmentation, to compare the flags' runs with."""
    from desktop_app.core.modelio import read_metadata

    out = tmp_path_factory.mktemp("plain") / "plain.keras"
    assert main(["train", *QUICK, "--out", str(out)]) == 0
    return out, read_metadata(out)


def test_optimizer_sgd_is_the_saved_models_optimizer(tmp_path, capsys, plain_run):
    from desktop_app.core.modelio import load_model, read_metadata

    out = tmp_path / "sgd.keras"
    assert train(capsys, *QUICK, "--optimizer", "sgd", "--out", str(out))[0] == 0
    optimizer = load_model(out).model.optimizer  # what a resumed run goes on with
    assert type(optimizer).__name__ == "SGD" and optimizer.nesterov and optimizer.momentum == 0.9
    assert read_metadata(out).config["optimizer"] == "sgd"
    assert type(load_model(plain_run[0]).model.optimizer).__name__ == "Adam"


def test_no_augment_trains_on_the_images_as_they_are(tmp_path, capsys, plain_run):
    from desktop_app.core.modelio import read_metadata

    out = tmp_path / "plain-images.keras"
    assert train(capsys, *QUICK, "--no-augment", "--out", str(out))[0] == 0
    metadata, plain = read_metadata(out), plain_run[1]
    assert metadata.config["augment"] is False and plain.config["augment"] is True
    # same seed, same images: only the augmentation differs, and it changes what the epoch learned
    assert metadata.history["loss"][0] != pytest.approx(plain.history["loss"][0], rel=1e-3)


@pytest.fixture(scope="module")
def drawings(tmp_path_factory):
    """A folder with sub-folders 0–9 of 20 digit images, dark on light as a user would draw them."""
    from desktop_app.core.data import load_dataset

    mnist = load_dataset()
    folder = tmp_path_factory.mktemp("drawings")
    for index, (digit, label) in enumerate(zip(mnist.x_test[:20], mnist.y_test[:20])):
        (folder / str(label)).mkdir(exist_ok=True)
        Image.fromarray(255 - np.kron(digit, np.ones((2, 2), np.uint8))).save(folder / str(label) / f"{index}.png")
    return folder


@pytest.mark.parametrize("mixed, trained_on, dataset", [
    ("100", "Training on 108 images (12 held out", "{folder} + MNIST"),
    ("0", "Training on 18 images (2 held out", "{folder}"),
])
def test_mix_mnist_adds_mnist_images_to_a_folder_of_drawings(tmp_path, capsys, drawings, mixed, trained_on,
                                                             dataset):
    from desktop_app.core.modelio import read_metadata

    out = tmp_path / "mixed.keras"
    status, _, err = train(capsys, "--data", str(drawings), "--mix-mnist", mixed, "--preset", "mlp",
                           "--epochs", "1", "--no-augment", "--device", "cpu", "--out", str(out))
    assert status == 0
    assert trained_on in err
    assert read_metadata(out).dataset == dataset.format(folder=drawings.name)
