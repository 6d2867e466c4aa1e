"""The main window: menus, tool bar, docks, status bar, model files, training runs and the canvas.

Layout: the training panel in the left dock; the canvas and the prediction panel side by side in the
centre; the loss and accuracy plots and the log in the bottom dock. TensorFlow loads on a thread after the
window is built; until it is ready Train is disabled and opening a model is queued.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QHBoxLayout, QLabel, QMainWindow, QMenu,
                               QMessageBox, QScrollArea, QSplitter, QToolBar, QVBoxLayout, QWidget)

from desktop_app import APP_NAME, __version__
from desktop_app.core.errors import DigitLabError, ModelFileError
from desktop_app.core.export import EXPORT_FORMATS
from desktop_app.core.modelio import LoadedModel, ModelMetadata, load_model, save_model
from desktop_app.core.models import PRESETS
from desktop_app.core.training import BatchProgress, EpochRecord, TrainConfig, TrainingPlan, TrainingResult
from desktop_app.gui.drawing.canvas import CanvasPanel
from desktop_app.gui.handwriting.controller import install_handwriting
from desktop_app.gui.inspection.controller import install_look_inside
from desktop_app.gui.training.plots import TrainingPlots
from desktop_app.gui.drawing.prediction_panel import NO_MODEL_HINT, PredictionPanel
from desktop_app.gui.resources import action_icon, app_icon
from desktop_app.gui.runtime import freeze_long_lived_objects
from desktop_app.gui.settings import AppSettings
from desktop_app.gui.training.panel import TrainingLog, TrainingPanel, format_duration, format_metrics
from desktop_app.gui.workers import (ExportWorker, TensorFlowInfo, TensorFlowLoader,
                                     TrainingWorker, describe_exception, start_in_thread)

log = logging.getLogger(__name__)

OPEN_FAILED_ADVICE = ("What to do: choose a .keras file saved by Digit Lab or by Keras 3. "
                      "The model you had open is unchanged.")
SAVE_FAILED_ADVICE = "What to do: choose another folder or file name. Your model is still open and unchanged."
KERAS_FILTER = "Keras model (*.keras)"
TFLITE_FILTER = "TensorFlow Lite model (*.tflite)"
SAVED_MODEL_FILTER = "TensorFlow SavedModel folder (*)"


class _LogRelay(QObject):
    """Carries warnings logged anywhere (any thread) into the window's log, via a queued signal."""

    line = Signal(str)


class _RelayHandler(logging.Handler):
    def __init__(self, relay: _LogRelay) -> None:
        super().__init__(logging.WARNING)
        self._relay = relay

    def emit(self, record: logging.LogRecord) -> None:
        # The GUI reports its own failures in dialogs, and training's failures arrive as results.
        if record.exc_info or record.name.startswith(("desktop_app.gui", "desktop_app.core.training")):
            return
        try:
            self._relay.line.emit(f"{record.levelname.capitalize()}: {record.getMessage()}")
        except RuntimeError:  # the window is gone
            pass


def _short_version(version: str) -> str:
    return ".".join(version.split(".")[:2])


class _RunningWorkers:
    """The window's running workers by name, as the coming TaskRunner's `worker(name)` will give them."""

    def __init__(self, workers: dict[str, QObject | None]) -> None:
        self._workers = workers

    def worker(self, name: str) -> QObject | None:
        return self._workers.get(name)


