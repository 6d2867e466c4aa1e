"""Benchmark (c): start-up of `import desktop_app`, `digit-lab --help` and `digit-lab layers`, against bare Python and
`import tensorflow`. Median of N fresh processes.

    python benchmarks/startup.py [--runs 7]
"""

import argparse
import statistics
import subprocess
import sys
import time

CASES = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import desktop_app": [sys.executable, "-c", "import desktop_app"],
    "digit-lab --help": [sys.executable, "-m", "desktop_app", "--help"],
    "digit-lab layers (classic CNN)": [sys.executable, "-m", "desktop_app", "layers",
                                       "conv 32 5, pool, conv 64 5, pool, flatten, dense 1024, dropout 0.5"],
    "import tensorflow": [sys.executable, "-c", "import tensorflow"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"command: python benchmarks/startup.py --runs {args.runs}")
    for name, command in CASES.items():
        seconds = []
        for _ in range(args.runs if name != "import tensorflow" else max(3, args.runs // 2)):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            seconds.append(time.perf_counter() - started)
        print(f"{name:>32}: median {statistics.median(seconds) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
