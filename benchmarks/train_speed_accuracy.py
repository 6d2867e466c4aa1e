"""Benchmark (a): the default preset versus a plain Keras classic CNN, same machine, same run.

    python benchmarks/train_speed_accuracy.py --repeats 3 [--save-model out/default.keras]

Runs the two alternately (so background load hits both alike), each in a fresh process, and prints
the median training wall time and MNIST test accuracy of each and their ratio.
"""

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(script: str, *args: str) -> dict:
    output = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True,
                            check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--save-model", default=None, help="keep the first default-preset model here")
    args = parser.parse_args()
    ours, plain = [], []
    for repeat in range(args.repeats):
        extra = ["--save", args.save_model] if args.save_model and repeat == 0 else []
        ours.append(run("digit_lab_default.py", "--seed", str(42 + repeat), *extra))
        plain.append(run("plain_keras_classic_cnn.py", str(42 + repeat)))
        for row in (ours[-1], plain[-1]):
            print(f"  run {repeat + 1}: {row['name']}: {row['train_seconds']:.1f} s, "
                  f"test accuracy {row['test_accuracy']:.4f}", flush=True)
    print(f"command: python benchmarks/train_speed_accuracy.py --repeats {args.repeats}")
    for rows in (ours, plain):
        print(f"{rows[0]['name']}: median {statistics.median(r['train_seconds'] for r in rows):.1f} s, "
              f"median test accuracy {statistics.median(r['test_accuracy'] for r in rows):.4f}")
    time_ratio = statistics.median(r["train_seconds"] for r in ours) / statistics.median(
        r["train_seconds"] for r in plain)
    print(f"wall-time ratio default/plain: {time_ratio:.2f} (target ≤ 1.00)")


if __name__ == "__main__":
    main()
