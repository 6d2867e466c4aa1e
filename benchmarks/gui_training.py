"""Benchmarks (a) and (b) of the desktop app, in one run:

(a) training throughput through the GUI's worker versus the CLI on the same configuration
    (images per second; target ratio GUI/CLI ≥ 0.95);
(b) how long the GUI event loop stalls while training runs: a 10 ms QTimer probe records every gap;
    the stall is the gap minus 10 ms. Reported for the first batch (graph tracing) and, separately, p99
    and max after the first batch has run (targets ≤ 20 ms and ≤ 50 ms).

    python benchmarks/gui_training.py [--images 12000] [--epochs 1] [--repeats 3]

    Offscreen by default; under a display server set QT_QPA_PLATFORM (xvfb-run with QT_QPA_PLATFORM=xcb).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, QTimer, Slot  # noqa: E402

from desktop_app.core.training import TrainConfig  # noqa: E402
from desktop_app.gui.app import create_application  # noqa: E402
from desktop_app.gui.driver import WindowDriver, temporary_settings  # noqa: E402

PROBE_MS = 10


class StallProbe(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.gaps: list[tuple[float, float]] = []  # (time, gap in ms)
        self._last = time.perf_counter()
        self.timer = QTimer(self)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self.tick)

    @Slot()
    def tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now, (now - self._last) * 1000))
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.gaps.clear()
        self.timer.start()


def gui_run(config: TrainConfig):
    driver = WindowDriver.show_new()
    if not driver.wait_for_tensorflow(120):
        raise SystemExit(f"TensorFlow did not load: {driver.window.tensorflow_failure() or 'time limit reached'}")
    driver.configure_training(config)
    probe = StallProbe()
    probe.start()
    started = time.perf_counter()
    if not driver.press_train():
        raise SystemExit("pressing Train did not start training")
    result = driver.wait_for_run(900)
    probe.timer.stop()
    first_at = driver.first_batch_at()
    driver.close()
    if result is None:
        raise SystemExit("training did not finish within 900 s")
    stalls_first = [gap - PROBE_MS for t, gap in probe.gaps if t <= (first_at or started)]
    stalls_after = [gap - PROBE_MS for t, gap in probe.gaps if first_at and t > first_at + 0.1]
    return result, stalls_first, stalls_after


def cli_run(config: TrainConfig, folder: str) -> float:
    out = os.path.join(folder, "cli.keras")
    command = [sys.executable, "-m", "desktop_app", "train", "--preset", config.preset, "--epochs",
               str(config.epochs), "--limit", str(config.train_limit), "--batch-size", str(config.batch_size),
               "--device", "cpu", "--out", out, "--json"]
    summary = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    return summary["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=12000)
    parser.add_argument("--epochs", type=int, default=1, help="more than 1 adds the epoch ends' pauses")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="digit-lab-bench-")
    create_application(["bench"])
    config = TrainConfig(epochs=args.epochs, train_limit=args.images, device="cpu")
    samples = config.train_limit * (1 - config.validation_split) * config.epochs
    gui_rates, cli_rates, first_stalls, after_p99, after_max = [], [], [], [], []
    with temporary_settings(folder):  # the user's settings (a saved device, a last model) play no part
        for _ in range(args.repeats):
            result, first, after = gui_run(config)
            gui_rates.append(samples / result.seconds)
            cli_rates.append(samples / cli_run(config, folder))
            first_stalls.append(max(first) if first else float("nan"))
            after_p99.append(float(np.percentile(after, 99)))
            after_max.append(max(after))
    print(f"command: QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']} python benchmarks/gui_training.py "
          f"--images {args.images} --epochs {args.epochs} --repeats {args.repeats}")
    gui, cli = statistics.median(gui_rates), statistics.median(cli_rates)
    print(f"(a) throughput, {config.preset}, {args.epochs} epoch(s) of {args.images} images: GUI worker {gui:.0f} images/s, "
          f"CLI {cli:.0f} images/s, ratio GUI/CLI {gui / cli:.2f} (target ≥ 0.95)")
    print(f"(b) event-loop stall while training: first batch (tracing) max {statistics.median(first_stalls):.0f} ms; "
          f"after it p99 {statistics.median(after_p99):.1f} ms, max {statistics.median(after_max):.1f} ms "
          f"(targets p99 ≤ 20 ms, max ≤ 50 ms; medians of {args.repeats} runs)")
    os._exit(0)  # skip Qt teardown of the closed windows: nothing is left running


if __name__ == "__main__":
    main()
