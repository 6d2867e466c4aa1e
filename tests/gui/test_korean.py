"""The window in Korean: no English left where a learner reads, the language switched while the window
runs, the system's language on a first start, Hangul drawn without an installed Korean font, and
translation files that cannot go stale unnoticed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDockWidget, QGroupBox,
                               QLabel, QLineEdit, QMenu, QPlainTextEdit, QTabBar, QTextEdit, QWidget)

from desktop_app.gui.i18n import current_language, initial_language
from desktop_app.core.resources import resource_path
from gui_support import SEVEN, draw_stroke, open_model, quick_config

ROOT = Path(__file__).resolve().parents[2]

# Words that stay as they are in the Korean window: proper names, layer kinds, optimizers, activations,
# units and file types. Anything else of three or more Latin letters is English left untranslated.
ALLOWED = {
    "Digit", "Lab", "TensorFlow", "Keras", "MNIST", "ONNX", "TensorBoard", "LiteRT", "SavedModel", "Python",
    "NumPy", "Qt", "PySide", "pyqtgraph", "Pillow", "NVIDIA", "CUDA", "cuDNN", "WSL", "Linux", "Windows",
    "macOS", "Noto", "Nanum", "NanumGothic", "OFL", "Apache", "BSD", "MIT", "LGPL", "GPL", "SIL",
    "PCA", "SNE", "UMAP", "CPU", "GPU", "XLA", "JSON", "CSV", "PNG", "IDX", "ZIP", "ETA",
    "Conv2D", "Dense", "MaxPooling2D", "AveragePooling2D", "Flatten", "Dropout", "BatchNormalization",
    "GlobalAveragePooling2D", "Input", "Activation", "ReLU", "relu", "softmax", "Softmax", "sigmoid", "tanh",
    "Adam", "SGD", "RMSprop", "AdamW", "float32", "float16", "bfloat16", "fit", "GradientTape",
    "keras", "png", "jpg", "jpeg", "bmp", "gif", "webp", "csv", "npz", "json", "tflite", "onnx", "zip", "gz",
    "idx", "ubyte", "tfevents", "mlp", "cnn", "small", "batchnorm", "lenet", "classic", "deeper", "custom",
    "Lite", "gzip", "x86", "None", "English", "adam", "sgd", "rmsprop", "mnist",  # names: TensorFlow Lite, optimizers, data
    "Ctrl", "Shift", "Del", "Backspace", "Delete", "Space", "Enter", "Esc", "Home", "End",
}
# What is not prose: paths and file names, HTML mark-up, code in backticks and shapes such as (None, 10).
MARK_UP = re.compile(r"<[^>]+>|&[a-z]+;|\{[^{}]*\}")  # HTML, and a source text's {placeholders}
NOT_PROSE = re.compile(r"`[^`]*`|\(None,[^)]*\)|\S*[/\\]\S*"
                       r"|\S+\.(keras|png|csv|npz|json|tflite|onnx|ts|qm)\b|\w+\.\w+\(\)")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’]{2,}")
# The layers' text notation (`train --layers`, the layer editor's "Start from" list) is written the same in
# every language, as are Keras' own layer names in the model summary (dense_1).
LAYER_TEXT = re.compile(r"^(conv|pool|flatten|dense|dropout|batchnorm|activation|avgpool|globalpool)\b"
                        r"[\w .=,×-]*$")


def english_left(text: str) -> list[str]:
    """The English words in `text` that a translation should have replaced."""
    text = NOT_PROSE.sub(" ", MARK_UP.sub(" ", text or ""))
    text = " ".join(part for part in re.split(r"[:,(]\s*|\s+\(", text) if not LAYER_TEXT.match(part.strip()))
    return [word for word in WORD.findall(text) if word not in ALLOWED and word.rstrip("s") not in ALLOWED
            and not re.fullmatch(r"(dense|conv2d|flatten|dropout|max_pooling2d|batch_normalization)(_\d+)?",
                                 word)]


def visible_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text `widget` and its descendants show: labels, buttons, titles, tabs, menus
    and their actions, combo items, headers, place-holders, logs, plot axes and every tooltip."""
    found: list[tuple[str, str]] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        name = f"{type(child).__name__}:{child.objectName()}"
        if isinstance(child, QLabel):
            found.append((name, child.text()))
        if isinstance(child, QAbstractButton):
            found.append((name, child.text()))
        if isinstance(child, QGroupBox):
            found.append((name, child.title()))
        if isinstance(child, QDockWidget) or child.isWindow():
            found.append((name + " title", child.windowTitle()))
        if isinstance(child, QTabBar):
            found += [(name, child.tabText(index)) for index in range(child.count())]
        if isinstance(child, QMenu):
            found.append((name, child.title()))
            found += [(name + " action", action.text()) for action in child.actions()]
            found += [(name + " tip", action.toolTip()) for action in child.actions()
                      if action.toolTip() != action.text().replace("&", "")]
        if isinstance(child, QComboBox):
            found += [(name, child.itemText(index)) for index in range(child.count())]
        if isinstance(child, QLineEdit):
            found.append((name + " placeholder", child.placeholderText()))
        if isinstance(child, (QPlainTextEdit, QTextEdit)):
            found.append((name, child.toPlainText()))
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            try:
                rows, columns = model.rowCount(QModelIndex()), model.columnCount(QModelIndex())
            except TypeError:  # a Qt-internal model (a completer's popup) that hides its counts
                rows = columns = 0
            found += [(name + " header", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                      for column in range(columns)]
            found += [(name + " cell", str(model.data(model.index(row, column)) or ""))
                      for row in range(min(rows, 200)) for column in range(columns)]
            found += [(name + " cell tip", str(model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                                               or "")) for row in range(min(rows, 200)) for column in range(columns)]
        if isinstance(child, pg.PlotWidget):
            item = child.getPlotItem()
            for side in ("left", "bottom"):
                found.append((name + f" {side} axis", item.getAxis(side).labelText))
            found.append((name + " title", item.titleLabel.text))
        found.append((name + " tooltip", child.toolTip()))
    return found


def leftovers(widgets) -> list[str]:
    return [f"{where}: {text!r} → {words}" for widget in widgets for where, text in visible_texts(widget)
            if (words := english_left(text))]


@pytest.fixture
def korean_settings():
    QSettings().setValue("ui/language", "ko")


def test_the_korean_window_leaves_no_english(qtbot, korean_settings, make_window, message_boxes):
    window = make_window()
    assert current_language() == "ko"
    # a short run, a drawing read, the layer editor open: what a learner sees in the first minutes
    window.training_panel.set_config(quick_config())
    window.training_panel.train_button.click()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)
    draw_stroke(window.canvas, SEVEN)
    qtbot.waitUntil(lambda: window.prediction.verdict() is not None, timeout=10_000)
    window.training_panel.edit_layers_button.click()
    window.about_action.trigger()
    from types import SimpleNamespace

    from desktop_app.gui.handwriting.fine_tune_dialog import FineTuneResultDialog

    report = SimpleNamespace(result=SimpleNamespace(status="finished"), holdout_size=4, train_size=16,
                             personal_before=0.5, personal_after=0.75, mnist_before=0.98, mnist_after=0.97)
    fine_tuned = FineTuneResultDialog(report, window)  # the other dialog of the window, after fine-tuning
    fine_tuned.show()

    # the window with every dock, and each dialog or menu that is open; pyqtgraph's own menus are turned off
    # (they speak English only) and never shown
    shown = [widget for widget in QApplication.topLevelWidgets() if widget is window or widget.isVisible()]
    assert len(shown) >= 3  # the window, the layer editor and the fine-tuning result at least
    found = leftovers(shown)
    found += [f"message box: {text!r} → {words}" for text in message_boxes.texts()
              if (words := english_left(text))]
    assert not found, "\n".join(found[:60])


