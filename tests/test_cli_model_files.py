"""Model files through the command line (issue 11, cases 2 and 9): a file that declares a giant network
is refused in one line with exit 2; a model whose saved history is malformed still trains on, with a
warning, and the history it saves holds only numbers."""

import json
import os
import zipfile

import pytest

from desktop_app.cli import main
from desktop_app.core.modelio import read_metadata

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

TINY = ["--preset", "mlp", "--epochs", "1", "--limit", "300", "--batch-size", "32", "--no-augment",
        "--device", "cpu"]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-models") / "tiny.keras"
    assert main(["train", *TINY, "--out", str(path)]) == 0
    return path


def rewrite(source, target, change_metadata=None, change_config=None):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "digit_lab.json" and change_metadata:
                data = json.dumps(change_metadata(json.loads(data))).encode()
            if name == "config.json" and change_config:
                data = json.dumps(change_config(json.loads(data))).encode()
            new.writestr(name, data)
    return target


def test_resume_ignores_a_malformed_history_with_a_warning(trained, tmp_path, capsys):
    odd = rewrite(trained, tmp_path / "odd.keras", change_metadata=lambda values: dict(values, history="abc"))
    capsys.readouterr()
    out = tmp_path / "resumed.keras"

    assert main(["train", *TINY, "--resume", str(odd), "--out", str(out)]) == 0

    assert f"digit-lab: warning: {odd}: its saved history ('abc') is malformed and is ignored." \
        in capsys.readouterr().err
    history = read_metadata(out).history
    assert len(history["loss"]) == 1 and all(isinstance(value, float) for value in history["loss"])


def test_predict_refuses_a_file_declaring_a_giant_layer_in_one_line(trained, tmp_path, capsys):
    def giant(config):
        dense = next(layer for layer in config["config"]["layers"] if layer["class_name"] == "Dense")
        dense["config"]["units"] = 2_000_000
        return config

    huge = rewrite(trained, tmp_path / "huge.keras", change_config=giant)
    image = tmp_path / "seven.png"
    from PIL import Image
    Image.new("L", (28, 28), 255).save(image)
    capsys.readouterr()

    assert main(["predict", str(huge), str(image)]) == 2

    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"digit-lab: error: Could not open {huge}: it declares")
    assert "50,000,000 parameters" in lines[0]


def test_a_fine_tune_with_no_good_epoch_never_replaces_the_output(trained, tmp_path, capsys, monkeypatch):
    from types import SimpleNamespace

    import numpy as np
    from PIL import Image

    from desktop_app.core import fine_tuning

    hand = tmp_path / "hand"
    for digit in range(10):
        (hand / str(digit)).mkdir(parents=True)
        for index in range(2):
            picture = np.full((28, 28), 255, np.uint8)
            picture[6:22, 12 + index:15 + index] = 0
            Image.fromarray(picture).save(hand / str(digit) / f"{index}.png")

    def diverged(model, *args, **kwargs):  # the run's first epoch turned NaN
        return SimpleNamespace(result=SimpleNamespace(status="failed", epochs_completed=0, seconds=0.5,
                                                      device="cpu", reason="The loss became NaN in epoch 1."))

    monkeypatch.setattr(fine_tuning, "fine_tune", diverged)
    out = tmp_path / "mine.keras"
    out.write_bytes(trained.read_bytes())
    before = out.read_bytes()
    capsys.readouterr()

    assert main(["train", "--fine-tune", str(trained), "--data", str(hand), "--out", str(out)]) == 1

    assert out.read_bytes() == before
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error == f"digit-lab: error: The loss became NaN in epoch 1. Nothing was saved: {out} is unchanged."
