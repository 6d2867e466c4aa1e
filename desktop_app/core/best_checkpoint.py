"""The best-so-far checkpoint of a run, written atomically: Keras' ModelCheckpoint writes the file in
place, so a crash or a full disk during a save leaves half a file where the best model was."""

from __future__ import annotations

import math
from pathlib import Path


def best_checkpoint(path: str | Path, monitor: str):
    """A Keras callback that saves the model to `path` after each epoch whose `monitor` (a loss: lower is
    better) beats every earlier one, like ModelCheckpoint(save_best_only=True), through atomic_write."""
    import keras

    from desktop_app.core.modelio import atomic_write

    class BestCheckpoint(keras.callbacks.Callback):
        def __init__(self) -> None:
            super().__init__()
            self.best = math.inf

        def on_epoch_end(self, epoch, logs=None) -> None:
            value = (logs or {}).get(monitor)
            if value is None or not math.isfinite(float(value)) or float(value) >= self.best:
                return  # a NaN epoch never counts as the best
            self.best = float(value)
            # A temporary file beside `path`, renamed over it; Keras picks the format by its suffix.
            atomic_write(path, self.model.save, suffix=".keras", private=False)

    return BestCheckpoint()
