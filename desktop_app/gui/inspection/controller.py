"""“Look inside” wired into the main window: the Inside-the-network, Evaluation, Model summary and History
docks, Model ▸ Evaluate on MNIST Test Set, and the canvas's “Show what the network looks at” overlay.

`install_look_inside(window)` is the only call the main window makes. Everything follows the model the
prediction panel reads with (`window.prediction.predictor().model`): the open model, or during training the
copy that holds the last finished epoch's weights, which lives in the GUI thread and is never touched by
the training thread. The views learn about changes from three signals:
`PredictionPanel.refreshed` (a new drawing, new weights, another model), `TrainingPanel.runFinished` (a run
ended) and `TrainingPlots.historyReplaced` (a model was opened).
"""

from __future__ import annotations

import logging
import time

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QDockWidget, QMainWindow, QWidget

from desktop_app.core.inspection import network_field_in_drawing, saliency_map
from desktop_app.gui.inspection.evaluation_view import EvaluationView
from desktop_app.gui.inspection.history_view import HistoryView, run_label
from desktop_app.gui.inspection.network_view import InspectionView, SaliencyOverlay
from desktop_app.gui.menus import find_menu
from desktop_app.gui.inspection.model_summary_view import ModelSummaryView
from desktop_app.gui.training.panel import tensorboard_command

log = logging.getLogger(__name__)

SALIENCY_INTERVAL_S = 0.1  # a saliency map takes a few ms (traced): at most ten per second while drawing
SALIENCY_SETTING = "inspection/show_saliency"


