"""Issue 15 in the window: an ONNX export through the files controller is checked on a worker thread, and
its figures appear beside the path in the log, in the status bar and in a dialog; a failed check says so
in a critical dialog and keeps the file; ONNX without its packages says what to install."""

from __future__ import annotations

import sys

from gui_support import open_model


def _export(qtbot, window, path, kind="onnx") -> None:
    assert window.files.export_model(path, kind)
    assert window.is_exporting() and not window.export_action.isEnabled()  # the model is in use meanwhile
    qtbot.waitUntil(lambda: not window.is_exporting(), timeout=60_000)


def test_an_onnx_export_shows_its_check_beside_the_path_and_in_a_dialog(qtbot, window, tiny_model_path, tmp_path,
                                                                        message_boxes):
    assert open_model(qtbot, window, tiny_model_path)
    target = tmp_path / "digits.onnx"

    _export(qtbot, window, target)

    check = window.files.last_export()
    assert check.passed and check.path == target and target.is_file()
    assert check.max_abs_diff < 1e-4 and check.agreeing == check.samples == 200
    log = window.log_view.toPlainText()
    line = next(line for line in log.splitlines() if f"Exported {target} (" in line)
    assert "onnxruntime" in line and "largest difference" in line and "top digit agrees on 200 of 200" in line
    assert "checked" in window.statusBar().currentMessage()
    (shown,) = message_boxes.texts("information")
    assert str(target) in shown and f"{check.max_abs_diff:.1e}" in shown and "200 of 200" in shown
    assert not message_boxes.texts("critical") and window.export_action.isEnabled()


def test_an_export_that_fails_its_check_is_kept_and_said_plainly(qtbot, window, tiny_model_path, tmp_path,
                                                                  message_boxes, monkeypatch):
    from desktop_app.core import export

    real = export.export_model

    def export_then_cut_short(model, path, kind):  # the file is damaged after it was written
        written = real(model, path, kind)
        written.write_bytes(written.read_bytes()[:1000])
        return written

    monkeypatch.setattr(export, "export_model", export_then_cut_short)
    assert open_model(qtbot, window, tiny_model_path)
    target = tmp_path / "digits.onnx"

    _export(qtbot, window, target)

    assert target.is_file() and not window.files.last_export().passed
    (shown,) = message_boxes.texts("critical")
    assert str(target) in shown and "could not be checked" in shown and "do not use it" in shown
    assert "check FAILED" in window.log_view.toPlainText()
    assert not message_boxes.texts("information")


def test_onnx_without_its_packages_says_what_to_install(qtbot, window, tiny_model_path, tmp_path, message_boxes,
                                                       monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *rest: None if name == "tf2onnx" else real(name, *rest))
    assert open_model(qtbot, window, tiny_model_path)

    assert not window.files.export_model(tmp_path / "digits.onnx", "onnx")  # refused before any work

    assert not window.is_exporting() and list(tmp_path.glob("digits*")) == []
    (shown,) = message_boxes.texts("warning")
    assert 'pip install "digit-lab[export]"' in shown and "tf2onnx" in shown
    assert 'pip install "digit-lab[export]"' in window.log_view.toPlainText()

    monkeypatch.setattr(sys, "frozen", True, raising=False)  # the installed app
    assert not window.files.export_model(tmp_path / "digits.onnx", "onnx")
    assert "not part of the installed Digit Lab" in message_boxes.texts("warning")[-1]
