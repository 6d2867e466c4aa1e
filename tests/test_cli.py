"""The command line as a user runs it: real processes, real files, exit codes and messages."""

import json
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
from PIL import Image

ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def digit_lab(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True,
                          timeout=timeout, env=ENV)


def test_help_answers_without_loading_tensorflow():
    started = time.perf_counter()
    result = digit_lab("--help")
    assert result.returncode == 0
    for command in ("train", "evaluate", "predict", "devices", "self-test"):
        assert command in result.stdout
    probe = subprocess.run([sys.executable, "-c", "import sys, desktop_app.cli; "
                            "print('tensorflow' in sys.modules, 'keras' in sys.modules)"],
                           capture_output=True, text=True, env=ENV)
    assert probe.stdout.split() == ["False", "False"]
    assert time.perf_counter() - started < 30  # generous: a loaded CI machine; benchmarks/ has the figure


@pytest.mark.parametrize("command", ["train", "evaluate", "predict", "inspect", "layers", "export", "devices", "self-test"])
def test_every_command_has_help(command):
    result = digit_lab(command, "--help")
    assert result.returncode == 0 and "usage: digit-lab " + command in result.stdout


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """`digit-lab train` on 400 images for one epoch, as a user would type it."""
    folder = tmp_path_factory.mktemp("cli")
    model = folder / "tiny.keras"
    result = digit_lab("train", "--preset", "small-cnn", "--epochs", "1", "--limit", "400",
                       "--batch-size", "32", "--device", "cpu", "--out", str(model), "--json")
    return folder, model, result


def test_train_saves_a_model_and_reports_json(trained):
    folder, model, result = trained
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["status"] == "finished" and summary["epochs"] == 1
    assert summary["model"] == str(model) and model.is_file()
    assert set(summary["metrics"]) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert "epoch 1:" in result.stderr  # progress goes to stderr, stdout stays JSON


