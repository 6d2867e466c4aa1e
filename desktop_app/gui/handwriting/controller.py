"""Teach it your handwriting: the controller of the collect bar, the “My handwriting” dock and menu, the
measurement and fine-tuning.

Collect: a digit button (Ctrl+0 … Ctrl+9) stores the canvas's drawing (dark ink on white, as the canvas holds
it) with that label in a `core.handwriting.HandwritingSet` and clears the canvas. Practice asks for the
digit the set has least of; Enter stores the drawing as that digit.

Fine-tuning runs as the window's training run (`TrainingController.run`), so the curves, progress bar, log,
Stop button and closing the window all behave as they do for training; when it ends, a dialog shows the
figures before and after and asks whether to keep the new weights.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QScrollArea, QWidget

from desktop_app.core.errors import DigitLabError
from desktop_app.core.handwriting import HandwritingSet, practice_digit
from desktop_app.gui.drawing.controller import DrawingController
from desktop_app.gui.feature import Contributions, DockPlacement, make_dock
from desktop_app.gui.handwriting.collect_bar import CollectBar, digit_shortcut
from desktop_app.gui.handwriting.fine_tune_dialog import FineTuneResultDialog
from desktop_app.gui.handwriting.set_view import HandwritingSetView
from desktop_app.gui.handwriting.stroke_recorder import StrokeRecorder
from desktop_app.gui.session import ModelSession
from desktop_app.gui.settings import AppSettings
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.text_format import DIGIT_NAMES, digit_article, digit_plural, percent
from desktop_app.gui.training.controller import TrainingController
from desktop_app.gui.workers import FineTuneWorker, MeasureWorker

PRACTICE_GOAL = 10  # practice aims for this many of each digit, then the next ten
ZIP_FILTER = "Zip archive (*.zip)"
MEASURE = "measure"  # the task kind
SKIPPED_SHOWN = 12  # an import's message lists this many skipped files; the log lists them all


class HandwritingController(QObject):
    """Owns the handwriting set and its widgets; measures and fine-tunes the session's model."""

    def __init__(self, session: ModelSession, tasks: TaskRunner, drawing: DrawingController,
                 settings: AppSettings, training: TrainingController, root: str | Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.drawing = drawing
        self.training = training
        self.dataset = HandwritingSet(root if root is not None else settings.handwriting_root())
        self.fine_tune_epochs: int | None = None  # None: the dock's spin box decides
        self.mnist_test_images: int | None = None  # None: the whole MNIST test set
        self.result_dialog: FineTuneResultDialog | None = None
        self.last_report = None
        self._asked: int | None = None
        self._fine_tune_worker: FineTuneWorker | None = None

        self.recorder = StrokeRecorder(drawing.canvas)
        self.collect_bar = CollectBar()
        self.view = HandwritingSetView()
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.dock = make_dock("My handwriting", "HandwritingDock", scroll, "Your own drawings: collect them, "
                              "see how well the model reads them, and fine-tune the model on them.")

        self._build_actions()
        self._connect()
        self.refresh()
        self._update_enabled()

    def contributions(self) -> Contributions:
        return Contributions(docks=[DockPlacement(self.dock, Qt.DockWidgetArea.LeftDockWidgetArea, "TrainingDock")],
                             menus=[self.menu], shortcuts=self.store_actions, canvas_extras=[self.collect_bar])

    # ==== construction ================================================================================
    def _action(self, text: str, slot, tip: str = "") -> QAction:
        action = QAction(text, self)
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.store_actions: list[QAction] = []
        for digit in range(10):
            action = self._action(f"Store as {digit}", self._store_action_triggered,
                                  f"Store the drawing as a {digit} ({digit_shortcut(digit)}).")
            action.setShortcut(QKeySequence(digit_shortcut(digit)))
            action.setData(digit)
            self.store_actions.append(action)  # window-wide shortcuts: the window adds them
        self.practice_action = QAction("&Practice", self)
        self.practice_action.setCheckable(True)
        self.practice_action.setToolTip("Digit Lab asks for digits in turn; draw each and press Enter.")
        self.practice_action.toggled.connect(self.collect_bar.practice_button.setChecked)
        self.measure_action = self._action("How well does this model read my writing?", self.measure,
                                           self.view.measure_button.toolTip())
        self.fine_tune_action = self._action("&Fine-tune on My Handwriting", self.start_fine_tuning,
                                             self.view.fine_tune_button.toolTip())
        self.import_zip_action = self._action("Import Drawings from Zip…", self.import_zip_dialog)
        self.import_folder_action = self._action("Import Drawings from Folder…", self.import_folder_dialog)
        self.export_zip_action = self._action("Export Drawings as Zip…", self.export_zip_dialog)

        menu = QMenu("&Handwriting")
        menu.setToolTipsVisible(True)
        menu.addAction(self.practice_action)
        menu.addSeparator()
        menu.addAction(self.measure_action)
        menu.addAction(self.fine_tune_action)
        menu.addSeparator()
        menu.addAction(self.import_zip_action)
        menu.addAction(self.import_folder_action)
        menu.addAction(self.export_zip_action)
        menu.addSeparator()
        menu.addAction(self.dock.toggleViewAction())
        self.menu = menu

        # Enter stores in Practice while the canvas or the collect bar has the focus (not in a spin box)
        panel = self.drawing.canvas_panel
        self.enter_shortcuts = [QShortcut(QKeySequence(key), panel) for key in ("Return", "Enter")]
        for shortcut in self.enter_shortcuts:
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.store_practice)
            shortcut.setEnabled(False)

    def _connect(self) -> None:
        bar, view = self.collect_bar, self.view
        bar.labelChosen.connect(self.store_drawing)
        bar.practiceToggled.connect(self.set_practice)
        bar.storeRequested.connect(self.store_practice)
        bar.skipRequested.connect(self.skip_practice)
        view.deleteRequested.connect(self.delete_files)
        view.importZipRequested.connect(self.import_zip_dialog)
        view.exportZipRequested.connect(self.export_zip_dialog)
        view.importFolderRequested.connect(self.import_folder_dialog)
        view.measureRequested.connect(self.measure)
        view.fineTuneRequested.connect(self.start_fine_tuning)
        self.session.modelChanged.connect(self._update_enabled)
        self.tasks.tasksChanged.connect(self._update_enabled)

    # ==== collecting ==================================================================================
    def status(self, text: str, timeout: int = 6000) -> None:
        self.session.status(text, timeout)

    def _parent(self) -> QWidget:
        """The window the dialogs belong to (the dock's, wherever the window placed it)."""
        return self.dock.window()

    def refresh(self) -> None:
        samples = self.dataset.samples()
        self._counts = self.dataset.counts(samples)
        self.view.show_samples(self.dataset.root, samples, self._counts)
        if self.collect_bar.in_practice():
            self._show_prompt()

    def counts(self) -> list[int]:
        return list(self._counts)

    @Slot()
    def _store_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.store_drawing(int(action.data()))

    @Slot(int)
    def store_drawing(self, label: int) -> bool:
        """Store the canvas's drawing as `label`, clear the canvas and say so; refuse an empty canvas."""
        canvas = self.drawing.canvas
        if canvas.is_empty():
            self.status(f"Nothing to store: draw {digit_article(label)} on the canvas first.")
            return False
        drawing = canvas.drawing()
        try:
            self.dataset.add(drawing, label, self.recorder.strokes())
        except (OSError, DigitLabError) as error:
            message = f"Could not store the drawing in {self.dataset.root}: {error}"
            self.status("Could not store the drawing.")
            QMessageBox.critical(self._parent(), "Could not store the drawing",
                                 f"{message}\n\nWhat to do: check that the folder is writable.")
            return False
        canvas.clear()
        self.recorder.reset()
        self.refresh()
        count = self._counts[label]
        self.status(f"Stored as {label} · you have {digit_plural(label, count)}")
        if self.collect_bar.in_practice():
            self._ask_next(previous=label)
        canvas.setFocus()
        return True

    # -- practice -----------------------------------------------------------------------------------
    @Slot(bool)
    def set_practice(self, on: bool) -> None:
        self.practice_action.setChecked(on)
        for shortcut in self.enter_shortcuts:
            shortcut.setEnabled(on)
        if on:
            self._ask_next()
            self.drawing.canvas.setFocus()
        else:
            self._asked = None
            self.status("Practice ended.", 3000)

    def asked_digit(self) -> int | None:
        return self._asked

    def _ask_next(self, previous: int | None = None) -> None:
        self._asked = practice_digit(self._counts, previous)
        self._show_prompt()

    def _show_prompt(self) -> None:
        if self._asked is None:
            return
        digit, count = self._asked, self._counts[self._asked]
        goal = max(PRACTICE_GOAL, (min(self._counts) // PRACTICE_GOAL + 1) * PRACTICE_GOAL)
        self.collect_bar.set_prompt(f"Draw {digit_article(digit)}  ({count} of {goal} {DIGIT_NAMES[digit]})")

    @Slot()
    def store_practice(self) -> None:
        if self._asked is not None:
            self.store_drawing(self._asked)

    @Slot()
    def skip_practice(self) -> None:
        if self._asked is not None:
            self._ask_next(previous=self._asked)

    # -- the set's files --------------------------------------------------------------------------------
    @Slot(list)
    def delete_files(self, files: list[str]) -> None:
        removed = self.dataset.remove(*files)
        self.refresh()
        self.status("Deleted." if removed == 1 else f"Deleted {removed} drawings.")

    def ask_open_zip(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self._parent(), "Import drawings", str(Path.home()),
                                              f"{ZIP_FILTER};;All files (*)")
        return path

    def ask_save_zip(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self._parent(), "Export your drawings",
                                              str(Path.home() / "my-handwriting.zip"), ZIP_FILTER)
        return path

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self._parent(), "Import a folder with sub-folders 0 to 9",
                                                str(Path.home()))

    @Slot()
    def import_zip_dialog(self) -> None:
        path = self.ask_open_zip()
        if path:
            self.import_zip(path)

    @Slot()
    def export_zip_dialog(self) -> None:
        if not self.dataset.samples():
            self.status("Nothing to export yet: store some drawings first.")
            return
        path = self.ask_save_zip()
        if path:
            self.export_zip(path if path.lower().endswith(".zip") else f"{path}.zip")

    @Slot()
    def import_folder_dialog(self) -> None:
        path = self.ask_folder()
        if path:
            self.import_folder(path)

    def import_zip(self, path: str | Path) -> int:
        return self._import(lambda: self.dataset.import_zip(path), Path(path))

    def import_folder(self, path: str | Path) -> int:
        return self._import(lambda: self.dataset.import_folder(path), Path(path))

    def _import(self, run, source: Path) -> int:
        """Run an import; say how many drawings it added, and name every file it skipped (in the log and
        in a message: a skipped drawing is one the user expected to see in the set)."""
        self._parent().setCursor(Qt.CursorShape.WaitCursor)
        try:
            report = run()
        except (OSError, DigitLabError) as error:
            self.refresh()  # an import that failed part-way keeps what it stored
            self.status(f"Could not import {source.name}.")
            self.session.log(f"Could not import {source}: {error}")
            QMessageBox.warning(self._parent(), "Could not import", f"{error}\n\nWhat to do: choose a zip exported "
                                "by Digit Lab, or a folder with sub-folders 0 to 9 of images.")
            return 0
        finally:
            self._parent().unsetCursor()
        self.refresh()
        added, skipped = report.added, report.skipped
        for line in skipped:
            self.session.log(f"Not imported from {source.name}: {line}")
        if not added:
            self.status(f"No drawings found in {source.name} (it needs sub-folders 0 to 9 of images).")
            return 0
        drawings = f"{added} drawing{'s' if added != 1 else ''}"
        if not skipped:
            self.status(f"Imported {drawings} from {source.name}.")
            return added
        self.status(f"Imported {drawings} from {source.name}; skipped {len(skipped)} (see the log).", 10000)
        shown = "\n".join(f"• {line}" for line in skipped[:SKIPPED_SHOWN])
        more = f"\n… and {len(skipped) - SKIPPED_SHOWN} more (all are listed in the log)." \
            if len(skipped) > SKIPPED_SHOWN else ""
        QMessageBox.warning(self._parent(), "Some images were not imported",
                            f"Imported {drawings} from {source.name}. These images were skipped:\n\n{shown}{more}"
                            "\n\nBlank images (no ink, for example white ink on white) and files that are not "
                            "readable images are left out; the others were imported.")
        return added

    def export_zip(self, path: str | Path) -> Path | None:
        try:
            written = self.dataset.export_zip(path)
        except (OSError, DigitLabError) as error:
            QMessageBox.critical(self._parent(), "Could not export", f"Could not write {path}: {error}\n\n"
                                 "What to do: choose another folder or file name.")
            return None
        self.status(f"Exported {len(self.dataset.samples())} drawings to {written.name}.")
        return written

    # ==== measuring ===================================================================================
    def is_busy(self) -> bool:
        return self.is_measuring() or self.is_fine_tuning()

    @Slot()
    def _update_enabled(self) -> None:
        busy = self.is_busy() or self.tasks.uses_model()
        has_model = self.session.has_model()
        self.view.set_busy(busy, has_model)
        self.measure_action.setEnabled(has_model and not busy)
        self.fine_tune_action.setEnabled(has_model and not busy)

    @Slot()
    def measure(self) -> bool:
        """Read every drawing with (a copy of) the open model, on the task runner."""
        if not self.session.has_model():
            self.status("Open or train a model first.")
            return False
        if self.is_busy() or self.tasks.uses_model():
            return False
        if not self.dataset.samples():
            self.view.measure_result.setText("Your set is empty: store some drawings first.")
            return False
        from desktop_app.core.inference import copy_model

        copy = copy_model(self.session.model())  # training may start meanwhile: measure a twin
        worker = MeasureWorker(copy, self.dataset, self.mnist_test_images)
        worker.succeeded.connect(self._on_measured)
        worker.failed.connect(self._on_measure_failed)
        if not self.tasks.start(MEASURE, worker):
            return False
        self.view.show_measuring()
        self.dock.raise_()
        self.status("Reading your drawings…")
        return True

    def is_measuring(self) -> bool:
        return self.tasks.is_running(MEASURE)

    @Slot(object)
    def _on_measured(self, measured) -> None:
        self.view.show_measurement(measured)
        for line in measured.skipped:
            self.session.log(f"Measuring left out {line}")
        self.status(f"Your handwriting: {percent(measured.personal.accuracy)} · "
                    f"MNIST test: {percent(measured.mnist.accuracy)}", 10000)

    @Slot(str)
    def _on_measure_failed(self, message: str) -> None:
        self.view.measure_result.setText(message)

    # ==== fine-tuning =================================================================================
    def _fine_tune_refusal(self) -> str:
        from desktop_app.core.fine_tuning import MIN_SAMPLES_PER_DIGIT, missing_samples

        if not self.session.has_model():
            return "Open or train a model first: fine-tuning teaches an existing model your handwriting."
        missing = missing_samples(self._counts)
        if missing:
            needs = ", ".join(f"{need} more {digit_plural(digit, need).split(' ', 1)[1]}"
                              for digit, need in missing.items())
            return (f"Collect at least {MIN_SAMPLES_PER_DIGIT} drawings of every digit first (one to learn "
                    f"from, one to check on). Still needed: {needs}. Practice asks for exactly these.")
        return ""

    @Slot()
    def start_fine_tuning(self) -> bool:
        if self.is_busy() or self.tasks.uses_model() or not self.training.is_ready():
            return False
        refusal = self._fine_tune_refusal()
        if refusal:
            self.view.fine_tune_result.setText(refusal)
            self.scroll.ensureWidgetVisible(self.view.tune_box)
            has_model = self.session.has_model()
            self.status("Fine-tuning needs more drawings." if has_model else refusal, 8000)
            if has_model:
                QMessageBox.information(self._parent(), "Collect more drawings first", refusal)
            return False
        from desktop_app.core.fine_tuning import fine_tune_config

        epochs = self.fine_tune_epochs or self.view.epochs_spin.value()
        config = fine_tune_config(epochs=epochs, device=self.training.device())
        worker = FineTuneWorker(config, self.session.model(), self.session.history(), self.dataset,
                                self.mnist_test_images)
        self._fine_tune_worker = worker
        self.last_report = None
        # Shown as the window's training run: curves, progress, live predictions, Stop, closing.
        if not self.training.run(worker, config, self._on_fine_tune_finished):
            self._fine_tune_worker = None
            return False
        self.view.fine_tune_result.setText("Fine-tuning… (Stop ends it after the current batch.)")
        self.session.log(f"Fine-tuning {epochs} epoch(s) on your handwriting ({sum(self._counts)} "
                         f"drawings) mixed with MNIST, learning rate {config.learning_rate:g}.")
        self.status("Fine-tuning on your handwriting…", 0)
        return True

    def is_fine_tuning(self) -> bool:
        return self._fine_tune_worker is not None

    def _undo(self, report) -> None:
        """Put back the weights the model had before fine-tuning (they changed in place)."""
        if report is not None:
            self.session.restore_weights(report.weights_before, self.session.history(), self.session.is_unsaved())
        else:
            self.session.update_after_training(self.session.metadata(), self.session.is_unsaved())

    @Slot(object)
    def _on_fine_tune_finished(self, result) -> None:
        worker, self._fine_tune_worker = self._fine_tune_worker, None
        if worker is None or not self.training.end_run(worker, result):
            self._update_enabled()  # ended already (the window closed mid-run)
            return
        self._update_enabled()
        report = self.last_report = worker.report
        closing = self.tasks.is_shut_down()
        left_out = (f" Left out {len(worker.skipped)} drawing(s) that cannot be read: "
                    + "; ".join(worker.skipped[:SKIPPED_SHOWN])
                    + (" …" if len(worker.skipped) > SKIPPED_SHOWN else "") + ".") if worker.skipped else ""
        if report is None or result.status == "failed" or result.epochs_completed == 0 or closing:
            # failed, stopped before one epoch, or the window is closing (nobody to ask): undo
            self._undo(report)
            message = result.reason or "Fine-tuning ended before it learned anything."
            self.view.fine_tune_result.setText(message + left_out)
            self.session.log(f"Fine-tuning: {message}")
            failed = result.status == "failed"
            self.status(f"Fine-tuning {'failed' if failed else 'stopped'}: the model is unchanged.", 10000)
            if failed and not closing:
                QMessageBox.critical(self._parent(), "Fine-tuning failed", f"{message}\n\nThe model is unchanged.")
            return
        line = (f"your handwriting {percent(report.personal_before)} → {percent(report.personal_after)} · "
                f"MNIST test {percent(report.mnist_before)} → {percent(report.mnist_after)}")
        stopped = result.status == "stopped"  # by the user, after some learning: still theirs to keep
        lead = f"{result.reason} " if stopped else ""
        self.view.fine_tune_result.setText(f"{lead}{line[0].upper()}{line[1:]}.{left_out} Keep or discard?")
        self.scroll.ensureWidgetVisible(self.view.tune_box)
        self.session.update_after_training(self.session.metadata(), self.session.is_unsaved())
        self.session.set_weights_note("Fine-tuned weights · keep or discard them")
        self.session.log(f"{'Fine-tuning stopped' if stopped else 'Fine-tuned'}: {line}.")
        self.status(f"{'Fine-tuning stopped' if stopped else 'Fine-tuned'}: {line}", 10000)
        dialog = FineTuneResultDialog(report, self._parent())
        dialog.decided.connect(self._on_decided)
        self.result_dialog = dialog
        dialog.open()

    @Slot(bool)
    def _on_decided(self, keep: bool) -> None:
        report = self.last_report
        if report is None or not self.session.has_model():
            return
        figures = (f"your handwriting {percent(report.personal_after)}, MNIST test "
                   f"{percent(report.mnist_after)}")
        if keep:
            metadata = self.session.metadata()
            metadata.history = {key: list(values) for key, values in report.result.history.items()}
            self.session.update_after_training(metadata, unsaved=True)
            self.view.fine_tune_result.setText(f"Kept the fine-tuned weights ({figures}). Save the model to keep "
                                               "them for good.")
            self.session.log("Kept the fine-tuned weights (not saved yet).")
            self.status("Kept the fine-tuned weights · the model is unsaved.")
        else:
            self._undo(report)
            self.view.fine_tune_result.setText(
                f"Discarded: the model is back as it was (your handwriting {percent(report.personal_before)}, "
                f"MNIST test {percent(report.mnist_before)}).")
            self.session.log("Discarded the fine-tuned weights: the model is back as it was.")
            self.status("Discarded the fine-tuned weights.")
