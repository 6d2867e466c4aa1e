"""Inspection (looking inside the network): the Inside-the-network, Digit map, Evaluation, Model summary and
History docks, Model ▸ Evaluate on MNIST Test Set, and the canvas' “Show what the network looks at” overlay.

Everything follows the model the canvas reads with (`session.predictor().model`): the open model, or during
training the copy holding the last finished epoch's weights, which only the GUI thread touches. The views
hear of changes from the session (another model, new weights, a run recorded) and from the drawing
controller (the drawing was read again).
"""

from __future__ import annotations

import logging
import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox

from desktop_app.core.inspection import network_field_in_drawing, saliency_map
from desktop_app.gui.drawing.controller import DrawingController
from desktop_app.gui.feature import Contributions, DockPlacement, make_dock
from desktop_app.gui.inspection.digit_map_view import DigitMapView
from desktop_app.gui.inspection.evaluation_view import EvaluationView
from desktop_app.gui.inspection.history_view import HistoryView, run_label
from desktop_app.gui.inspection.model_summary_view import ModelSummaryView
from desktop_app.gui.inspection.network_view import InspectionView, SaliencyOverlay
from desktop_app.gui.session import ModelSession
from desktop_app.gui.settings import AppSettings
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.workers import EvaluationWorker

log = logging.getLogger(__name__)

EVALUATION = "evaluation"  # the task kind
SALIENCY_INTERVAL_S = 0.1  # a saliency map takes a few ms (traced): at most ten per second while drawing
SALIENCY_SETTING = "inspection/show_saliency"


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

        self.inspection = InspectionView()
        self.digit_map = DigitMapView()
        self.evaluation = EvaluationView()
        self.summary = ModelSummaryView()
        self.history = HistoryView()

        self.evaluate_action = QAction("&Evaluate on MNIST Test Set", self)
        self.evaluate_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        tip = "Evaluate the model on the 10 000 MNIST test images: accuracy, confusion matrix, mistakes."
        self.evaluate_action.setToolTip(tip)
        self.evaluate_action.setStatusTip(tip)
        self.evaluate_action.setEnabled(False)
        self.evaluate_action.triggered.connect(self.evaluate)

        self.saliency_check = QCheckBox("Show what the network looks at")
        self.saliency_check.setToolTip("Tint the drawing where a small change would most change the top "
                                       "answer (a saliency map: the gradient of its probability per pixel).")
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
        self.saliency_check.toggled.connect(self._saliency_toggled)
        self._schedule_update()

    def contributions(self) -> Contributions:
        area = Qt.DockWidgetArea
        self.inside_dock = make_dock("Inside the network", "InsideDock", self.inspection,
                                     "The feature maps of each convolution for your drawing, and what the "
                                     "first layer has learned.")
        self.map_dock = make_dock("Digit map", "DigitMapDock", self.digit_map,
                                  "How the network sorts 2,000 test digits (what its last hidden layer makes "
                                  "of them, in 2-D), its mistakes ringed, and where your drawing lands.")
        self.evaluation_dock = make_dock("Evaluation", "EvaluationDock", self.evaluation,
                                         "Accuracy on the MNIST test set, the confusion matrix and the mistakes.")
        self.history_dock = make_dock("History", "HistoryDock", self.history,
                                      "The curves of every training run of this session, overlaid.")
        self.summary_dock = make_dock("Model summary", "SummaryDock", self.summary,
                                      "The layers of the model, their output shapes and parameters.")
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
            label = f"{path.name} · {epochs} ep (opened)"
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
        layers = f" ({architecture.to_text()})" if architecture is not None else ""
        return f"Architecture: {self.session.architecture_title()}{layers}."

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
            self.inspection.set_model(model)
            self.summary.set_model(model)
            self.digit_map.set_model(model)
            if previous is not None:
                self.evaluation.mark_stale()
        elif self._weights_stale and model is not None:
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
        self.session.status("Evaluating on the MNIST test set…", 4000)
        return True

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
