"""`digit-lab train --quick`: the quick recipe runs, a flag given beside it keeps its value, and the saved
model's metadata records the settings the run used. A small run, in-process, on the CPU."""

import json

from desktop_app.cli import main

SMALL = ["--preset", "mlp", "--limit", "300", "--batch-size", "32", "--device", "cpu", "--no-augment"]


def test_quick_runs_the_recipe_and_the_saved_model_records_it(tmp_path, capsys):
    from desktop_app.core.modelio import load_model, read_metadata
    from desktop_app.core.training import QUICK_RECIPE

    out = tmp_path / "quick.keras"
    status = main(["train", "--quick", "--epochs", "2", *SMALL, "--out", str(out), "--json"])
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert status == 0 and summary["status"] == "finished"

    # The recipe's values, except --epochs, which was given and keeps the user's 2.
    assert summary["epochs"] == 2
    assert "Training on 300 images (0 held out for validation)" in captured.err  # all images, no split
    assert "learning rate from" in captured.err and "batch by batch" in captured.err  # the warm-up schedule
    assert set(summary["metrics"]) == {"loss", "accuracy"}  # no validation figures without a split

    config = read_metadata(out).config
    assert config["quick"] is True and config["epochs"] == 2
    for name in ("learning_rate", "rate_schedule", "validation_split", "dropout"):
        assert config[name] == QUICK_RECIPE[name], name
    assert config["preset"] == "mlp" and config["batch_size"] == 32  # what the recipe leaves alone

    # Dropout was off for the run only: the saved model keeps the architecture's dropout layer.
    dropout = [layer for layer in load_model(out).model.layers if type(layer).__name__ == "Dropout"]
    assert [layer.rate for layer in dropout] == [0.2]


def test_without_quick_the_standard_settings_are_recorded(tmp_path, capsys):
    from desktop_app.core.modelio import read_metadata

    out = tmp_path / "standard.keras"
    assert main(["train", "--epochs", "1", *SMALL, "--out", str(out)]) == 0
    capsys.readouterr()
    config = read_metadata(out).config
    assert config["quick"] is False
    assert (config["learning_rate"], config["rate_schedule"], config["validation_split"], config["dropout"]) == (
        3e-3, "epoch-cosine", 0.1, True)