def test_evaluate_reports_accuracy_and_confusion(trained):
    _, model, _ = trained
    result = digit_lab("evaluate", str(model), "--limit", "300", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    confusion = np.array(report["confusion_matrix"])
    assert confusion.shape == (10, 10) and confusion.sum() == 300
    assert report["accuracy"] == pytest.approx(np.trace(confusion) / 300)
    assert sum(report["verdicts"].values()) == 300
    assert report["not_given_digit"] == 300 - report["verdicts"]["digit"]
    text = digit_lab("evaluate", str(model), "--limit", "300")
    assert "accuracy" in text.stdout and "confusion matrix" in text.stdout


def test_predict_reads_image_files(trained):
    folder, model, _ = trained
    from desktop_app.core.data import load_dataset

    test = load_dataset().limited(test=3)
    files = []
    for index, digit in enumerate(test.x_test):
        path = folder / f"digit{index}.png"
        Image.fromarray(255 - np.kron(digit, np.ones((4, 4), np.uint8))).save(path)  # dark on light, 112 px
        files.append(str(path))
    blank = folder / "blank.png"
    Image.fromarray(np.full((50, 50), 255, np.uint8)).save(blank)
    result = digit_lab("predict", str(model), *files, "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["file"] for row in rows] == files
    for row in rows:
        assert set(row) == {"file", "digit", "verdict", "probabilities"}
        assert len(row["probabilities"]) == 10 and sum(row["probabilities"]) == pytest.approx(1, abs=1e-4)
        assert row["digit"] == int(np.argmax(row["probabilities"]))
        assert row["verdict"] in ("digit", "unsure", "not_a_digit")
    empty = digit_lab("predict", str(model), str(blank), "--json")  # an answer, not a failure
    assert empty.returncode == 0, empty.stderr
    assert json.loads(empty.stdout) == [{"file": str(blank), "digit": None, "verdict": "empty",
                                         "probabilities": None}]
    assert digit_lab("predict", str(model), str(blank)).stdout.strip() == f"{blank}: empty (nothing is drawn)"


def test_resume_continues_the_history(trained):
    folder, model, _ = trained
    more = folder / "more.keras"
    result = digit_lab("train", "--preset", "small-cnn", "--epochs", "1", "--limit", "400", "--device", "cpu",
                       "--resume", str(model), "--out", str(more), "--json")
    assert result.returncode == 0, result.stderr
    from desktop_app.core.modelio import read_metadata

    assert len(read_metadata(more).history["loss"]) == 2


@pytest.mark.parametrize("args,message", [
    (["evaluate", "missing.keras"], "missing.keras: no such file"),
    (["train", "--epochs", "0", "--out", "x.keras"], "epochs must be at least 1"),
    (["train", "--limit", "0", "--out", "x.keras"], "the limit must be at least 1 image, not 0"),
    (["train", "--limit", "-5", "--out", "x.keras"], "the limit must be at least 1 image, not -5"),
    (["train", "--limit", "50", "--data", "nowhere", "--out", "x.keras"], "nowhere: no such file"),
    (["predict", "pyproject.toml", "x.png"], "ending in .keras"),
])
def test_errors_are_one_clear_line_without_traceback(args, message):
    result = digit_lab(*args)
    assert result.returncode == 2  # a refused input, not a failure during the work
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_devices_lists_the_cpu():
    result = digit_lab("devices", "--json")
    assert result.returncode == 0
    devices = json.loads(result.stdout)
    assert devices[0]["id"] == "CPU"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_ctrl_c_stops_at_the_next_batch_and_still_saves(tmp_path):
    model = tmp_path / "stopped.keras"
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "train", "--preset", "small-cnn", "--epochs", "3",
         "--limit", "20000", "--batch-size", "16", "--device", "cpu", "--out", str(model), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    seen = ""
    while "epoch 1 [" not in seen:  # the progress bar has started: training is under way
        chunk = process.stderr.read(1)
        assert chunk, "training ended before it started"
        seen += chunk
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    summary = json.loads(stdout)
    assert summary["status"] == "stopped" and model.is_file()
    assert "Stopping at the next batch" in stderr


def test_evaluate_writes_confusion_and_mistakes_files(trained, tmp_path):
    _, model, _ = trained
    out = tmp_path / "report"
    result = digit_lab("evaluate", str(model), "--limit", "200", "--mistakes", "6", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} == {"confusion.png", "confusion.csv", "mistakes.png", "mistakes.csv"}
    rows = (out / "confusion.csv").read_text().splitlines()
    assert len(rows) == 11 and sum(sum(map(int, row.split(",")[1:11])) for row in rows[1:]) == 200
    mistakes = (out / "mistakes.csv").read_text().splitlines()
    assert mistakes[0] == "index,true_label,predicted_label,confidence" and 1 <= len(mistakes) <= 7
    assert Image.open(out / "confusion.png").size[0] > 400


def test_inspect_writes_feature_map_grids(trained, tmp_path):
    folder, model, _ = trained
    from desktop_app.core.data import load_dataset

    picture = tmp_path / "seven.png"
    Image.fromarray(255 - np.kron(load_dataset().x_test[0], np.ones((5, 5), np.uint8))).save(picture)
    out = tmp_path / "inside"
    result = digit_lab("inspect", str(model), str(picture), "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    names = {p.name for p in out.iterdir()}
    assert {"input.png", "filters.png", "saliency.png"} <= names
    conv_grids = [n for n in names if n.startswith("feature-maps-")]
    assert len(conv_grids) == len(summary["layers"]) == 1  # the small CNN has one convolution
    assert Image.open(out / conv_grids[0]).size == ((4 * 28 + 3) * 6, (3 * 28 + 2) * 6)  # 10 maps, 4×3 grid


def test_train_with_the_tape_loop(tmp_path):
    model = tmp_path / "tape.keras"
    result = digit_lab("train", "--preset", "mlp", "--epochs", "1", "--limit", "300", "--device", "cpu",
                       "--loop", "tape", "--tensorboard", str(tmp_path / "logs"), "--out", str(model), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "finished" and model.is_file()
    assert list((tmp_path / "logs").rglob("events.out.tfevents.*"))


@pytest.fixture(scope="module")
def handwriting_folder(tmp_path_factory):
    """A folder with sub-folders 0–9 of synthetic 'personal' drawings (slanted, thick, dark on white)."""
    from desktop_app.core.data import load_dataset
    from desktop_app.core.synthetic import personal_style_set

    mnist = load_dataset()
    folder = tmp_path_factory.mktemp("hand")
    drawings = personal_style_set(mnist.x_train[50000:50060])
    for index, (drawing, label) in enumerate(zip(drawings, mnist.y_train[50000:50060])):
        (folder / str(label)).mkdir(exist_ok=True)
        Image.fromarray(drawing).save(folder / str(label) / f"{index}.png")
    return folder


def test_fine_tune_and_evaluate_on_a_folder(trained, handwriting_folder, tmp_path):
    _, model, _ = trained
    tuned = tmp_path / "tuned.keras"
    result = digit_lab("train", "--fine-tune", str(model), "--data", str(handwriting_folder), "--epochs", "1",
                       "--device", "cpu", "--out", str(tuned), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["holdout_size"] + report["train_size"] == 60 and tuned.is_file()
    for key in ("personal_before", "personal_after", "mnist_before", "mnist_after"):
        assert 0 <= report[key] <= 1
    evaluation = digit_lab("evaluate", str(tuned), "--data", str(handwriting_folder), "--json")
    assert evaluation.returncode == 0, evaluation.stderr
    assert json.loads(evaluation.stdout)["samples"] == 60


def test_train_flags_become_the_config():
    from desktop_app.cli import build_parser, config_from_args
    from desktop_app.core.training import TrainConfig

    def config(*flags):
        return config_from_args(build_parser().parse_args(["train", *flags, "--out", "x.keras"]))

    assert config() == TrainConfig()  # no flag: the core's defaults (--epochs and --data: not given)
    assert config("--data", "digits", "--limit", "300", "--preset", "mlp", "--epochs", "3", "--batch-size", "16",
                  "--learning-rate", "0.01", "--optimizer", "sgd", "--validation-split", "0.2", "--device", "cpu",
                  "--no-augment", "--early-stopping", "2", "--restore-best", "--checkpoint", "best.keras",
                  "--tensorboard", "logs", "--loop", "tape", "--seed", "7") == TrainConfig(
        data="digits", train_limit=300, preset="mlp", epochs=3, batch_size=16, learning_rate=0.01,
        optimizer="sgd", validation_split=0.2, device="cpu", augment=False, early_stopping_patience=2,
        restore_best=True, checkpoint_path="best.keras", tensorboard_dir="logs", loop="tape", seed=7)


def test_resume_records_the_loaded_architecture(tmp_path, capsys):
    """A continued small CNN stays a small CNN in its file, whatever --preset says (its default included)."""
    from desktop_app.cli import main
    from desktop_app.core.modelio import read_metadata

    first, resumed, renamed = tmp_path / "small.keras", tmp_path / "resumed.keras", tmp_path / "renamed.keras"
    quick = ["--epochs", "1", "--limit", "300", "--batch-size", "32", "--device", "cpu", "--no-augment"]
    assert main(["train", "--preset", "small-cnn", *quick, "--out", str(first)]) == 0
    capsys.readouterr()

    assert main(["train", "--resume", str(first), *quick, "--out", str(resumed)]) == 0
    metadata = read_metadata(resumed)
    assert (metadata.preset, metadata.config["preset"], metadata.dataset) == ("small-cnn", "small-cnn", "mnist")
    assert len(metadata.history["loss"]) == 2
    assert "warning" not in capsys.readouterr().err

    assert main(["train", "--resume", str(first), "--preset", "batchnorm-cnn", *quick, "--out", str(renamed)]) == 0
    assert read_metadata(renamed).preset == "small-cnn"
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert warnings == ["digit-lab: warning: --resume keeps the loaded model's architecture (small-cnn); "
                        "--preset batchnorm-cnn is ignored."]


def test_resume_of_a_plain_keras_model_names_no_preset(tmp_path):
    from desktop_app.cli import main
    from desktop_app.core.models import build_model
    from desktop_app.core.modelio import read_metadata

    foreign = tmp_path / "foreign.keras"
    build_model("mlp").save(foreign)  # plain Keras: no Digit Lab metadata
    out = tmp_path / "continued.keras"
    assert main(["train", "--resume", str(foreign), "--epochs", "1", "--limit", "300", "--device", "cpu",
                 "--out", str(out)]) == 0
    metadata = read_metadata(out)
    assert metadata.preset == "" and metadata.config["preset"] == ""


def test_predict_answers_every_file_when_one_is_bad(trained, tmp_path, capsys):
    from desktop_app.cli import main
    from desktop_app.core.data import load_dataset

    _, model, _ = trained
    good, text, good2 = tmp_path / "good.png", tmp_path / "text.png", tmp_path / "good2.png"
    for path, digit in ((good, load_dataset().x_test[0]), (good2, load_dataset().x_test[1])):
        Image.fromarray(255 - np.kron(digit, np.ones((4, 4), np.uint8))).save(path)
    text.write_text("not an image")
    files = [str(good), str(text), str(good2)]

    assert main(["predict", str(model), *files, "--json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [row["file"] for row in rows] == files
    assert rows[0]["digit"] is not None and rows[2]["digit"] is not None and "error" not in rows[0]
    assert rows[1]["digit"] is None and rows[1]["probabilities"] is None and "text.png" in rows[1]["error"]

    assert main(["predict", str(model), *files]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[0].startswith(f"{good}: ") and lines[2].startswith(f"{good2}: ")
    assert lines[1].startswith(f"{text}: ") and "not a readable image" in lines[1]


@pytest.mark.parametrize("command,out,message", [
    ("train", "afile/m.keras", "afile is a file, not a folder"),
    ("train", "/sys/m.keras", "the folder /sys is not writable"),
    ("train", "some-folder.keras", "some-folder.keras: it is a folder"),
    ("train", "existing-folder", "existing-folder: it is a folder"),
    ("train", "missing/m.keras", "missing does not exist"),
    ("evaluate", "afile/report", "afile is a file, not a folder"),
    ("evaluate", "/sys/report", "the folder /sys is not writable"),
    ("inspect", "afile/inside", "afile is a file, not a folder"),
    ("inspect", "/sys/inside", "the folder /sys is not writable"),
])
def test_an_output_path_that_cannot_be_written_is_refused_before_the_work(command, out, message, tmp_path):
    (tmp_path / "afile").write_text("a file where a folder should be")
    (tmp_path / "some-folder.keras").mkdir()
    (tmp_path / "existing-folder").mkdir()
    arguments = {"train": ["--limit", "300", "--epochs", "1", "--preset", "mlp", "--device", "cpu"],
                 "evaluate": ["model.keras", "--limit", "100"], "inspect": ["model.keras", "seven.png"]}[command]
    out = out if out.startswith("/") else str(tmp_path / out)
    result = digit_lab(command, *arguments, "--out", out)
    assert result.returncode == 2
    assert result.stderr.startswith("digit-lab: error: ") and result.stderr.strip().count("\n") == 0
    assert message in result.stderr and out in result.stderr  # no "Training on …": refused before the work
    assert not (tmp_path / "existing-folder.keras").exists()


@pytest.fixture()
def good_model(tmp_path, capsys):
    from desktop_app.cli import main

    good = tmp_path / "good.keras"
    assert main(["train", "--preset", "mlp", "--epochs", "1", "--limit", "300", "--device", "cpu",
                 "--no-augment", "--out", str(good)]) == 0
    capsys.readouterr()
    return good


def test_a_diverged_run_never_replaces_a_good_model(good_model, capsys):
    from desktop_app.cli import main

    before = good_model.read_bytes()
    assert main(["train", "--preset", "mlp", "--epochs", "1", "--limit", "300", "--device", "cpu",
                 "--optimizer", "sgd", "--learning-rate", "1e30", "--out", str(good_model), "--json"]) == 1
    captured = capsys.readouterr()
    assert good_model.read_bytes() == before
    assert json.loads(captured.out)["status"] == "failed" and json.loads(captured.out)["model"] is None
    errors = [line for line in captured.err.splitlines() if line.startswith("digit-lab: error:")]
    assert len(errors) == 1 and "diverged" in errors[0] and f"Nothing was saved: {good_model} is unchanged" \
        in errors[0]
    assert "last good epoch" not in errors[0]  # there was none


def test_ctrl_c_before_the_first_batch_never_replaces_a_good_model(good_model, capsys, monkeypatch):
    import signal as signals

    from desktop_app import cli

    installed = signals.signal

    def install_and_press_ctrl_c(number, handler):  # Ctrl-C as soon as train listens for it
        previous = installed(number, handler)
        if getattr(handler, "__name__", "") == "ask_to_stop":
            handler(number, None)
        return previous

    monkeypatch.setattr(cli.signal, "signal", install_and_press_ctrl_c)
    before = good_model.read_bytes()
    assert cli.main(["train", "--preset", "mlp", "--epochs", "1", "--limit", "300", "--device", "cpu",
                     "--out", str(good_model)]) == 1
    assert good_model.read_bytes() == before
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("digit-lab: error:")]
    assert errors == [f"digit-lab: error: Stopped before the first batch. Nothing was saved: {good_model} "
                      "is unchanged."]
