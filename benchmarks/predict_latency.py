"""Benchmark (b): Predictor.predict on one image versus model.predict, median and p95 in milliseconds.

    python benchmarks/predict_latency.py [--preset batchnorm-cnn] [--calls 500]
"""

import argparse
import time

import numpy as np

from desktop_app.core.tensorflow_runtime import import_tensorflow

import_tensorflow()
from desktop_app.core.inference import Predictor  # noqa: E402
from desktop_app.core.models import DEFAULT_PRESET, build_model  # noqa: E402


def timings(call, calls: int) -> np.ndarray:
    for _ in range(10):
        call()  # warm-up: tracing and caches
    seconds = []
    for _ in range(calls):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    return np.array(seconds) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--preset", default=DEFAULT_PRESET)
    parser.add_argument("--calls", type=int, default=500)
    args = parser.parse_args()
    model = build_model(args.preset, seed=0)
    image = np.random.default_rng(0).random((28, 28, 1), dtype=np.float32)
    predictor = Predictor(model)
    fast = timings(lambda: predictor.predict(image), args.calls)
    slow = timings(lambda: model.predict(image[None], verbose=0), max(50, args.calls // 10))
    print(f"command: python benchmarks/predict_latency.py --preset {args.preset} --calls {args.calls}")
    for name, values in (("Predictor.predict", fast), ("model.predict", slow)):
        print(f"{name:>18}: median {np.median(values):.2f} ms, p95 {np.percentile(values, 95):.2f} ms "
              f"({len(values)} calls)")
    print(f"speed-up (median): {np.median(slow) / np.median(fast):.0f}x (target: Predictor median ≤ 3 ms)")


if __name__ == "__main__":
    main()
