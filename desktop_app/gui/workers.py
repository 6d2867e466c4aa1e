"""Work that must not freeze the window, each a QObject moved to its own QThread (the mu pattern).

`start_in_thread` wires a worker the textbook way: `moveToThread`, `thread.started → worker.run`,
`worker.finished → thread.quit`, `thread.finished → thread.deleteLater`; the worker is freed on the GUI
thread once its thread has ended (see start_in_thread). The caller keeps strong references to the thread
and the worker until the thread's `finished` signal, so Python never collects a running thread.

Workers only emit signals; they never touch a widget. Connect their signals to slots of QObjects that live
in the GUI thread (Qt then queues the call into the GUI thread), never to lambdas or plain functions.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop_app.core.errors import DigitLabError
from desktop_app.core.export import export_model
from desktop_app.core.models import PRESETS
from desktop_app.core.training import (BatchProgress, EpochRecord, TrainConfig, TrainingObserver,
                                       TrainingPlan, TrainingResult, new_model, train)

log = logging.getLogger(__name__)

BATCH_SIGNALS_PER_SECOND = 5


class _ThreadKeeper(QObject):
    """Holds every started thread and its worker until the thread has really ended.

    A window may be garbage-collected while one of its threads is still finishing (a test that drops its
    window, say); destroying a running QThread aborts the process, so the references live here, not only
    in the window. `finished` is emitted just before the thread ends, hence the `wait()` before letting go.
    """

    def __init__(self) -> None:
        super().__init__()
        self._running: dict[QThread, QObject] = {}

    def keep(self, thread: QThread, worker: QObject) -> None:
        self._running[thread] = worker
        thread.finished.connect(self._release)

    @Slot()
    def _release(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread) and thread in self._running:
            thread.wait()
            del self._running[thread]

    def running(self) -> int:
        return len(self._running)


_keeper: _ThreadKeeper | None = None


def _thread_keeper() -> _ThreadKeeper:
    global _keeper
    if _keeper is None:
        _keeper = _ThreadKeeper()  # created by the first start_in_thread call, in the GUI thread
    return _keeper


def start_in_thread(worker: QObject, name: str, on_thread_finished=None) -> QThread:
    """Move `worker` (which has a `run` slot and a `finished` signal) to a new thread and start it.

    `on_thread_finished`, a slot of a GUI-thread QObject, hears the thread's `finished` before the thread
    object is scheduled for deletion: the place to drop the caller's references.
    """
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    # No worker.deleteLater: that destroys the worker inside its own thread, where ~QObject waits for the
    # GIL while holding Qt's connection lock, and a GUI-thread disconnect waiting on that lock while
    # holding the GIL deadlocks (seen in the tests). The keeper drops the last reference on the GUI
    # thread once the thread has ended, and the worker is destroyed there.
    _thread_keeper().keep(thread, worker)
    if on_thread_finished is not None:
        thread.finished.connect(on_thread_finished)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread


def preset_title(preset: str) -> str:
    return PRESETS[preset].title if preset in PRESETS else preset


def describe_exception(error: BaseException, action: str) -> str:
    """A user-facing sentence for an exception: a DigitLabError speaks for itself."""
    if isinstance(error, DigitLabError):
        return str(error)
    text = str(error).strip().splitlines()[0][:300] if str(error).strip() else ""
    return f"{action} failed: {type(error).__name__}{': ' + text if text else ''}"


# --- TensorFlow start-up ------------------------------------------------------------------------------

@dataclass
class TensorFlowInfo:
    version: str
    devices: list = field(default_factory=list)  # core.devices.DeviceInfo, the CPU first
    why_no_gpu: str = ""  # empty when a GPU was found
    parameter_counts: dict[str, int] = field(default_factory=dict)  # preset name → parameters
    seconds: float = 0.0

    @property
    def gpu_names(self) -> list[str]:
        return [device.description for device in self.devices if device.kind == "GPU"]


class TensorFlowLoader(QObject):
    """Imports TensorFlow and Keras, lists the devices and counts each preset's parameters."""

    loaded = Signal(object)  # TensorFlowInfo
    failed = Signal(str)
    finished = Signal()

    def __init__(self, presets: list[str]) -> None:
        super().__init__()
        self._presets = list(presets)

    @Slot()
    def run(self) -> None:
        started = time.perf_counter()
        try:
            from desktop_app.core.devices import list_devices, why_no_gpu
            from desktop_app.core.models import parameter_count
            from desktop_app.core.tensorflow_runtime import import_tensorflow

            tf = import_tensorflow()  # quietly, with GPU memory growth on
            devices = list_devices()
            reason = "" if any(device.kind == "GPU" for device in devices) else why_no_gpu()
            counts = {}
            for preset in self._presets:
                try:
                    counts[preset] = parameter_count(preset)
                except Exception:  # a count is decoration; a preset that cannot build fails at Train
                    log.exception("could not count the parameters of %s", preset)
            self.loaded.emit(TensorFlowInfo(tf.__version__, devices, reason, counts,
                                            time.perf_counter() - started))
        except Exception as error:  # a broken installation must not take the window down
            log.exception("TensorFlow failed to load")
            self.failed.emit(describe_exception(error, "Loading TensorFlow"))
        finally:
            self.finished.emit()


