"""`digit-lab layers` and `train --layers` (issue 13): a table in under a second without TensorFlow, the
JSON form, one line naming the token at fault, and the description saved in the model file."""

import json
import subprocess
import sys
import time

from desktop_app.cli import main
from desktop_app.core.modelio import read_metadata


def test_layers_prints_the_table_without_loading_tensorflow():
    code = ("import sys, time; t = time.perf_counter(); from desktop_app.cli import main; "
            "main(['layers', 'conv 32 5, pool, conv 64 5, pool, flatten, dense 1024, dropout 0.5']); "
            "print('tensorflow' in sys.modules, round(time.perf_counter() - t, 3))")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = done.stdout.strip().splitlines()
    assert lines[-1].split()[0] == "False"  # TensorFlow never imported
    assert lines[-2].split()[-1] == "3,274,634" and "Dense 10 softmax (output)" in done.stdout
    assert time.perf_counter() - started < 10  # the process, Python's start included (the README quotes the script)


def test_layers_json_counts_the_output_layer(capsys):
    assert main(["layers", "flatten, dense 128, dropout 0.2", "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert table["parameters"] == 101_770
    assert [row["kind"] for row in table["layers"]] == ["flatten", "dense", "dropout", "output"]
    assert table["layers"][1] == {"kind": "dense", "label": "Dense 128 relu", "output_shape": [128],
                                  "parameters": 100_480}


def test_a_bad_text_is_one_line_naming_the_token(capsys):
    assert main(["layers", "conv 32 5, pol, flatten"]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert error == ["digit-lab: error: layer 2 ('pol'): unknown layer kind 'pol'; the kinds are conv, pool, "
                     "avgpool, batchnorm, dropout, flatten, gap, dense, activation."]


def test_train_layers_saves_the_description(tmp_path, capsys):
    out = tmp_path / "mine.keras"
    assert main(["train", "--layers", "conv 4 3, pool, flatten, dense 16", "--epochs", "1", "--limit", "200",
                 "--no-augment", "--device", "cpu", "--out", str(out)]) == 0
    metadata = read_metadata(out)
    assert metadata.config["layers"] == "conv 4 3, pool, flatten, dense 16"
    assert metadata.architecture["text"] == "conv 4 3, pool, flatten, dense 16"
    assert [layer["kind"] for layer in metadata.architecture["layers"]] == ["conv", "pool", "flatten", "dense"]


def test_resume_keeps_the_models_own_layers(tmp_path, capsys):
    first, second = tmp_path / "first.keras", tmp_path / "second.keras"
    common = ["--epochs", "1", "--limit", "200", "--no-augment", "--device", "cpu"]
    assert main(["train", "--layers", "conv 4 3, pool, flatten, dense 16", *common, "--out", str(first)]) == 0
    assert main(["train", "--resume", str(first), "--layers", "flatten, dense 8", *common, "--out", str(second)]) == 0
    assert "--resume keeps the loaded model's architecture (conv 4 3, pool, flatten, dense 16); --layers " \
           "\"flatten, dense 8\" is ignored." in capsys.readouterr().err
    metadata = read_metadata(second)
    assert metadata.config["layers"] == "conv 4 3, pool, flatten, dense 16"
    assert metadata.architecture["text"] == "conv 4 3, pool, flatten, dense 16"
    assert len(metadata.history["loss"]) == 2
