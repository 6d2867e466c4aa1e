"""Every piece of background work the window does, each a QObject that `TaskRunner` runs on its own thread.

A worker has a `run` slot and a `finished` signal, and, where it can be interrupted, `cancel()`, which sets
a flag the work checks between steps. Workers only emit signals; they never touch a widget, and never a
model that the GUI thread reads: what they hand over (weights, reports) travels as values in signals.

Their messages are said in the window's language when they are made (`QCoreApplication.translate` is
thread-safe); a core text (desktop_app.core.texts) travels as the object itself, in a Signal(object), so that
the window can say it with `localized`.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from desktop_app.core.timelapse import TimelapseRecorder
from desktop_app.core.training import (BatchProgress, EpochRecord, TrainConfig, TrainingObserver,
                                       TrainingPlan, TrainingResult, new_model, train)
from desktop_app.gui.text_format import describe_exception, preset_title

log = logging.getLogger(__name__)

BATCH_SIGNALS_PER_SECOND = 5
MISTAKES_SHOWN = 40  # the evaluation's gallery


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


def _warm_up() -> None:
    """Trace one small prediction function now, while the user looks at the window: TensorFlow's first
    trace in a process costs about 0.2 s more than later ones, and Train would otherwise pay it when it
    makes the canvas' copy of a new model."""
    from desktop_app.core.inference import Predictor
    from desktop_app.core.models import build_model

    try:
        Predictor(build_model("mlp"))
    except Exception:  # only a head start: Train works without it
        log.exception("warming up TensorFlow failed")


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
            _warm_up()
            from desktop_app.core.verdict import shared_checker

            shared_checker()  # loaded and traced here, not on the user's first stroke
            self.loaded.emit(TensorFlowInfo(tf.__version__, devices, reason, counts,
                                            time.perf_counter() - started))
        except Exception as error:  # a broken installation must not take the window down
            log.exception("TensorFlow failed to load")
            self.failed.emit(describe_exception(error, self.tr("Loading TensorFlow")))
        finally:
            self.finished.emit()


# --- training and fine-tuning -------------------------------------------------------------------------

# benchmarks/gui_training.py turns the time-lapse off in one of its runs to measure what it costs.
KEEP_TIMELAPSE = True


class _SignalObserver(TrainingObserver):
    """Turns the core's observer calls (on the training thread) into the worker's Qt signals."""

    def __init__(self, worker: "TrainingWorker") -> None:
        self._worker = worker
        self._last_batch_signal = 0.0
        self._interval = 1.0 / BATCH_SIGNALS_PER_SECOND
        self._timelapse = TimelapseRecorder()

    def wants_weights(self, epoch: int, step: int) -> bool:
        return KEEP_TIMELAPSE and self._timelapse.wants(epoch, step)

    def on_weights(self, progress: BatchProgress, weights: list) -> None:
        # float16 copies made here, on the training thread; the snapshot travels as a value
        self._worker.moment_kept.emit(self._timelapse.add_progress(progress, weights))

    def on_message(self, text: str) -> None:
        self._worker.message.emit(text)  # a core Text stays one: the window says it in its language

    def on_train_begin(self, plan: TrainingPlan) -> None:
        self._timelapse.begin(plan.initial_epoch, plan.steps_per_epoch)
        self._worker.plan_ready.emit(plan)

    def on_batch_end(self, progress: BatchProgress) -> None:
        now = time.monotonic()
        if progress.step >= progress.steps or now - self._last_batch_signal >= self._interval:
            self._last_batch_signal = now
            self._worker.batch_progress.emit(progress)

    def on_epoch_end(self, record: EpochRecord, model: Any) -> None:
        # A numpy copy of this epoch's weights travels to the GUI thread, which gives it to the canvas'
        # predictor there: no model is ever read by one thread while another writes it.
        weights = model.get_weights()
        self._worker.last_snapshot = weights
        self._worker.epoch_ended.emit(record, weights)
        if KEEP_TIMELAPSE:
            self._worker.moment_kept.emit(self._timelapse.add_epoch(record, weights))