# --- training -----------------------------------------------------------------------------------------

class _SignalObserver(TrainingObserver):
    """Turns the core's observer calls (on the training thread) into the worker's Qt signals."""

    def __init__(self, worker: "TrainingWorker") -> None:
        self._worker = worker
        self._last_batch_signal = 0.0
        self._interval = 1.0 / BATCH_SIGNALS_PER_SECOND

    def on_message(self, text: str) -> None:
        self._worker.message.emit(text)

    def on_train_begin(self, plan: TrainingPlan) -> None:
        self._worker.plan_ready.emit(plan)

    def on_batch_end(self, progress: BatchProgress) -> None:
        now = time.monotonic()
        if progress.step >= progress.steps or now - self._last_batch_signal >= self._interval:
            self._last_batch_signal = now
            self._worker.batch_progress.emit(progress)

    def on_epoch_end(self, record: EpochRecord, model: Any) -> None:
        # The canvas' twin takes this epoch's weights here, on the training thread, between batches:
        # the assignments cost about 20 ms of TensorFlow calls that would otherwise stall the window.
        self._worker.sync_twin(model)
        self._worker.epoch_ended.emit(record)


class TrainingWorker(QObject):
    """Runs `core.training.train` once; `stop()` (from any thread) ends it at the next batch.

    `twin` is the Predictor the canvas reads with: a copy of the model that takes its weights at each
    epoch's end and once more at the end of the run. With `model=None` the worker builds a new model of the
    configured preset, and without a twin it makes one; `model_ready` hands both over. Done here, the
    0.1–0.25 s of Python each takes does not freeze the window the moment Train is pressed.
    """

    model_ready = Signal(object, object)  # the model about to be trained, its twin (a core Predictor)
    message = Signal(str)
    plan_ready = Signal(object)  # TrainingPlan
    batch_progress = Signal(object)  # BatchProgress, at most ~20 per second and each epoch's last batch
    epoch_ended = Signal(object)  # EpochRecord; the twin holds that epoch's weights already
    finished = Signal(object)  # TrainingResult (status "failed" with a reason when train raised)
    activity = "Training"  # how a failure's message and log line begin

    def __init__(self, config: TrainConfig, model=None, history: dict[str, list[float]] | None = None,
                 *, twin=None) -> None:
        super().__init__()
        self.config = config
        self.model = model
        self.twin = twin
        self.history = {key: list(values) for key, values in (history or {}).items()}
        self.stop_event = threading.Event()
        self.result: TrainingResult | None = None

    def stop(self) -> None:
        self.stop_event.set()

    def sync_twin(self, model) -> None:
        """Give the twin `model`'s weights (on the training thread, between batches)."""
        if self.twin is not None and model is not None:
            self.twin.set_weights(model.get_weights())

    @Slot()
    def run(self) -> None:
        try:
            result = self._train()
        except Exception as error:  # bad data folder, out of memory while building: shown, never fatal
            log.exception("%s raised", self.activity)
            building = self.model is None
            action = f"Building the {preset_title(self.config.preset)}" if building else self.activity
            result = TrainingResult(self.model, self.history, "failed", describe_exception(error, action),
                                    0, 0.0, "", self.config)
        self.result = result
        self.finished.emit(result)

    def _train(self) -> TrainingResult:
        """The run itself, on the worker thread (subclasses train differently)."""
        self._prepare_model()
        result = train(self.config, callbacks=_SignalObserver(self), stop_event=self.stop_event,
                       model=self.model, history=self.history)
        self.sync_twin(result.model)  # a stop within an epoch, or the best epoch restored, changed them
        return result

    def _prepare_model(self) -> None:
        from desktop_app.core.inference import Predictor

        if self.model is None:
            self.model = new_model(self.config)
        if self.twin is None:
            self.twin = Predictor.copy_of(self.model)
        self.model_ready.emit(self.model, self.twin)


# --- export -------------------------------------------------------------------------------------------



class ExportWorker(QObject):
    succeeded = Signal(str)  # the path written
    failed = Signal(str)
    finished = Signal()

    def __init__(self, model, path: Path, kind: str) -> None:
        super().__init__()
        self.model = model
        self.path = Path(path)
        self.kind = kind

    @Slot()
    def run(self) -> None:
        try:
            written = export_model(self.model, self.path, self.kind)
            self.succeeded.emit(str(written))
        except Exception as error:
            log.exception("export failed")
            self.failed.emit(f"Could not export to {self.path}: {describe_exception(error, 'Export')}")
        finally:
            self.finished.emit()
