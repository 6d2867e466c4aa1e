"""`digit-lab self-test`: train briefly through the real window, draw a digit, predict, save and reopen.

It is a diagnostic for a user's installation (and the frozen bundle), so it reports and never crashes.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence, TextIO

from PySide6.QtWidgets import QApplication

from desktop_app.gui.app import ORGANIZATION, create_application
from desktop_app.gui.driver import SEVEN, WindowDriver, temporary_settings

SELF_TEST_TIMEOUT_S = 120.0


class SelfTestFailure(Exception):
    pass


def run_self_test(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Train briefly through the real window, draw a digit, predict, save and reopen; 0 when all is well.

    Prints one line per step; on failure the reason goes to stderr and the result is 1. Its settings live
    in a temporary folder, never the user's.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    argv = list(argv if argv is not None else sys.argv)
    started = time.monotonic()

    def say(text: str) -> None:
        print(f"self-test: {text}", file=out, flush=True)

    create_application(argv)
    with tempfile.TemporaryDirectory(prefix="digit-lab-self-test-") as folder, \
            temporary_settings(Path(folder) / "settings", organization=f"{ORGANIZATION} self-test"):
        driver = None
        try:
            driver = WindowDriver.show_new(size=(1280, 860))
            _check_the_loop(driver, Path(folder), started, say)
            return 0
        except SelfTestFailure as failure:
            print(f"self-test FAILED: {failure}", file=err, flush=True)
            return 1
        except Exception as error:  # report, never crash: the self-test is a diagnostic
            import traceback

            traceback.print_exc(file=err)
            print(f"self-test FAILED: {type(error).__name__}: {error}", file=err, flush=True)
            return 1
        finally:
            if driver is not None:
                driver.close(delete=True)


def _check_the_loop(driver: WindowDriver, folder: Path, started: float, say) -> None:
    """Each step a user takes, checked as the user would see it; raises SelfTestFailure at the first fault."""
    from desktop_app.core.training import TrainConfig

    window = driver.window
    if not window.isVisible():
        raise SelfTestFailure("the main window did not appear")
    say(f"window shown ({window.tensorflow_status()}) … OK")
    if not driver.wait_for_tensorflow(SELF_TEST_TIMEOUT_S):
        if window.tensorflow_failure():
            raise SelfTestFailure(f"TensorFlow failed to load: {window.tensorflow_failure()}")
        raise SelfTestFailure("TensorFlow did not load within the time limit")
    say(f"{window.tensorflow_status()} … OK")

    panel = window.training_panel
    driver.configure_training(TrainConfig(epochs=1, batch_size=32, train_limit=600, validation_split=0.1,
                                          augment=False, device=panel.config().device))
    if not panel.train_button.isEnabled():
        raise SelfTestFailure("the Train button is disabled although TensorFlow is ready")
    if not driver.press_train():
        raise SelfTestFailure("pressing Train did not start training")
    remaining = SELF_TEST_TIMEOUT_S - (time.monotonic() - started)
    result = driver.wait_for_run(max(remaining, 10.0))
    if result is None:
        raise SelfTestFailure("training did not finish within the time limit")
    if result.status != "finished":
        raise SelfTestFailure(f"training did not finish: {result.reason}")
    metrics = result.final_metrics
    say(f"trained 1 epoch on 600 images (loss {metrics.get('loss', float('nan')):.2f}, "
        f"accuracy {metrics.get('accuracy', float('nan')):.2f}, "
        f"validation accuracy {metrics.get('val_accuracy', float('nan')):.2f}) … OK")
    if window.plots.point_counts()["loss"][1] < 1:
        raise SelfTestFailure("the loss plot shows no epoch point after training")

    driver.draw(SEVEN)
    probabilities = window.prediction.probabilities()
    if probabilities is None or len(probabilities) != 10:
        raise SelfTestFailure(f"no 10 probabilities after drawing (panel says: "
                              f"{window.prediction.status_text()!r})")
    if abs(float(probabilities.sum()) - 1.0) > 1e-3:
        raise SelfTestFailure(f"the probabilities sum to {probabilities.sum():.4f}, not 1")
    say(f"drew a 7; the network reads {window.prediction.headline_text()} "
        f"(10 probabilities summing to {probabilities.sum():.3f}) … OK")

    path = folder / "self-test.keras"
    if not window.save_model_to(path) or not path.is_file():
        raise SelfTestFailure(f"could not save the model to {path}")
    say(f"saved {path.name} ({path.stat().st_size // 1024} KiB) … OK")
    if not window.open_model(path, interactive=False):
        raise SelfTestFailure(f"could not reopen {path}")
    if len(window.model_history().get("loss", [])) != 1:
        raise SelfTestFailure("the reopened model lost its training history")
    QApplication.processEvents()
    again = window.prediction.probabilities()
    if again is None or abs(float(again.sum()) - 1.0) > 1e-3:
        raise SelfTestFailure("the reopened model gives no prediction for the drawing")
    say(f"reopened it: 1 epoch of history, reads {window.prediction.headline_text()} … OK")
    say(f"all checks passed in {time.monotonic() - started:.1f} s")
