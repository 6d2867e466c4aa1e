"""The training engine: `train(config, callbacks, stop_event)` on the chosen device, with progress.

Shaped like Orange3's long tasks: a Qt-free function that reports through a small observer object and
checks a cooperative stop flag between batches. The GUI's worker and the CLI are both thin callers.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop_app.core.config_fields import Choice, described
from desktop_app.core.models import DEFAULT_PRESET, PRESETS
from desktop_app.core.texts import QT_TRANSLATE_NOOP, Template

if TYPE_CHECKING:
    from desktop_app.core.modelio import ModelMetadata

log = logging.getLogger(__name__)

METRIC_KEYS = ("loss", "accuracy", "val_loss", "val_accuracy")

# The values some fields accept, with what the panel's combo boxes show for them.
_PRESET_CHOICES = tuple(Choice(preset.name, preset.title, preset.description) for preset in PRESETS.values())
_OPTIMIZER_CHOICES = (
    Choice("adam", "Adam",  # a name, the same in every language
           QT_TRANSLATE_NOOP("TrainConfig", "Adaptive moments: a good choice without tuning.")),
    Choice("sgd", QT_TRANSLATE_NOOP("TrainConfig", "SGD with momentum"),
           QT_TRANSLATE_NOOP("TrainConfig", "Stochastic gradient descent with Nesterov momentum 0.9.")))
_MONITOR_CHOICES = (Choice("val_loss", QT_TRANSLATE_NOOP("TrainConfig", "Validation loss")),
                    Choice("val_accuracy", QT_TRANSLATE_NOOP("TrainConfig", "Validation accuracy")))
_LOOP_CHOICES = (
    Choice("fit", "Keras fit",  # names
           QT_TRANSLATE_NOOP("TrainConfig", "model.fit: Keras runs the epochs, batches and callbacks.")),
    Choice("tape", QT_TRANSLATE_NOOP("TrainConfig", "GradientTape loop"),
           QT_TRANSLATE_NOOP("TrainConfig", "A hand-written loop: a tf.function step with tf.GradientTape and "
                                            "optimizer.apply_gradients, driving the same callbacks.")))
_SCHEDULE_CHOICES = (
    Choice("epoch-cosine", QT_TRANSLATE_NOOP("TrainConfig", "Half cosine, per epoch"),
           QT_TRANSLATE_NOOP("TrainConfig", "The rate is set at each epoch's start, falling along a half cosine "
                                            "over the run's epochs.")),
    Choice("warmup-cosine", QT_TRANSLATE_NOOP("TrainConfig", "Warm-up, then a half cosine per batch"),
           QT_TRANSLATE_NOOP("TrainConfig", "The rate climbs from nearly 0 over the first tenth of the run's "
                                            "batches, then falls along a half cosine to 0, batch by batch: what a "
                                            "run of one or two epochs needs.")))
OPTIMIZERS = tuple(choice.value for choice in _OPTIMIZER_CHOICES)
LOOPS = tuple(choice.value for choice in _LOOP_CHOICES)
SCHEDULES = tuple(choice.value for choice in _SCHEDULE_CHOICES)
WARMUP_SHARE = 0.1  # of the run's batches, for the warmup-cosine schedule

# The quick recipe (--quick, the panel's "Quick recipe"): a good model in seconds. Each value replaces the
# field's standard default; a field the user set to something else keeps the user's value. Found by
# measurement (benchmarks/quick_recipe.py; the notes in benchmarks/README.md): one augmented epoch of the
# default architecture with its dropout off, on all 60,000 training images, at a rate that warms up and
# then falls to 0 within the epoch, reaches 99.09–99.17 % on the MNIST test set (seeds 42–44) in 0.19× the
# wall time of the plain Keras classic CNN. Dropout costs a one-epoch run 0.3 points (98.88 % with it);
# the validation split 0.2 (99.00 % with 10 % held out); a batch of 256 0.4. The architecture is the
# user's (a continued model keeps its own); the recipe changes only how it is trained.
QUICK_RECIPE: dict[str, Any] = {
    "epochs": 1,
    "learning_rate": 1e-2,
    "rate_schedule": "warmup-cosine",
    "validation_split": 0.0,
    "dropout": False,
}


@dataclass
class TrainConfig:
    """Everything that decides a training run; saved with the model so a run can be repeated.

    Each field says once how it appears as a `train` flag, in the settings file and in the training panel
    (see config_fields); the panel shows the labelled fields in this order, box by box.
    """

    # -- the panel's Data box
    data: str = described(
        "mnist", help="an MNIST .npz, a folder of IDX files, or a folder with sub-folders 0-9 of images",
        flag="--data", flag_default=None, metavar="PATH",  # see data.load_dataset; None: the embedded MNIST
        label=QT_TRANSLATE_NOOP("TrainConfig", "&Images"), group="data",
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "The images to train on: the embedded MNIST, a folder of MNIST IDX "
                                                 "files, or a folder with sub-folders 0–9 of digit images."))
    train_limit: int | None = described(
        None, help="use only the first N training images", flag="--limit", metavar="N",
        label=QT_TRANSLATE_NOOP("TrainConfig", "&Limit"), group="data", minimum=0, maximum=10_000_000, step=1000,
        suffix=QT_TRANSLATE_NOOP("TrainConfig", " images"), off_text=QT_TRANSLATE_NOOP("TrainConfig", "All"),
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "Train on only the first N images (quick experiments); All uses the "
                                                 "whole training set. The validation images come out of these."))
    # -- Model
    preset: str = described(
        DEFAULT_PRESET, flag="--preset", choices=_PRESET_CHOICES,
        help="model architecture (default %(default)s): " + "; ".join(
            f"{preset.name}: {preset.description}" for preset in PRESETS.values()),
        label=QT_TRANSLATE_NOOP("TrainConfig", "&Architecture"), group="model",
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "The network architecture of a new model. A model that is already "
                                                 "trained keeps its own architecture."))
    layers: str = described(
        "", flag="--layers", metavar="LAYERS",
        help="your own network instead of --preset: layers separated by commas, each a kind and its values, "
             "e.g. \"conv 32 5, pool, flatten, dense 128\" (kinds: conv, pool, avgpool, batchnorm, dropout, "
             "flatten, gap, dense, activation; `digit-lab layers` shows the shapes); the output Dense 10 is added")
    # -- Training
    quick: bool = described(
        False, flag="--quick",
        help="the quick recipe, a good model in seconds: 1 epoch, --learning-rate 0.01 with --rate-schedule "
             "warmup-cosine, --validation-split 0, --no-dropout (about 99.1 %% on the MNIST test set); a flag "
             "given a value other than its default keeps that value",
        label=QT_TRANSLATE_NOOP("TrainConfig", "&Quick recipe: a good model in seconds"),
        tooltip=QT_TRANSLATE_NOOP(
            "TrainConfig", "One epoch on all training images (no validation split), dropout off, at a rate that "
                           "warms up and then falls to 0 within the epoch: about 99.1 % on the MNIST test set in "
                           "about a quarter of a standard run's time (the standard run reads thick, slanted drawings "
                           "better). The quick values replace the settings below that are at their standard values "
                           "(epochs, learning rate, validation); a setting you changed keeps your value."))
    epochs: int = described(
        5, help="passes over the training images (default 5; 4 with --fine-tune)",
        flag="--epochs", flag_default=None,  # not given: 5, or fine-tuning's own 4
        label=QT_TRANSLATE_NOOP("TrainConfig", "&Epochs"), minimum=1, maximum=1000,
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "How many passes over the training images this run makes. "
                                                 "Continuing a model adds this many epochs."))
    batch_size: int = described(
        128, help="images per gradient step (default %(default)s)", flag="--batch-size",
        label=QT_TRANSLATE_NOOP("TrainConfig", "&Batch size"), minimum=1, maximum=8192,
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "Images per gradient step; the arrows double and halve it. Larger "
                                                 "batches run faster per image, smaller ones learn more per epoch."))
    learning_rate: float = described(
        3e-3, help="the optimizer's step size (default %(default)s)", flag="--learning-rate",
        label=QT_TRANSLATE_NOOP("TrainConfig", "Learning &rate"), minimum=0.00001, maximum=1.0,
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "The step size of the optimizer; the arrows double and halve it. It "
                                                 "falls along a half cosine over the run."))
    cosine_decay: bool = described(True, help="the learning rate falls along a half cosine over the run's epochs")
    # A trained model sits in a minimum its last, small-rate epochs found (the last of 5 cosine epochs runs at
    # about a tenth of the peak); restarting at the peak throws it out and costs accuracy. So a continued run's
    # cosine starts from this share of the rate. Fine-tuning's own rate is already small: it uses 1.
    continued_rate_share: float = described(0.1, help="a continued run's cosine starts at this share of the rate")
    rate_schedule: str = described(
        "epoch-cosine", choices=_SCHEDULE_CHOICES, flag="--rate-schedule",
        help="how the rate falls with cosine decay: epoch-cosine (set per epoch) or warmup-cosine (a warm-up "
             "over the first tenth of the batches, then a half cosine per batch) (default %(default)s)")
    optimizer: str = described(
        "adam", help="adam, or sgd with Nesterov momentum 0.9 (default %(default)s)", flag="--optimizer",
        choices=_OPTIMIZER_CHOICES, label=QT_TRANSLATE_NOOP("TrainConfig", "&Optimizer"),
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "How the weights follow the gradient: Adam, or SGD with momentum."))
    momentum: float = described(0.9, help="the momentum of sgd")
    dropout: bool = described(
        True, flag="--dropout",
        help="the model's dropout layers drop units while training (default on); --no-dropout lets "
             "everything through for this run (the model keeps its dropout layers)")
    validation_split: float = described(
        0.1, help="fraction of the training images held out (default %(default)s)", flag="--validation-split",
        label=QT_TRANSLATE_NOOP("TrainConfig", "&Validation"), minimum=0.0, maximum=0.5,
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "The share of the training images held back to measure the model on "
                                                 "images it did not learn from (the validation curves)."))
    device: str = described(
        "auto", help="cpu, gpu:N or auto (default auto)", flag="--device",
        label=QT_TRANSLATE_NOOP("TrainConfig", "&Device"),
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "Where the training runs: the CPU or a GPU that TensorFlow sees."))
    mixed_precision: bool = described(
        False, flag="--mixed-precision",
        help="compute in bfloat16, keeping float32 weights, where the device has bfloat16 arithmetic (a CPU "
             "with AVX512-BF16 or AMX-BF16, a GPU of compute capability 8.0 or newer); elsewhere float32. "
             "The saved model computes in float32 either way")
    augment: bool = described(
        True, help="random shifts, rotations, scale and stroke thickness (default on)", flag="--augment",
        label=QT_TRANSLATE_NOOP("TrainConfig", "Augment images"),
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "Shift, rotate, scale and thicken the training images a little each "
                                                 "epoch, like real handwriting varies: better on your drawings, "
                                                 "slower to learn."))
    # -- Stopping, checkpoints and logs
    early_stopping_patience: int = described(
        0, help="stop after PATIENCE epochs without a better validation loss (0: off)", flag="--early-stopping",
        metavar="PATIENCE", label=QT_TRANSLATE_NOOP("TrainConfig", "Early sto&p"), group="stopping", minimum=0,
        maximum=1000, suffix=QT_TRANSLATE_NOOP("TrainConfig", " epochs"), off_text=QT_TRANSLATE_NOOP("TrainConfig", "Off"),
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "Stop early when the watched figure has not improved for this many "
                                                 "epochs; Off trains all epochs."))
    early_stopping_monitor: str = described(
        "val_loss", help="the figure early stopping and best-epoch restore watch", choices=_MONITOR_CHOICES,
        label=QT_TRANSLATE_NOOP("TrainConfig", "&Watch"), group="stopping",
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "The figure early stopping and “Keep the best epoch” watch: the loss "
                                                 "or the accuracy on the validation images."))
    restore_best: bool = described(
        False, help="end with the weights of the epoch with the best validation loss", flag="--restore-best",
        label=QT_TRANSLATE_NOOP("TrainConfig", "Keep the best epoch"), group="stopping",
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "End the run with the weights of the epoch with the best watched "
                                                 "figure, not those of the last epoch. Needs a validation split."))
    checkpoint_path: str | None = described(
        None, help="keep the best model so far (by validation loss) in this file", flag="--checkpoint",
        metavar="BEST.keras", label=QT_TRANSLATE_NOOP("TrainConfig", "Chec&kpoint"), group="stopping",
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "Also save the best model of the run (lowest validation loss) to "
                                                 "this .keras file after each better epoch; empty: no checkpoint "
                                                 "file."))
    tensorboard_dir: str | None = described(
        None, help="write TensorBoard logs to DIR (view with: tensorboard --logdir DIR)", flag="--tensorboard",
        metavar="DIR", label=QT_TRANSLATE_NOOP("TrainConfig", "Tensor&Board"), group="stopping",
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "Write TensorBoard logs of each run into this folder, to view with "
                                                 "tensorboard --logdir; empty: no logs."))
    loop: str = described(
        "fit", help="Keras fit, or a hand-written tf.GradientTape loop (default %(default)s)", flag="--loop",
        choices=_LOOP_CHOICES, label=QT_TRANSLATE_NOOP("TrainConfig", "Training loo&p"), group="stopping",
        tooltip=QT_TRANSLATE_NOOP("TrainConfig", "How the training steps run: Keras' fit, or a hand-written "
                                                 "GradientTape loop; both learn the same way and report alike."))
    # -- not in the window
    seed: int = described(42, help="the random seed of the run (default %(default)s)", flag="--seed")
    normalization: str = described("unit", help="how the model scales its input; see models.NORMALIZATIONS")

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "TrainConfig":
        """Build from saved values, ignoring keys that a newer or older version wrote."""
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in values.items() if key in known})

    def effective(self) -> "TrainConfig":
        """The settings a run uses: with `quick`, the quick recipe's value for each of its fields that is at
        its standard default (a value the user chose stays). Without `quick`, this config itself."""
        if not self.quick:
            return self
        standard = type(self)()
        return dataclasses.replace(self, **{name: value for name, value in QUICK_RECIPE.items()
                                            if getattr(self, name) == getattr(standard, name)})

    def check(self) -> None:
        """Raise ValueError with a readable message for a setting no run could use."""
        if self.epochs < 1:
            raise ValueError(QT_TRANSLATE_NOOP("errors", "epochs must be at least 1"))
        if self.train_limit is not None and self.train_limit < 1:  # 0 or less would silently mean "all"
            raise ValueError(QT_TRANSLATE_NOOP("errors", "the limit must be at least 1 image, not {limit} (leave --limit "
                                                         "out to train on all images)").format(limit=self.train_limit))
        if self.batch_size < 1:
            raise ValueError(QT_TRANSLATE_NOOP("errors", "the batch size must be at least 1"))
        if not (self.learning_rate > 0 and math.isfinite(self.learning_rate)):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "the learning rate must be a positive number"))
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(QT_TRANSLATE_NOOP("errors", "unknown optimizer {name!r}; choose adam or sgd").format(
                name=self.optimizer))
        if self.loop not in LOOPS:
            raise ValueError(QT_TRANSLATE_NOOP("errors", "unknown training loop {name!r}; choose fit or tape").format(
                name=self.loop))
        if not 0 <= self.validation_split < 1:
            raise ValueError(QT_TRANSLATE_NOOP("errors", "the validation split must be at least 0 and below 1"))
        if self.rate_schedule not in SCHEDULES:
            raise ValueError(QT_TRANSLATE_NOOP("errors", "unknown rate schedule {name!r}; choose {schedules}").format(
                name=self.rate_schedule, schedules=" or ".join(SCHEDULES)))
        if self.layers.strip():
            from desktop_app.core.architecture import Architecture

            Architecture.from_text(self.layers).analyse()  # names the layer at fault and why
        if (self.early_stopping_patience or self.restore_best) and self.validation_split == 0 \
                and self.early_stopping_monitor.startswith("val_"):
            raise ValueError(QT_TRANSLATE_NOOP("errors", "early stopping and best-epoch restore need a validation split "
                                                         "above 0"))


@dataclass(frozen=True)
class TrainingPlan:
    epochs: int  # epochs in this run
    initial_epoch: int  # epochs the model had before this run
    steps_per_epoch: int
    train_samples: int
    validation_samples: int
    device: str


@dataclass(frozen=True)
class BatchProgress:
    epoch: int  # 0-based, counting epochs before this run too
    step: int  # 1-based batch within the epoch
    steps: int
    loss: float
    accuracy: float


@dataclass(frozen=True)
class EpochRecord:
    epoch: int  # 0-based, counting epochs before this run too
    metrics: dict[str, float]
    seconds: float
    partial: bool = False  # the user stopped within this epoch


@dataclass
class TrainingResult:
    model: Any
    history: dict[str, list[float]]
    status: str  # "finished", "stopped" or "failed"
    reason: str = ""
    epochs_completed: int = 0
    seconds: float = 0.0
    device: str = ""
    config: TrainConfig = field(default_factory=TrainConfig)
    dataset_name: str = ""  # the data set's display name (data.Dataset.name), for run_metadata
    precision: str = "float32"  # what the run computed in: "float32", or "bfloat16" (mixed precision)

    @property
    def final_metrics(self) -> dict[str, float]:
        return {key: values[-1] for key, values in self.history.items() if values}


class TrainingObserver:
    """What a caller hears during training; override what you need. Called on the training thread."""

    def on_message(self, text: str) -> None: ...
    def on_train_begin(self, plan: TrainingPlan) -> None: ...
    def on_batch_end(self, progress: BatchProgress) -> None: ...

    def wants_weights(self, epoch: int, step: int) -> bool:
        """Whether `on_weights` should hear the weights after batch `step` (1-based; 0: before the first
        batch) of `epoch`: a time-lapse keeps a few moments (core.timelapse). Asked after every batch."""
        return False

    def on_weights(self, progress: BatchProgress, weights: list) -> None:
        """A numpy copy of the weights at a moment `wants_weights` asked for (progress.step 0: the start)."""

    def on_epoch_end(self, record: EpochRecord, model: Any) -> None: ...
    def on_finished(self, result: TrainingResult) -> None: ...


def _make_bridge(observer: TrainingObserver, stop_event: threading.Event, config: TrainConfig,
                 plan: TrainingPlan):
    """A Keras callback that forwards progress, honours Stop, schedules the rate and catches NaN."""
    import keras

    class ObserverBridge(keras.callbacks.Callback):
        def __init__(self) -> None:
            super().__init__()
            self.failure = ""
            self.stopped_by_user = False
            self.good_weights = None
            self.good_optimizer_state = None
            self.records: list[EpochRecord] = []
            self._epoch_start = 0.0
            self._epoch_stopped = False
            self._run_epoch = 0  # the epoch under way, counted from this run's first

        def on_train_begin(self, logs=None) -> None:
            if not self.model.optimizer.built:  # so that its state exists to be remembered from the start
                self.model.optimizer.build(self.model.trainable_variables)
            self.remember_good_state()
            if observer.wants_weights(plan.initial_epoch, 0):  # the time-lapse's first frame
                observer.on_weights(BatchProgress(plan.initial_epoch, 0, plan.steps_per_epoch, math.nan,
                                                  math.nan), [array.copy() for array in self.good_weights])

        def remember_good_state(self) -> None:
            """The weights and the optimizer's variables (moments, step count) of the last good epoch: after
            a NaN the moments hold NaN too, and restoring the weights alone leaves a model that cannot learn."""
            self.good_weights = self.model.get_weights()
            self.good_optimizer_state = [variable.numpy() for variable in self.model.optimizer.variables]

        def restore_good_state(self) -> None:
            self.model.set_weights(self.good_weights)
            for variable, value in zip(self.model.optimizer.variables, self.good_optimizer_state, strict=True):
                variable.assign(value)

        def on_epoch_begin(self, epoch, logs=None) -> None:
            self._epoch_start = time.perf_counter()
            self._epoch_stopped = False
            run_epoch = self._run_epoch = epoch - plan.initial_epoch
            if not config.cosine_decay:
                return
            if config.rate_schedule == "warmup-cosine":  # set per batch, in on_train_batch_begin
                first, last = run_epoch * plan.steps_per_epoch, (run_epoch + 1) * plan.steps_per_epoch - 1
                rates = [self.batch_rate(step) for step in (first, last)]
                observer.on_message(QT_TRANSLATE_NOOP(
                    "training", "Epoch {epoch}: learning rate from {first:.5f} up to at most {peak:.5f} and down to "
                                "{last:.5f}, batch by batch").format(
                    epoch=epoch + 1, first=rates[0], peak=max(self.batch_rate(step) for step in range(first, last + 1)),
                    last=rates[1]))
                return
            factor = 0.5 * (1 + math.cos(math.pi * run_epoch / plan.epochs))
            rate = self.peak_rate() * max(factor, 0.02)
            self.model.optimizer.learning_rate = rate
            observer.on_message(QT_TRANSLATE_NOOP("training", "Epoch {epoch}: learning rate {rate:.5f}").format(
                epoch=epoch + 1, rate=rate))

        def peak_rate(self) -> float:
            return config.learning_rate * (config.continued_rate_share if plan.initial_epoch else 1.0)

        def batch_rate(self, run_step: int) -> float:
            """The warmup-cosine rate at batch `run_step` (0-based, counted over the run's epochs): a linear
            climb over the first WARMUP_SHARE of the batches, then a half cosine down towards 0."""
            total = plan.epochs * plan.steps_per_epoch
            warmup = max(1, round(WARMUP_SHARE * total))
            if run_step < warmup:
                return self.peak_rate() * (run_step + 1) / warmup
            progress = (run_step - warmup) / max(total - warmup, 1)
            return self.peak_rate() * 0.5 * (1 + math.cos(math.pi * min(progress, 1.0)))

        def on_train_batch_begin(self, batch, logs=None) -> None:
            if config.cosine_decay and config.rate_schedule == "warmup-cosine":
                self.model.optimizer.learning_rate = self.batch_rate(self._run_epoch * plan.steps_per_epoch + batch)

        def on_train_batch_end(self, batch, logs=None) -> None:
            logs = logs or {}
            loss = float(logs.get("loss", float("nan")))
            if not math.isfinite(loss):
                diverged = (QT_TRANSLATE_NOOP("training", "The loss became {loss} at epoch {epoch}, batch {batch}: "
                                                          "training diverged. The model keeps the weights of the last "
                                                          "good epoch; try a lower learning rate.") if self.records else
                            QT_TRANSLATE_NOOP("training", "The loss became {loss} at epoch {epoch}, batch {batch}: "
                                                          "training diverged. The model keeps the weights it started "
                                                          "with; try a lower learning rate."))
                self.failure = diverged.format(loss=loss, epoch=self._epoch_number(), batch=batch + 1)
                self.model.stop_training = True
                return
            progress = BatchProgress(self._epoch_index(), batch + 1, plan.steps_per_epoch, loss,
                                     float(logs.get("accuracy", float("nan"))))
            observer.on_batch_end(progress)
            if observer.wants_weights(progress.epoch, progress.step):
                observer.on_weights(progress, self.model.get_weights())
            if stop_event.is_set() and not self.model.stop_training:
                self._epoch_stopped = batch + 1 < plan.steps_per_epoch
                self.stopped_by_user = True
                self.model.stop_training = True

        def on_epoch_end(self, epoch, logs=None) -> None:
            if self.failure:
                self.restore_good_state()
                return
            metrics = {key: float(logs[key]) for key in METRIC_KEYS if logs and key in logs}
            record = EpochRecord(epoch, metrics, time.perf_counter() - self._epoch_start, self._epoch_stopped)
            self.records.append(record)
            self.remember_good_state()
            observer.on_epoch_end(record, self.model)

        def _epoch_index(self) -> int:
            return plan.initial_epoch + len(self.records)

        def _epoch_number(self) -> int:
            return self._epoch_index() + 1

    return ObserverBridge()


def make_optimizer(config: TrainConfig):
    import keras

    if config.optimizer == "sgd":
        return keras.optimizers.SGD(learning_rate=config.learning_rate, momentum=config.momentum, nesterov=True)
    return keras.optimizers.Adam(learning_rate=config.learning_rate)


def compile_model(model, config: TrainConfig) -> None:
    model.compile(optimizer=make_optimizer(config), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])


def new_model(config: TrainConfig):
    """A fresh, compiled, seeded model of `config.preset`, its variables on the configured device.

    The GUI builds it before the training thread starts, to give the canvas its own copy."""
    from desktop_app.core.devices import device_scope, resolve_device

    device, _ = resolve_device(config.device)
    with device_scope(device):
        return _build_compiled(config)


def _build_compiled(config: TrainConfig):
    """A fresh, compiled, seeded model of `config.preset`, its variables in the current device scope."""
    from desktop_app.core.models import build_model

    model = build_model(config.preset, config.normalization, seed=config.seed, layers=config.layers)
    compile_model(model, config)
    return model


def _prepare_model(model, config: TrainConfig, observer: TrainingObserver):
    """A new model for the preset, or the given one ready to train on (its optimizer state kept).
    Called inside train()'s device scope, so it neither resolves the device nor enters a scope again."""
    if model is None:
        return _build_compiled(config)
    current = getattr(model, "optimizer", None)
    same_kind = current is not None and type(current).__name__.lower() == config.optimizer
    if getattr(model, "compiled", False) and same_kind:
        current.learning_rate = config.learning_rate  # keeps the moments the optimizer learned
    else:
        if current is not None:
            observer.on_message(QT_TRANSLATE_NOOP("training", "Switching the optimizer to {optimizer}: its state starts "
                                                              "afresh.").format(optimizer=config.optimizer))
        compile_model(model, config)
    return model


def train(config: TrainConfig, callbacks: TrainingObserver | None = None,
          stop_event: threading.Event | None = None, *, model=None, dataset=None,
          history: dict[str, list[float]] | None = None) -> TrainingResult:
    """Train `model` (or a new one of `config.preset`) and return the result; never raises for a
    failure during training (NaN loss, out of memory): that comes back as status "failed".

    `dataset` (a data.Dataset) saves reloading; `history` holds the epochs the model already had, so a
    continued run numbers its epochs after them and its result carries the whole history.
    """
    import keras

    from desktop_app.core.data import load_dataset
    from desktop_app.core.devices import device_scope, resolve_device
    from desktop_app.core.pipeline import make_dataset, split_validation
    from desktop_app.core.tape_loop import fit_with_tape

    config = config.effective()
    config.check()
    observer = callbacks or TrainingObserver()
    stop_event = stop_event or threading.Event()
    previous = {key: list(values) for key, values in (history or {}).items()}
    initial_epoch = len(previous.get("loss", []))
    started = time.perf_counter()

    dataset = dataset if dataset is not None else load_dataset(config.data)
    x_all, y_all = dataset.x_train, dataset.y_train
    if config.train_limit:
        x_all, y_all = x_all[:config.train_limit], y_all[:config.train_limit]
    x_train, y_train, x_val, y_val = split_validation(x_all, y_all, config.validation_split, config.seed)
    if len(x_train) == 0:
        raise ValueError(QT_TRANSLATE_NOOP("errors", "no training images are left after the validation split"))

    device, fallback_message = resolve_device(config.device)
    if fallback_message:
        log.warning(fallback_message)
        observer.on_message(fallback_message)

    plan = TrainingPlan(config.epochs, initial_epoch, math.ceil(len(x_train) / config.batch_size),
                        len(x_train), len(x_val), device.strip("/"))
    observer.on_train_begin(plan)
    result = TrainingResult(model, previous, "stopped", QT_TRANSLATE_NOOP("training", "Stopped before the first batch."),
                            0, 0.0, plan.device, config, dataset.name)

    with device_scope(device):
        keras.utils.set_random_seed(config.seed)
        model = _prepare_model(model, config, observer)
        result.model = model
        if stop_event.is_set():
            result.seconds = time.perf_counter() - started
            observer.on_finished(result)
            return result
        train_data = make_dataset(x_train, y_train, config.batch_size, shuffle=True, seed=config.seed,
                                  augment=config.augment)
        val_data = (make_dataset(x_val, y_val, max(config.batch_size, 512), shuffle=False,
                                 seed=config.seed, augment=False) if len(x_val) else None)
        bridge = _make_bridge(observer, stop_event, config, plan)
        keras_callbacks = [bridge, *_standard_callbacks(config)]
        result.precision = _precision(config, device, observer)
        adjustments = _RunAdjustments(model, dropout=config.dropout, precision=result.precision)
        try:
            if config.loop == "tape":
                fit_with_tape(model, train_data, val_data, initial_epoch + config.epochs, initial_epoch,
                              keras_callbacks, steps_per_epoch=plan.steps_per_epoch)
            else:
                model.fit(train_data, validation_data=val_data, epochs=initial_epoch + config.epochs,
                          initial_epoch=initial_epoch, callbacks=keras_callbacks, shuffle=False,
                          verbose=0)  # the pipeline shuffles, seeded
            failure = bridge.failure
        except Exception as error:  # out of memory and the like end the run, not the program
            log.exception("training failed")
            failure = QT_TRANSLATE_NOOP("training", "Training failed: {error}").format(
                error=f"{type(error).__name__}: {error}")
            if bridge.good_weights is not None:
                bridge.restore_good_state()
        finally:
            adjustments.undo()

    for record in bridge.records:
        for key in METRIC_KEYS:
            if key in record.metrics:
                previous.setdefault(key, []).append(record.metrics[key])
    result.history = previous
    result.epochs_completed = len(bridge.records)
    result.seconds = time.perf_counter() - started
    epochs = result.epochs_completed
    if failure:
        result.status, result.reason = "failed", failure
    elif bridge.stopped_by_user:
        result.status = "stopped"
        result.reason = (QT_TRANSLATE_NOOP("training", "Stopped by the user after {epochs} epoch(s) (the last one "
                                                       "partly trained).")
                         if bridge.records and bridge.records[-1].partial else
                         QT_TRANSLATE_NOOP("training", "Stopped by the user after {epochs} epoch(s).")
                         ).format(epochs=epochs)
    elif len(bridge.records) < config.epochs:
        result.status, result.reason = "finished", QT_TRANSLATE_NOOP(
            "training", "Early stopping ended the run after {epochs} epoch(s).").format(epochs=epochs)
    else:
        result.status, result.reason = "finished", QT_TRANSLATE_NOOP("training", "Trained {epochs} epoch(s)."
                                                                     ).format(epochs=epochs)
    note = _restored_best_note(keras_callbacks, bridge.records)
    if result.status != "failed" and note:  # a failure's reason already says which weights the model keeps
        result.reason = _SENTENCES.format(first=result.reason, second=note)
    observer.on_finished(result)
    return result


def _precision(config: TrainConfig, device: str, observer: TrainingObserver) -> str:
    """"bfloat16" when the run asks for mixed precision and `device` has bfloat16 arithmetic, else "float32"
    (said in a message when mixed precision was asked for: emulated bfloat16 is several times slower)."""
    if not config.mixed_precision:
        return "float32"
    from desktop_app.core.devices import bfloat16_support

    supported, where = bfloat16_support(device)
    if supported:
        observer.on_message(QT_TRANSLATE_NOOP("training", "Mixed precision: computing in bfloat16 on {device}; the "
                                                          "weights stay float32.").format(device=where))
        return "bfloat16"
    message = QT_TRANSLATE_NOOP("training", "Mixed precision was asked for, but {reason}: training in float32.").format(
        reason=where)
    log.info(message)
    observer.on_message(message)
    return "float32"


class _RunAdjustments:
    """What a run changes in the model for its own duration, undone at its end so the model (and the file
    it is saved to) stays as its architecture describes it: dropout off (`dropout` False), and bfloat16
    arithmetic (`precision` "bfloat16") in every layer but the last, whose softmax stays float32 so the
    probabilities and the loss keep full precision. The weights are float32 either way."""

    def __init__(self, model, *, dropout: bool, precision: str) -> None:
        import keras

        self.model = model
        self.rates = {layer: layer.rate for layer in model.layers
                      if not dropout and isinstance(layer, keras.layers.Dropout) and layer.rate}
        for layer in self.rates:
            layer.rate = 0.0
        self.policies = {layer: layer.dtype_policy for layer in model.layers[:-1]} if precision == "bfloat16" else {}
        for layer in self.policies:
            layer.dtype_policy = "mixed_bfloat16"
        if self.rates or self.policies:
            self.forget_traces()

    def undo(self) -> None:
        for layer, rate in self.rates.items():
            layer.rate = rate
        for layer, policy in self.policies.items():
            layer.dtype_policy = policy
        if self.rates or self.policies:
            self.forget_traces()
        self.rates, self.policies = {}, {}

    def forget_traces(self) -> None:
        """Drop Keras' traced functions: they hold the rates and dtypes of their trace."""
        self.model.train_function = self.model.test_function = self.model.predict_function = None


# Two sentences, each translatable on its own (not a text: nothing in it to translate).
_SENTENCES = Template("training", "{first} {second}")


def _restored_best_note(keras_callbacks: list, records: list[EpochRecord]) -> str:
    """A sentence when best-epoch restore left the model with an earlier epoch's weights: the figures of
    the last epoch, which the CLI and the window show next to the reason, then no longer describe it;
    "" otherwise."""
    import keras

    early = next((c for c in keras_callbacks if isinstance(c, keras.callbacks.EarlyStopping)), None)
    if (early is None or not early.restore_best_weights or early.best_weights is None or not records
            or early.best_epoch == records[-1].epoch):
        return ""
    return QT_TRANSLATE_NOOP("training", "The model keeps the weights of epoch {epoch}, the best by {monitor} "
                                         "({best:.4f}).").format(epoch=early.best_epoch + 1, monitor=early.monitor,
                                                                 best=early.best)


def run_metadata(config: TrainConfig, history: dict[str, list[float]] | None, dataset_name: str,
                 architecture: str | None = None) -> ModelMetadata:
    """What a model trained by `config` records about itself; the CLI and the window both save this.

    `dataset_name` is the data set's display name (data.Dataset.name, TrainingResult.dataset_name: "mnist"
    for the embedded set). `architecture` is the preset the model really has when it differs from
    `config.preset` (a continued model keeps its own; "" for a model from elsewhere); the saved config
    records the same, so the file never names an architecture the model does not have. The recorded config
    is the one the run used: with `quick`, the quick recipe's values are in it."""
    from desktop_app.core.modelio import ModelMetadata

    from desktop_app.core.models import PRESETS, architecture_of

    preset = config.preset if architecture is None else architecture
    recorded = dataclasses.replace(config.effective(), preset=preset)
    described_as = architecture_of(preset, config.layers).to_dict() if config.layers or preset in PRESETS else {}
    return ModelMetadata(preset=preset, dataset=dataset_name, config=recorded.to_dict(),
                         history={key: list(values) for key, values in (history or {}).items()},
                         architecture=described_as)


def _standard_callbacks(config: TrainConfig) -> list:
    """Early stopping, best checkpoint and TensorBoard logs, as the Keras guides teach them."""
    import keras

    from desktop_app.core.best_checkpoint import best_checkpoint

    extra = []
    if config.early_stopping_patience or config.restore_best:
        extra.append(keras.callbacks.EarlyStopping(
            monitor=config.early_stopping_monitor,
            patience=config.early_stopping_patience or config.epochs,
            restore_best_weights=config.restore_best))
    if config.checkpoint_path:
        extra.append(best_checkpoint(config.checkpoint_path, "val_loss" if config.validation_split else "loss"))
    if config.tensorboard_dir:
        extra.append(keras.callbacks.TensorBoard(config.tensorboard_dir, write_graph=False))
    return extra