class TrainingWorker(QObject):
    """Runs `core.training.train` once; `cancel()` (from any thread) ends it at the next batch.

    With `model=None` the worker builds a new model of the configured preset (done here, the 0.1 s it
    takes does not freeze the window the moment Train is pressed) and hands it over with `model_ready`,
    with a snapshot of its first weights for the canvas' copy, which a PredictorWorker builds meanwhile.
    Each epoch's weights travel with `epoch_ended`.
    """

    model_ready = Signal(object, object)  # the new model about to be trained, its weights (numpy)
    message = Signal(object)  # a line for the log and status bar: a str, or a core Text (core.texts)
    plan_ready = Signal(object)  # TrainingPlan
    batch_progress = Signal(object)  # BatchProgress, about 5 per second and each epoch's last batch
    epoch_ended = Signal(object, object)  # EpochRecord, that epoch's weights (a list of numpy arrays)
    moment_kept = Signal(object)  # a core.timelapse Snapshot (float16 copies) for the run's time-lapse
    finished = Signal(object)  # TrainingResult (status "failed" with a reason when train raised)

    def activity(self) -> str:
        """How a failure's message begins, in the window's language (a fine-tune says otherwise)."""
        return QCoreApplication.translate("TrainingWorker", "Training")

    def __init__(self, config: TrainConfig, model=None, history: dict[str, list[float]] | None = None) -> None:
        super().__init__()
        self.config = config
        self.model = model
        self.history = {key: list(values) for key, values in (history or {}).items()}
        self.stop_event = threading.Event()
        self.result: TrainingResult | None = None
        self.last_snapshot: list | None = None  # the weights the last epoch_ended carried
        self.changed_after_last_epoch = True  # the run's final weights differ from that snapshot

    def cancel(self) -> None:
        self.stop_event.set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._train()
        except Exception as error:  # bad data folder, out of memory while building: shown, never fatal
            log.exception("%s raised", type(self).__name__)
            if self.model is not None:
                action = self.activity()
            elif self.config.layers:
                action = QCoreApplication.translate("TrainingWorker", "Building the network of your layers")
            else:
                action = QCoreApplication.translate("TrainingWorker", "Building the {preset}").format(
                    preset=preset_title(self.config.preset))
            result = TrainingResult(self.model, self.history, "failed", describe_exception(error, action),
                                    0, 0.0, "", self.config)
        self.changed_after_last_epoch = self._changed_after_last_epoch(result)
        self.result = result
        self.finished.emit(result)

    def _changed_after_last_epoch(self, result: TrainingResult) -> bool:
        """Whether the model's weights now differ from the last epoch's snapshot (a stop within an epoch,
        the best epoch restored, a failure undone): then the canvas must take them once more."""
        if self.last_snapshot is None or result.model is None:
            return True
        final = result.model.get_weights()
        return len(final) != len(self.last_snapshot) or any(
            not np.array_equal(now, then) for now, then in zip(final, self.last_snapshot))

    def _train(self) -> TrainingResult:
        """The run itself, on the worker thread (subclasses train differently)."""
        if self.model is None:
            self.model = new_model(self.config)
            self.model_ready.emit(self.model, self.model.get_weights())
        return train(self.config, callbacks=_SignalObserver(self), stop_event=self.stop_event,
                     model=self.model, history=self.history)


class FineTuneWorker(TrainingWorker):
    """Runs `fine_tune` once on the model (in place); `report` holds the FineTuneReport once `finished` has
    been emitted (None when it failed). The same signals as training, so the curves, progress, Stop and
    closing the window follow a fine-tuning run exactly as they follow training."""

    def activity(self) -> str:
        return self.tr("Fine-tuning")

    def __init__(self, config: TrainConfig, model, history: dict[str, list[float]] | None, handwriting,
                 mnist_test_images: int | None = None) -> None:
        super().__init__(config, model, history)
        self.handwriting = handwriting  # a core HandwritingSet: read on the worker thread
        self.mnist_test_images = mnist_test_images
        self.report = None
        self.skipped: list[str] = []  # "FILE: why" for each drawing left out (unreadable, or blank)

    def _train(self) -> TrainingResult:
        from desktop_app.core.data import embedded_mnist
        from desktop_app.core.fine_tuning import fine_tune

        reading = self.handwriting.read()
        drawings, self.skipped = reading.dataset, reading.skipped
        if self.skipped:
            self.message.emit(self.tr("Left out %n drawing(s) that cannot be read: {files}", "",
                                      len(self.skipped)).format(files="; ".join(self.skipped)))
        self.message.emit(self.tr("Fine-tuning on {count} of your drawings mixed with MNIST…").format(
            count=len(drawings.x_train)))
        self.report = fine_tune(self.model, drawings, embedded_mnist(), self.config, _SignalObserver(self),
                                self.stop_event, self.history, mnist_test_images=self.mnist_test_images)
        return self.report.result


class PredictorWorker(QObject):
    """Builds the canvas' Predictor for a new model: a copy of its architecture holding `weights`.

    It runs beside the training run that builds the model, which meanwhile loads its data and traces its
    first step: the copy (with the process's first trace) overlaps that, instead of delaying the first batch. It reads only
    the model's architecture (never its variables, which the training thread writes)."""

    ready = Signal(object, object)  # the model it copies, the Predictor
    finished = Signal()

    def __init__(self, model, weights: list) -> None:
        super().__init__()
        self.model = model
        self.weights = weights

    @Slot()
    def run(self) -> None:
        import keras

        from desktop_app.core.inference import Predictor

        try:
            copy = keras.models.clone_model(self.model)
            copy.set_weights(self.weights)
            self.ready.emit(self.model, Predictor(copy))
        except Exception:  # the canvas then waits for the run's end, when the window copies the model
            log.exception("could not copy the new model for the canvas")
        finally:
            self.model = self.weights = None
            self.finished.emit()


# --- opening a model file ------------------------------------------------------------------------------

