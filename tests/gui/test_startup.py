"""Start-up: the window appears before TensorFlow has loaded, then says which TensorFlow and device."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.gui.drawing.prediction_panel import NO_MODEL_HINT

ROOT = Path(__file__).resolve().parents[2]

STARTUP_PROBE = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
    QCoreApplication.setOrganizationName("Digit Lab start-up test")
    from desktop_app.gui.main_window import MainWindow
    print("tensorflow imported before the window:", "tensorflow" in sys.modules)
    window = MainWindow()
    window.show()
    app.processEvents()
    print("visible:", window.isVisible())
    print("ready:", window.tensorflow_ready())
    print("status:", window.tensorflow_status())
    print("train enabled:", window.training_panel.train_button.isEnabled())
    deadline = time.monotonic() + 120
    while not window.tensorflow_ready() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("later status:", window.tensorflow_status())
    while (window.is_opening() or window.model() is None) and time.monotonic() < deadline:
        app.processEvents()  # a first launch: the ready-made model opens
        time.sleep(0.02)
    print("later model:", window.session.name())
    print("later train enabled:", window.training_panel.train_button.isEnabled())
    window.close()
""")


def test_window_appears_while_tensorflow_loads(tmp_path):
    """A fresh interpreter (TensorFlow not yet imported) shows the window before TensorFlow is ready."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TF_CPP_MIN_LOG_LEVEL": "3",
                   "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    completed = subprocess.run([sys.executable, "-c", STARTUP_PROBE, str(tmp_path)], capture_output=True,
                               text=True, timeout=180, env=environment, cwd=ROOT)
    assert completed.returncode == 0, completed.stderr[-3000:]
    lines = dict(line.split(": ", 1) for line in completed.stdout.splitlines() if ": " in line)
    assert lines["tensorflow imported before the window"] == "False"
    assert lines["visible"] == "True"
    assert lines["ready"] == "False"
    assert lines["status"] == "Loading TensorFlow…"
    assert lines["train enabled"] == "False"
    assert lines["later status"].startswith("TensorFlow 2.") and " ready · " in lines["later status"]
    assert lines["later model"] == "Ready-made model"  # a first launch
    assert lines["later train enabled"] == "True"


def test_ready_window_without_a_model(qtbot, window, tensorflow):
    major_minor = ".".join(tensorflow.__version__.split(".")[:2])
    assert window.isVisible()
    assert window.tensorflow_status() in (f"TensorFlow {major_minor} ready · CPU",) or \
        window.tensorflow_status().startswith(f"TensorFlow {major_minor} ready · GPU")
    assert window.prediction.status_text() == NO_MODEL_HINT
    assert window.windowTitle() == "No model[*] — Digit Lab"
    assert not window.windowIcon().isNull()
    panel = window.training_panel
    assert panel.train_button.isEnabled() and not panel.stop_button.isEnabled()
    assert panel.parameters_label.text().startswith("Parameters: ")
    assert any(ch.isdigit() for ch in panel.parameters_label.text())
    devices = [panel.device_combo.itemText(i) for i in range(panel.device_combo.count())]
    assert devices[0].startswith("CPU")


def _fake_devices(monkeypatch, gpus: list[str], why: str = "") -> None:
    """The window's TensorFlow loader lists these devices, whatever this machine has (it reads
    core.devices when it runs, on its thread)."""
    from desktop_app.core import devices

    listed = [devices.DeviceInfo("CPU", "CPU", "CPU (fake)")]
    listed += [devices.DeviceInfo(f"GPU:{index}", "GPU", f"GPU:{index} ({name})") for index, name in enumerate(gpus)]
    monkeypatch.setattr(devices, "list_devices", lambda: list(listed))
    monkeypatch.setattr(devices, "why_no_gpu", lambda: why)


def test_no_gpu_item_is_disabled_and_explains_why(qtbot, make_window, monkeypatch):
    why = "TensorFlow found no usable NVIDIA GPU (a test says so)."
    _fake_devices(monkeypatch, [], why)
    window = make_window()
    combo = window.training_panel.device_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["CPU (fake)", "GPU (none found)"]
    index = combo.findText("GPU (none found)")
    assert not combo.model().item(index).isEnabled()
    assert combo.itemData(index, Qt.ItemDataRole.ToolTipRole) == why
    assert combo.toolTip().endswith(why)
    assert combo.currentText() == "CPU (fake)"
    assert window.tensorflow_status().endswith("ready · CPU")
    assert why in window.log_view.toPlainText()


def test_a_gpu_item_is_enabled_when_a_gpu_is_listed(qtbot, make_window, monkeypatch):
    _fake_devices(monkeypatch, ["Fake Accelerator"], "never asked when a GPU is listed")
    window = make_window()
    combo = window.training_panel.device_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["CPU (fake)", "GPU:0 (Fake Accelerator)"]
    index = combo.findData("gpu:0")
    assert index == 1 and combo.model().item(index).isEnabled()
    assert combo.findText("GPU (none found)") < 0
    assert combo.currentIndex() == index  # "auto" picks the GPU
    assert window.tensorflow_status().endswith("ready · GPU:0 (Fake Accelerator)")
    assert "never asked" not in combo.toolTip() and "never asked" not in window.log_view.toPlainText()


def test_every_control_has_a_tooltip(qtbot, window):
    from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox,
                                   QPlainTextEdit, QProgressBar, QScrollBar, QToolButton, QWidget)

    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QAbstractSlider, QPlainTextEdit, QProgressBar)
    missing, checked = [], 0
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds) or isinstance(widget, QScrollBar) or not widget.isVisibleTo(window):
            continue
        if widget.objectName().startswith("qt_") or type(widget).__name__ == "QToolBarExtension":
            continue
        action = widget.defaultAction() if isinstance(widget, QToolButton) else None
        tip = widget.toolTip() or (action.toolTip() if action is not None else "")
        checked += 1
        if not tip or (action is not None and tip == action.text().replace("&", "")):
            missing.append(f"{type(widget).__name__} {widget.text() if hasattr(widget, 'text') else ''}")
    assert checked > 20
    assert not missing, missing


def test_edit_layers_shows_the_chosen_preset(qtbot, window):
    panel = window.training_panel
    panel.preset_combo.setCurrentIndex(panel.preset_combo.findData("small-cnn"))
    panel.edit_layers_button.click()
    editor = panel.layer_editor
    qtbot.waitExposed(editor)
    kinds = [editor.kind_combo(index).currentData() for index in range(len(editor.architecture().layers))]
    assert kinds == ["conv", "pool", "flatten", "dropout", "dense"]
    assert editor.row_texts(len(kinds)) == ("10", "1 010")  # the output layer the app adds
    editor.close()


def test_a_new_window_shows_training_inside_and_the_curves_in_front(qtbot, make_window):
    """Each dock area opens on its first tab (seen broken once: My handwriting, Evaluation and the model
    summary came up in front, and the canvas lost a fifth of its height)."""
    window = make_window(wait_ready=False)
    for dock in (window.training.training_dock, window.training.curves_dock, window.inspection.inside_dock):
        assert not dock.visibleRegion().isEmpty(), dock.objectName()
    for dock in (window.handwriting.dock, window.inspection.evaluation_dock, window.inspection.summary_dock):
        assert dock.visibleRegion().isEmpty(), dock.objectName()
