"""A time-lapse of a training run: the network's weights at several moments, small enough to keep.

Which moments: the start, a few within the run's first epoch (after 1, 3, 10 and 30 % of its batches,
where the network changes most) and the end of every epoch. Each snapshot keeps its weights as float16
(display only: the probabilities and pictures they give differ from float32's by far less than a pixel's
shade) and the figures of that moment. A run longer than the cap is thinned evenly: the start, the
first epoch's moments and the newest snapshot stay; among the older epoch ends, the one whose neighbours
are closest together goes first, so the kept ones stay spread along the run.

`TimelapseRecorder` is the policy as a training observer's helper: `due(progress)` says whether the batch
that just ended is a moment to keep (a dictionary lookup per batch), `add(...)` copies the weights.
`to_bytes`/`from_bytes` write and read an .npz (no pickles) that travels inside the .keras file.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from dataclasses import dataclass, field

import numpy as np

from desktop_app.core.texts import QT_TRANSLATE_NOOP

FIRST_EPOCH_SHARES = (0.01, 0.03, 0.10, 0.30)  # moments within the run's first epoch
MAX_SNAPSHOTS = 24
MAX_BYTES = 3 << 20  # the weights of all snapshots (float16): a default network's file stays under 5 MB
MAX_FILE_BYTES = 64 << 20  # what from_bytes reads at most (the archive member's own limit)
MAX_UNPACKED_BYTES = 128 << 20  # what its arrays may unpack to: a small member cannot unpack to gigabytes
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Snapshot:
    """The network at one moment: `epoch` is a fraction of epochs (2.5: half-way through the third)."""

    epoch: float
    metrics: dict[str, float]
    weights: list[np.ndarray]  # float16 copies
    kind: str = "batch"  # "start", "batch" (within the first epoch) or "epoch" (an epoch's end)

    @property
    def nbytes(self) -> int:
        return sum(array.nbytes for array in self.weights)

    def accuracy(self) -> float | None:
        """The best figure of how well it reads digits at that moment: validation accuracy, else training."""
        for key in ("val_accuracy", "accuracy"):
            value = self.metrics.get(key)
            if value is not None and math.isfinite(value):
                return float(value)
        return None

    def float_weights(self) -> list[np.ndarray]:
        """The weights as float32, to give to a model."""
        return [array.astype(np.float32) for array in self.weights]

    def label(self) -> str:
        """“epoch 0.10 · training accuracy 71.3 %”, “epoch 2.00 · validation accuracy 98.1 %”."""
        start = self.kind == "start"
        accuracy = self.accuracy()
        if accuracy is None:
            return (QT_TRANSLATE_NOOP("training", "start (untrained)") if start else
                    QT_TRANSLATE_NOOP("training", "epoch {epoch:.2f}").format(epoch=self.epoch))
        if self.metrics.get("val_accuracy") is not None:
            label = (QT_TRANSLATE_NOOP("training", "start (untrained) · validation accuracy {accuracy:.1f} %") if start
                     else QT_TRANSLATE_NOOP("training", "epoch {epoch:.2f} · validation accuracy {accuracy:.1f} %"))
        else:
            label = (QT_TRANSLATE_NOOP("training", "start (untrained) · training accuracy {accuracy:.1f} %") if start
                     else QT_TRANSLATE_NOOP("training", "epoch {epoch:.2f} · training accuracy {accuracy:.1f} %"))
        return label.format(epoch=self.epoch, accuracy=accuracy * 100)


def snapshot_steps(steps_per_epoch: int, shares: tuple[float, ...] = FIRST_EPOCH_SHARES) -> list[int]:
    """The 1-based batches of the first epoch after which a snapshot is kept (the epoch's last batch is
    left out: the epoch's end is kept anyway)."""
    steps = {max(1, round(share * steps_per_epoch)) for share in shares}
    return sorted(step for step in steps if step < steps_per_epoch)


@dataclass
class Timelapse:
    """Snapshots in the order of the run, thinned to `max_snapshots` and `max_bytes`."""

    snapshots: list[Snapshot] = field(default_factory=list)
    max_snapshots: int = MAX_SNAPSHOTS
    max_bytes: int = MAX_BYTES

    def __len__(self) -> int:
        return len(self.snapshots)

    def __getitem__(self, index: int) -> Snapshot:
        return self.snapshots[index]

    @property
    def nbytes(self) -> int:
        return sum(snapshot.nbytes for snapshot in self.snapshots)

    def add(self, epoch: float, metrics: dict[str, float], weights: list[np.ndarray], kind: str = "batch"
            ) -> Snapshot:
        """Keep a float16 copy of `weights` at `epoch`, then thin."""
        snapshot = Snapshot(float(epoch), {key: float(value) for key, value in metrics.items()},
                            [np.array(array, dtype=np.float16) for array in weights], kind)
        return self.keep(snapshot)

    def keep(self, snapshot: Snapshot) -> Snapshot:
        """Keep a snapshot made elsewhere (the window keeps those the training thread sends), then thin."""
        self.snapshots.append(snapshot)
        self.thin()
        return snapshot

    def thin(self) -> None:
        """Drop older epoch ends evenly until the cap and the byte budget hold (at least two stay)."""
        while len(self.snapshots) > 2 and (len(self.snapshots) > self.max_snapshots
                                           or self.nbytes > self.max_bytes):
            candidates = [i for i in range(1, len(self.snapshots) - 1) if self.snapshots[i].kind == "epoch"]
            if not candidates:  # only the first epoch's moments: the latest of them goes
                candidates = list(range(1, len(self.snapshots) - 1))
            gaps = [self.snapshots[i + 1].epoch - self.snapshots[i - 1].epoch for i in candidates]
            del self.snapshots[candidates[int(np.argmin(gaps))]]  # ties: the oldest

    def summary(self) -> list[dict]:
        """One line per snapshot for `inspect --json`: its index, epoch fraction, kind and accuracy."""
        return [{"index": index, "epoch": round(snapshot.epoch, 4), "kind": snapshot.kind,
                 "accuracy": None if snapshot.accuracy() is None else round(snapshot.accuracy(), 4),
                 "metrics": {key: round(value, 6) for key, value in snapshot.metrics.items()}}
                for index, snapshot in enumerate(self.snapshots)]

    # -- files ----------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """An .npz: `index` (JSON text: version, each snapshot's epoch, kind, metrics and weight count),
        then `s{i}_w{j}` arrays. Written without pickles, compressed."""
        arrays: dict[str, np.ndarray] = {}
        entries = []
        for i, snapshot in enumerate(self.snapshots):
            entries.append({"epoch": snapshot.epoch, "kind": snapshot.kind, "metrics": snapshot.metrics,
                            "weights": len(snapshot.weights)})
            for j, array in enumerate(snapshot.weights):
                arrays[f"s{i}_w{j}"] = array
        index = json.dumps({"version": FORMAT_VERSION, "snapshots": entries})
        arrays["index"] = np.frombuffer(index.encode("utf-8"), dtype=np.uint8)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, allow_pickle=False, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Timelapse":
        """Read what `to_bytes` wrote; ValueError for anything else (never unpickles)."""
        if len(data) > MAX_FILE_BYTES:
            raise ValueError(QT_TRANSLATE_NOOP("warnings", "the time-lapse is larger than {size} MB").format(
                size=MAX_FILE_BYTES >> 20))
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as packed:
                if sum(member.file_size for member in packed.infolist()) > MAX_UNPACKED_BYTES:
                    raise ValueError(QT_TRANSLATE_NOOP("warnings", "its arrays unpack to more than {size} MB").format(
                        size=MAX_UNPACKED_BYTES >> 20))
            with np.load(io.BytesIO(data), allow_pickle=False) as archive:
                names = set(archive.files)
                if "index" not in names or len(names) > 10_000:
                    raise ValueError(QT_TRANSLATE_NOOP("warnings", "not a Digit Lab time-lapse"))
                index = json.loads(archive["index"].astype(np.uint8).tobytes().decode("utf-8"))
                if not isinstance(index, dict) or not isinstance(index.get("snapshots"), list):
                    raise ValueError(QT_TRANSLATE_NOOP("warnings", "its index is malformed"))
                timelapse = cls(max_snapshots=max(MAX_SNAPSHOTS, len(index["snapshots"])),
                                max_bytes=MAX_FILE_BYTES)
                for i, entry in enumerate(index["snapshots"]):
                    count = int(entry["weights"])
                    weights = [np.asarray(archive[f"s{i}_w{j}"], dtype=np.float16) for j in range(count)]
                    metrics = {str(key): float(value) for key, value in dict(entry.get("metrics", {})).items()}
                    kind = str(entry.get("kind", "batch"))
                    timelapse.snapshots.append(Snapshot(float(entry["epoch"]), metrics, weights, kind))
        except ValueError:
            raise
        except Exception as error:  # zip, key and type errors of a damaged member
            raise ValueError(QT_TRANSLATE_NOOP("warnings", "the time-lapse is unreadable ({reason})").format(
                reason=f"{type(error).__name__}: {str(error)[:120]}")) from None
        return timelapse


class TimelapseRecorder:
    """Keeps a Timelapse of one run; called on the training thread by a TrainingObserver.

    `begin(plan)` learns the batches per epoch; `due(progress)` is True after a batch of the run's first
    epoch that is a moment to keep; `add_batch(progress, weights)`, `add_epoch(record, weights)` and
    `add_start(epoch, weights)` keep them."""

    def __init__(self, max_snapshots: int = MAX_SNAPSHOTS, max_bytes: int = MAX_BYTES) -> None:
        self.timelapse = Timelapse(max_snapshots=max_snapshots, max_bytes=max_bytes)
        self._first_epoch = 0
        self._steps: frozenset[int] = frozenset()

    def begin(self, initial_epoch: int, steps_per_epoch: int) -> None:
        self._first_epoch = initial_epoch
        self._steps = frozenset(snapshot_steps(steps_per_epoch))

    def due(self, epoch: int, step: int) -> bool:
        return epoch == self._first_epoch and step in self._steps

    def wants(self, epoch: int, step: int) -> bool:
        """An observer's `wants_weights`: the start (step 0) and the first epoch's moments."""
        return step == 0 or self.due(epoch, step)

    def add_progress(self, progress, weights: list[np.ndarray]) -> Snapshot:
        """An observer's `on_weights`: the start, or a moment within the first epoch."""
        return self.add_start(progress.epoch, weights) if progress.step == 0 else self.add_batch(progress, weights)

    def add_start(self, epoch: int, weights: list[np.ndarray]) -> Snapshot:
        return self.timelapse.add(float(epoch), {}, weights, "start")

    def add_batch(self, progress, weights: list[np.ndarray]) -> Snapshot:
        metrics = {key: value for key, value in (("loss", progress.loss), ("accuracy", progress.accuracy))
                   if math.isfinite(value)}
        return self.timelapse.add(progress.epoch + progress.step / max(progress.steps, 1), metrics, weights)

    def add_epoch(self, record, weights: list[np.ndarray]) -> Snapshot:
        return self.timelapse.add(float(record.epoch + 1), dict(record.metrics), weights, "epoch")
