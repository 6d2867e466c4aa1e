"""The whole `digit-lab train --quick` command against the whole plain Keras script (issue 12, part 3).

    python benchmarks/quick_recipe.py --repeats 3 [--with-default] [--keep DIR]

The goal: `digit-lab train --quick` reaches at least 99.0 % on the MNIST test set in at most a third of the
wall time of the plain Keras classic CNN of the "Python Machine Learning" notes (valid padding, 1.11 M
parameters, 3 epochs, batch 128, Adam defaults, no validation split), on the same machine, in the same run.

Like with like: every run is a fresh process, timed with time.perf_counter around subprocess.run, from its
start to its exit, so each figure holds the process start, the TensorFlow import, the data load, the
training and whatever else the command does before it exits:

  - quick: `digit-lab train --quick --out M.keras --json --seed S`. It ends by saving the model; it does not
    look at the test set. Its test accuracy comes from a following `digit-lab evaluate M.keras --json`,
    outside the timed part (its time is printed apart).
  - plain: benchmarks/plain_keras_classic_cnn.py S --padding valid --validation-split 0. It ends by
    evaluating on the 10,000 test images, inside its timed part, and saves nothing.
  - default (with --with-default): `digit-lab train --out M.keras --json --seed S`, the standard recipe
    (5 epochs, augmented, validation split 0.1), timed and evaluated like quick: the issue's second goal is
    that it takes no more wall time than plain.

The order of the sides turns round from one repeat to the next, so background load hits all alike; repeat r
uses seed 42 + r on every side. The load average before each run and each process's CPU time (user +
system, its threads together) are printed too: on a shared machine the CPU time moves less than the wall
time. --epochs and --limit go to all sides for a quick check of the script; their figures are not the
comparison.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from train_command_vs_plain import digit_lab_executable  # noqa: E402  (the one lookup of the command)

GOAL_RATIO = 1 / 3
GOAL_ACCURACY = 0.99
LABELS = {"quick": "digit-lab train --quick",
          "plain": "plain Keras classic CNN, valid padding, no validation split",
          "default": "digit-lab train (standard recipe)"}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> tuple[float, float, str]:
    """Run `command` as a fresh process: its wall time from start to exit, its CPU time, its stdout."""
    cpu_before = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"quick_recipe: {shlex.join(command)} exited with {done.returncode}:\n{done.stderr[-3000:]}")
    return seconds, children_cpu() - cpu_before, done.stdout


def run_digit_lab(digit_lab: str, flags: list[str], out: Path, seed: int, smoke: list[str]) -> dict:
    wall, cpu, stdout = timed([digit_lab, "train", *flags, "--out", str(out), "--json", "--seed", str(seed),
                               *smoke])
    summary = json.loads(stdout)
    if summary.get("status") != "finished":
        sys.exit(f"quick_recipe: digit-lab train did not finish: {summary}")
    # Outside the timed part: the train command itself never looks at the test set.
    evaluate_wall, _, stdout = timed([digit_lab, "evaluate", str(out), "--json"])
    report = json.loads(stdout)
    return {"wall": wall, "cpu": cpu, "inner": summary["seconds"], "accuracy": report["accuracy"],
            "device": summary["device"], "evaluate_wall": evaluate_wall}


def run_plain(seed: int, smoke: list[str]) -> dict:
    wall, cpu, stdout = timed([sys.executable, str(HERE / "plain_keras_classic_cnn.py"), str(seed),
                               "--padding", "valid", "--validation-split", "0", *smoke])
    row = json.loads(stdout.strip().splitlines()[-1])
    return {"wall": wall, "cpu": cpu, "inner": row["train_seconds"], "accuracy": row["test_accuracy"]}


def cpu_description() -> str:
    from desktop_app.core.devices import BFLOAT16_CPU_FLAGS, cpu_flags

    flags = cpu_flags()
    found = [flag for flag in BFLOAT16_CPU_FLAGS if flag in flags]
    vector = "avx512f" if "avx512f" in flags else "avx2" if "avx2" in flags else "no avx2"
    return f"{os.cpu_count()} CPUs, {vector}, bfloat16: {', '.join(found) if found else 'none'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="rounds of the runs (default 3)")
    parser.add_argument("--with-default", action="store_true",
                        help="also time the standard `digit-lab train` (the issue's second goal)")
    parser.add_argument("--keep", default=None, metavar="DIR",
                        help="keep the first round's digit-lab models in DIR (quick.keras, default.keras)")
    parser.add_argument("--epochs", type=int, default=None, help="smoke runs only: epochs for every side")
    parser.add_argument("--limit", type=int, default=None, help="smoke runs only: the first N training images")
    args = parser.parse_args()
    smoke = [*(["--epochs", str(args.epochs)] if args.epochs else []),
             *(["--limit", str(args.limit)] if args.limit else [])]
    sides = ("quick", "plain", "default") if args.with_default else ("quick", "plain")
    digit_lab = digit_lab_executable()
    command = shlex.join(["python", "benchmarks/quick_recipe.py", *sys.argv[1:]])
    print(f"{dt.datetime.now().isoformat(timespec='minutes')}, {cpu_description()}; digit-lab: {digit_lab}",
          flush=True)
    if smoke:
        print("SMOKE RUN (--epochs/--limit given): these figures are not the comparison.", flush=True)

    rows: dict[str, list[dict]] = {side: [] for side in sides}
    loads = []
    with tempfile.TemporaryDirectory(prefix="digit-lab-quick-") as folder:
        for repeat in range(args.repeats):
            seed = 42 + repeat
            order = sides[repeat % len(sides):] + sides[:repeat % len(sides)]
            for side in order:
                load = os.getloadavg()[0]
                loads.append(load)
                if side == "plain":
                    row = run_plain(seed, smoke)
                    extra = f"; fit {row['inner']:.1f} s"
                else:
                    model = Path(folder) / f"{side}-{repeat + 1}.keras"
                    row = run_digit_lab(digit_lab, ["--quick"] if side == "quick" else [], model, seed, smoke)
                    extra = (f"; train() {row['inner']:.1f} s on {row['device']}; "
                             f"evaluate (not timed) {row['evaluate_wall']:.1f} s")
                    if args.keep and repeat == 0:
                        Path(args.keep).mkdir(parents=True, exist_ok=True)
                        shutil.copy(model, Path(args.keep) / f"{side}.keras")
                rows[side].append(row)
                print(f"  run {repeat + 1} (seed {seed}, load {load:.2f}): {LABELS[side]}: {row['wall']:.1f} s "
                      f"whole process ({row['cpu']:.1f} s CPU), test accuracy {row['accuracy']:.4f}{extra}",
                      flush=True)

    print(f"command: {command}")
    print(f"load average (1 min) before the runs: median {statistics.median(loads):.2f}, "
          f"min {min(loads):.2f}, max {max(loads):.2f}")
    medians = {}
    for side in sides:
        walls = [row["wall"] for row in rows[side]]
        medians[side] = statistics.median(walls)
        accuracies = [row["accuracy"] for row in rows[side]]
        spread = f" (min {min(walls):.1f}, max {max(walls):.1f})" if len(walls) > 1 else ""
        print(f"{LABELS[side]}: median {medians[side]:.1f} s whole process{spread}, median CPU "
              f"{statistics.median(row['cpu'] for row in rows[side]):.1f} s; test accuracy median "
              f"{statistics.median(accuracies):.4f}, min {min(accuracies):.4f} "
              f"({', '.join(f'{a:.4f}' for a in accuracies)})")
    paired = statistics.median(q["wall"] / p["wall"] for q, p in zip(rows["quick"], rows["plain"]))
    ratio = medians["quick"] / medians["plain"]
    lowest = min(row["accuracy"] for row in rows["quick"])
    print(f"wall-time ratio quick/plain: {ratio:.2f} (median of the per-round ratios {paired:.2f}); "
          f"goal ≤ {GOAL_RATIO:.2f}: {'met' if ratio <= GOAL_RATIO else 'NOT met'}; lowest quick test accuracy "
          f"{lowest:.4f}, goal ≥ {GOAL_ACCURACY:.2f}: {'met' if lowest >= GOAL_ACCURACY else 'NOT met'}")
    if "default" in rows:
        paired = statistics.median(d["wall"] / p["wall"] for d, p in zip(rows["default"], rows["plain"]))
        print(f"wall-time ratio default/plain: {medians['default'] / medians['plain']:.2f} (median of the "
              f"per-round ratios {paired:.2f}); goal ≤ 1.00")
    evaluate_walls = [row["evaluate_wall"] for side in sides if side != "plain" for row in rows[side]]
    print(f"not timed above: `digit-lab evaluate` for digit-lab's test accuracy, median "
          f"{statistics.median(evaluate_walls):.1f} s (the plain script evaluates inside its time)")


if __name__ == "__main__":
    main()
