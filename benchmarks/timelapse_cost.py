"""What the training time-lapse costs: training time with and without it, and the saved file's size.

The same run (the default network, a slice of MNIST, on the CPU) trains in one process with a plain
observer and with one that keeps the time-lapse (core.timelapse: the start, 1/3/10/30 % of the first
epoch, each epoch's end, float16), alternating A B B A … so that warm-up and drift fall on both. Then the
default network is saved with a full time-lapse (filled to the cap and the byte budget, thinned as a long
run would be) and the file's size is printed.

    .venv/bin/python benchmarks/timelapse_cost.py [--limit 6000] [--epochs 2] [--pairs 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=6000, help="training images (default 6000)")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--pairs", type=int, default=2, help="A/B pairs, alternating order (default 2)")
    parser.add_argument("--device", default="cpu")
    args = parser.parse_args()

    import numpy as np

    from desktop_app.core.data import load_dataset
    from desktop_app.core.modelio import save_model
    from desktop_app.core.timelapse import Timelapse, TimelapseRecorder
    from desktop_app.core.training import TrainConfig, TrainingObserver, run_metadata, train

    class Plain(TrainingObserver):
        def __init__(self) -> None:
            self.epoch_seconds: list[float] = []

        def on_epoch_end(self, record, model) -> None:
            self.epoch_seconds.append(record.seconds)

    class Recording(Plain):
        def __init__(self) -> None:
            super().__init__()
            self.recorder = TimelapseRecorder()
            self.seconds = 0.0  # spent keeping snapshots (get_weights, float16 copies), on the training thread

        def on_train_begin(self, plan) -> None:
            self.recorder.begin(plan.initial_epoch, plan.steps_per_epoch)

        def wants_weights(self, epoch: int, step: int) -> bool:
            return self.recorder.wants(epoch, step)

        def on_weights(self, progress, weights) -> None:
            started = time.perf_counter()
            self.recorder.add_progress(progress, weights)
            self.seconds += time.perf_counter() - started

        def on_epoch_end(self, record, model) -> None:
            self.epoch_seconds.append(record.seconds)
            started = time.perf_counter()
            self.recorder.add_epoch(record, model.get_weights())
            self.seconds += time.perf_counter() - started

    dataset = load_dataset()
    config = TrainConfig(epochs=args.epochs, train_limit=args.limit, device=args.device, augment=False)
    print(f"default network ({config.preset}), {args.limit} images, {args.epochs} epoch(s), batch "
          f"{config.batch_size}, {args.device}; {args.pairs} pair(s), alternating order")
    train(TrainConfig(epochs=1, train_limit=512, device=args.device, augment=False), dataset=dataset)  # warm-up

    times: dict[str, list[float]] = {"without": [], "with": []}
    last = None
    for pair in range(args.pairs):
        order = ("without", "with") if pair % 2 == 0 else ("with", "without")
        for kind in order:
            observer = Recording() if kind == "with" else Plain()
            started = time.perf_counter()
            result = train(config, observer, dataset=dataset)
            seconds = time.perf_counter() - started
            times[kind].append(seconds)
            epochs = " + ".join(f"{value:.2f}" for value in observer.epoch_seconds)
            print(f"  pair {pair + 1} {kind:>7} the time-lapse: {seconds:6.2f} s (epochs {epochs} s)"
                  + (f" ({len(observer.recorder.timelapse)} snapshots, {observer.seconds * 1000:.0f} ms of it "
                     "keeping them)" if kind == "with" else ""))
            if kind == "with":
                last = (result, observer.recorder.timelapse)
    without, with_ = statistics.median(times["without"]), statistics.median(times["with"])
    model = last[0].model
    copies = []
    for _ in range(20):
        started = time.perf_counter()
        model.get_weights()
        copies.append(time.perf_counter() - started)
    print(f"one get_weights (the bridge's, for each batch moment): {statistics.median(copies) * 1000:.1f} ms")
    print(f"median: without {without:.2f} s, with {with_:.2f} s, ratio {with_ / without:.3f} "
          f"({(with_ / without - 1) * 100:+.1f} % time)")

    result, timelapse = last
    full = Timelapse(snapshots=list(timelapse.snapshots))
    rng = np.random.default_rng(0)
    final = result.model.get_weights()
    for epoch in range(args.epochs + 1, 60):  # a long run: epoch ends until thinning holds the cap
        full.add(epoch, {"val_accuracy": 0.99}, [w + rng.normal(0, 1e-3, w.shape).astype(w.dtype) for w in final],
                 "epoch")
    with tempfile.TemporaryDirectory() as folder:
        plain = save_model(result.model, Path(folder) / "plain.keras", run_metadata(config, result.history, "mnist"))
        lapse = save_model(result.model, Path(folder) / "lapse.keras", run_metadata(config, result.history, "mnist"),
                           timelapse=full)
        plain_size, lapse_size = plain.stat().st_size, lapse.stat().st_size
    print(f"file: {plain_size / 1e6:.2f} MB without, {lapse_size / 1e6:.2f} MB with a full time-lapse "
          f"({len(full)} snapshots, {full.nbytes / 1e6:.2f} MB of float16 weights); this run's own "
          f"{len(timelapse)} snapshots: {len(timelapse.to_bytes()) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
