"""Training in the window: the settings panel (left dock), the live curves and the log (bottom dock), and
the runs themselves, started through the task runner and shown as they go.

A run is a TrainingWorker: plain training, or fine-tuning started by the handwriting feature through
`run()`, so both get the same curves, progress, Stop and closing behaviour. Each epoch's weights reach
the canvas through the session, on the GUI thread.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox, QScrollArea, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.architecture import Architecture, ArchitectureError
from desktop_app.core.errors import DigitLabError, message_of
from desktop_app.core.modelio import ModelMetadata
from desktop_app.core.models import PRESETS, architecture_of, layer_summary
from desktop_app.core.texts import QT_TRANSLATE_NOOP
from desktop_app.core.timelapse import Timelapse
from desktop_app.core.training import (BatchProgress, EpochRecord, TrainConfig, TrainingPlan, TrainingResult,
                                       run_metadata)
from desktop_app.gui.feature import Contributions, DockPlacement, make_dock
from desktop_app.gui.i18n import localized
from desktop_app.gui.session import ModelSession
from desktop_app.gui.settings import AppSettings
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.text_format import format_duration, format_metrics, preset_title, tensorboard_command
from desktop_app.gui.training.log_view import TrainingLog
from desktop_app.gui.training.panel import TrainingPanel
from desktop_app.gui.training.plots import TrainingPlots
from desktop_app.gui.training.timelapse_bar import TimelapseBar
from desktop_app.gui.workers import PredictorWorker, TensorFlowInfo, TrainingWorker

TRAINING = "training"  # the task kind of every run, fine-tuning included
PREDICTOR = "predictor"  # the task that copies a new model for the canvas


def _training_note(epochs: int) -> str:
    """What the canvas' weights are during a run: a core-style Template or Text, since it stays in the
    session and is shown later, perhaps in another language (whoever shows it passes it through localized())."""
    if epochs:
        return QT_TRANSLATE_NOOP("TrainingController", "Weights after epoch {epoch} · training…").format(
            epoch=epochs)
    return QT_TRANSLATE_NOOP("TrainingController", "Untrained weights: the first epoch is running…")


class TrainingController(QObject):
    """Owns the training panel, the plots and the log, and the window's one training run."""


    def __init__(self, session: ModelSession, tasks: TaskRunner, settings: AppSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.settings = settings
        self._worker: TrainingWorker | None = None
        self._config: TrainConfig | None = None
        self._architecture: str | None = None  # a continued model's own preset (None: a new model)
        self._described_as: dict = {}  # the run's model's layers, as its file records them (Architecture.to_dict)
        self._title = ""  # the run's architecture, in words
        self._latest_weights: list | None = None  # the last epoch's, for a canvas copy still being built
        self._on_finished: Callable[[TrainingResult], None] | None = None
        self._result: TrainingResult | None = None
        self._tensorflow_ready = False

        self.panel = TrainingPanel()
        self.plots = TrainingPlots()
        self.log_view = TrainingLog()
        self.timelapse_bar = TimelapseBar()
        self.panel.set_architectures(settings.architectures())
        self.panel.set_config(dataclasses.replace(settings.train_config(), layers=settings.chosen_layers()),
                              settings.data_folders())

        self.panel.trainRequested.connect(self.start)
        self.panel.stopRequested.connect(self.stop)
        self.panel.configChanged.connect(self.save_settings)
        self.panel.architecturesChanged.connect(self._save_architectures)
        session.logLine.connect(self.log_view.append_line)
        session.modelChanged.connect(self._model_changed)
        session.historyReplaced.connect(self._show_history)
        session.timelapseChanged.connect(self._timelapse_changed)
        self.timelapse_bar.momentChosen.connect(self._show_moment)
        session.unsavedChanged.connect(self._describe_model)
        session.unsavedChanged.connect(self._show_model_layers)  # saving names the model anew
        tasks.tasksChanged.connect(self._tasks_changed)

    def contributions(self) -> Contributions:
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(max(280, self.panel.minimumSizeHint().width())
                               + scroll.verticalScrollBar().sizeHint().width())
        self.training_dock = make_dock(lambda: self.tr("Training"), "TrainingDock", scroll, lambda: self.tr(
            "Choose the data, the architecture and the hyper-parameters, then train."))

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.setChildrenCollapsible(False)
        bottom.addWidget(self.plots)
        bottom.addWidget(self.log_view)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(bottom, 1)
        layout.addWidget(self.timelapse_bar)
        self.curves_dock = make_dock(lambda: self.tr("Training curves and log"), "CurvesDock", box, lambda: self.tr(
            "Loss and accuracy per batch and per epoch, and the training log."))
        area = Qt.DockWidgetArea
        return Contributions(docks=[DockPlacement(self.training_dock, area.LeftDockWidgetArea),
                                    DockPlacement(self.curves_dock, area.BottomDockWidgetArea)])

    # -- state ----------------------------------------------------------------------------------------
    def is_training(self) -> bool:
        return self._worker is not None

    def last_result(self) -> TrainingResult | None:
        return self._result

    def is_ready(self) -> bool:
        """TensorFlow has loaded: runs can start."""
        return self._tensorflow_ready

    def device(self) -> str:
        """The device the panel has chosen ("auto", "cpu" or "gpu:N")."""
        return self.panel.config().device

    def set_tensorflow_info(self, info: TensorFlowInfo) -> None:
        self._tensorflow_ready = True
        self.panel.set_tensorflow_info(info)

    @Slot()
    def save_settings(self) -> None:
        config = self.panel.config()
        self.settings.set_train_config(config)
        self.settings.set_chosen_layers(config.layers)
        self.settings.set_data_folders(self.panel.data_folders())

    @Slot(list)
    def _save_architectures(self, architectures: list) -> None:
        self.settings.set_architectures(architectures)

    @Slot()
    def _tasks_changed(self) -> None:
        self.panel.set_blocked(self.tasks.uses_model() and not self.is_training())

    @Slot()
    def _model_changed(self) -> None:
        self._show_history()
        self._describe_model()
        self._show_model_layers()

    @Slot()
    def _show_model_layers(self, *_args) -> None:
        """The open model's layers for the editor: its own description, or its Keras layers when they are
        kinds the editor does not know."""
        session = self.session
        if not session.has_model():
            self.panel.set_model_layers("", None)
            return
        architecture = session.architecture()
        rows = []
        if architecture is None:
            try:
                rows = layer_summary(session.model())
            except Exception:  # shown as an empty list rather than failing the window
                rows = []
        title = QT_TRANSLATE_NOOP("TrainingController", "“{name}” ({architecture})").format(
            name=session.name(), architecture=session.architecture_title())  # the editor shows it localized()
        self.panel.set_model_layers(title, architecture, rows)

    @Slot()
    def _show_history(self) -> None:
        self.plots.set_history(self.session.history())

    @Slot()
    def _describe_model(self, *_args) -> None:
        self.panel.set_model_state(self.session.has_model(), self.session.summary())

    # -- starting and stopping ------------------------------------------------------------------------
    @Slot()
    def start(self) -> bool:
        """What the Train button does: continue the open model, or build a new one and train it."""
        if not self._tensorflow_ready or self.tasks.uses_model():
            return False
        config = self.panel.config()
        building = self.panel.start_new_model() or not self.session.has_model()
        if not building:  # the model keeps its own architecture, and its file says so
            own = self.session.metadata()
            config = dataclasses.replace(config, preset=own.preset if own.preset in PRESETS else config.preset,
                                         layers=_own_layers(own))
        config = config.effective()  # the quick recipe's values: the log, the epoch count and the check see them
        try:
            config.check()
        except (ValueError, DigitLabError) as error:
            text = localized(message_of(error)).rstrip(".")
            QMessageBox.warning(self.panel.window(), self.tr("Cannot train"), self.tr(
                "{problem}.\n\nWhat to do: change the setting on the left (or the layers, with Edit layers…) and "
                "press Train again.").format(problem=f"{text[:1].upper()}{text[1:]}"))
            return False
        if building:
            if not self.session.may_discard():
                return False
            architecture = None
            name = self.panel.architecture_name()  # a preset's title, the user's name, or "custom"
            described = architecture_of(config.preset, config.layers)
            if config.layers:
                described = dataclasses.replace(described, name=name)
            self._described_as = described.to_dict()
            if name == "custom":
                self._title = self.tr("your layers")
            elif config.layers:  # the user's own name for them
                self._title = name
            else:
                self._title = preset_title(config.preset, without_default_mark=True)
            worker = TrainingWorker(config)  # builds the model: see _model_ready
        else:
            architecture = self.session.metadata().preset
            known = self.session.architecture()
            self._described_as = dict(self.session.metadata().architecture or {}) or (
                known.to_dict() if known is not None else {})
            self._title = localized(self.session.architecture_title())
            history = self.session.history()
            worker = TrainingWorker(config, self.session.model(), history)
            self.session.set_weights_note(_training_note(len(history.get("loss", []))))
        worker.model_ready.connect(self._model_ready)
        if not self.run(worker, config, self._finished):
            return False
        self._architecture = architecture
        self.session.status(self.tr("Training…"), 0)
        self.session.log(self._run_line(config))
        return True

    def _run_line(self, config: TrainConfig) -> str:
        """The log's line for a run that starts: its epochs, batch, optimizer, validation, data."""
        values = dict(batch=config.batch_size, optimizer=config.optimizer, rate=f"{config.learning_rate:g}",
                      validation=f"{config.validation_split:.0%}", data=config.data,
                      augmentation=self.tr("on") if config.augment else self.tr("off"))
        if config.train_limit:
            line = self.tr("Training %n epoch(s): batch {batch}, {optimizer} at {rate}, validation {validation}, "
                           "augmentation {augmentation}, data {data} (first {limit} images).", "",
                           config.epochs).format(limit=config.train_limit, **values)
        else:
            line = self.tr("Training %n epoch(s): batch {batch}, {optimizer} at {rate}, validation {validation}, "
                           "augmentation {augmentation}, data {data}.", "", config.epochs).format(**values)
        return self.tr("Quick recipe: {run}").format(run=line) if config.quick else line

    def run(self, worker: TrainingWorker, config: TrainConfig, on_finished: Callable[[TrainingResult], None]) -> bool:
        """Run a TrainingWorker (plain training or fine-tuning) as the window's training run: its log
        lines, plan, curves, progress and live predictions show, and Stop and closing the window apply.
        `on_finished(result)`, a slot of a GUI-thread object, ends the run through `end_run`; when the
        window closes mid-run it is called directly, once the worker has stopped."""
        worker.message.connect(self._message)
        worker.plan_ready.connect(self._plan)
        worker.batch_progress.connect(self._batch)
        worker.epoch_ended.connect(self._epoch_ended)
        worker.moment_kept.connect(self._moment_kept)
        worker.finished.connect(on_finished)
        self._worker, self._config, self._on_finished, self._result = worker, config, on_finished, None
        self._latest_weights = None
        if not self.tasks.start(TRAINING, worker):
            self._worker = None
            return False
        self.panel.set_training(True)
        self.timelapse_bar.go_live()
        self.session.set_timelapse(Timelapse())  # this run's, filled as its snapshots arrive
        return True

    def end_run(self, worker: TrainingWorker, result: TrainingResult) -> bool:
        """Return to idle after a run started by `run`; False when it was ended already (the window
        closed during the run)."""
        if self._worker is not worker:
            return False
        self._worker, self._result = None, result
        self.plots.end_run()
        self.panel.set_training(False)
        self.panel.show_result(result)
        return True

    @Slot()
    def stop(self) -> None:
        if self._worker is None:
            return
        self._worker.cancel()
        self.panel.set_stopping()
        self.session.status(self.tr("Stopping after this batch…"), 0)
        self.session.log(self.tr("Stop requested: training ends after the current batch."))

    def finish_after_shutdown(self) -> None:
        """The task runner has stopped the run because the window closes: end it now, since its queued
        `finished` signal would arrive after the window is gone."""
        worker = self._worker
        if worker is not None and worker.result is not None and self._on_finished is not None:
            self._on_finished(worker.result)

    # -- what the run reports -------------------------------------------------------------------------
    @Slot(object, object)
    def _model_ready(self, model, weights: list) -> None:
        """The worker has built a new model; its copy for the canvas is built aside, from `weights`."""
        if self._worker is None or self._config is None:  # the window closed meanwhile
            return
        # the data set's name arrives with the result; the metadata is rebuilt then
        self.session.adopt_new_model(model, self._metadata(self._config, {}, ""), _training_note(0))
        if self._config.layers:
            self.session.log(self.tr("New model: {title} ({layers}).").format(title=self._title,
                                                                             layers=self._config.layers))
        else:
            self.session.log(self.tr("New model: {title}.").format(title=self._title))
        copier = PredictorWorker(model, weights)
        copier.ready.connect(self._predictor_ready)
        self.tasks.start(PREDICTOR, copier)

    @Slot(object, object)
    def _predictor_ready(self, model, predictor) -> None:
        weights = self._latest_weights if self._worker is not None else None
        self.session.set_predictor(model, predictor, weights)

    @Slot(object)
    def _message(self, text: str) -> None:
        """A message of the training engine: a core Text, passed on as it is (the log shows it localized);
        the status bar gets it in the current language."""
        self.session.log(text)
        self.session.status(localized(text), 8000)

    @Slot(object)
    def _plan(self, plan: TrainingPlan) -> None:
        self.panel.show_plan(plan)
        self.plots.begin_run(plan.initial_epoch, plan.epochs)
        self.session.log(self.tr("{train} training and {validation} validation images, {steps} batches per "
                                 "epoch, on {device}.").format(train=plan.train_samples,
                                                               validation=plan.validation_samples,
                                                               steps=plan.steps_per_epoch, device=plan.device))

    @Slot(object)
    def _batch(self, progress: BatchProgress) -> None:
        if self._worker is None:
            return
        self.plots.add_batch(progress)
        self.panel.show_batch(progress)

    @Slot(object)
    def _moment_kept(self, snapshot) -> None:
        """A time-lapse snapshot from the training thread (float16 copies, never written again)."""
        if self._worker is None:
            return
        timelapse = self.session.timelapse()
        if timelapse is None:  # a new model was adopted since the run began
            timelapse = Timelapse()
        timelapse.keep(snapshot)
        self.session.set_timelapse(timelapse)

    @Slot()
    def _timelapse_changed(self) -> None:
        timelapse = self.session.timelapse()
        self.timelapse_bar.set_labels([snapshot.label() for snapshot in timelapse.snapshots] if timelapse else [])
        if self.timelapse_bar.is_live() and self.session.is_showing_moment():  # another model: live again
            self._show_moment(-1)

    @Slot(int)
    def _show_moment(self, index: int) -> None:
        """The bar moved: the views read with that snapshot's weights (a copy), or live again (-1)."""
        timelapse = self.session.timelapse()
        if index < 0 or timelapse is None or index >= len(timelapse):
            self.plots.show_moment(None)
            self.session.show_moment(None)
            return
        snapshot = timelapse[index]
        self.plots.show_moment(snapshot.epoch)
        self.session.show_moment(snapshot.float_weights(), QT_TRANSLATE_NOOP(  # shown with localized()
            "TrainingController", "Time-lapse: {moment}").format(moment=snapshot.label()))

    @Slot(object, object)
    def _epoch_ended(self, record: EpochRecord, weights: list) -> None:
        if self._worker is None:
            return
        self.plots.add_epoch(record)
        total = self.session.epochs_trained() + (self._config.epochs if self._config else 0)
        values = dict(epoch=record.epoch + 1, epochs=max(total, record.epoch + 1),
                      metrics=format_metrics(record.metrics), seconds=f"{record.seconds:.1f}")
        if record.partial:
            line = self.tr("Epoch {epoch}/{epochs}: {metrics} · {seconds} s (stopped within the epoch)")
        else:
            line = self.tr("Epoch {epoch}/{epochs}: {metrics} · {seconds} s")
        self.session.log(line.format(**values))
        self.panel.set_model_state(True, self.session.summary(record.epoch + 1))
        self._latest_weights = weights
        self.session.show_weights(weights, _training_note(record.epoch + 1))

    @Slot(object)
    def _finished(self, result: TrainingResult) -> None:
        worker = self._worker
        if worker is None or not self.end_run(worker, result):
            return  # handled already (the window closed during training)
        config = self._config or result.config
        if result.model is not None and result.epochs_completed > 0:
            metadata = self._metadata(config, result.history, result.dataset_name, self._architecture)
            self.session.update_after_training(metadata, unsaved=True,
                                               weights_changed=worker.changed_after_last_epoch)
        elif self.session.has_model():  # nothing learned: the canvas reads the model as it is
            self.session.update_after_training(self.session.metadata(), self.session.is_unsaved())
        reason = localized(result.reason)
        if result.status == "failed":
            self.session.log(self.tr("Training failed: {reason}").format(reason=reason))
        else:
            figures = format_metrics(result.final_metrics)
            self.session.log(f"{reason} {figures} · {format_duration(result.seconds)}".strip())
        self.session.status(reason, 8000)
        self._describe_model()
        self.session.record_run(result)
        if config.tensorboard_dir and result.status != "failed":
            self.session.log(self.tr("TensorBoard logs are in {folder}: run {command}").format(
                folder=config.tensorboard_dir, command=tensorboard_command(config.tensorboard_dir)))
        if result.status == "failed" and not self.tasks.is_shut_down():
            QMessageBox.critical(self.panel.window(), self.tr("Training failed"), self.tr(
                "{reason}\n\nWhat to do: check the data set and the settings on the left, then press Train "
                "again. The model keeps the epochs it had finished.").format(reason=reason))

    def _metadata(self, config: TrainConfig, history: dict, dataset: str, architecture: str | None = None
                  ) -> ModelMetadata:
        """What the run's model records about itself: run_metadata, with the layers under their name (a
        continued model's own, as its file had them)."""
        metadata = run_metadata(config, history, dataset, architecture)
        metadata.architecture = dict(self._described_as)
        return metadata


def _own_layers(metadata: ModelMetadata) -> str:
    """The layers text an open model was built from ("" for a preset's or a model from elsewhere)."""
    layers = (metadata.config or {}).get("layers")
    if not isinstance(layers, str) or not layers.strip():
        return ""
    try:
        Architecture.from_text(layers)
    except ArchitectureError:
        return ""
    return layers
