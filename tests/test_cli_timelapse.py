"""`digit-lab train` keeps the run's time-lapse in the model file; `inspect --json` lists it and
`inspect --snapshot K` shows the network as it was at snapshot K."""

import json

import numpy as np
from PIL import Image

from test_cli import digit_lab


def test_inspect_a_snapshot_of_the_saved_timelapse(tmp_path):
    from desktop_app.core.data import load_dataset

    model = tmp_path / "lapse.keras"
    trained = digit_lab("train", "--preset", "small-cnn", "--epochs", "2", "--limit", "600", "--batch-size", "16",
                        "--no-augment", "--device", "cpu", "--out", str(model), "--json")
    assert trained.returncode == 0, trained.stderr
    picture = tmp_path / "seven.png"
    Image.fromarray(255 - np.kron(load_dataset().x_test[0], np.ones((5, 5), np.uint8))).save(picture)

    listed = digit_lab("inspect", str(model), str(picture), "--out", str(tmp_path / "live"), "--json")
    assert listed.returncode == 0, listed.stderr
    snapshots = json.loads(listed.stdout)["snapshots"]
    assert [s["epoch"] for s in snapshots] == [0, 0.0294, 0.0882, 0.2941, 1, 2]
    assert snapshots[0]["kind"] == "start" and snapshots[-1]["accuracy"] > 0.5

    out = tmp_path / "start"
    first = digit_lab("inspect", str(model), str(picture), "--out", str(out), "--snapshot", "1", "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["snapshot"]["index"] == 1 and summary["snapshot"]["epoch"] == 0.0294
    assert {"input.png", "filters.png", "saliency.png"} <= {p.name for p in out.iterdir()}
    live = json.loads(listed.stdout)["probabilities"]
    assert not np.allclose(summary["probabilities"], live, atol=1e-3)  # the network as it was then
    assert Image.open(out / "filters.png").tobytes() != Image.open(tmp_path / "live" / "filters.png").tobytes()

    wrong = digit_lab("inspect", str(model), str(picture), "--out", str(tmp_path / "x"), "--snapshot", "6")
    assert wrong.returncode != 0 and "out of range" in wrong.stderr and "0 to 5" in wrong.stderr


def test_a_model_without_a_timelapse_says_so(tmp_path):
    from desktop_app.core.data import load_dataset

    picture = tmp_path / "seven.png"
    Image.fromarray(255 - np.kron(load_dataset().x_test[0], np.ones((5, 5), np.uint8))).save(picture)
    ready = "resources/ready_model.keras"
    listed = digit_lab("inspect", ready, str(picture), "--out", str(tmp_path / "a"), "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout)["snapshots"] == []
    refused = digit_lab("inspect", ready, str(picture), "--out", str(tmp_path / "b"), "--snapshot", "0")
    assert refused.returncode != 0 and "no training time-lapse" in refused.stderr
