"""Inspection (looking inside the network): the Inside-the-network, Digit map, Evaluation, Model summary and
History docks, Model ▸ Evaluate on MNIST Test Set, and the canvas' “Show what the network looks at” overlay.

Everything follows the model the canvas reads with (`session.predictor().model`): the open model, or during
training the copy holding the last finished epoch's weights, or the copy showing the time-lapse snapshot the
slider is on, which only the GUI thread touches. The views hear of changes from the session (another model,
new weights, a snapshot, a run recorded) and from the drawing controller (the drawing was read again).

The Digit map's t-SNE runs on the task runner ("digit map"): `DigitMapWorker` computes it from the PCA map's
features (numpy, no model), reports progress and stops at the next iteration when cancelled. Another model
or new weights cancel it, and the map goes back to PCA.

The personal handwriting shown on the map comes from the handwriting set in the settings' folder, read
again when "Show my handwriting" is turned on; `follow_handwriting(handwriting_controller)` makes it follow
that controller's set and its `samplesChanged` signal (the main window wires it).
"""

from __future__ import annotations

import logging
import threading
import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox

from desktop_app.core.errors import DigitLabError
from desktop_app.core.handwriting import HandwritingSet
from desktop_app.core.inspection import network_field_in_drawing, saliency_map
from desktop_app.gui.drawing.controller import DrawingController
from desktop_app.gui.feature import Contributions, DockPlacement, make_dock
from desktop_app.gui.i18n import bind_text, localized
from desktop_app.gui.inspection.digit_map_view import DigitMapView
from desktop_app.gui.inspection.evaluation_view import EvaluationView
from desktop_app.gui.inspection.history_view import HistoryView, run_label
from desktop_app.gui.inspection.model_summary_view import ModelSummaryView
from desktop_app.gui.inspection.network_view import InspectionView, SaliencyOverlay
from desktop_app.gui.session import ModelSession
from desktop_app.gui.settings import AppSettings
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.text_format import describe_exception
from desktop_app.gui.workers import EvaluationWorker

log = logging.getLogger(__name__)

EVALUATION = "evaluation"  # the task kinds
DIGIT_MAP = "digit map"
SALIENCY_INTERVAL_S = 0.1  # a saliency map takes a few ms (traced): at most ten per second while drawing
SALIENCY_SETTING = "inspection/show_saliency"


class DigitMapWorker(QObject):
    """Computes a t-SNE map from a PCA map that kept its features (numpy only: no model is touched, so it
    may run beside anything). Cancelling stops it at its next iteration (a few tens of milliseconds)."""

    progress = Signal(float)  # share done, 0–1
    succeeded = Signal(object, object)  # the t-SNE DigitMap, the PCA map it started from
    failed = Signal(str)
    finished = Signal()

    def __init__(self, base, method: str = "tsne") -> None:
        super().__init__()
        self.base = base
        self.method = method
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, share: float) -> None:
        self.progress.emit(float(share))

    @Slot()
    def run(self) -> None:
        from desktop_app.core.embedding import nonlinear_map

        try:
            result = nonlinear_map(self.base, self.method, progress=self._report, should_stop=self._cancel.is_set)
            if result is not None:
                self.succeeded.emit(result, self.base)
        except Exception as error:
            log.exception("the t-SNE map failed")
            self.failed.emit(describe_exception(error, self.tr("Computing the t-SNE map")))
        finally:
            self.finished.emit()


