"""Issue 15 on the command line: `digit-lab export MODEL.keras --format onnx|tflite|saved_model --out PATH`
writes the export, proves it computes the model's answers (exit 1 and the file kept when it does not),
refuses bad input in one line before the work (exit 2); and docs/onnx_example.py, which reads PNGs with
the ONNX file and onnxruntime alone, answers as `digit-lab predict` does."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop_app.cli import main

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = Path(__file__).resolve().parents[1]
READY_MODEL = ROOT / "resources" / "ready_model.keras"  # trained on MNIST by tools/make_ready_model.py
EXAMPLE = ROOT / "docs" / "onnx_example.py"
FIELDS = {"format", "path", "bytes", "max_abs_diff", "top_digit_agreement"}


def export(capsys, *argv):
    code = main(["export", str(READY_MODEL), *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# Each format is exported and checked in tests/core/test_export_check.py; here the command around it.

def test_export_writes_checks_and_reports_json(capsys, tmp_path):
    earlier = tmp_path / "digits.onnx"
    earlier.write_bytes(b"an earlier export, replaced once the new one is whole")

    code, out, err = export(capsys, "--format", "onnx", "--out", tmp_path / "digits", "--json")

    assert code == 0, err
    report = json.loads(out)  # stdout holds the JSON and nothing else
    assert FIELDS <= set(report)
    assert report["format"] == "onnx" and report["path"] == str(earlier)  # .onnx added
    assert report["bytes"] == earlier.stat().st_size > 100_000
    assert report["max_abs_diff"] < 1e-4 and report["top_digit_agreement"] == 1.0
    assert report["passed"] is True and report["samples"] == 200 and "onnxruntime" in report["runtime"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digits.onnx"]  # nothing staged is left beside it


def test_an_export_that_fails_its_check_exits_1_and_is_kept(capsys, tmp_path, monkeypatch):
    from desktop_app.core import export as export_module

    real = export_module.export_model

    def export_then_damage(model, path, kind):  # a disk that flips bits after the write
        written = real(model, path, kind)
        data = bytearray(written.read_bytes())
        middle = len(data) // 2
        data[middle:middle + 4096] = bytes(b ^ 0xFF for b in data[middle:middle + 4096])
        written.write_bytes(bytes(data))
        return written

    monkeypatch.setattr(export_module, "export_model", export_then_damage)
    code, out, err = export(capsys, "--format", "onnx", "--out", tmp_path / "digits.onnx", "--json")

    assert code == 1
    report = json.loads(out)
    assert report["passed"] is False and (tmp_path / "digits.onnx").is_file()
    assert report["max_abs_diff"] > 1e-4 or report["top_digit_agreement"] < 1.0 or report["error"]
    errors = [line for line in err.splitlines() if line.startswith("digit-lab: error: ")]
    assert len(errors) == 1 and "do not use it" in errors[0]


def _missing_onnxruntime(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *rest: None if name == "onnxruntime" else real(name, *rest))


@pytest.mark.parametrize("case", ["unknown format", "missing model", "missing folder", "folder is a file",
                                  "saved model over a file", "onnx not installed"])
def test_bad_input_is_refused_in_one_line_before_the_work(capsys, tmp_path, monkeypatch, case):
    model, kind, out, named = READY_MODEL, "onnx", tmp_path / "digits.onnx", ""
    if case == "unknown format":
        kind, named = "pickle", "unknown export format 'pickle'"
    elif case == "missing model":
        model = named = tmp_path / "nowhere.keras"
    elif case == "missing folder":
        out, named = tmp_path / "no" / "such" / "digits.onnx", "does not exist"
    elif case == "folder is a file":
        (tmp_path / "afile").write_text("")
        out, named = tmp_path / "afile" / "digits.onnx", "is a file, not a folder"
    elif case == "saved model over a file":
        (tmp_path / "digits").write_text("keep me")
        kind, out, named = "saved_model", tmp_path / "digits", "a SavedModel is a folder"
    else:
        _missing_onnxruntime(monkeypatch)
        named = 'pip install "digit-lab[export]"'

    code = main(["export", str(model), "--format", kind, "--out", str(out)])

    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(lines) == 1, lines
    assert lines[0].startswith("digit-lab: error: ") and str(named) in lines[0]
    assert not out.exists() or case == "saved model over a file"


# --- docs/onnx_example.py: onnxruntime, numpy and Pillow, nothing else ---------------------------------

# Runs the example with TensorFlow, Keras and Digit Lab made unimportable: it must not need them.
RUN_WITHOUT_TENSORFLOW = (
    "import runpy, sys\n"
    "for name in ('tensorflow', 'keras', 'desktop_app', 'tf2onnx'):\n"
    "    sys.modules[name] = None\n"
    "sys.argv = sys.argv[1:]\n"
    "runpy.run_path(sys.argv[0], run_name='__main__')\n")


def _drawn_digits(folder: Path, count: int = 6) -> tuple[list[Path], list[int]]:
    """MNIST test digits as a person's PNGs: dark ink on light paper, enlarged 4×, off-centre."""
    with np.load(ROOT / "resources" / "mnist.npz") as data:
        digits, labels = data["x_test"][:count], data["y_test"][:count]
    paths = []
    for index, digit in enumerate(digits):
        big = np.kron(digit.astype(np.float32), np.ones((4, 4), np.float32))
        paper = np.zeros((200, 170), np.float32)
        paper[30 + index * 5:142 + index * 5, 15 + index * 3:127 + index * 3] = big
        path = folder / f"digit-{index}.png"
        Image.fromarray((255 - paper).astype(np.uint8)).save(path)
        paths.append(path)
    return paths, [int(label) for label in labels]


def test_the_onnx_example_reads_pngs_as_digit_lab_predict_does(capsys, tmp_path):
    model = tmp_path / "digits.onnx"
    code, out, _ = export(capsys, "--format", "onnx", "--out", model)
    assert code == 0
    assert out.startswith(f"Exported {model} (") and "computes the model's answers" in out and "200 of 200" in out
    images, labels = _drawn_digits(tmp_path)

    example = subprocess.run([sys.executable, "-c", RUN_WITHOUT_TENSORFLOW, str(EXAMPLE), str(model),
                              *map(str, images), "--json"], capture_output=True, text=True, timeout=120)
    assert example.returncode == 0, example.stderr
    assert main(["predict", str(READY_MODEL), *map(str, images), "--json"]) == 0
    predicted = json.loads(capsys.readouterr().out)

    answers = json.loads(example.stdout)
    assert [row["digit"] for row in answers] == [row["digit"] for row in predicted] == labels
    difference = np.abs(np.array([row["probabilities"] for row in answers])
                        - np.array([row["probabilities"] for row in predicted])).max()
    assert difference < 1e-4, difference
