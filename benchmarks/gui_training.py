"""Benchmarks (a) and (b) of the desktop app, in one run:

(a) training throughput through the window versus the command line on the same configuration
    (target ratio GUI/CLI ≥ 0.95). Both sides are fresh processes, run alternately, and time the same
    work: loading the data, building the model and fitting it. The window's time runs from the click on
    Train to the run's end (it also builds the canvas' copy of the model); the command line's is the
    engine's own figure (`train --json` "seconds": data, model and fit, not the save);
(b) how long the GUI event loop stalls while training runs: a 10 ms QTimer probe records every gap;
    the stall is the gap minus 10 ms. Reported for the first batch (graph tracing) and, separately, p99
    and max after the first batch has run (targets ≤ 20 ms and ≤ 50 ms).

    python benchmarks/gui_training.py [--images 12000] [--epochs 1] [--repeats 3] [--timelapse-off-too]

    With --timelapse-off-too each repeat also runs the window with the training time-lapse turned off
    (desktop_app.gui.workers.KEEP_TIMELAPSE), and (b) is printed for both: what the snapshots cost the
    event loop and the run.

    Each repeat starts one process per side (`--side gui` and `--side cli` run one side and print JSON).

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


def gui_run(config: TrainConfig, keep_timelapse: bool = True) -> dict:
    """One run through the window, in this (fresh) process: seconds and event-loop stalls."""
    from desktop_app.gui import workers

    workers.KEEP_TIMELAPSE = keep_timelapse
    create_application(["bench"])
    with temporary_settings():  # the user's settings (a saved device, a last model) play no part
        driver = WindowDriver.show_new()
        if not driver.wait_for_tensorflow(120):
            raise SystemExit(f"TensorFlow did not load: {driver.window.tensorflow_failure() or 'time limit'}")
        driver.configure_training(config)
        probe = StallProbe()
        probe.start()
        started = time.perf_counter()
        if not driver.press_train():
            raise SystemExit("pressing Train did not start training")
        result = driver.wait_for_run(900)
        seconds = time.perf_counter() - started
        probe.timer.stop()
        first_at = driver.first_batch_at()
        driver.close()
    if result is None or result.status != "finished":
        raise SystemExit(f"training did not finish: {result.reason if result else 'time limit'}")
    first = [gap - PROBE_MS for t, gap in probe.gaps if t <= (first_at or started)]
    after = [gap - PROBE_MS for t, gap in probe.gaps if first_at and t > first_at + 0.1]
    return {"seconds": seconds, "first_stall": max(first) if first else float("nan"),
            "p99": float(np.percentile(after, 99)), "max": max(after)}


def cli_run(config: TrainConfig) -> dict:
    """One `digit-lab train` (a fresh process): the engine's seconds for data, model and fit."""
    with tempfile.TemporaryDirectory(prefix="digit-lab-bench-") as folder:
        command = [sys.executable, "-m", "desktop_app", "train", "--preset", config.preset, "--epochs",
                   str(config.epochs), "--limit", str(config.train_limit), "--batch-size", str(config.batch_size),
                   "--device", "cpu", "--out", os.path.join(folder, "cli.keras"), "--json"]
        summary = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    return {"seconds": summary["seconds"]}


def run_side(side: str, args: argparse.Namespace) -> dict:
    """Run one side in a fresh process and read its JSON line."""
    command = [sys.executable, __file__, "--side", side, "--images", str(args.images), "--epochs", str(args.epochs)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=12000)
    parser.add_argument("--epochs", type=int, default=1, help="more than 1 adds the epoch ends' pauses")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--timelapse-off-too", action="store_true",
                        help="also run the window without the time-lapse, to see its cost")
    parser.add_argument("--side", choices=["gui", "gui-no-timelapse", "cli"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    config = TrainConfig(epochs=args.epochs, train_limit=args.images, device="cpu")
    if args.side:
        figures = (cli_run(config) if args.side == "cli"
                   else gui_run(config, keep_timelapse=args.side == "gui"))
        print(json.dumps(figures), flush=True)
        os._exit(0)  # skip Qt teardown of the closed window: nothing is left running
    gui_runs, cli_runs, plain_runs = [], [], []
    for _ in range(args.repeats):
        gui_runs.append(run_side("gui", args))
        cli_runs.append(run_side("cli", args))
        if args.timelapse_off_too:
            plain_runs.append(run_side("gui-no-timelapse", args))
    median = lambda runs, key: statistics.median(run[key] for run in runs)  # noqa: E731
    gui, cli = median(gui_runs, "seconds"), median(cli_runs, "seconds")
    print(f"command: QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']} python benchmarks/gui_training.py "
          f"--images {args.images} --epochs {args.epochs} --repeats {args.repeats}"
          + (" --timelapse-off-too" if args.timelapse_off_too else ""))
    print(f"(a) {config.preset}, {args.epochs} epoch(s) of {args.images} images, data + model + fit: window "
          f"{gui:.2f} s, command line {cli:.2f} s (medians of {args.repeats} fresh processes each); "
          f"throughput ratio GUI/CLI {cli / gui:.2f} (target ≥ 0.95); per run: window "
          + ", ".join(f"{run['seconds']:.2f}" for run in gui_runs) + " s, command line "
          + ", ".join(f"{run['seconds']:.2f}" for run in cli_runs) + " s")
    # Each window run and the command-line run after it form a pair: their ratio is less affected by the
    # machine's drift between repeats (seen here: ±15 % from one repeat to the next).
    paired = statistics.median(cli["seconds"] / gui["seconds"] for gui, cli in zip(gui_runs, cli_runs))
    print(f"    median of the {args.repeats} paired ratios (each window run against the command-line run "
          f"right after it): {paired:.2f}")
    print(f"(b) event-loop stall while training: first batch (tracing) max {median(gui_runs, 'first_stall'):.0f} ms; "
          f"after it p99 {median(gui_runs, 'p99'):.1f} ms, max {median(gui_runs, 'max'):.1f} ms "
          f"(targets p99 ≤ 20 ms, max ≤ 50 ms; medians of {args.repeats} runs)")
    if plain_runs:
        print(f"    without the time-lapse: window {median(plain_runs, 'seconds'):.2f} s (with it {gui:.2f} s, "
              f"ratio {gui / median(plain_runs, 'seconds'):.3f}); first batch max "
              f"{median(plain_runs, 'first_stall'):.0f} ms; after it p99 {median(plain_runs, 'p99'):.1f} ms, "
              f"max {median(plain_runs, 'max'):.1f} ms")


if __name__ == "__main__":
    main()
