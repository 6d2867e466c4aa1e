"""A one-line text progress bar on stderr for the command line (no extra dependency)."""

from __future__ import annotations

import sys
import time


class ProgressBar:
    def __init__(self, label: str = "", width: int = 30, stream=None, min_interval: float = 0.1) -> None:
        self.label, self.width = label, width
        self.stream = stream or sys.stderr
        self.min_interval = min_interval
        self._last = 0.0
        self._started = time.perf_counter()

    def update(self, done: int, total: int, suffix: str = "", force: bool = False) -> None:
        now = time.perf_counter()
        if not force and done < total and now - self._last < self.min_interval:
            return
        self._last = now
        fraction = done / total if total else 1.0
        filled = int(round(self.width * fraction))
        elapsed = now - self._started
        eta = elapsed / fraction - elapsed if fraction > 0 else 0.0
        line = (f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} "
                f"{elapsed:5.1f}s ETA {eta:5.1f}s {suffix}")
        self.stream.write(line[:160].ljust(100))
        self.stream.flush()

    def finish(self, message: str = "") -> None:
        self.stream.write("\r" + " " * 110 + "\r" + (message + "\n" if message else ""))
        self.stream.flush()