class LookInside(QObject):
    """Owns the four views and keeps them in step with the window's model and drawing."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._main = window
        self._model = None
        self._model_note = None
        self._image: np.ndarray | None = None
        self._last_saliency = 0.0
        self.evaluation_limit: int | None = None  # None: all 10 000 test images (tests use fewer)

        self.inspection = InspectionView()
        self.evaluation = EvaluationView()
        self.summary = ModelSummaryView()
        self.history = HistoryView()

        area = Qt.DockWidgetArea
        self.inside_dock = self._dock("Inside the network", "InsideDock", self.inspection,
                                      "The feature maps of each convolution for your drawing, and what the "
                                      "first layer has learned.")
        self.evaluation_dock = self._dock("Evaluation", "EvaluationDock", self.evaluation,
                                          "Accuracy on the MNIST test set, the confusion matrix and the mistakes.")
        self.history_dock = self._dock("History", "HistoryDock", self.history,
                                       "The curves of every training run of this session, overlaid.")
        self.summary_dock = self._dock("Model summary", "SummaryDock", self.summary,
                                       "The layers of the model, their output shapes and parameters.")
        window.setCorner(Qt.Corner.BottomRightCorner, area.RightDockWidgetArea)
        window.addDockWidget(area.RightDockWidgetArea, self.inside_dock)
        window.addDockWidget(area.RightDockWidgetArea, self.evaluation_dock)
        window.tabifyDockWidget(self.inside_dock, self.evaluation_dock)
        self.inside_dock.raise_()
        curves = getattr(window, "curves_dock", None)
        if curves is not None:
            window.tabifyDockWidget(curves, self.history_dock)
            window.tabifyDockWidget(curves, self.summary_dock)
            curves.raise_()
        else:
            window.addDockWidget(area.BottomDockWidgetArea, self.history_dock)
            window.addDockWidget(area.BottomDockWidgetArea, self.summary_dock)
        window.resizeDocks([self.inside_dock], [360], Qt.Orientation.Horizontal)

        self.evaluate_action = QAction("&Evaluate on MNIST Test Set", window)
        self.evaluate_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        tip = "Evaluate the model on the 10 000 MNIST test images: accuracy, confusion matrix, mistakes."
        self.evaluate_action.setToolTip(tip)
        self.evaluate_action.setStatusTip(tip)
        self.evaluate_action.setEnabled(False)
        self.evaluate_action.triggered.connect(self.evaluate)
        window.addAction(self.evaluate_action)  # the shortcut works even without the menu
        model_menu = find_menu(window, "Model")
        if model_menu is not None:
            model_menu.addSeparator()
            model_menu.addAction(self.evaluate_action)
        view_menu = find_menu(window, "View")
        if view_menu is not None:
            view_menu.addSeparator()
            for dock in (self.inside_dock, self.evaluation_dock, self.history_dock, self.summary_dock):
                view_menu.addAction(dock.toggleViewAction())

        self.saliency_check = QCheckBox("Show what the network looks at")
        self.saliency_check.setToolTip("Tint the drawing where a small change would most change the top "
                                       "answer (a saliency map: the gradient of its probability per pixel).")
        self.overlay = SaliencyOverlay(window.canvas)
        layout = window.canvas_panel.layout()
        if layout is not None:
            layout.addWidget(self.saliency_check)
        self.saliency_check.setChecked(bool(window.settings.get(SALIENCY_SETTING, False)))
        self.overlay.setVisible(self.saliency_check.isChecked())

        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(0)  # coalesces the refreshes of one event-loop pass
        self._update_timer.timeout.connect(self._update)
        self._saliency_timer = QTimer(self)
        self._saliency_timer.setSingleShot(True)
        self._saliency_timer.timeout.connect(self._update_saliency)

        window.prediction.refreshed.connect(self._schedule_update)
        window.training_panel.runFinished.connect(self._on_run_finished)
        window.plots.historyReplaced.connect(self._on_history_replaced)
        self.evaluation.evaluateRequested.connect(self.evaluate)
        self.evaluation.imageChosen.connect(self.show_on_canvas)
        self.evaluation.evaluationFinished.connect(self._update_actions)
        self.saliency_check.toggled.connect(self._saliency_toggled)
        window.installEventFilter(self)
        self._schedule_update()

    def _dock(self, title: str, name: str, widget: QWidget, tip: str) -> QDockWidget:
        dock = QDockWidget(title, self._main)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setToolTip(tip)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        return dock

    # -- the model and the drawing ---------------------------------------------------------------
    @Slot()
    def _schedule_update(self) -> None:
        possible = self._main.prediction.predictor() is not None  # the menu follows at once
        self.evaluate_action.setEnabled(possible and not self.evaluation.is_running())
        if not self._update_timer.isActive():
            self._update_timer.start()

    @Slot()
    def update_now(self) -> None:
        """Bring every view up to date at once (tests and screenshots call this)."""
        self._update_timer.stop()
        self._update()

    @Slot()
    def _update(self) -> None:
        prediction = self._main.prediction
        predictor = prediction.predictor()
        model = getattr(predictor, "model", None)
        note = prediction.model_note.text()
        if model is not self._model:
            previous, self._model = self._model, model
            self.inspection.set_model(model)
            self.summary.set_model(model)
            if previous is not None:
                self.evaluation.mark_stale()
        elif note != self._model_note:  # an epoch ended or training finished: the weights changed
            self.inspection.refresh_weights()
        self._model_note = note
        self._update_actions()
        # The panel has just made the 28×28 image (analyse_drawing) in the refresh that got us here. It is
        # None without a predictor, but then there is no model and the views show nothing anyway.
        self._image = None if self._main.canvas.is_empty() else prediction.network_input()
        self.inspection.show_image(self._image)
        if self.saliency_check.isChecked():
            self._schedule_saliency()

    @Slot()
    def _update_actions(self) -> None:
        possible = self._model is not None
        self.evaluation.set_can_evaluate(possible)
        self.evaluate_action.setEnabled(possible and not self.evaluation.is_running())

    # -- evaluation -----------------------------------------------------------------------------
    @Slot()
    def evaluate(self) -> bool:
        """Evaluate a copy of the model the canvas reads with, on a worker thread."""
        self.update_now()
        if self._model is None or self.evaluation.is_running():
            return False
        from desktop_app.core.inference import copy_model

        copy = copy_model(self._model)  # made here, in the GUI thread that owns the original
        self.evaluation_dock.show()
        self.evaluation_dock.raise_()
        started = self.evaluation.evaluate(copy, self.evaluation_limit, self._main.prediction.model_note.text())
        self._update_actions()
        if started:
            self._main.statusBar().showMessage("Evaluating on the MNIST test set…", 4000)
        return started

    @Slot(object)
    def show_on_canvas(self, image: np.ndarray) -> None:
        """Put a 28×28 test digit on the canvas: the prediction, maps and overlay follow."""
        self._main.canvas.load_image(image)
        self.update_now()

    # -- saliency -------------------------------------------------------------------------------
    @Slot(bool)
    def _saliency_toggled(self, on: bool) -> None:
        self._main.settings.set(SALIENCY_SETTING, bool(on))
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
        drawing = self._main.canvas.drawing()  # only now: its pixels place the overlay on the strokes
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
    def _on_run_finished(self, result) -> None:
        config = result.config
        history = result.history or {}
        total = len(history.get("loss", []))
        if result.epochs_completed > 0 and config is not None:
            self.history.add_run(run_label(config, result.epochs_completed, total), history)
        if config is not None and config.tensorboard_dir and result.status != "failed":
            line = f"TensorBoard logs are in {config.tensorboard_dir}: run {tensorboard_command(config.tensorboard_dir)}"
            QTimer.singleShot(0, self, lambda: self._main.log_view.append_line(line))

    @Slot(object)
    def _on_history_replaced(self, history) -> None:
        path = self._main.model_path()
        epochs = len((history or {}).get("loss", []))
        if path is None or not epochs:
            return
        label = f"{path.name} · {epochs} ep (opened)"
        if not self.history.has_run(label, history):
            self.history.add_run(label, history)

    # -- closing --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not hasattr(self, "_main"):  # the wrapper is being torn down with its window
            return False
        if watched is self._main and event.type() == QEvent.Type.Close:
            self.evaluation.shutdown()  # a running QThread must never outlive the window
        return False


def install_look_inside(window: QMainWindow) -> LookInside:
    """Add the look-inside docks, actions and overlay to `window`; returns the controller (also
    `window.look_inside`)."""
    controller = LookInside(window)
    window.look_inside = controller
    return controller
