"""Benchmark (c) of the desktop app: time from launching a fresh Python process to the main window
shown (its first event-loop turn), against `python -c "import tensorflow"`. Medians of N runs.

    python benchmarks/gui_startup.py [--runs 5]
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

CHILD = r"""
import os, sys, time, tempfile
started = float(sys.argv[1])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QSettings, QTimer
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
from desktop_app.gui.app import create_application
app = create_application(["digit-lab"])
from desktop_app.gui.main_window import MainWindow
window = MainWindow()
window.show()
def shown():
    print(time.time() - started, window.isVisible(), flush=True)
    os._exit(0)  # TensorFlow is still loading on its thread; the measurement is done
QTimer.singleShot(0, shown)
app.exec()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    window_times, tf_times = [], []
    for _ in range(args.runs):
        output = subprocess.run([sys.executable, "-c", CHILD, repr(time.time())], capture_output=True,
                                text=True, check=True, env={**os.environ}).stdout.split()
        assert output[1] == "True", "the window was not visible"
        window_times.append(float(output[0]))
        started = time.time()
        subprocess.run([sys.executable, "-c", "import tensorflow"], capture_output=True, check=True)
        tf_times.append(time.time() - started)
    print(f"command: python benchmarks/gui_startup.py --runs {args.runs}")
    print(f"launch → main window shown: median {statistics.median(window_times):.2f} s (target ≤ 1.5 s)")
    print(f'python -c "import tensorflow": median {statistics.median(tf_times):.2f} s')


if __name__ == "__main__":
    main()
