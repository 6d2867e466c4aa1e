"""Save a screenshot of Digit Lab at work, for the README: it trains briefly, draws a 7 and grabs the window.

    python packaging/screenshot.py                       # docs/screenshot.png, mid-training
    python packaging/screenshot.py shot.png --state idle # the window as it starts, no model yet
    python packaging/screenshot.py docs/first-launch.png --state first-launch  # the ready-made model reads a 3
    python packaging/screenshot.py docs/layer-editor.png --state layer-editor  # the layer editor, mid-edit
    python packaging/screenshot.py docs/timelapse.png --state timelapse  # scrubbed back into the first epoch
    xvfb-run -s "-screen 0 1600x1000x24" python packaging/screenshot.py   # under a virtual X server

It runs offscreen unless a display is there, keeps its settings in a temporary folder (never the user's),
and trains the default architecture on the first images of the embedded MNIST through the real Train
button. `--state training` (the default) grabs the window during the last epoch, with the curves of the
finished epochs, the progress bar and the live prediction; `--state trained` waits for the end.
`--state layer-editor` grabs the layer editor alone, part way through turning the classic CNN into a
lighter network of one's own. `--state timelapse` trains to the end, then moves the time-lapse slider
back to the snapshot about 10 % into the first epoch, with the saliency overlay on.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop_app.core.synthetic import DRAWN_DIGITS  # noqa: E402  (one handwritten-looking stroke each)

SEVEN, THREE = DRAWN_DIGITS[7], DRAWN_DIGITS[3]


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default=str(REPO / "docs" / "screenshot.png"),
                        help="the PNG to write (default: docs/screenshot.png)")
    parser.add_argument("--state", choices=("training", "trained", "idle", "first-launch", "layer-editor",
                                              "timelapse"), default="training",
                        help="when to grab the window (default: during the last epoch)")
    parser.add_argument("--size", default="1440x900", help="window size in pixels, WIDTHxHEIGHT")
    parser.add_argument("--train-limit", type=int, default=6000, help="training images (default 6000)")
    parser.add_argument("--epochs", type=int, default=3, help="epochs (default 3)")
    parser.add_argument("--preset", default=None, help="architecture (default: the app's default)")
    parser.add_argument("--dark", action="store_true", help="use a dark palette (checks readability)")
    parser.add_argument("--language", choices=("en", "ko"), default="en", help="the window's language (default en)")
    return parser.parse_args(argv)


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d31", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#2b2d31",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#35373c",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3b82f6",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#35373c",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#9a9ca3",
        QPalette.ColorRole.Mid: "#5a5d63", QPalette.ColorRole.Dark: "#151618", QPalette.ColorRole.Light: "#4a4d52",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7c82"))
    return palette


def edit_layers(driver):
    """Open the layer editor and, with real key presses and clicks, start from the classic CNN, put batch
    normalisation after its first convolution, shrink the second convolution's kernel and its dense layer,
    and name the result; the dense layer's units are left mid-edit. Returns the editor."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop_app.gui.driver import wait_until

    editor = driver.open_layer_editor()
    driver.start_layers_from("Classic two-convolution CNN")  # conv 32 5, pool, conv 64 5, pool, flatten, dense…

    def select(index: int) -> None:
        table = editor.table
        rect = table.visualRect(table.model().index(editor.layer_row(index), 2))
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())

    def type_into(widget, text: str) -> None:
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(widget, text)

    select(0)
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # a copy of conv 32 5 after it …
    QTest.keyClicks(editor.kind_combo(1), "B")  # … made batch normalisation
    type_into(editor.option_widget(3, "kernel"), "3")  # conv 64 5 → 3×3
    QTest.keyClicks(editor.name_edit, "Classic, lighter")
    select(6)
    type_into(editor.option_widget(6, "units"), "256")  # dense 1024 → 256, the cursor still in it
    editor.fit_height()
    wait_until(lambda: False, 0.2)
    return editor


def show_early_moment(window) -> None:
    """The time-lapse slider on the snapshot nearest 10 % of the first epoch, the overlay on, the maps shown."""
    from desktop_app.gui.driver import wait_until

    timelapse = window.session.timelapse()
    index = min(range(len(timelapse)), key=lambda i: abs(timelapse[i].epoch - 0.1))
    window.inspection.saliency_check.setChecked(True)
    window.inspection.inside_dock.raise_()
    window.training.timelapse_bar.slider.setValue(index)
    window.inspection.update_now()
    wait_until(window.inspection.overlay.has_map, 5)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    width, height = (int(part) for part in arguments.size.lower().split("x"))

    from desktop_app.core.models import DEFAULT_PRESET
    from desktop_app.core.training import TrainConfig
    from desktop_app.gui.app import create_application
    from desktop_app.gui.driver import WindowDriver, temporary_settings, wait_until

    app = create_application([sys.argv[0]])
    if arguments.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    output = Path(arguments.output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    with temporary_settings(first_launch=arguments.state == "first-launch"):  # else: no model, as after New
        from PySide6.QtCore import QSettings

        QSettings().setValue("ui/language", arguments.language)
        driver = WindowDriver.show_new(size=(width, height))
        window = driver.window
        try:
            if not driver.wait_for_tensorflow(120):
                print(f"TensorFlow did not load: {window.tensorflow_failure() or 'time limit reached'}",
                      file=sys.stderr)
                return 1
            grabbed = window
            if arguments.state == "layer-editor":
                grabbed = edit_layers(driver)
            elif arguments.state == "first-launch":
                wait_until(lambda: window.model() is not None and not window.is_opening(), 60)
                driver.draw(THREE)
            elif arguments.state != "idle":
                panel = window.training_panel
                driver.configure_training(TrainConfig(
                    preset=arguments.preset or DEFAULT_PRESET, epochs=arguments.epochs, batch_size=64,
                    learning_rate=3e-3, train_limit=arguments.train_limit, validation_split=0.1, augment=False,
                    device=panel.config().device))
                driver.press_train()
                driver.draw(SEVEN, clear=False)
                if arguments.state == "training":
                    finished = max(arguments.epochs - 1, 1)
                    wait_until(lambda: window.plots.point_counts()["loss"][1] >= finished
                               or not window.is_training(), 600)
                    wait_until(lambda: panel.progress_bar.value() >= panel.progress_bar.maximum() * 0.85
                               or not window.is_training(), 600)
                else:
                    driver.wait_for_run(900)
                if arguments.state == "timelapse":
                    show_early_moment(window)
                else:
                    for plot in (window.plots.loss, window.plots.accuracy):  # the crosshair, as on a mouse-over
                        plot.show_readout(max(arguments.epochs - 1, 1) + 0.0)
            from PySide6.QtCore import QEvent
            from PySide6.QtWidgets import QApplication

            QApplication.sendEvent(window.canvas, QEvent(QEvent.Type.Leave))  # no pen outline left behind
            wait_until(lambda: False, 0.3)  # let the last paints land
            pixmap = grabbed.grab()
            if not pixmap.save(str(output), "PNG"):
                print(f"could not write {output}", file=sys.stderr)
                return 1
            print(f"wrote {output} ({pixmap.width()}×{pixmap.height()}): "
                  f"{window.prediction.headline_text() or 'no prediction'}, {window.tensorflow_status()}")
            return 0
        finally:
            driver.close()  # stops the training a "training" shot leaves running


if __name__ == "__main__":
    raise SystemExit(main())
