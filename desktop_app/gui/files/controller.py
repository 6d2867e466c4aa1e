"""The File menu's work: a new model, opening (dialog, recent files, a dropped file, the last model at
start-up), saving and exporting. The session does the model state; this controller asks for paths, says
what went wrong, and remembers recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop_app.core.errors import ModelFileError
from desktop_app.core.export import EXPORT_FORMATS, unavailable_reason
from desktop_app.core.resources import resource_path
from desktop_app.gui.feature import make_action
from desktop_app.gui.i18n import bind_text, localized
from desktop_app.gui.resources import action_icon
from desktop_app.gui.session import ModelSession
from desktop_app.gui.settings import AppSettings
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.text_format import describe_exception, format_metrics, number
from desktop_app.gui.workers import ExportWorker, ModelOpener

EXPORT, OPEN = "export", "open"  # the task kinds
READY_MADE_FILE = "ready_model.keras"  # in resources/, built by tools/make_ready_model.py


class FilesController(QObject):
    """New, Open, Open Recent, Save, Save As and Export, for the session's model."""

    def __init__(self, session: ModelSession, tasks: TaskRunner, settings: AppSettings, dialog_parent: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.settings = settings
        self._dialog_parent = dialog_parent
        self._ready = False  # TensorFlow has loaded: models can be opened
        self._failed = False  # TensorFlow failed to load: they never can
        self._pending_open: Path | None = None
        self._opening: Path = Path()  # the file being opened, for the messages about it
        self._opening_interactive = True
        self._opening_ready_made = False
        self._last_export = None  # core.export_check.ExportCheck of the last export, for the driver and tests

        standard = QKeySequence.StandardKey
        self.new_action = make_action(self, lambda: self.tr("&New Model"),
                                      lambda: self.tr("Close the open model and start a new one (Ctrl+N)."),
                                      self.new_model, standard.New, "new")
        self.open_action = make_action(self, lambda: self.tr("&Open…"),
                                       lambda: self.tr("Open a .keras model file (Ctrl+O)."),
                                       self.open_model_dialog, standard.Open, "open")
        self.save_action = make_action(self, lambda: self.tr("&Save"),
                                       lambda: self.tr("Save the model with its training history (Ctrl+S)."),
                                       self.save_model, standard.Save, "save")
        self.save_as_action = make_action(self, lambda: self.tr("Save &As…"),
                                          lambda: self.tr("Save the model under a new name (Ctrl+Shift+S)."),
                                          self.save_model_as, "Ctrl+Shift+S", "save-as")
        self.export_action = make_action(self, lambda: self.tr("&Export…"),
                                         lambda: self.tr("Export the model as a TensorFlow Lite file, an ONNX "
                                                         "file or a TensorFlow SavedModel folder; each export is "
                                                         "run on 200 MNIST test digits to check it gives the "
                                                         "model's answers."),
                                         self.export_model_dialog, "Ctrl+E", "export")
        self.clear_recent_action = make_action(self, lambda: self.tr("Clear List"),
                                               lambda: self.tr("Forget the recently opened models."),
                                               self._clear_recent_files)
        self.recent_menu = QMenu()
        bind_text(self, self.recent_menu.setTitle, lambda: self.tr("Open &Recent"))
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.setIcon(action_icon("open"))
        self._rebuild_recent_menu()

        session.modelChanged.connect(self._model_changed)
        session.modelChanged.connect(self.update_actions)
        tasks.tasksChanged.connect(self.update_actions)
        self.update_actions()

    # -- state ----------------------------------------------------------------------------------------
    def set_tensorflow_ready(self) -> None:
        """Models can be opened now; one asked for before opens."""
        self._ready = True
        self.update_actions()
        pending, self._pending_open = self._pending_open, None
        if pending is not None:
            self.open_model(pending)
        elif not self.session.has_model():
            self._reopen_last_model()

    def set_tensorflow_failed(self) -> None:
        self._failed = True
        self.update_actions()

    def is_exporting(self) -> bool:
        return self.tasks.is_running(EXPORT)

    @Slot()
    def update_actions(self) -> None:
        busy = self.tasks.uses_model()
        has_model = self.session.has_model()
        self.new_action.setEnabled(not busy)
        self.open_action.setEnabled(not busy and not self._failed)
        self.recent_menu.setEnabled(not busy and not self._failed)
        for action in (self.save_action, self.save_as_action, self.export_action):
            action.setEnabled(has_model and not busy)

    @Slot()
    def _model_changed(self) -> None:
        if self.session.path() is None:  # a new model, or none: nothing to reopen at the next start
            self.settings.set_last_model_path(None)

    # -- new and open ---------------------------------------------------------------------------------
    @Slot()
    def new_model(self) -> bool:
        if self.tasks.uses_model() or not self.session.may_discard():
            return False
        self.session.close_model()
        self.session.log(self.tr("New model: Train builds one with the settings on the left."))
        return True

    def ask_open_path(self) -> str:
        filters = [self.tr("Keras model (*.keras)"), self.tr("All files (*)")]
        path, _ = QFileDialog.getOpenFileName(self._dialog_parent, self.tr("Open a model"),
                                              self.settings.last_folder(), ";;".join(filters))
        return path

    @Slot()
    def open_model_dialog(self) -> bool:
        if self.tasks.uses_model():
            return False
        path = self.ask_open_path()
        return self.open_model(path) if path else False

    def open_model(self, path: str | Path, interactive: bool = True, ready_made: bool = False) -> bool:
        """Start opening a .keras file on the task runner (a big model takes seconds to build); True when
        it started. On failure the window says why and keeps the current model. Queued until TF is ready.
        The `ready_made` model opens without its path: Save never writes over it."""
        path = Path(path).expanduser()
        if self.tasks.uses_model():
            self.session.status(self.tr("Wait for the training, export or opening to end before opening a model."),
                                5000)
            return False
        if not self._ready:
            self._pending_open = path
            self.session.status(self.tr("{file} opens as soon as TensorFlow has loaded.").format(file=path.name), 0)
            return False
        if interactive and not self.session.may_discard():
            return False
        worker = ModelOpener(path)
        worker.progress.connect(self._open_progress)
        worker.succeeded.connect(self._opened)
        worker.failed.connect(self._open_failed)
        if not self.tasks.start(OPEN, worker):
            return False
        self._opening, self._opening_interactive, self._opening_ready_made = path, interactive, ready_made
        self.session.status(self.tr("Opening {path}…").format(path=path), 0)
        self._dialog_parent.setCursor(Qt.CursorShape.BusyCursor)
        return True

    def is_opening(self) -> bool:
        return self.tasks.is_running(OPEN)

    @Slot(int)
    def _open_progress(self, weights: int) -> None:
        self.session.status(self.tr("Opening {file}… {count} weight tensors built").format(
            file=self._opening.name, count=weights), 0)

    @Slot(object, object)
    def _opened(self, loaded, predictor) -> None:
        self._dialog_parent.unsetCursor()
        if self.tasks.is_shut_down():  # the window is closing
            return
        if self._opening_ready_made:
            self.session.adopt_opened(loaded, predictor, ready_made=True)
            self.session.log(self.tr("Opened the ready-made model (trained on MNIST by Digit Lab's makers) so "
                                     "that you can draw at once. Train builds your own; Save keeps it under a "
                                     "name you choose."))
            self.session.status(self.tr("The ready-made model is open: draw a digit."), 8000)
            return
        self.session.adopt_opened(loaded, predictor)
        self._remember_file(loaded.path)
        history = loaded.metadata.history or {}
        figures = format_metrics({key: values[-1] for key, values in history.items() if values})
        epochs = self.session.epochs_trained()
        if figures:
            self.session.log(self.tr("Opened {path} (%n epoch(s) of history; {figures})", "", epochs).format(
                path=loaded.path, figures=figures))
        else:
            self.session.log(self.tr("Opened {path} (%n epoch(s) of history)", "", epochs).format(path=loaded.path))
        self.session.status(self.tr("Opened {file}.").format(file=loaded.path.name), 5000)

    @Slot(str)
    def _open_failed(self, message: str) -> None:
        self._dialog_parent.unsetCursor()
        path, interactive = self._opening, self._opening_interactive
        message = localized(message)
        self.session.log(message)
        self.session.status(self.tr("Could not open {file}.").format(file=path.name), 8000)
        if not path.exists():
            self._rebuild_recent_menu(self.settings.remove_recent_file(path))
        if Path(self.settings.last_model_path() or "") == path:  # never retried at every start
            self.settings.set_last_model_path(None)
        if interactive and not self.tasks.is_shut_down():
            advice = self.tr("What to do: choose a .keras file saved by Digit Lab or by Keras 3. The model you "
                             "had open is unchanged.")
            QMessageBox.critical(self._dialog_parent, self.tr("Could not open the model"), f"{message}\n\n{advice}")

    def _reopen_last_model(self) -> None:
        """At start-up: the model open at the last exit, or on a first launch the ready-made one."""
        last = self.settings.last_model_path()
        if not last:
            if not self.settings.ready_model_offered():
                self.settings.set_ready_model_offered()
                ready = resource_path(READY_MADE_FILE)
                if ready.is_file():
                    self.open_model(ready, interactive=False, ready_made=True)
            return
        if not Path(last).is_file():
            self.session.log(self.tr("The last model, {path}, is no longer there.").format(path=last))
            self.settings.set_last_model_path(None)
            return
        self.open_model(last, interactive=False)

    # -- save -----------------------------------------------------------------------------------------
    def ask_save_path(self) -> str:
        start = str(self.session.path() or Path(self.settings.last_folder()) / "digits.keras")
        path, _ = QFileDialog.getSaveFileName(self._dialog_parent, self.tr("Save the model"), start,
                                              self.tr("Keras model (*.keras)"))
        return path

    @Slot()
    def save_model(self) -> bool:
        if not self.session.has_model() or self.tasks.uses_model():
            return False
        if self.session.path() is None:
            return self.save_model_as()
        return self.save_model_to(self.session.path())

    @Slot()
    def save_model_as(self) -> bool:
        if not self.session.has_model() or self.tasks.uses_model():
            return False
        path = self.ask_save_path()
        return self.save_model_to(path) if path else False

    def save_model_to(self, path: str | Path) -> bool:
        """Save the open model and its metadata to `path` (atomically, by the core)."""
        if not self.session.has_model():
            return False
        try:
            written = self.session.save(path)
        except ModelFileError as error:
            message = describe_exception(error, "")
            self.session.log(message)
            advice = self.tr("What to do: choose another folder or file name. Your model is still open and "
                             "unchanged.")
            QMessageBox.critical(self._dialog_parent, self.tr("Could not save the model"), f"{message}\n\n{advice}")
            return False
        self._remember_file(written)
        self.session.log(self.tr("Saved {path}.").format(path=written))
        self.session.status(self.tr("Saved {file}.").format(file=written.name), 5000)
        return True

    # -- recent files ---------------------------------------------------------------------------------
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
            empty = self.recent_menu.addAction("")
            bind_text(self, empty.setText, lambda: self.tr("No recent models"))
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

    # -- export ---------------------------------------------------------------------------------------
    def ask_export_path(self) -> tuple[str, str] | None:
        """(path, kind) from a save dialog, kind "tflite", "onnx" or "saved_model"; None when cancelled."""
        start = str(Path(self.settings.last_folder()) / f"{self.session.name()}.tflite")
        filters = {self.tr("TensorFlow Lite model (*.tflite)"): "tflite", self.tr("ONNX model (*.onnx)"): "onnx",
                   self.tr("TensorFlow SavedModel folder (*)"): "saved_model"}
        path, chosen = QFileDialog.getSaveFileName(self._dialog_parent, self.tr("Export the model"), start,
                                                   ";;".join(filters))
        if not path:
            return None
        return path, filters.get(chosen, "tflite")

    @Slot()
    def export_model_dialog(self) -> bool:
        if not self.session.has_model() or self.tasks.uses_model():
            return False
        answer = self.ask_export_path()
        return self.export_model(*answer) if answer else False

    def export_model(self, path: str | Path, kind: str) -> bool:
        """Export on the task runner, then check the export in its own runtime; the outcome and its figures
        arrive in the log (beside the export's path), the status bar and a message box. A format whose
        packages are missing (ONNX without the export extra) is refused at once, saying what to install."""
        if not self.session.has_model() or self.tasks.uses_model():
            return False
        missing = unavailable_reason(kind)
        if missing:
            missing = localized(missing)
            self.session.log(missing)
            self.session.status(self.tr("{format} export is not available here.").format(format=kind.upper()), 8000)
            if not self.tasks.is_shut_down():
                QMessageBox.warning(self._dialog_parent,
                                    self.tr("{format} export is not available").format(format=kind.upper()),
                                    missing)
            return False
        worker = ExportWorker(self.session.model(), Path(path), kind)
        worker.succeeded.connect(self._export_succeeded)
        worker.failed.connect(self._export_failed)
        if not self.tasks.start(EXPORT, worker):
            return False
        self.session.log(self.tr("Exporting a {format} to {path}…").format(format=localized(EXPORT_FORMATS[kind]),
                                                                           path=path))
        self.session.status(self.tr("Exporting to {path}…").format(path=path), 0)
        return True

    def last_export(self):
        """The check of the last export this window made (core.export_check.ExportCheck), or None."""
        return self._last_export

    @Slot(object)
    def _export_succeeded(self, check) -> None:
        self._last_export = check
        size, figures = number(check.bytes / 1e6, 2), localized(check.figures())
        if check.passed:
            self.session.log(self.tr("Exported {path} ({size} MB): {figures}.").format(
                path=check.path, size=size, figures=figures))
            self.session.status(self.tr("Exported {file}: checked, it gives the model's answers.").format(
                file=check.path.name), 8000)
        else:
            self.session.log(self.tr("Exported {path} ({size} MB), but the check FAILED: {figures}. The file is "
                                     "kept; do not use it.").format(path=check.path, size=size, figures=figures))
            self.session.status(self.tr("Exported {file}, but it failed its check.").format(file=check.path.name), 0)
        if self.tasks.is_shut_down():
            return
        if check.passed:
            exported = self.tr("Exported {path}.").format(path=check.path)
            QMessageBox.information(self._dialog_parent, self.tr("Export checked"),
                                    f"{exported}\n\n{localized(check.verdict())}")
        else:
            QMessageBox.critical(self._dialog_parent, self.tr("The export failed its check"),
                                 localized(check.verdict()))

    @Slot(str)
    def _export_failed(self, message: str) -> None:
        message = localized(message)
        self.session.log(message)
        self.session.status(self.tr("Export failed."), 5000)
        if not self.tasks.is_shut_down():
            advice = self.tr("What to do: try the other export format, or another folder. Your model is unchanged.")
            QMessageBox.critical(self._dialog_parent, self.tr("Export failed"), f"{message}\n\n{advice}")