class ModelOpener(QObject):
    """Loads a .keras file (checked, safe mode) and builds the canvas' Predictor for it, off the window's
    thread: a big model takes seconds to build, and the window stays alive meanwhile."""

    progress = Signal(int)  # weights built so far
    succeeded = Signal(object, object)  # core.modelio.LoadedModel, its Predictor
    failed = Signal(str)  # one line naming the file
    finished = Signal()

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)

    @Slot()
    def run(self) -> None:
        from desktop_app.core.errors import DigitLabError
        from desktop_app.core.inference import Predictor
        from desktop_app.core.modelio import load_model

        try:
            loaded = load_model(self.path, progress=self.progress.emit)
            self.succeeded.emit(loaded, Predictor.copy_of(loaded.model))
        except DigitLabError as error:  # names the file and says why
            self.failed.emit(describe_exception(error, ""))
        except Exception as error:  # anything else is said plainly too, never fatal
            log.exception("opening %s failed", self.path)
            self.failed.emit(self.tr("Could not open {path}: {reason}").format(
                path=self.path, reason=describe_exception(error, self.tr("Opening the model"))))
        finally:
            self.finished.emit()


# --- measuring and evaluating (on copies of the model) -------------------------------------------------

class _Cancelled(Exception):
    pass


class MeasureWorker(QObject):
    """Evaluates a model (a private copy) on the handwriting set and on the MNIST test set; `cancel()`
    (closing the window) ends it between chunks of images."""

    succeeded = Signal(object)  # core.fine_tuning.PersonalMeasurement
    failed = Signal(str)
    finished = Signal()

    def __init__(self, model, handwriting, mnist_test_images: int | None = None) -> None:
        super().__init__()
        self.model = model
        self.handwriting = handwriting
        self.mnist_test_images = mnist_test_images
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _check_cancelled(self, _done: int, _total: int) -> None:
        if self._cancel.is_set():
            raise _Cancelled()

    @Slot()
    def run(self) -> None:
        from desktop_app.core.data import embedded_mnist
        from desktop_app.core.fine_tuning import measure_personal

        try:
            self.succeeded.emit(measure_personal(self.model, self.handwriting, embedded_mnist(),
                                                 self.mnist_test_images, progress=self._check_cancelled))
        except _Cancelled:
            pass
        except Exception as error:
            log.exception("measuring raised")
            self.failed.emit(describe_exception(error, self.tr("Measuring")))
        finally:
            self.finished.emit()


class EvaluationWorker(QObject):
    """Evaluates a model (a copy that nothing else uses) on the first `limit` MNIST test images."""

    progress = Signal(int, int)  # done, total
    succeeded = Signal(object, object, object)  # EvaluationReport, images (N×28×28 uint8), labels
    failed = Signal(str)
    finished = Signal()

    def __init__(self, model, limit: int | None = None) -> None:
        super().__init__()
        self.model = model
        self.limit = limit
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _report_progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise _Cancelled()
        self.progress.emit(done, total)

    @Slot()
    def run(self) -> None:
        from desktop_app.core.data import embedded_mnist
        from desktop_app.core.evaluation import evaluate

        try:
            dataset = embedded_mnist()  # read once, shared with fine-tuning and measuring
            images, labels = dataset.x_test[:self.limit], dataset.y_test[:self.limit]
            self.progress.emit(0, len(images))
            report = evaluate(self.model, images, labels, mistakes=MISTAKES_SHOWN, progress=self._report_progress)
            self.succeeded.emit(report, images, labels)
        except _Cancelled:
            pass
        except Exception as error:  # shown in the view, never fatal
            log.exception("evaluation failed")
            self.failed.emit(describe_exception(error, self.tr("Evaluation")))
        finally:
            self.model = None
            self.finished.emit()


# --- export -------------------------------------------------------------------------------------------

class ExportWorker(QObject):
    """Exports the open model (no training runs meanwhile: the task runner says the model is in use), then
    checks the export in its own runtime against the model (core.export_check), off the GUI thread."""

    succeeded = Signal(object)  # core.export_check.ExportCheck: written; the check passed or not
    failed = Signal(str)  # nothing written
    finished = Signal()

    def __init__(self, model, path: Path, kind: str) -> None:
        super().__init__()
        self.model = model
        self.path = Path(path)
        self.kind = kind
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """The window is closing: an export under way is finished (never half a file), its check skipped."""
        self._cancelled.set()

    @Slot()
    def run(self) -> None:
        from desktop_app.core.export import export_model
        from desktop_app.core.export_check import verify_export

        try:
            written = export_model(self.model, self.path, self.kind)
            if not self._cancelled.is_set():
                self.succeeded.emit(verify_export(self.model, written, self.kind))
        except Exception as error:
            log.exception("export failed")
            self.failed.emit(self.tr("Could not export to {path}: {reason}").format(
                path=self.path, reason=describe_exception(error, self.tr("Export"))))
        finally:
            self.finished.emit()