class InspectionController(QObject):
    """Owns the five views and keeps them in step with the session's model and the drawing."""

    def __init__(self, session: ModelSession, tasks: TaskRunner, drawing: DrawingController,
                 settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.drawing = drawing
        self.settings = settings
        self._model = None
        self._weights_stale = False  # the filters show older weights than the canvas reads with
        self._image: np.ndarray | None = None
        self._last_saliency = 0.0
        self.evaluation_limit: int | None = None  # None: all 10 000 test images (tests use fewer)
        self._handwriting_set = HandwritingSet(settings.handwriting_root())
        self._handwriting_source: QObject | None = None

        self.inspection = InspectionView()
        self.digit_map = DigitMapView()
        self.evaluation = EvaluationView()
        self.summary = ModelSummaryView()
        self.history = HistoryView()

        self.evaluate_action = QAction(self)
        bind_text(self, self.evaluate_action.setText, lambda: self.tr("&Evaluate on MNIST Test Set"))
        self.evaluate_action.setShortcut(QKeySequence("Ctrl+Shift+E"))

        def evaluate_tip() -> str:
            return self.tr("Evaluate the model on the 10 000 MNIST test images: accuracy, confusion matrix, "
                           "mistakes.")

        bind_text(self, self.evaluate_action.setToolTip, evaluate_tip)
        bind_text(self, self.evaluate_action.setStatusTip, evaluate_tip)
        self.evaluate_action.setEnabled(False)
        self.evaluate_action.triggered.connect(self.evaluate)

        self.saliency_check = QCheckBox()
        bind_text(self, self.saliency_check.setText, lambda: self.tr("Show what the network looks at"))
        bind_text(self, self.saliency_check.setToolTip,
                  lambda: self.tr("Tint the drawing where a small change would most change the top answer (a "
                                  "saliency map: the gradient of its probability per pixel)."))
        self.overlay = SaliencyOverlay(drawing.canvas)
        self.saliency_check.setChecked(bool(settings.get(SALIENCY_SETTING, False)))
        self.overlay.setVisible(self.saliency_check.isChecked())

        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(0)  # coalesces the refreshes of one event-loop pass
        self._update_timer.timeout.connect(self._update)
        self._saliency_timer = QTimer(self)
        self._saliency_timer.setSingleShot(True)
        self._saliency_timer.timeout.connect(self._update_saliency)

        drawing.read.connect(self._schedule_update)
        session.modelChanged.connect(self._model_changed)
        session.weightsChanged.connect(self._weights_changed)
        session.predictorChanged.connect(self._schedule_update)
        session.runRecorded.connect(self._run_recorded)
        tasks.tasksChanged.connect(self._update_actions)
        self.evaluation.evaluateRequested.connect(self.evaluate)
        self.evaluation.imageChosen.connect(self.show_on_canvas)
        self.digit_map.imageChosen.connect(self.show_on_canvas)
        self.digit_map.tsneRequested.connect(self.start_tsne)
        self.digit_map.stopRequested.connect(self.stop_tsne)
        self.digit_map.handwritingToggled.connect(self._handwriting_toggled)
        self.saliency_check.toggled.connect(self._saliency_toggled)
        self._handwriting_changed()
        self._schedule_update()

    def contributions(self) -> Contributions:
        area = Qt.DockWidgetArea
        self.inside_dock = make_dock(lambda: self.tr("Inside the network"), "InsideDock", self.inspection,
                                     lambda: self.tr("The feature maps of each convolution for your drawing, and "
                                                     "what the first layer has learned."))
        self.map_dock = make_dock(lambda: self.tr("Digit map"), "DigitMapDock", self.digit_map,
                                  lambda: self.tr("How the network sorts 2,000 test digits (what its last hidden "
                                                  "layer makes of them, in 2-D), its mistakes ringed, and where "
                                                  "your drawing lands."))
        self.evaluation_dock = make_dock(lambda: self.tr("Evaluation"), "EvaluationDock", self.evaluation,
                                         lambda: self.tr("Accuracy on the MNIST test set, the confusion matrix and "
                                                         "the mistakes."))
        self.history_dock = make_dock(lambda: self.tr("History"), "HistoryDock", self.history,
                                      lambda: self.tr("The curves of every training run of this session, "
                                                      "overlaid."))
        self.summary_dock = make_dock(lambda: self.tr("Model summary"), "SummaryDock", self.summary,
                                      lambda: self.tr("The layers of the model, their output shapes and "
                                                      "parameters."))
        self.map_dock.visibilityChanged.connect(self._map_dock_shown)
        return Contributions(
            docks=[DockPlacement(self.inside_dock, area.RightDockWidgetArea),
                   DockPlacement(self.map_dock, area.RightDockWidgetArea, "InsideDock"),
                   DockPlacement(self.evaluation_dock, area.RightDockWidgetArea, "InsideDock"),
                   DockPlacement(self.history_dock, area.BottomDockWidgetArea, "CurvesDock"),
                   DockPlacement(self.summary_dock, area.BottomDockWidgetArea, "CurvesDock")],
            model_actions=[self.evaluate_action], canvas_extras=[self.saliency_check])

    # -- the model and the drawing ---------------------------------------------------------------
    @Slot()
    def _model_changed(self) -> None:
        self._update_actions()
        self._schedule_update()
        self._show_architecture()
        path, history = self.session.path(), self.session.history()
        epochs = len(history.get("loss", []))
        if path is not None and epochs:  # an opened model shows its own curves among the runs
            label = self.tr("{file} · {epochs} ep (opened)").format(file=path.name, epochs=epochs)
            if not self.history.has_run(label, history):
                self.history.add_run(label, history, self._architecture_details())

    def _show_architecture(self) -> None:
        """The model summary names the open model's architecture and its layers."""
        session = self.session
        if not session.has_model():
            self.summary.set_architecture("", "")
            return
        architecture = session.architecture()
        self.summary.set_architecture(session.architecture_title(), architecture.to_text() if architecture else "")

    def _architecture_details(self) -> str:
        """“Architecture: Wide CNN (conv 32 5, pool, …).” for a run's tooltip."""
        architecture = self.session.architecture()
        title = localized(self.session.architecture_title())
        if architecture is None:
            return self.tr("Architecture: {name}.").format(name=title)
        return self.tr("Architecture: {name} ({layers}).").format(name=title, layers=architecture.to_text())

    @Slot()
    def _weights_changed(self) -> None:
        self._show_architecture()  # a run's end records the model's architecture too
        self._weights_stale = True  # refreshed in the next pass of the event loop, not inside this one
        self._schedule_update()

    @Slot()
    def _schedule_update(self) -> None:
        if not self._update_timer.isActive():
            self._update_timer.start()

    @Slot()
    def update_now(self) -> None:
        """Bring every view up to date at once (tests and screenshots call this)."""
        self._update_timer.stop()
        self._update()

    @Slot()
    def _update(self) -> None:
        predictor = self.session.predictor()
        model = getattr(predictor, "model", None)
        if model is not self._model:
            previous, self._model = self._model, model
            self.stop_tsne()  # a t-SNE of the other model's features: the map goes back to PCA
            self.inspection.set_model(model)
            self.summary.set_model(model)
            self.digit_map.set_model(model)
            if previous is not None:
                self.evaluation.mark_stale()
        elif self._weights_stale and model is not None:
            self.stop_tsne()
            self.inspection.refresh_weights()
            self.digit_map.refresh_weights()
        self._weights_stale = False
        self._update_actions()
        self._image = self.drawing.network_input()
        self.inspection.show_image(self._image)
        self.digit_map.show_image(self._image)
        if self.saliency_check.isChecked():
            self._schedule_saliency()

    @Slot()
    def _update_actions(self) -> None:
        possible = self.session.predictor() is not None
        running = self.tasks.is_running(EVALUATION)
        self.evaluation.set_can_evaluate(possible)
        self.evaluate_action.setEnabled(possible and not running)

    # -- evaluation -----------------------------------------------------------------------------
    @Slot()
    def evaluate(self) -> bool:
        """Evaluate a copy of the model the canvas reads with, on the task runner."""
        self.update_now()
        if self._model is None or self.tasks.is_running(EVALUATION):
            return False
        from desktop_app.core.inference import copy_model

        worker = EvaluationWorker(copy_model(self._model), self.evaluation_limit)  # copied on the GUI thread
        worker.progress.connect(self.evaluation.show_progress)
        worker.succeeded.connect(self.evaluation.show_report)
        worker.failed.connect(self.evaluation.show_failure)
        worker.finished.connect(self.evaluation.show_idle)
        if not self.tasks.start(EVALUATION, worker):
            return False
        self.evaluation.show_started(self.evaluation_limit or 10_000, self.session.weights_note())
        self.evaluation_dock.show()
        self.evaluation_dock.raise_()
        self.session.status(self.tr("Evaluating on the MNIST test set…"), 4000)
        return True

    # -- the digit map's t-SNE ----------------------------------------------------------------------
    @Slot()
    def start_tsne(self) -> bool:
        """Compute the t-SNE map of the PCA map on show, on the task runner (the dock shows its progress)."""
        base = self.digit_map.pca_map()
        if base is None or base.features is None or self.tasks.is_running(DIGIT_MAP):
            self.digit_map.show_tsne_refused()
            return False
        view = self.digit_map
        worker = DigitMapWorker(base)
        worker.progress.connect(view.show_tsne_progress)
        worker.succeeded.connect(view.show_tsne_map)
        worker.failed.connect(view.show_tsne_failure)
        worker.finished.connect(view.show_tsne_ended)
        if not self.tasks.start(DIGIT_MAP, worker):
            view.show_tsne_refused()
            return False
        view.show_tsne_started()
        self.session.status(self.tr("Computing the t-SNE map of the digits…"), 4000)
        return True

    @Slot()
    def stop_tsne(self) -> None:
        """Stop a t-SNE being computed (at its next iteration); the map on show stays."""
        if self.tasks.is_running(DIGIT_MAP):
            self.tasks.cancel(DIGIT_MAP)

    # -- personal handwriting on the digit map ------------------------------------------------------
    def follow_handwriting(self, source: QObject) -> None:
        """Show the samples of `source` (the handwriting controller: its `dataset`, a HandwritingSet, and
        its `samplesChanged` signal), kept up to date as the user stores, deletes or imports drawings."""
        if self._handwriting_source is not None:
            self._handwriting_source.samplesChanged.disconnect(self._handwriting_changed)
        self._handwriting_source = source
        self._handwriting_set = source.dataset
        source.samplesChanged.connect(self._handwriting_changed)
        self._handwriting_changed()

    @Slot()
    def _handwriting_changed(self) -> None:
        """The samples changed (or may have): the check box says whether there are any, and the map shows
        the new ones when it shows them."""
        count = len(self._handwriting_set.samples())
        self.digit_map.set_handwriting_available(count)
        if count and self.digit_map.shows_handwriting():
            self._load_handwriting()
        else:
            self.digit_map.set_handwriting(None, None)

    @Slot(bool)
    def _map_dock_shown(self, visible: bool) -> None:
        if not visible:
            return
        if self._handwriting_source is None:  # no signal tells of new samples: look again
            self._handwriting_changed()
        QTimer.singleShot(0, self.digit_map.update_map)  # once its tab is in front: the map it missed

    @Slot(bool)
    def _handwriting_toggled(self, on: bool) -> None:
        if on:
            if self._handwriting_source is None:  # no signal tells of new samples: read the folder again
                self._handwriting_changed()
            else:
                self._load_handwriting()

    def _load_handwriting(self) -> None:
        try:
            reading = self._handwriting_set.read()
        except DigitLabError as error:  # none readable: nothing to show
            log.warning("handwriting samples not shown on the digit map: %s", error)
            self.digit_map.set_handwriting(None, None)
            return
        self.digit_map.set_handwriting(reading.dataset.x_train, reading.dataset.y_train)

    @Slot(object)
    def show_on_canvas(self, image: np.ndarray) -> None:
        """Put a 28×28 test digit on the canvas: the prediction, maps and overlay follow."""
        self.drawing.show_image(image)
        self.update_now()

    # -- saliency -------------------------------------------------------------------------------
    @Slot(bool)
    def _saliency_toggled(self, on: bool) -> None:
        self.settings.set(SALIENCY_SETTING, bool(on))
        self.overlay.setVisible(on)
        if on:
            self.overlay.raise_()
            self._schedule_saliency()
        else:
            self._saliency_timer.stop()
            self.overlay.set_map(None)

    def _schedule_saliency(self) -> None:
        if self._saliency_timer.isActive():
            return
        wait = SALIENCY_INTERVAL_S - (time.monotonic() - self._last_saliency)
        self._saliency_timer.start(max(0, round(wait * 1000)))

    @Slot()
    def _update_saliency(self) -> None:
        self._last_saliency = time.monotonic()
        if self._model is None or self._image is None:
            self.overlay.set_map(None)
            return
        drawing = self.drawing.canvas.drawing()  # only now: its pixels place the overlay on the strokes
        try:
            saliency, _ = saliency_map(self._model, self._image)
            field = network_field_in_drawing(drawing)
        except Exception:  # decoration: never break drawing
            log.exception("saliency failed")
            self.overlay.set_map(None)
            return
        self.overlay.set_map(saliency, field, drawing.shape[1])

    # -- history --------------------------------------------------------------------------------
    @Slot(object)
    def _run_recorded(self, result) -> None:
        config = result.config
        history = result.history or {}
        total = len(history.get("loss", []))
        if result.epochs_completed > 0 and config is not None:
            name = (self.session.metadata().architecture or {}).get("name", "")
            self.history.add_run(run_label(config, result.epochs_completed, total, str(name)), history,
                                 self._architecture_details())
