"""The main window: layout, menus, tool bar and status bar, and the questions asked before closing.

It owns the session (the open model) and the task runner (background work), builds each feature's
controller from them, and places what the controllers return: docks, menus, actions and canvas extras.
Layout: the training panel in the left dock (tabbed with My handwriting); the canvas and the prediction
panel in the centre; the curves and log at the bottom (tabbed with History and Model summary); Inside the
network and Evaluation on the right. TensorFlow loads on a task after the window is built.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QToolBar

from desktop_app import APP_NAME, __version__
from desktop_app.core.models import PRESETS
from desktop_app.gui.drawing.controller import DrawingController
from desktop_app.gui.feature import Contributions, make_action
from desktop_app.gui.files.controller import FilesController
from desktop_app.gui.handwriting.controller import HandwritingController
from desktop_app.gui.i18n import (LANGUAGES, bind_text, current_language, initial_language, install_language,
                                  localized)
from desktop_app.gui.inspection.controller import InspectionController
from desktop_app.gui.resources import app_icon
from desktop_app.gui.runtime import freeze_long_lived_objects
from desktop_app.gui.session import ModelSession
from desktop_app.gui.settings import AppSettings
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.text_format import number, short_version
from desktop_app.gui.training.controller import TrainingController
from desktop_app.gui.workers import TensorFlowInfo, TensorFlowLoader

log = logging.getLogger(__name__)

TENSORFLOW = "tensorflow"  # the task kind of TensorFlow's start-up


class _LogRelay(QObject):
    """Carries warnings logged anywhere (any thread) into the window's log, via a queued signal. The
    message is a library's own words (English); the window says only its level in its language."""

    line = Signal(str)


class _RelayHandler(logging.Handler):
    def __init__(self, relay: _LogRelay) -> None:
        super().__init__(logging.WARNING)
        self._relay = relay

    def emit(self, record: logging.LogRecord) -> None:
        # The GUI reports its own failures in dialogs, and training's failures arrive as results.
        if record.exc_info or record.name.startswith(("desktop_app.gui", "desktop_app.core.training")):
            return
        message = record.getMessage()
        if record.levelno >= logging.CRITICAL:
            line = QCoreApplication.translate("MainWindow", "Critical: {message}").format(message=message)
        elif record.levelno >= logging.ERROR:
            line = QCoreApplication.translate("MainWindow", "Error: {message}").format(message=message)
        else:
            line = QCoreApplication.translate("MainWindow", "Warning: {message}").format(message=message)
        try:
            self._relay.line.emit(line)
        except RuntimeError:  # the window is gone
            pass


