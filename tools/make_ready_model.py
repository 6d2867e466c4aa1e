"""Build `resources/ready_model.keras`, the model the window opens on a first launch, and print its MNIST
test accuracy.

    python tools/make_ready_model.py [--seed 0] [--out resources/ready_model.keras]

The default preset with the default settings, trained on the embedded MNIST with a fixed seed on the
CPU, exactly as `digit-lab train --seed SEED` trains it. The file keeps the run's settings and history
(the window shows its curves) but not the optimizer's state, which only continuing a run would use and
which would triple the file's size; continuing starts a fresh optimizer.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAX_BYTES = 1 << 20  # the limit for a file shipped in every installer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(ROOT / "resources" / "ready_model.keras"))
    args = parser.parse_args()

    from desktop_app.core.data import load_dataset
    from desktop_app.core.evaluation import evaluate
    from desktop_app.core.modelio import save_model
    from desktop_app.core.training import TrainConfig, compile_model, run_metadata, train

    config = TrainConfig(seed=args.seed, device="cpu")
    dataset = load_dataset()
    started = time.perf_counter()
    result = train(config, dataset=dataset)
    seconds = time.perf_counter() - started
    if result.status != "finished":
        sys.exit(f"make_ready_model: the run did not finish: {result.reason}")
    report = evaluate(result.model, dataset.x_test, dataset.y_test, verdicts=True)
    compile_model(result.model, config)  # a fresh optimizer: its state is not shipped
    saved = save_model(result.model, args.out, run_metadata(config, result.history, dataset.name))
    size = saved.stat().st_size
    print(f"command: python tools/make_ready_model.py --seed {args.seed}")
    print(f"{config.preset}, {config.epochs} epochs, seed {args.seed}: trained in {seconds:.0f} s; "
          f"MNIST test accuracy {report.accuracy:.2%}; {report.not_given_digit()} of {report.samples} test "
          f"digits not given the verdict 'digit' ({report.verdicts})")
    print(f"saved {saved}: {size / 1024:.0f} KB")
    if size > MAX_BYTES:
        sys.exit(f"make_ready_model: {saved} is {size:,} bytes, over the {MAX_BYTES:,} allowed")


if __name__ == "__main__":
    main()
