"""The whole `digit-lab train` command against the whole plain Keras script, both classic CNNs.

    python benchmarks/train_command_vs_plain.py --repeats 3

Like with like: every run is a fresh process, timed with time.perf_counter around subprocess.run, from
its start to its exit. So each side's figure holds its process start, the TensorFlow import, the data
load, the training and whatever else the command does before it exits:

  - Digit Lab: `digit-lab train --out M.keras --json --seed S`, the default preset (batchnorm-cnn) with
    the default settings (5 epochs, augmentation on, validation split 0.1, cosine learning rate). It
    ends by saving the model; it does not evaluate on the test set. Its test accuracy comes from a
    following `digit-lab evaluate M.keras --json`, outside the timed part (its time is printed apart).
  - plain, same padding: benchmarks/plain_keras_classic_cnn.py --padding same, the TensorFlow
    tutorial's CNN (3.27 M parameters), 3 epochs, Adam, batch 128, validation_split 0.1. It ends by
    evaluating on the 10,000 MNIST test images (inside its timed part) and saves nothing.
  - plain, valid padding: the same script with --padding valid, the "Python Machine Learning" book's
    CNN (1.11 M parameters), otherwise the same.

All three train on resources/mnist.npz and report accuracy on its 10,000 test images. The order of the
three turns round from one repeat to the next, so background load hits all alike; repeat r uses seed
42 + r on every side (the first repeat is digit-lab's default seed).

--epochs and --limit (training images) are for a quick check of the script: they go to all three sides,
and the figures they give are not the comparison.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIDES = ("digit-lab", "same", "valid")
LABELS = {"digit-lab": "digit-lab train (batchnorm-cnn, defaults)",
          "same": "plain Keras, same padding (TF tutorial)",
          "valid": "plain Keras, valid padding (PML book)"}


def digit_lab_executable() -> str:
    beside = Path(sys.executable).with_name("digit-lab")
    found = str(beside) if beside.exists() else shutil.which("digit-lab")
    if not found:
        sys.exit("train_command_vs_plain: no digit-lab command beside this Python or on PATH")
    return found


def timed(command: list[str]) -> tuple[float, str]:
    """Run `command` as a fresh process; its wall time from start to exit, and its stdout."""
    started = time.perf_counter()
    done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"train_command_vs_plain: {shlex.join(command)} exited with {done.returncode}:\n"
                 f"{done.stderr[-3000:]}")
    return seconds, done.stdout


def run_digit_lab(digit_lab: str, out: Path, seed: int, smoke: list[str]) -> dict:
    wall, stdout = timed([digit_lab, "train", "--out", str(out), "--json", "--seed", str(seed), *smoke])
    summary = json.loads(stdout)
    if summary.get("status") != "finished":
        sys.exit(f"train_command_vs_plain: digit-lab train did not finish: {summary}")
    # Outside the timed part: the train command itself never looks at the test set.
    evaluate_wall, stdout = timed([digit_lab, "evaluate", str(out), "--json"])
    report = json.loads(stdout)
    return {"wall": wall, "inner": summary["seconds"], "accuracy": report["accuracy"],
            "samples": report["samples"], "device": summary["device"], "evaluate_wall": evaluate_wall}


def run_plain(padding: str, seed: int, smoke: list[str]) -> dict:
    wall, stdout = timed([sys.executable, str(HERE / "plain_keras_classic_cnn.py"), str(seed),
                          "--padding", padding, *smoke])
    row = json.loads(stdout.strip().splitlines()[-1])
    return {"wall": wall, "inner": row["train_seconds"], "accuracy": row["test_accuracy"],
            "params": row["params"]}


def count_params(model: Path) -> int:
    """The saved Digit Lab model's parameter count (a separate process, after all the timing)."""
    code = ("from desktop_app.core.tensorflow_runtime import import_tensorflow; import_tensorflow(); "
            "from desktop_app.core.modelio import load_model; import sys; "
            "print(load_model(sys.argv[1]).model.count_params())")
    _, stdout = timed([sys.executable, "-c", code, str(model)])
    return int(stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="rounds of the three runs (default 3)")
    parser.add_argument("--epochs", type=int, default=None,
                        help="smoke runs only: epochs for all three (default: 5 for digit-lab, 3 for plain)")
    parser.add_argument("--limit", type=int, default=None,
                        help="smoke runs only: train all three on the first N training images")
    args = parser.parse_args()
    smoke = [*(["--epochs", str(args.epochs)] if args.epochs else []),
             *(["--limit", str(args.limit)] if args.limit else [])]
    digit_lab = digit_lab_executable()
    command = shlex.join(["python", "benchmarks/train_command_vs_plain.py", *sys.argv[1:]])
    print(f"{dt.date.today().isoformat()}, {os.cpu_count()} CPUs; digit-lab: {digit_lab}", flush=True)
    if smoke:
        print("SMOKE RUN (--epochs/--limit given): these figures are not the comparison.", flush=True)

    rows: dict[str, list[dict]] = {side: [] for side in SIDES}
    with tempfile.TemporaryDirectory(prefix="digit-lab-bench-") as folder:
        first_model = Path(folder) / "m-1.keras"
        for repeat in range(args.repeats):
            seed = 42 + repeat
            order = SIDES[repeat % 3:] + SIDES[:repeat % 3]
            for side in order:
                if side == "digit-lab":
                    row = run_digit_lab(digit_lab, Path(folder) / f"m-{repeat + 1}.keras", seed, smoke)
                    extra = (f"; train() {row['inner']:.1f} s on {row['device']}; "
                             f"evaluate (not timed) {row['evaluate_wall']:.1f} s")
                else:
                    row = run_plain(side, seed, smoke)
                    extra = f"; fit {row['inner']:.1f} s"
                rows[side].append(row)
                print(f"  run {repeat + 1} (seed {seed}): {LABELS[side]}: {row['wall']:.1f} s whole process, "
                      f"test accuracy {row['accuracy']:.4f}{extra}", flush=True)
        params = {"digit-lab": count_params(first_model), "same": rows["same"][0]["params"],
                  "valid": rows["valid"][0]["params"]}

    print(f"command: {command}")
    medians = {}
    for side in SIDES:
        walls = [row["wall"] for row in rows[side]]
        medians[side] = statistics.median(walls)
        spread = f" (min {min(walls):.1f}, max {max(walls):.1f})" if len(walls) > 1 else ""
        accuracy = statistics.median(row["accuracy"] for row in rows[side])
        print(f"{LABELS[side]}: {params[side]:,} parameters; median {medians[side]:.1f} s whole process"
              f"{spread}, median test accuracy {accuracy:.4f} ({accuracy:.2%})")
    for plain in ("same", "valid"):
        paired = statistics.median(d["wall"] / p["wall"] for d, p in zip(rows["digit-lab"], rows[plain]))
        print(f"wall-time ratio digit-lab/{plain}: {medians['digit-lab'] / medians[plain]:.2f} "
              f"(median of the per-round ratios {paired:.2f})")
    evaluate_walls = [row["evaluate_wall"] for row in rows["digit-lab"]]
    print(f"not timed above: `digit-lab evaluate` for digit-lab's test accuracy, median "
          f"{statistics.median(evaluate_walls):.1f} s (the plain scripts evaluate inside their time)")


if __name__ == "__main__":
    main()
