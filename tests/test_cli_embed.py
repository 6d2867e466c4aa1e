"""Issue 14 on the command line: `digit-lab embed MODEL.keras --out DIR` writes map.png and map.csv (index,
true_label, predicted_label, x, y); bad input is refused in one line, exit 2, before the work."""

import csv
import json
import os
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.cli import main

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

READY_MODEL = Path(__file__).resolve().parents[1] / "resources" / "ready_model.keras"


def embed(capsys, *argv):
    code = main(["embed", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_embed_writes_the_map_and_its_table(capsys, tmp_path):
    out = tmp_path / "new" / "map"  # made with its parents
    code, stdout, err = embed(capsys, READY_MODEL, "--out", out, "--limit", "600", "--json")
    assert code == 0, err
    summary = json.loads(stdout)
    assert summary["digits"] == 600 and summary["method"] == "pca" and summary["knn_accuracy"] >= 0.8
    assert sorted(Path(p).name for p in summary["files"]) == ["map.csv", "map.png"]
    with open(out / "map.csv", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["index", "true_label", "predicted_label", "x", "y"]
    assert len(rows) == 601 and [int(row[0]) for row in rows[1:4]] == [0, 1, 2]
    assert all(0 <= int(row[1]) <= 9 and 0 <= int(row[2]) <= 9 for row in rows[1:])
    assert sum(row[1] != row[2] for row in rows[1:]) == summary["mistakes"]
    float(rows[1][3]), float(rows[1][4])
    with Image.open(out / "map.png") as picture:
        assert picture.width >= 600 and len(picture.getcolors(1 << 16)) > 10  # coloured dots, not a blank

    code, stdout, err = embed(capsys, READY_MODEL, "--out", out, "--limit", "50")
    assert code == 0 and "wrote" in stdout and "map.png" in stdout


@pytest.mark.parametrize("case", ["missing model", "file as folder", "zero limit"])
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path, case):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    argv = {"missing model": [tmp_path / "nope.keras", "--out", tmp_path / "out"],
            "file as folder": [READY_MODEL, "--out", a_file / "map"],
            "zero limit": [READY_MODEL, "--out", tmp_path / "out", "--limit", "0"]}[case]
    code, stdout, err = embed(capsys, *argv)
    assert code == 2 and stdout == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("digit-lab: error: ")
    assert not (tmp_path / "out").exists()


def test_embed_has_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["embed", "--help"])
    assert exit_info.value.code == 0 and "usage: digit-lab embed" in capsys.readouterr().out


def test_embed_with_tsne_writes_the_map_and_its_table(capsys, tmp_path):
    out = tmp_path / "tsne"
    code, stdout, err = embed(capsys, READY_MODEL, "--out", out, "--limit", "400", "--method", "tsne", "--json")
    assert code == 0, err
    summary = json.loads(stdout)
    assert summary["method"] == "tsne" and summary["digits"] == 400 and summary["knn_accuracy"] >= 0.8
    with open(out / "map.csv", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["index", "true_label", "predicted_label", "x", "y"] and len(rows) == 401
    with Image.open(out / "map.png") as picture:
        assert len(picture.getcolors(1 << 16)) > 10

    code, stdout, err = embed(capsys, READY_MODEL, "--out", out, "--limit", "60", "--method", "tsne")
    assert code == 0 and "t-SNE map" in stdout and "wrote" in stdout


def test_umap_without_umap_learn_is_one_line_and_exit_2(capsys, tmp_path, monkeypatch):
    from desktop_app.core import embedding

    monkeypatch.setattr(embedding, "umap_available", lambda: False)  # whether or not it is installed here
    code, stdout, err = embed(capsys, READY_MODEL, "--out", tmp_path / "out", "--method", "umap")
    assert code == 2 and stdout == "" and not (tmp_path / "out").exists()
    assert len(err.strip().splitlines()) == 1
    assert err.strip() == f"digit-lab: error: {embedding.UMAP_MISSING}"
    assert "umap-learn" in err and "--method tsne is built in" in err
