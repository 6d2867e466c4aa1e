"""ModelSession: the one owner of the open model, its metadata, file path, unsaved flag and the Predictor
the canvas reads with. Panels and feature controllers read it and subscribe to its signals; nothing else
writes model state.

The Predictor holds a copy of the model. Its weights change only here, on the GUI thread: during training
each epoch's weights arrive as a numpy snapshot (`show_weights`), so no model object is ever read by one
thread while another writes it. Think of napari's ViewerModel beside its Qt layer.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.core.architecture import Architecture, ArchitectureError, describe_keras_model
from desktop_app.core.modelio import LoadedModel, ModelMetadata, load_model, save_model
from desktop_app.core.models import PRESETS
from desktop_app.gui.i18n import language_notifier, localized
from desktop_app.gui.text_format import preset_title

CUSTOM_NAME = "custom"  # what core.models.architecture_of names layers given as text without a name

log = logging.getLogger(__name__)


class ModelSession(QObject):
    """The open model (or none) and everything that belongs to it."""

    modelChanged = Signal()  # another model (opened, built, or none): everything about it may differ
    weightsChanged = Signal()  # the same model, new weights or history (an epoch, a run's end, a fine-tune)
    noteChanged = Signal()  # only the words describing the canvas' weights changed (weights_note)
    predictorChanged = Signal()  # the canvas' copy of the same model arrived (a new model's, built aside)
    unsavedChanged = Signal(bool)  # saved, or changed since; the path may have changed too
    historyReplaced = Signal()  # the history went back to an earlier one (a fine-tune undone)
    runRecorded = Signal(object)  # a training run of this session ended (a core TrainingResult)
    timelapseChanged = Signal()  # the time-lapse grew (a run keeps snapshots) or another one came
    logLine = Signal(str)  # a line for the training log (what happened to the model), in the window's language
    statusMessage = Signal(str, int)  # a transient status-bar message and its milliseconds (0: until replaced)

    # A note (weights_note) is a str, a core Text, or a function that says it in the window's language: the
    # last two are said again when the language changes (noteChanged then tells the canvas' panel).

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = None
        self._metadata = ModelMetadata()
        self._path: Path | None = None
        self._unsaved = False
        self._predictor = None
        self._weights_note: Any = ""
        self._ready_made = False  # the packaged model, opened without a path: Save asks for one
        self._discard_guard: Callable[[], bool] = lambda: True
        self._timelapse = None  # the last run's core.timelapse.Timelapse (saved with the model), or None
        self._moment_predictor = None  # a second copy showing a time-lapse snapshot, built on first use
        self._showing_moment = False
        self._moment_note: Any = ""
        language_notifier().changed.connect(self._language_changed)

    @Slot(str)
    def _language_changed(self, _code: str = "") -> None:
        self.noteChanged.emit()  # the notes are said again, in the new language

    # -- reading ------------------------------------------------------------------------------------
    def model(self):
        return self._model

    def has_model(self) -> bool:
        return self._model is not None

    def metadata(self) -> ModelMetadata:
        return self._metadata

    def path(self) -> Path | None:
        return self._path

    def is_unsaved(self) -> bool:
        return self._unsaved

    def predictor(self):
        """The Predictor the canvas reads with (on a copy of the model), or None; while a time-lapse
        snapshot is shown, the Predictor holding that snapshot's weights."""
        if self._showing_moment and self._moment_predictor is not None:
            return self._moment_predictor
        return self._predictor

    def live_predictor(self):
        """The canvas' Predictor with the model's own (or the last epoch's) weights, whatever is shown."""
        return self._predictor

    # -- the time-lapse -------------------------------------------------------------------------------
    def timelapse(self):
        """The last run's time-lapse (core.timelapse.Timelapse), or None."""
        return self._timelapse

    def set_timelapse(self, timelapse) -> None:
        """The time-lapse of the run that is training or has just ended: saved with the model."""
        self._timelapse = timelapse
        self.timelapseChanged.emit()

    def is_showing_moment(self) -> bool:
        return self._showing_moment

    def show_moment(self, weights: list | None, note: Any = "") -> bool:
        """Let the canvas and the views read with `weights` (a time-lapse snapshot, float32) on a copy of
        their own, never the live model; None returns to the live weights. False without a model."""
        if weights is None:
            if not self._showing_moment:
                return True
            self._showing_moment = False
            self.weightsChanged.emit()
            return True
        if self._predictor is None:
            return False
        from desktop_app.core.inference import Predictor

        if self._moment_predictor is None:  # a copy of the canvas' copy: only this thread touches either
            self._moment_predictor = Predictor.copy_of(self._predictor.model)
        self._moment_predictor.set_weights(weights)
        self._showing_moment = True
        self._moment_note = note
        self.weightsChanged.emit()
        return True

    def history(self) -> dict[str, list[float]]:
        return {key: list(values) for key, values in (self._metadata.history or {}).items()}

    def epochs_trained(self) -> int:
        return len((self._metadata.history or {}).get("loss", []))

    def name(self) -> str:
        """The file's name without .keras, or what the model is (in the window's language)."""
        if self._path is not None:
            return self._path.stem
        if self._ready_made:
            return self.tr("Ready-made model")
        return self.tr("untitled") if self._model is not None else self.tr("No model")

    def is_ready_made(self) -> bool:
        """The open model is the packaged ready-made one, unchanged or trained on but not saved yet."""
        return self._ready_made and self._path is None

    def architecture(self) -> Architecture | None:
        """The open model's layers: the description saved in its file, else read from the Keras model
        itself; None without a model, or when it has layers that core.architecture does not know."""
        if self._model is None:
            return None
        saved = self._metadata.architecture or {}
        if saved:
            try:
                return Architecture.from_dict(saved)
            except ArchitectureError as error:
                log.warning("the saved architecture is unreadable (%s); reading the model's layers", error)
        try:
            return describe_keras_model(self._model)
        except Exception:  # a foreign layer whose config reads otherwise: shown as Keras layers instead
            log.exception("could not read the model's layers")
            return None

    def architecture_title(self) -> str:
        """The architecture's name: a preset's title, the name of the user's own layers, or the model's."""
        config = self._metadata.config or {}
        named = (self._metadata.architecture or {}).get("name")
        if config.get("layers") and isinstance(named, str) and named:
            return self.tr("custom layers") if named == CUSTOM_NAME else named
        if self._metadata.preset not in PRESETS:
            return self._metadata.preset or self.tr("Keras model")
        return preset_title(self._metadata.preset, without_default_mark=True)

    def summary(self, epochs: int | None = None) -> str:
        """E.g. “digits” (Batch-normalised CNN, 3 epochs so far)."""
        epochs = self.epochs_trained() if epochs is None else epochs
        if epochs == 1:
            return self.tr("“{model}” ({architecture}, 1 epoch so far)").format(
                model=self.name(), architecture=self.architecture_title())
        return self.tr("“{model}” ({architecture}, %n epochs so far)", "", epochs).format(
            model=self.name(), architecture=self.architecture_title())

    def weights_note(self) -> str:
        """What the canvas' weights are, for the prediction panel: the model and its accuracy, or the
        epoch a running training has reached; or the time-lapse moment shown. In the window's language."""
        return _said(self._moment_note if self._showing_moment else self._weights_note)

    def file_note(self) -> str:
        """“Model: digits · 5 epoch(s) · validation accuracy 99.1 %”."""
        if self._model is None:
            return ""
        from desktop_app.gui.text_format import percent

        history = self._metadata.history or {}
        name, epochs = self.name(), self.epochs_trained()
        accuracy = (history.get("val_accuracy") or history.get("accuracy") or [None])[-1]
        if accuracy is None or not math.isfinite(accuracy):
            return self.tr("Model: {model} · %n epoch(s)", "", epochs).format(model=name)
        if history.get("val_accuracy"):
            return self.tr("Model: {model} · %n epoch(s) · validation accuracy {accuracy}", "", epochs).format(
                model=name, accuracy=percent(accuracy))
        return self.tr("Model: {model} · %n epoch(s) · training accuracy {accuracy}", "", epochs).format(
            model=name, accuracy=percent(accuracy))

    def record_run(self, result) -> None:
        """A training run (or fine-tune) of the open model ended: the history of runs shows it."""
        self.runRecorded.emit(result)

    # -- messages -----------------------------------------------------------------------------------
    def log(self, text: Any) -> None:
        """A line for the training log: a str in the window's language, or a core Text (said in it)."""
        self.logLine.emit(localized(text))

    def status(self, text: Any, milliseconds: int = 5000) -> None:
        """A status-bar message: a str in the window's language, or a core Text (said in it)."""
        self.statusMessage.emit(localized(text), milliseconds)

    # -- unsaved work -------------------------------------------------------------------------------
    def set_discard_guard(self, guard: Callable[[], bool]) -> None:
        """`guard()` asks the user about an unsaved model (save, discard or cancel); True to go on."""
        self._discard_guard = guard

    def may_discard(self) -> bool:
        """True when the open model may be replaced: it is saved, or the user saved or discarded it."""
        if self._model is None or not self._unsaved:
            return True
        return self._discard_guard()

    # -- changing the model -------------------------------------------------------------------------
    def open(self, path: str | Path) -> LoadedModel:
        """Open a .keras file (safe mode, checked); raises with a message naming the file, and then
        the open model is unchanged."""
        loaded = load_model(Path(path).expanduser())
        self.adopt_opened(loaded)
        return loaded

    def adopt_opened(self, loaded: LoadedModel, predictor=None, ready_made: bool = False) -> None:
        """A model loaded from its file (by a worker, with the canvas' `predictor` built beside it)
        becomes the open model; what was odd in its metadata goes to the log. The `ready_made` model is
        opened without its path, so that Save never writes over the packaged file."""
        self._install(loaded.model, loaded.metadata, None if ready_made else loaded.path, unsaved=False,
                      predictor=predictor, ready_made=ready_made, timelapse=loaded.timelapse)
        for warning in loaded.warnings:
            self.log(f"{loaded.path.name}: {localized(warning)}.")

    def close_model(self) -> None:
        """No model: Train builds a new one."""
        self._install(None, ModelMetadata(), None, unsaved=False)

    def adopt_new_model(self, model, metadata: ModelMetadata, note: Any) -> None:
        """A model the training worker has just built (not yet trained, no file). Its Predictor is built
        aside and arrives with `set_predictor`; until then the canvas has none."""
        self._install(model, metadata, None, unsaved=False, predictor=None, note=note, copy=False)

    def set_predictor(self, model, predictor, weights: list | None = None) -> bool:
        """The canvas' Predictor for `model` has been built; `weights`, when given, are newer weights
        (an epoch that ended meanwhile). False when another model is open by now, or it has a copy
        already (made when its run ended first)."""
        if model is not self._model or self._predictor is not None:
            return False
        if weights is not None:
            predictor.set_weights(weights)
        self._predictor = predictor
        self.predictorChanged.emit()
        return True

    def _install(self, model, metadata: ModelMetadata, path: Path | None, *, unsaved: bool, predictor=None,
                 note: Any = None, copy: bool = True, ready_made: bool = False, timelapse=None) -> None:
        from desktop_app.core.inference import Predictor

        self._ready_made = ready_made
        self._timelapse, self._moment_predictor, self._showing_moment = timelapse, None, False
        if predictor is None and model is not None and copy:
            predictor = Predictor.copy_of(model)
        self._model, self._metadata, self._predictor = model, metadata, predictor
        self._path = Path(path) if path else None
        self._unsaved = unsaved
        self._weights_note = self.file_note if note is None else note
        self.modelChanged.emit()
        self.unsavedChanged.emit(unsaved)
        self.timelapseChanged.emit()

    def show_weights(self, weights: list, note: Any) -> None:
        """Give the canvas' Predictor `weights` (a numpy snapshot, e.g. the epoch that just ended)."""
        self._weights_note = note
        if self._predictor is None:  # a new model's copy is still being built: it takes them on arrival
            self.noteChanged.emit()
            return
        self._predictor.set_weights(weights)
        self.weightsChanged.emit()

    def set_weights_note(self, note: Any) -> None:
        self._weights_note = note
        self.noteChanged.emit()

    def update_after_training(self, metadata: ModelMetadata, unsaved: bool = True, *,
                              weights_changed: bool = True) -> None:
        """A run (or a fine-tune kept or undone) changed the model's weights in place: record `metadata`
        and let the canvas read with the model's weights now that no thread trains it. Without
        `weights_changed` the canvas has them already (the last epoch's snapshot): only the note changes."""
        from desktop_app.core.inference import Predictor

        self._metadata = metadata
        self._weights_note = self.file_note
        if self._predictor is None and self._model is not None:  # its copy never arrived: make one now
            self._predictor = Predictor.copy_of(self._model)
            self.predictorChanged.emit()
        elif weights_changed and self._predictor is not None and self._model is not None:
            self._predictor.set_weights(self._model.get_weights())
            self.weightsChanged.emit()
        else:
            self.noteChanged.emit()
        self._set_unsaved(unsaved)

    def restore_weights(self, weights: list, history: dict[str, list[float]], unsaved: bool) -> None:
        """Put back the weights the model had (a fine-tune discarded or undone)."""
        if self._model is not None:
            self._model.set_weights(weights)
        self._metadata.history = {key: list(values) for key, values in history.items()}
        self.update_after_training(self._metadata, unsaved)
        self.historyReplaced.emit()

    def save(self, path: str | Path) -> Path:
        """Save the model and its metadata to `path` atomically; raises ModelFileError (nothing harmed)."""
        if self._model is None:
            raise ValueError("there is no model to save")
        metadata = ModelMetadata(preset=self._metadata.preset, dataset=self._metadata.dataset,
                                 config=dict(self._metadata.config or {}), history=self.history(),
                                 architecture=dict(self._metadata.architecture or {}))
        written = save_model(self._model, path, metadata, self._timelapse)
        self._metadata.saved_at = metadata.saved_at
        self._path = written
        self._weights_note = self.file_note
        self._unsaved = False
        self.unsavedChanged.emit(False)  # always: the path (the title) may have changed too
        self.noteChanged.emit()  # the note names the file now
        return written

    def _set_unsaved(self, unsaved: bool) -> None:
        if unsaved != self._unsaved:
            self._unsaved = unsaved
            self.unsavedChanged.emit(unsaved)


def _said(note: Any) -> str:
    """A note in the window's language: a function's text, a core Text translated, a str as it is."""
    return localized(note() if callable(note) else note)