def test_switching_the_language_changes_the_window_at_once(qtbot, make_window):
    window = make_window()
    assert open_model(qtbot, window, resource_path("ready_model.keras"))
    file_menu = window.menuBar().actions()[0]
    panel = window.training_panel
    axis = window.plots.loss.plot_widget.getPlotItem().getAxis("left")
    draw_stroke(window.canvas, SEVEN)
    qtbot.waitUntil(lambda: window.prediction.verdict() is not None, timeout=10_000)
    data_box = next(box for box in panel.findChildren(QGroupBox) if box.title() == "Data")
    epochs_label = next(label for label in panel.findChildren(QLabel) if label.text() == "&Epochs")

    def shown():
        return (file_menu.text(), panel.train_button.text(), data_box.title(), epochs_label.text(),
                axis.labelText, window.prediction.status_text())

    before = shown()
    assert before[0] == "&File" and before[1] == "Continue training"

    window.language_actions["ko"].trigger()  # View → Language → 한국어
    qtbot.waitUntil(lambda: file_menu.text() != "&File", timeout=5_000)  # Qt posts LanguageChange
    after = shown()
    for old, new in zip(before, after):
        assert new and new != old and not english_left(new), (old, new)
    assert QSettings().value("ui/language") == "ko"

    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: file_menu.text() == "&File", timeout=5_000)
    assert shown() == before


def test_a_first_start_follows_the_system_language():
    assert initial_language("", system_languages=["ko-KR", "en-US"]) == "ko"
    assert initial_language("", system_languages=["de-DE"]) == "en"  # no German: English
    assert initial_language("en", system_languages=["ko-KR"]) == "en"  # the user's choice wins


def test_hangul_is_drawn_even_without_an_installed_korean_font(qapp):
    from desktop_app.gui.i18n.fonts import ensure_hangul_font

    family = ensure_hangul_font()
    assert family
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(character)) for character in "학습률정확도")


def test_the_translation_files_are_up_to_date():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_the_check_fails_when_a_new_text_is_not_in_the_translation(tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "desktop_app", copy / "desktop_app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tools", copy / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    panel = copy / "desktop_app" / "gui" / "training" / "panel.py"
    panel.write_text(panel.read_text(encoding="utf-8") + '\n\nclass Added(QWidget):\n'
                     '    def text(self):\n        return self.tr("A text nobody translated")\n', encoding="utf-8")
    done = subprocess.run([sys.executable, str(copy / "tools" / "translations.py"), "check"],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "new text not in digit_lab_ko.ts: [Added] 'A text nobody translated'" in done.stdout


def test_every_korean_translation_is_loaded_for_its_context(qapp):
    """Each text of the .ts comes back translated from the installed .qm: a context that lupdate and the
    running code name differently would leave it English."""
    import xml.etree.ElementTree as ElementTree

    from desktop_app.gui.i18n import install_language

    install_language("ko")
    ts = ROOT / "desktop_app" / "gui" / "i18n" / "digit_lab_ko.ts"
    untranslated = []
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            if not english_left(source):  # nothing but placeholders and signs: the same in Korean
                continue
            n = 2 if message.get("numerus") == "yes" else -1
            if QCoreApplication.translate(name, source, None, n) == source.replace("%n", str(n)):
                untranslated.append(f"[{name}] {source}")
    assert len(untranslated) == 0, untranslated[:20]