class MainWindow(QMainWindow):
    """Digit Lab's window. `settings` defaults to the application's QSettings."""

    def __init__(self, settings: AppSettings | None = None, *, load_tensorflow: bool = True) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self._tf_info: TensorFlowInfo | None = None
        self._tf_failed = ""
        self._model = None
        self._metadata = ModelMetadata()
        self._model_path: Path | None = None
        self._dirty = False
        self._predictor = None
        self._pending_open: Path | None = None
        self._threads: dict[QThread, QObject] = {}  # strong references until each thread has finished
        self._loader: TensorFlowLoader | None = None
        self._training_worker: TrainingWorker | None = None
        self._training_config: TrainConfig | None = None
        self._training_result: TrainingResult | None = None
        self._training_finished = None  # the running run's on_finished (see run_as_training)
        self._export_worker: ExportWorker | None = None
        self._closing = False  # from the close request until it is accepted or refused
        self._closed = False

        self.setWindowIcon(app_icon())
        self.setObjectName("MainWindow")
        # no explicit minimum size: the layouts' minimum keeps every panel readable, never overlapping
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        install_handwriting(self)  # the collect bar, “My handwriting” dock and menu
        install_look_inside(self)  # Inside the network, Evaluation, History, Model summary; saliency
        self._restore_settings()
        self._log_relay = _LogRelay(self)
        self._log_relay.line.connect(self.log_view.append_line)
        self._log_handler = _RelayHandler(self._log_relay)
        logging.getLogger("desktop_app").addHandler(self._log_handler)
        self._update_title()
        self._update_actions()
        if load_tensorflow:
            self.start_loading_tensorflow()

    # ==== construction ================================================================================
    def _build_widgets(self) -> None:
        self.canvas_panel = CanvasPanel()
        self.canvas = self.canvas_panel.canvas
        self.prediction = PredictionPanel()
        centre = QWidget()
        centre_layout = QHBoxLayout(centre)
        centre_layout.setContentsMargins(12, 12, 12, 12)
        centre_layout.setSpacing(16)
        centre_layout.addWidget(self.canvas_panel, 3)
        centre_layout.addWidget(self.prediction, 2)
        self.setCentralWidget(centre)

        self.training_panel = TrainingPanel()
        scroll = QScrollArea()
        scroll.setWidget(self.training_panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(max(280, self.training_panel.minimumSizeHint().width())
                               + scroll.verticalScrollBar().sizeHint().width())
        self.training_dock = QDockWidget("Training", self)
        self.training_dock.setObjectName("TrainingDock")
        self.training_dock.setWidget(scroll)
        self.training_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                                       | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.training_dock.setToolTip("Choose the data, the architecture and the hyper-parameters, then train.")
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.training_dock)

        self.plots = TrainingPlots()
        self.log_view = TrainingLog()
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.setChildrenCollapsible(False)
        bottom.addWidget(self.plots)
        bottom.addWidget(self.log_view)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        bottom_box = QWidget()
        bottom_layout = QVBoxLayout(bottom_box)
        bottom_layout.setContentsMargins(8, 4, 8, 8)
        bottom_layout.addWidget(bottom)
        self.curves_dock = QDockWidget("Training curves and log", self)
        self.curves_dock.setObjectName("CurvesDock")
        self.curves_dock.setWidget(bottom_box)
        self.curves_dock.setToolTip("Loss and accuracy per batch and per epoch, and the training log.")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.curves_dock)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.resizeDocks([self.training_dock], [340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.curves_dock], [290], Qt.Orientation.Vertical)

    def _action(self, text: str, tip: str, slot, shortcut=None, icon: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(key) for key in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(action_icon(icon))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("&New Model", "Close the open model and start a new one (Ctrl+N).",
                                       self.new_model, QKeySequence.StandardKey.New, "new")
        self.open_action = self._action("&Open…", "Open a .keras model file (Ctrl+O).", self.open_model_dialog,
                                        QKeySequence.StandardKey.Open, "open")
        self.save_action = self._action("&Save", "Save the model with its training history (Ctrl+S).",
                                        self.save_model, QKeySequence.StandardKey.Save, "save")
        self.save_as_action = self._action("Save &As…", "Save the model under a new name (Ctrl+Shift+S).",
                                           self.save_model_as, "Ctrl+Shift+S", "save-as")
        self.export_action = self._action("&Export…", "Export the model as a TensorFlow SavedModel folder or "
                                          "a TensorFlow Lite file.", self.export_model_dialog, "Ctrl+E", "export")
        self.quit_action = self._action("&Quit", "Quit Digit Lab (Ctrl+Q).", self.close, "Ctrl+Q", "quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = self._action("&Undo Stroke", "Undo the last stroke on the canvas (Ctrl+Z).",
                                        self.canvas.undo, QKeySequence.StandardKey.Undo, "undo")
        self.clear_action = self._action("&Clear Drawing", "Clear the canvas (Delete or Backspace).",
                                         self.canvas.clear, ["Delete", "Backspace"], "clear")
        self.train_action = self._action("&Train", "Train, or continue training, with the settings on the "
                                         "left.", self.start_training, "Ctrl+T", "train")
        self.stop_action = self._action("S&top", "Stop training after the current batch.", self.stop_training,
                                        "Ctrl+.", "stop")
        self.about_action = self._action("&About Digit Lab", "Version and licences.", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.clear_recent_action = self._action("Clear List", "Forget the recently opened models.",
                                                self._clear_recent_files)

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.setIcon(action_icon("open"))
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.clear_action)

        model_menu = menu_bar.addMenu("&Model")
        model_menu.addAction(self.train_action)
        model_menu.addAction(self.stop_action)

        view_menu = menu_bar.addMenu("&View")
        view_menu.addAction(self.training_dock.toggleViewAction())
        view_menu.addAction(self.curves_dock.toggleViewAction())

        help_menu = menu_bar.addMenu("&Help")
        help_menu.addAction(self.about_action)
        for menu in (file_menu, edit_menu, model_menu, view_menu, help_menu):
            menu.setToolTipsVisible(True)

        toolbar = QToolBar("Main tool bar", self)
        toolbar.setObjectName("MainToolBar")
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for action in (self.new_action, self.open_action, self.save_action, self.export_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.train_action)
        toolbar.addAction(self.stop_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        view_menu.addAction(toolbar.toggleViewAction())
        self.toolbar = toolbar
        self._rebuild_recent_menu()

    def _build_status_bar(self) -> None:
        self.tf_status = QLabel("Loading TensorFlow…")
        self.tf_status.setToolTip("Whether TensorFlow has loaded, and the device it will train on.")
        self.tf_status.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addPermanentWidget(self.tf_status)
        self.statusBar().setToolTip("Messages about what Digit Lab is doing.")

    def _connect(self) -> None:
        self.canvas.drawingChanged.connect(self.prediction.show_drawing)
        self.training_panel.trainRequested.connect(self.start_training)
        self.training_panel.stopRequested.connect(self.stop_training)
        self.training_panel.configChanged.connect(self._save_training_settings)
        self.canvas_panel.pen_slider.valueChanged.connect(self.settings.set_pen_width)

    def _restore_settings(self) -> None:
        self.training_panel.set_config(self.settings.train_config(), self.settings.data_folders())
        self.canvas_panel.pen_slider.setValue(self.settings.pen_width())
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            width, height = 1440, 920
            if screen is not None:
                width, height = min(width, int(screen.width() * 0.92)), min(height, int(screen.height() * 0.92))
            self.resize(width, height)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.prediction.set_hint(NO_MODEL_HINT)

    # ==== TensorFlow ==================================================================================
    def start_loading_tensorflow(self) -> None:
        if self._loader is not None or self._tf_info is not None:
            return
        self.tf_status.setText("Loading TensorFlow…")
        self.statusBar().showMessage("Loading TensorFlow…")
        self._loader = TensorFlowLoader(list(PRESETS))
        self._loader.loaded.connect(self._on_tensorflow_loaded)
        self._loader.failed.connect(self._on_tensorflow_failed)
        self.start_thread(self._loader, "TensorFlowLoader")

    def tensorflow_ready(self) -> bool:
        return self._tf_info is not None

    def tensorflow_status(self) -> str:
        return self.tf_status.text()

    def tensorflow_failure(self) -> str:
        """Why TensorFlow failed to load; empty when it has not failed."""
        return self._tf_failed

    @Slot(object)
    def _on_tensorflow_loaded(self, info: TensorFlowInfo) -> None:
        self._loader = None
        if self._closed:
            return
        self._tf_info = info
        freeze_long_lived_objects()
        device = info.gpu_names[0] if info.gpu_names else "CPU"
        self.tf_status.setText(f"TensorFlow {_short_version(info.version)} ready · {device}")
        self.statusBar().showMessage(f"TensorFlow {info.version} loaded in {info.seconds:.1f} s.", 5000)
        self.log_view.append_line(f"TensorFlow {info.version} loaded in {info.seconds:.1f} s; devices: "
                                  + ", ".join(d.description for d in info.devices)
                                  + ("" if info.gpu_names else f". {info.why_no_gpu}"))
        self.training_panel.set_tensorflow_info(info)
        self._update_actions()
        pending, self._pending_open = self._pending_open, None
        if pending is not None:
            self.open_model(pending)
        elif self._model is None:
            self._reopen_last_model()

    @Slot(str)
    def _on_tensorflow_failed(self, message: str) -> None:
        self._loader = None
        self._tf_failed = message
        self.tf_status.setText("TensorFlow failed to load")
        self.log_view.append_line(message)
        if not self._closed:
            QMessageBox.critical(self, "TensorFlow failed to load",
                                 f"{message}\n\nWhat to do: reinstall Digit Lab (pip install --force-reinstall "
                                 "digit-lab). Drawing works, but training and opening models need TensorFlow.")

    def _reopen_last_model(self) -> None:
        last = self.settings.last_model_path()
        if not last:
            return
        if not Path(last).is_file():
            self.log_view.append_line(f"The last model, {last}, is no longer there.")
            self.settings.set_last_model_path(None)
            return
        if not self.open_model(last, interactive=False):
            self.settings.set_last_model_path(None)

    # ==== model state =================================================================================
    def model(self):
        return self._model

    def model_path(self) -> Path | None:
        return self._model_path

    def model_history(self) -> dict[str, list[float]]:
        return {key: list(values) for key, values in (self._metadata.history or {}).items()}

    def is_modified(self) -> bool:
        return self._dirty

    def is_training(self) -> bool:
        return self._training_worker is not None

    def is_exporting(self) -> bool:
        return self._export_worker is not None

    def is_closing(self) -> bool:
        """True while a close request stops the running work (a run ending now should not ask anything)."""
        return self._closing

    def _model_name(self) -> str:
        if self._model_path is not None:
            return self._model_path.stem
        return "untitled" if self._model is not None else "No model"

    def _epochs_trained(self) -> int:
        return len((self._metadata.history or {}).get("loss", []))

    def _model_summary(self, epochs: int | None = None) -> str:
        """E.g. “digits” (Batch-normalised CNN, 3 epochs so far)."""
        preset = PRESETS.get(self._metadata.preset)
        kind = preset.title.replace(" (default)", "") if preset else (self._metadata.preset or "Keras model")
        epochs = self._epochs_trained() if epochs is None else epochs
        return f"“{self._model_name()}” ({kind}, {epochs} epoch{'s' if epochs != 1 else ''} so far)"

    def _prediction_note(self) -> str:
        history = self._metadata.history or {}
        note = f"Model: {self._model_name()} · {self._epochs_trained()} epoch(s)"
        accuracy = (history.get("val_accuracy") or history.get("accuracy") or [None])[-1]
        if accuracy is not None and math.isfinite(accuracy):
            which = "validation" if history.get("val_accuracy") else "training"
            note += f" · {which} accuracy {accuracy * 100:.1f} %"
        return note

    def _set_model(self, model, metadata: ModelMetadata, path: Path | None, dirty: bool, twin=None) -> None:
        """Show `model`; `twin`, a Predictor on a copy of it, saves making one here."""
        from desktop_app.core.inference import Predictor

        self._model = model
        self._metadata = metadata
        self._model_path = Path(path) if path else None
        self._dirty = dirty
        if twin is None and model is not None:
            twin = Predictor.copy_of(model)
        self._predictor = twin
        self.plots.set_history(metadata.history or {})
        self.prediction.set_predictor(self._predictor, self._prediction_note() if model is not None else "")
        self.training_panel.set_model_state(model is not None, self._model_summary())
        self._update_title()
        self._update_actions()

    def show_new_weights(self, history: dict[str, list[float]], dirty: bool) -> None:
        """The open model's weights changed outside a training run (fine-tuning kept or undone): show
        `history` with them, and let the canvas read with them."""
        self._metadata.history = {key: list(values) for key, values in history.items()}
        if self._predictor is not None:
            self._predictor.set_weights(self._model.get_weights())
        self._set_model(self._model, self._metadata, self._model_path, dirty, twin=self._predictor)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self._update_title()

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self._model_name()}[*] — {APP_NAME}")
        self.setWindowModified(self._dirty)

    def _update_actions(self) -> None:
        training = self.is_training()
        exporting = self.is_exporting()
        busy = training or exporting
        has_model = self._model is not None
        ready = self._tf_info is not None
        self.new_action.setEnabled(not busy)
        self.open_action.setEnabled(not busy and not self._tf_failed)
        self.recent_menu.setEnabled(not busy and not self._tf_failed)
        self.save_action.setEnabled(has_model and not busy)
        self.save_as_action.setEnabled(has_model and not busy)
        self.export_action.setEnabled(has_model and not busy)
        self.train_action.setEnabled(ready and not busy)
        self.stop_action.setEnabled(training)
        self.training_panel.set_blocked(exporting)

    # ==== unsaved changes =============================================================================
    def ask_unsaved(self) -> str:
        """Ask what to do with an unsaved trained model: "save", "discard" or "cancel".

        Public so that tests and the window driver can replace it with a fixed answer."""
        answer = QMessageBox.question(
            self, "Unsaved model",
            f"The model “{self._model_name()}” has training that is not saved. Save it first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def _may_discard_model(self) -> bool:
        """True when the open model may be replaced: it is saved, or the user saved or discarded it."""
        if self._model is None or not self._dirty:
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save_model()
        return answer == "discard"

    # ==== file actions ================================================================================
    @Slot()
    def new_model(self) -> bool:
        if self.is_training() or not self._may_discard_model():
            return False
        self._set_model(None, ModelMetadata(), None, False)
        self.settings.set_last_model_path(None)
        self.prediction.set_hint(NO_MODEL_HINT)
        self.log_view.append_line("New model: Train builds one with the settings on the left.")
        return True

    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, "Open a model", self.settings.last_folder(),
                                              f"{KERAS_FILTER};;All files (*)")
        return path

    @Slot()
    def open_model_dialog(self) -> bool:
        if self.is_training():
            return False
        path = self._ask_open_path()
        return self.open_model(path) if path else False

    def open_model(self, path: str | Path, interactive: bool = True) -> bool:
        """Open a .keras file; on failure say why and keep the current model. Queued until TF is ready."""
        path = Path(path).expanduser()
        if self.is_training() or self.is_exporting():
            self.statusBar().showMessage("Wait for the training or export to end before opening a model.", 5000)
            return False
        if self._tf_info is None:
            self._pending_open = path
            self.statusBar().showMessage(f"{path.name} opens as soon as TensorFlow has loaded.")
            return False
        if interactive and not self._may_discard_model():
            return False
        self.statusBar().showMessage(f"Opening {path}…")
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            loaded: LoadedModel = load_model(path)
        except Exception as error:  # ModelFileError names the file; anything else is said plainly too
            message = str(error) if isinstance(error, DigitLabError) else \
                f"Could not open {path}: {describe_exception(error, 'Opening the model')}"
            self.log_view.append_line(message)
            self.statusBar().showMessage(f"Could not open {path.name}.", 8000)
            if not path.exists():
                self._rebuild_recent_menu(self.settings.remove_recent_file(path))
            if interactive:
                QMessageBox.critical(self, "Could not open the model", f"{message}\n\n{OPEN_FAILED_ADVICE}")
            return False
        finally:
            self.unsetCursor()
        self._set_model(loaded.model, loaded.metadata, loaded.path, False)
        self._remember_file(loaded.path)
        history = loaded.metadata.history or {}
        figures = format_metrics({key: values[-1] for key, values in history.items() if values})
        self.log_view.append_line(f"Opened {loaded.path} ({self._epochs_trained()} epoch(s) of history"
                                  + (f"; {figures})" if figures else ")"))
        self.statusBar().showMessage(f"Opened {loaded.path.name}.", 5000)
        return True

    def _ask_save_path(self) -> str:
        start = str(self._model_path or Path(self.settings.last_folder()) / "digits.keras")
        path, _ = QFileDialog.getSaveFileName(self, "Save the model", start, KERAS_FILTER)
        return path

    @Slot()
    def save_model(self) -> bool:
        if self._model is None or self.is_training():
            return False
        if self._model_path is None:
            return self.save_model_as()
        return self.save_model_to(self._model_path)

    @Slot()
    def save_model_as(self) -> bool:
        if self._model is None or self.is_training():
            return False
        path = self._ask_save_path()
        return self.save_model_to(path) if path else False

    def save_model_to(self, path: str | Path) -> bool:
        """Save the open model and its metadata to `path` (atomically, by the core)."""
        if self._model is None:
            return False
        metadata = ModelMetadata(preset=self._metadata.preset, dataset=self._metadata.dataset,
                                 config=dict(self._metadata.config or {}),
                                 history=self.model_history())
        try:
            written = save_model(self._model, path, metadata)
        except ModelFileError as error:
            self.log_view.append_line(str(error))
            QMessageBox.critical(self, "Could not save the model", f"{error}\n\n{SAVE_FAILED_ADVICE}")
            return False
        self._metadata.saved_at = metadata.saved_at
        self._model_path = written
        self._set_dirty(False)
        self._remember_file(written)
        self.prediction.set_model_note(self._prediction_note())
        self.training_panel.set_model_state(True, self._model_summary())
        self.log_view.append_line(f"Saved {written}.")
        self.statusBar().showMessage(f"Saved {written.name}.", 5000)
        return True

    def _remember_file(self, path: Path) -> None:
        self.settings.set_last_model_path(path)
        self.settings.set_last_folder(path.parent)
        self._rebuild_recent_menu(self.settings.add_recent_file(path))

    def _rebuild_recent_menu(self, files: list[str] | None = None) -> None:
        files = self.settings.recent_files() if files is None else files
        self.recent_menu.clear()
        for index, name in enumerate(files):
            action = self.recent_menu.addAction(f"&{index + 1} {Path(name).name}")
            action.setToolTip(name)
            action.setStatusTip(name)
            action.setData(name)
            action.triggered.connect(self._open_recent)
        if not files:
            empty = self.recent_menu.addAction("No recent models")
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(files))

    @Slot()
    def _open_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.data():
            self.open_model(action.data())

    @Slot()
    def _clear_recent_files(self) -> None:
        self.settings.clear_recent_files()
        self._rebuild_recent_menu([])

    # ==== export ======================================================================================
    def _ask_export_path(self) -> tuple[str, str] | None:
        """(path, kind) from a save dialog, kind "tflite" or "saved_model"; None when cancelled."""
        start = str(Path(self.settings.last_folder()) / f"{self._model_name()}.tflite")
        path, chosen = QFileDialog.getSaveFileName(self, "Export the model", start,
                                                   f"{TFLITE_FILTER};;{SAVED_MODEL_FILTER}")
        if not path:
            return None
        return path, ("saved_model" if chosen == SAVED_MODEL_FILTER else "tflite")

    @Slot()
    def export_model_dialog(self) -> bool:
        if self._model is None or self.is_training() or self.is_exporting():
            return False
        answer = self._ask_export_path()
        if not answer:
            return False
        return self.export_model(*answer)

    def export_model(self, path: str | Path, kind: str) -> bool:
        """Export on a worker thread; the result arrives in the log and a message box."""
        if self._model is None or self.is_training() or self.is_exporting():
            return False
        worker = ExportWorker(self._model, Path(path), kind)
        worker.succeeded.connect(self._on_export_succeeded)
        worker.failed.connect(self._on_export_failed)
        self._export_worker = worker
        self.start_thread(worker, "ExportWorker")
        self.log_view.append_line(f"Exporting a {EXPORT_FORMATS[kind]} to {path}…")
        self.statusBar().showMessage(f"Exporting to {path}…")
        self._update_actions()
        return True

    @Slot(str)
    def _on_export_succeeded(self, path: str) -> None:
        self._export_worker = None
        self._update_actions()
        self.log_view.append_line(f"Exported {path}.")
        self.statusBar().showMessage(f"Exported {Path(path).name}.", 5000)

    @Slot(str)
    def _on_export_failed(self, message: str) -> None:
        self._export_worker = None
        self._update_actions()
        self.log_view.append_line(message)
        self.statusBar().showMessage("Export failed.", 5000)
        if not self._closed:
            QMessageBox.critical(self, "Export failed", f"{message}\n\nWhat to do: try the other export "
                                 "format, or another folder. Your model is unchanged.")

    # ==== training ====================================================================================
    @Slot()
    def start_training(self) -> bool:
        """What the Train button does: continue the open model, or build a new one and train it."""
        if self._tf_info is None or self.is_training() or self.is_exporting():
            return False
        config = self.training_panel.config()
        try:
            config.check()
        except ValueError as error:
            QMessageBox.warning(self, "Cannot train", f"{str(error).capitalize()}.\n\nWhat to do: change the "
                                "setting on the left and press Train again.")
            return False
        new = self.training_panel.start_new_model()
        if new:
            if not self._may_discard_model():
                return False
            model, history = None, {}  # the worker builds it: see _on_model_ready
        else:
            model = self._model
            history = self.model_history()
            if self._metadata.preset in PRESETS:
                config.preset = self._metadata.preset
            self.prediction.set_model_note(self._training_note(history))
        self.canvas.setFocus()
        worker = TrainingWorker(config, model, history)
        worker.model_ready.connect(self._on_model_ready)
        self.run_as_training(worker, config, self._on_training_finished)
        self.statusBar().showMessage("Training…")
        self.log_view.append_line(
            f"Training {config.epochs} epoch(s): batch {config.batch_size}, {config.optimizer} at "
            f"{config.learning_rate:g}, validation {config.validation_split:.0%}, "
            f"augmentation {'on' if config.augment else 'off'}, data {config.data}"
            + (f" (first {config.train_limit} images)" if config.train_limit else "") + ".")
        return True

    def run_as_training(self, worker: TrainingWorker, config: TrainConfig, on_finished) -> None:
        """Run a TrainingWorker (plain training or fine-tuning) as the window's training run: its log
        lines, plan, curves, progress and live predictions show, and Stop and closing the window apply.
        `on_finished(result)`, a slot, ends the run, through `end_training_run`; when the window closes
        mid-run it is called directly, once the worker has stopped."""
        if worker.twin is None and worker.model is not None and worker.model is self._model:
            worker.twin = self._predictor  # training the open model: the canvas' twin follows it
        worker.message.connect(self._on_training_message)
        worker.plan_ready.connect(self._on_training_plan)
        worker.batch_progress.connect(self._on_batch_progress)
        worker.epoch_ended.connect(self._on_epoch_ended)
        worker.finished.connect(on_finished)
        self._training_worker = worker
        self._training_finished = on_finished
        self._training_config = config
        self._training_result = None
        self.training_panel.set_training(True)
        self._update_actions()
        self.start_thread(worker, type(worker).__name__)

    def end_training_run(self, worker: TrainingWorker, result: TrainingResult) -> bool:
        """Return the window to idle after a run started by `run_as_training`; False when the window
        had already ended it (closed during the run)."""
        if self._training_worker is not worker:
            return False
        self._training_worker = None
        self._training_result = result
        self.training_panel.set_training(False)
        self.training_panel.show_result(result)
        self._update_actions()
        return True

    @staticmethod
    def _run_metadata(config: TrainConfig, history: dict[str, list[float]] | None = None) -> ModelMetadata:
        """What a model trained from scratch by `config` records about itself."""
        return ModelMetadata(preset=config.preset, dataset=str(config.data), config=config.to_dict(),
                             history={key: list(values) for key, values in (history or {}).items()})

    @staticmethod
    def _training_note(history: dict[str, list[float]]) -> str:
        epochs = len(history.get("loss", []))
        return f"Weights after epoch {epochs} · training…" if epochs else \
            "Untrained weights: the first epoch is running…"

    @Slot(object, object)
    def _on_model_ready(self, model, twin) -> None:
        """The training worker has built the model (a new one) and the canvas' twin of it."""
        if self._training_worker is None:  # the window closed meanwhile
            return
        if model is not self._model:
            config = self._training_config
            self._set_model(model, self._run_metadata(config), None, False, twin=twin)
            self.settings.set_last_model_path(None)
            self.log_view.append_line(f"New model: {PRESETS[config.preset].title}.")
            self.prediction.set_model_note(self._training_note({}))
        elif twin is not self._predictor:  # the open model had no twin: the worker made one
            self._predictor = twin
            self.prediction.set_predictor(twin, self._training_note(self.model_history()))

    @Slot()
    def stop_training(self) -> None:
        if self._training_worker is None:
            return
        self._training_worker.stop()
        self.training_panel.set_stopping()
        self.stop_action.setEnabled(False)
        self.statusBar().showMessage("Stopping after this batch…")
        self.log_view.append_line("Stop requested: training ends after the current batch.")

    @Slot(str)
    def _on_training_message(self, text: str) -> None:
        self.log_view.append_line(text)
        self.statusBar().showMessage(text, 8000)

    @Slot(object)
    def _on_training_plan(self, plan: TrainingPlan) -> None:
        self.training_panel.show_plan(plan)
        self.log_view.append_line(
            f"{plan.train_samples} training and {plan.validation_samples} validation images, "
            f"{plan.steps_per_epoch} batches per epoch, on {plan.device}.")

    @Slot(object)
    def _on_batch_progress(self, progress: BatchProgress) -> None:
        if self._training_worker is None:
            return
        self.plots.add_batch(progress)
        self.training_panel.show_batch(progress)

    @Slot(object)
    def _on_epoch_ended(self, record: EpochRecord) -> None:
        if self._training_worker is None:
            return
        self.plots.add_epoch(record)
        config = self._training_config
        total = (self._epochs_trained() + config.epochs) if config else record.epoch + 1
        partial = " (stopped within the epoch)" if record.partial else ""
        self.log_view.append_line(f"Epoch {record.epoch + 1}/{total}: {format_metrics(record.metrics)} · "
                                  f"{record.seconds:.1f} s{partial}")
        self.training_panel.set_model_state(True, self._model_summary(record.epoch + 1))
        if self._predictor is not None:  # the worker has given it this epoch's weights
            self.prediction.set_model_note(f"Weights after epoch {record.epoch + 1} · training…")
            self.prediction.refresh()

    @Slot(object)
    def _on_training_finished(self, result: TrainingResult) -> None:
        if self._training_worker is None or not self.end_training_run(self._training_worker, result):
            return  # handled already (the window closed during training)
        config = self._training_config or result.config
        if result.model is not None and result.epochs_completed > 0:
            self._model = result.model
            self._metadata = self._run_metadata(config, result.history)
            self._dirty = True
        figures = format_metrics(result.final_metrics)
        line = f"{result.reason} {figures} · {format_duration(result.seconds)}".strip()
        self.log_view.append_line(line if result.status != "failed" else f"Training failed: {result.reason}")
        self.statusBar().showMessage(result.reason, 8000)
        self.training_panel.set_model_state(self._model is not None, self._model_summary())
        self.prediction.set_predictor(self._predictor, self._prediction_note() if self._model is not None else "")
        self._update_title()
        self._update_actions()
        if result.status == "failed" and not self._closed:
            QMessageBox.critical(self, "Training failed",
                                 f"{result.reason}\n\nWhat to do: check the data set and the settings on the "
                                 "left, then press Train again. The model keeps the epochs it had finished.")

    def last_training_result(self) -> TrainingResult | None:
        return self._training_result

    @property
    def tasks(self) -> _RunningWorkers:
        """Stand-in for the coming TaskRunner: `tasks.worker("training")` is the running TrainingWorker."""
        return _RunningWorkers({"training": self._training_worker})

    # ==== threads =====================================================================================
    def start_thread(self, worker: QObject, name: str) -> QThread:
        """Run `worker` on a thread the window waits for when it closes."""
        thread = start_in_thread(worker, name, self._on_thread_finished)
        self._threads[thread] = worker
        return thread

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread) and thread in self._threads:
            thread.wait()  # `finished` comes just before the thread ends: let it end before the refs go
            del self._threads[thread]

    def running_threads(self) -> int:
        return sum(1 for thread in self._threads if not thread.isFinished())

    def shutdown(self) -> None:
        """Stop training, wait for every thread, and handle what they left (idempotent)."""
        worker = self._training_worker
        if worker is not None:
            worker.stop()
        for thread in list(self._threads):
            thread.quit()  # the worker's finished→quit is queued to this (blocked) thread: quit directly
            thread.wait()
        if worker is not None and worker.result is not None and self._training_worker is worker:
            self._training_finished(worker.result)  # its queued `finished` would come too late
        self._threads.clear()

    # ==== window events ===============================================================================
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_training():
            self.log_view.append_line("Closing: stopping the training first.")
        self._closing = True
        self.shutdown()
        if not self._may_discard_model():
            self._closing = False
            event.ignore()
            return
        self._closing = False
        self._closed = True
        self.settings.set_window_layout(self.saveGeometry(), self.saveState())
        self._save_training_settings()
        self.settings.sync()
        logging.getLogger("desktop_app").removeHandler(self._log_handler)
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_model(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._dropped_model(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_model(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, self, lambda: self.open_model(path))  # not inside the drag's event loop

    @staticmethod
    def _dropped_model(event) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".keras"):
                return Path(url.toLocalFile())
        return None

    # ==== settings and about ==========================================================================
    @Slot()
    def _save_training_settings(self) -> None:
        self.settings.set_train_config(self.training_panel.config())
        self.settings.set_data_folders(self.training_panel.data_folders())

    @Slot()
    def show_about(self) -> None:
        tf_line = f"TensorFlow {self._tf_info.version}" if self._tf_info else "TensorFlow not loaded yet"
        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<h3>{APP_NAME} {__version__}</h3>"
                          "<p>Train a convolutional network on handwritten digits, watch it learn, and draw "
                          "digits it reads live.</p>"
                          f"<p>{tf_line}. The MNIST data set is by Yann LeCun, Corinna Cortes and Christopher "
                          "J. C. Burges (CC BY-SA 3.0).</p>")