class MainWindow(QMainWindow):
    """Digit Lab's window. `settings` defaults to the application's QSettings."""

    def __init__(self, settings: AppSettings | None = None, *, load_tensorflow: bool = True,
                 handwriting_root: str | Path | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        install_language(initial_language(self.settings.language()))  # before any text is set
        self.session = ModelSession(self)
        self.tasks = TaskRunner(self)
        self._tf_info: TensorFlowInfo | None = None
        self._tf_failure = ""
        self._tf_failed = False
        self._closed = False

        self.setWindowIcon(app_icon())
        self.setObjectName("MainWindow")
        # no explicit minimum size: the layouts' minimum keeps every panel readable, never overlapping
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.drawing = DrawingController(self.session, self.settings, self)
        self.files = FilesController(self.session, self.tasks, self.settings, self, self)
        self.training = TrainingController(self.session, self.tasks, self.settings, self)
        self.inspection = InspectionController(self.session, self.tasks, self.drawing, self.settings, self)
        self.handwriting = HandwritingController(self.session, self.tasks, self.drawing, self.settings,
                                                 self.training, handwriting_root, self)
        self.inspection.follow_handwriting(self.handwriting)  # the digit map shows the stored drawings
        # The widgets tests, the driver and screenshots look at, named once here.
        self.canvas = self.drawing.canvas
        self.canvas_panel = self.drawing.canvas_panel
        self.prediction = self.drawing.prediction
        self.training_panel = self.training.panel
        self.plots = self.training.plots
        self.log_view = self.training.log_view

        self.setCentralWidget(self.drawing.widget())
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        # The left and right docks run the window's full height; the bottom dock sits between them.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        for contributions in (self.training.contributions(), self.handwriting.contributions(),
                              self.inspection.contributions()):
            self._place(contributions)
        self._arrange_docks()
        self._connect()
        self._restore_layout()
        self._log_relay = _LogRelay(self)
        self._log_relay.line.connect(self.log_view.append_line)
        self._log_handler = _RelayHandler(self._log_relay)
        logging.getLogger("desktop_app").addHandler(self._log_handler)
        self._update_title()
        self._update_actions()
        if load_tensorflow:
            self.start_loading_tensorflow()

    # ==== construction ================================================================================
    def _build_actions(self) -> None:
        canvas = self.canvas
        self.quit_action = make_action(self, lambda: self.tr("&Quit"), lambda: self.tr("Quit Digit Lab (Ctrl+Q)."),
                                       self.close, "Ctrl+Q", "quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = make_action(self, lambda: self.tr("&Undo Stroke"),
                                       lambda: self.tr("Undo the last stroke on the canvas (Ctrl+Z)."),
                                       canvas.undo, QKeySequence.StandardKey.Undo, "undo")
        self.clear_action = make_action(self, lambda: self.tr("&Clear Drawing"),
                                        lambda: self.tr("Clear the canvas (Delete or Backspace)."),
                                        canvas.clear, ["Delete", "Backspace"], "clear")
        self.train_action = make_action(self, lambda: self.tr("&Train"),
                                        lambda: self.tr("Train, or continue training, with the settings on the left."),
                                        self.start_training, "Ctrl+T", "train")
        self.stop_action = make_action(self, lambda: self.tr("S&top"),
                                       lambda: self.tr("Stop training after the current batch."),
                                       self.stop_training, "Ctrl+.", "stop")
        self.about_action = make_action(self, lambda: self.tr("&About Digit Lab"),
                                        lambda: self.tr("Version and licences."), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        # File actions, named here too: the tool bar and the tests use them.
        files = self.files
        self.new_action, self.open_action, self.save_action = files.new_action, files.open_action, files.save_action
        self.save_as_action, self.export_action = files.save_as_action, files.export_action
        self.recent_menu = files.recent_menu

    def _build_menus(self) -> None:
        file_menu = self._menu(lambda: self.tr("&File"))
        for item in (self.new_action, self.open_action, self.recent_menu, None, self.save_action,
                     self.save_as_action, self.export_action, None, self.quit_action):
            if item is None:
                file_menu.addSeparator()
            elif isinstance(item, QMenu):
                file_menu.addMenu(item)
            else:
                file_menu.addAction(item)
        edit_menu = self._menu(lambda: self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.clear_action])
        self.model_menu = self._menu(lambda: self.tr("&Model"))
        self.model_menu.addActions([self.train_action, self.stop_action])
        self.model_menu.addSeparator()
        self.view_menu = self._menu(lambda: self.tr("&View"))
        self.help_menu = self._menu(lambda: self.tr("&Help"))
        self.help_menu.addAction(self.about_action)
        for menu in (file_menu, edit_menu, self.model_menu, self.view_menu, self.help_menu):
            menu.setToolTipsVisible(True)

        toolbar = QToolBar(self)
        bind_text(self, toolbar.setWindowTitle, lambda: self.tr("Main tool bar"))  # its View menu entry too
        toolbar.setObjectName("MainToolBar")
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        toolbar.addActions([self.new_action, self.open_action, self.save_action, self.export_action])
        toolbar.addSeparator()
        toolbar.addActions([self.train_action, self.stop_action])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _menu(self, title) -> QMenu:
        """A menu-bar menu whose title (a function saying it) follows the language."""
        menu = self.menuBar().addMenu("")
        bind_text(self, menu.setTitle, title)
        return menu

    def _place(self, contributions: Contributions) -> None:
        """Put a feature's docks, menus, actions and canvas extras where they belong."""
        for placement in contributions.docks:
            placement.dock.setParent(self)
            self.addDockWidget(placement.area, placement.dock)
            partner = self.findChild(type(placement.dock), placement.tab_with) if placement.tab_with else None
            if partner is not None:
                self.tabifyDockWidget(partner, placement.dock)
            self.view_menu.addAction(placement.dock.toggleViewAction())
        self.model_menu.addActions(contributions.model_actions)
        self.addActions(contributions.model_actions)  # their shortcuts work even with the menu closed
        for menu in contributions.menus:
            menu.setParent(self, menu.windowFlags())
            self.menuBar().insertMenu(self.help_menu.menuAction(), menu)
        self.addActions(contributions.shortcuts)
        for widget in contributions.canvas_extras:
            self.canvas_panel.add_extra(widget)

    def _arrange_docks(self) -> None:
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.toolbar.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addMenu(self._language_menu())
        for dock in (self.training.training_dock, self.training.curves_dock, self.inspection.inside_dock):
            dock.raise_()  # the first tab of each area
        self.resizeDocks([self.training.training_dock, self.inspection.inside_dock], [340, 360],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.training.curves_dock], [290], Qt.Orientation.Vertical)

    def _language_menu(self) -> QMenu:
        """View → Language: each language named in itself, switched at once, kept in the settings."""
        menu = QMenu(self)
        bind_text(self, menu.setTitle, lambda: self.tr("&Language"))
        bind_text(self, menu.setToolTip, lambda: self.tr("The language of the window (the command line stays "
                                                         "in English)."))
        group = QActionGroup(menu)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            group.addAction(action)
            self.language_actions[code] = action
        return menu

    def set_language(self, code: str) -> None:
        """Show the window in `code` from now on ("en", "ko"), and start in it next time."""
        shown = install_language(code)
        self.settings.set_language(shown)
        for each, action in self.language_actions.items():
            action.setChecked(each == shown)

    def _build_status_bar(self) -> None:
        self.tf_status = QLabel()
        bind_text(self, self.tf_status.setText, self._tf_status_text)
        bind_text(self, self.tf_status.setToolTip,
                  lambda: self.tr("Whether TensorFlow has loaded, and the device it will train on."))
        self.tf_status.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addPermanentWidget(self.tf_status)
        bind_text(self, self.statusBar().setToolTip, lambda: self.tr("Messages about what Digit Lab is doing."))

    def _tf_status_text(self) -> str:
        """The status bar's word on TensorFlow: loading, ready (and on which device), or failed."""
        info = self._tf_info
        if info is not None:
            device = info.gpu_names[0] if info.gpu_names else "CPU"
            return self.tr("TensorFlow {version} ready · {device}").format(version=short_version(info.version),
                                                                           device=device)
        if self._tf_failed:
            return self.tr("TensorFlow failed to load")
        return self.tr("Loading TensorFlow…")

    def _connect(self) -> None:
        self.session.set_discard_guard(self._confirm_discard)
        self.session.statusMessage.connect(self.statusBar().showMessage)
        self.session.modelChanged.connect(self._update_title)
        self.session.unsavedChanged.connect(self._update_title)
        self.tasks.tasksChanged.connect(self._update_actions)

    def _restore_layout(self) -> None:
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

    # ==== TensorFlow ==================================================================================
    def start_loading_tensorflow(self) -> None:
        if self.tasks.is_running(TENSORFLOW) or self._tf_info is not None:
            return
        loader = TensorFlowLoader(list(PRESETS))
        loader.loaded.connect(self._tensorflow_loaded)
        loader.failed.connect(self._tensorflow_failed)
        if self.tasks.start(TENSORFLOW, loader):
            self._tf_failed = False
            bind_text(self, self.tf_status.setText, self._tf_status_text)
            self.statusBar().showMessage(self.tr("Loading TensorFlow…"))

    def tensorflow_ready(self) -> bool:
        return self._tf_info is not None

    def tensorflow_status(self) -> str:
        return self.tf_status.text()

    def tensorflow_failure(self) -> str:
        """Why TensorFlow could not load ("" when it loaded or is still loading)."""
        return self._tf_failure

    @Slot(object)
    def _tensorflow_loaded(self, info: TensorFlowInfo) -> None:
        if self._closed:
            return
        self._tf_info = info
        freeze_long_lived_objects()
        bind_text(self, self.tf_status.setText, self._tf_status_text)
        seconds = number(info.seconds, 1)
        self.statusBar().showMessage(self.tr("TensorFlow {version} loaded in {seconds} s.").format(
            version=info.version, seconds=seconds), 5000)
        devices = ", ".join(localized(device.description) for device in info.devices)
        if info.gpu_names:
            line = self.tr("TensorFlow {version} loaded in {seconds} s; devices: {devices}").format(
                version=info.version, seconds=seconds, devices=devices)
        else:
            line = self.tr("TensorFlow {version} loaded in {seconds} s; devices: {devices}. {why_no_gpu}").format(
                version=info.version, seconds=seconds, devices=devices, why_no_gpu=localized(info.why_no_gpu))
        self.log_view.append_line(line)
        self.training.set_tensorflow_info(info)
        self._update_actions()
        self.files.set_tensorflow_ready()

    @Slot(str)
    def _tensorflow_failed(self, message: str) -> None:
        message = localized(message)
        self._tf_failure = message
        self._tf_failed = True
        bind_text(self, self.tf_status.setText, self._tf_status_text)
        self.log_view.append_line(message)
        self.files.set_tensorflow_failed()
        if not self._closed:
            advice = self.tr("What to do: reinstall Digit Lab ({command}). Drawing works, but training and opening "
                             "models need TensorFlow.").format(command="pip install --force-reinstall digit-lab")
            QMessageBox.critical(self, self.tr("TensorFlow failed to load"), f"{message}\n\n{advice}")

    # ==== the model, for callers that hold the window ==================================================
    def model(self):
        return self.session.model()

    def model_path(self) -> Path | None:
        return self.session.path()

    def model_history(self) -> dict[str, list[float]]:
        return self.session.history()

    def is_modified(self) -> bool:
        return self.session.is_unsaved()

    def is_training(self) -> bool:
        return self.training.is_training()

    def is_exporting(self) -> bool:
        return self.files.is_exporting()

    def last_training_result(self):
        return self.training.last_result()

    def open_model(self, path: str | Path, interactive: bool = True) -> bool:
        """Start opening `path` on a worker; True when it started (the model arrives with modelChanged)."""
        return self.files.open_model(path, interactive)

    def is_opening(self) -> bool:
        return self.files.is_opening()

    def save_model_to(self, path: str | Path) -> bool:
        return self.files.save_model_to(path)

    def export_model(self, path: str | Path, kind: str) -> bool:
        return self.files.export_model(path, kind)

    def running_threads(self) -> int:
        return self.tasks.running_threads()

    @Slot()
    def start_training(self) -> bool:
        return self.training.start()

    @Slot()
    def stop_training(self) -> None:
        self.training.stop()

    @Slot()
    def _update_title(self, *_args) -> None:
        # the name of a model without a file ("untitled", "No model") is said in the window's language
        bind_text(self, self.setWindowTitle, lambda: f"{self.session.name()}[*] — {APP_NAME}")
        self.setWindowModified(self.session.is_unsaved())

    @Slot()
    def _update_actions(self) -> None:
        self.train_action.setEnabled(self._tf_info is not None and not self.tasks.uses_model())
        self.stop_action.setEnabled(self.training.is_training())

    # ==== questions ===================================================================================
    def ask_unsaved(self) -> str:
        """Ask what to do with an unsaved trained model: "save", "discard" or "cancel" (the driver and
        tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Unsaved model"),
            self.tr("The model “{model}” has training that is not saved. Save it first?").format(
                model=self.session.name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def ask_stop_work(self) -> bool:
        """Ask whether to stop the running training (or export) and close; True to close."""
        if self.training.is_training():
            question = self.tr("Training is running. Stop it and close Digit Lab? A model being trained keeps the "
                               "epochs it has finished, and you are asked about saving it next.")
        else:
            question = self.tr("An export is running. Stop it and close Digit Lab? A model being trained keeps the "
                               "epochs it has finished, and you are asked about saving it next.")
        answer = QMessageBox.question(
            self, self.tr("Stop and close?"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_discard(self) -> bool:
        answer = self.ask_unsaved()
        if answer == "save":
            return self.files.save_model()
        return answer == "discard"

    def shutdown(self) -> None:
        """Stop every task, wait for its thread, and end a training run it left (idempotent)."""
        self.tasks.shutdown()
        self.training.finish_after_shutdown()

    # ==== window events ===============================================================================
    def closeEvent(self, event: QCloseEvent) -> None:
        # Ask first; stop nothing until the user has said yes to everything.
        # Opening a model cannot be interrupted and ends within seconds: closing just waits for it.
        if (self.training.is_training() or self.files.is_exporting()) and not self.ask_stop_work():
            event.ignore()
            return
        if self.training.is_training():
            self.log_view.append_line(self.tr("Closing: stopping the training first."))
        self.shutdown()
        if not self.session.may_discard():  # the run has ended: its model can be saved now
            event.ignore()
            return
        self._closed = True
        self.settings.set_window_layout(self.saveGeometry(), self.saveState())
        self.training.save_settings()
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

    @Slot()
    def show_about(self) -> None:
        if self._tf_info:
            tf_line = f"TensorFlow {self._tf_info.version}."  # the same in every language
        else:
            tf_line = self.tr("TensorFlow not loaded yet.")
        about = self.tr("Train a convolutional network on handwritten digits, watch it learn, and draw digits it "
                        "reads live.")
        credit = self.tr("The MNIST data set is by Yann LeCun, Corinna Cortes and Christopher J. C. Burges "
                         "(CC BY-SA 3.0).")
        QMessageBox.about(self, self.tr("About {app}").format(app=APP_NAME),
                          f"<h3>{APP_NAME} {__version__}</h3><p>{about}</p><p>{tf_line} {credit}</p>")
