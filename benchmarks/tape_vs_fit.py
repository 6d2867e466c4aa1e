"""The hand-written GradientTape loop versus Keras fit: training wall time on the same data and seed.

    python benchmarks/tape_vs_fit.py [--images 30000] [--repeats 3]

Alternates the two loops in one process (after one warm-up run each) and prints the medians and the
ratio tape/fit (target ≤ 1.10).
"""

import argparse
import statistics
import time

from desktop_app.core.tensorflow_runtime import import_tensorflow

import_tensorflow()
from desktop_app.core.data import load_dataset  # noqa: E402
from desktop_app.core.training import TrainConfig, train  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=30000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    dataset = load_dataset()
    seconds = {"fit": [], "tape": []}
    accuracy = {"fit": [], "tape": []}
    for repeat in range(args.repeats + 1):
        for loop in ("fit", "tape"):
            config = TrainConfig(epochs=1, train_limit=args.images, loop=loop, device="cpu")
            started = time.perf_counter()
            result = train(config, dataset=dataset)
            if repeat:  # the first round warms caches and is not counted
                seconds[loop].append(time.perf_counter() - started)
                accuracy[loop].append(result.history["val_accuracy"][-1])
    print(f"command: python benchmarks/tape_vs_fit.py --images {args.images} --repeats {args.repeats}")
    for loop in ("fit", "tape"):
        print(f"{loop:>5}: median {statistics.median(seconds[loop]):.1f} s per epoch of {args.images} images, "
              f"validation accuracy {statistics.median(accuracy[loop]):.4f}")
    ratio = statistics.median(seconds["tape"]) / statistics.median(seconds["fit"])
    print(f"ratio tape/fit: {ratio:.2f} (target ≤ 1.10)")


if __name__ == "__main__":
    main()
