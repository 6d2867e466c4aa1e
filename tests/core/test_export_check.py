"""Issue 15: every export proves it computes the model's answers, in the runtime a user of its format runs.

A small CNN trained on a small MNIST slice is exported as ONNX, TFLite and a SavedModel; each is opened
again (onnxruntime, the LiteRT interpreter or TensorFlow's, tf.saved_model.load) and run on 200 MNIST test
digits beside the Keras model. A corrupted export fails its check and is kept.
"""

import shutil
import sys

import numpy as np
import pytest

from desktop_app.core import export
from desktop_app.core.export import ExportUnavailableError, export_model, unavailable_reason
from desktop_app.core.export_check import CHECK_SAMPLES, verify_export

FORMATS = ["onnx", "tflite", "saved_model"]


@pytest.fixture(scope="module")
def model(tiny_result):
    return tiny_result.model


@pytest.fixture(scope="module")
def exported(model, tmp_path_factory):
    """Each format written once for the module: {kind: path}."""
    folder = tmp_path_factory.mktemp("exports")
    return {kind: export_model(model, folder / "digits", kind) for kind in FORMATS}


@pytest.mark.parametrize("kind", FORMATS)
def test_each_format_gives_the_models_answers_in_its_own_runtime(model, exported, kind):
    path = exported[kind]
    assert path.name == {"onnx": "digits.onnx", "tflite": "digits.tflite", "saved_model": "digits"}[kind]

    check = verify_export(model, path, kind)

    assert check.passed, check.verdict()
    assert check.samples == CHECK_SAMPLES == 200 and check.agreeing == 200 and check.top_digit_agreement == 1.0
    assert check.max_abs_diff < 1e-4  # measured: ~1e-7 for ONNX and TFLite, 0 for the SavedModel
    assert check.bytes > 10_000
    summary = check.to_dict()
    assert {"format", "path", "bytes", "max_abs_diff", "top_digit_agreement"} <= set(summary)
    assert summary["format"] == kind and summary["path"] == str(path) and summary["passed"] is True
    assert "computes the model's answers" in check.verdict()


def test_the_onnx_file_reopens_in_onnxruntime_with_a_batch_of_any_size(model, exported, mnist):
    import onnxruntime

    session = onnxruntime.InferenceSession(str(exported["onnx"]), providers=["CPUExecutionProvider"])
    (source,) = session.get_inputs()
    assert source.name == "image" and source.shape[1:] == [28, 28, 1]
    images = (mnist.x_test[200:203].astype(np.float32) / 255)[..., None]
    probabilities = session.run(None, {"image": images})[0]
    assert probabilities.shape == (3, 10)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(probabilities, model(images, training=False), atol=1e-4)


def test_tflite_is_checked_by_tensorflows_interpreter_where_litert_is_missing(model, exported, monkeypatch):
    for name in ("ai_edge_litert", "ai_edge_litert.interpreter"):  # importing either now fails
        monkeypatch.setitem(sys.modules, name, None)

    check = verify_export(model, exported["tflite"], "tflite")

    assert check.passed, check.verdict()
    assert "TensorFlow Lite interpreter" in check.runtime and check.max_abs_diff < 1e-4


def _flip_middle(path, count=4096):
    """Invert `count` bytes in the middle of the file, where the largest weight tensor lies."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + count] = bytes(b ^ 0xFF for b in data[middle:middle + count])
    path.write_bytes(bytes(data))


def _truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _saved_model_weights(folder):
    return next((folder / "variables").glob("variables.data-*"))


@pytest.mark.parametrize("kind, damage", [
    ("onnx", "flipped"), ("onnx", "truncated"), ("tflite", "flipped"), ("tflite", "truncated"),
    ("saved_model", "flipped"),
])
def test_a_corrupted_export_fails_its_check_and_is_kept(model, exported, tmp_path, kind, damage):
    path = tmp_path / exported[kind].name  # a copy of the module's export, damaged after writing
    (shutil.copytree if kind == "saved_model" else shutil.copy)(exported[kind], path)
    victim = _saved_model_weights(path) if kind == "saved_model" else path
    (_flip_middle if damage == "flipped" else _truncate)(victim)

    check = verify_export(model, path, kind)

    assert not check.passed
    assert path.exists()  # kept, for the user to look at
    assert "do not use it" in check.verdict() and str(path) in check.verdict()
    if check.error:  # the runtime refused the file
        assert check.max_abs_diff is None and "could not be checked" in check.verdict()
    else:  # it ran, and its answers are not the model's
        assert check.max_abs_diff > 1e-4 or check.agreeing < check.samples
        assert "does NOT compute the model's answers" in check.verdict()


def test_onnx_export_without_its_packages_says_what_to_install(model, tmp_path, monkeypatch):
    real_find_spec = export.importlib.util.find_spec
    monkeypatch.setattr(export.importlib.util, "find_spec",
                        lambda name, *rest: None if name == "onnxruntime" else real_find_spec(name, *rest))

    with pytest.raises(ExportUnavailableError) as raised:
        export_model(model, tmp_path / "digits.onnx", "onnx")
    assert 'pip install "digit-lab[export]"' in str(raised.value) and "onnxruntime" in str(raised.value)
    assert list(tmp_path.iterdir()) == []

    monkeypatch.setattr(sys, "frozen", True, raising=False)  # the installed app: no pip there
    assert "not part of the installed Digit Lab" in unavailable_reason("onnx")
    assert unavailable_reason("tflite") == ""  # TensorFlow Lite needs nothing more


def test_an_onnx_export_replaces_an_earlier_one_only_once_whole(model, tmp_path, monkeypatch):
    target = tmp_path / "digits.onnx"
    target.write_bytes(b"the earlier export")

    def converter_that_dies(model, path):
        path.write_bytes(b"half an ONNX file")
        raise RuntimeError("ONNX conversion failed: out of memory")

    monkeypatch.setattr(export, "_write_onnx", converter_that_dies)
    with pytest.raises(RuntimeError, match="out of memory"):
        export_model(model, target, "onnx")
    assert target.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["digits.onnx"]  # no temporary file left beside it

    monkeypatch.undo()
    assert export_model(model, target, "onnx") == target
    assert verify_export(model, target, "onnx").passed
