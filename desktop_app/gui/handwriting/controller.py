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

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QScrollArea, QWidget

from desktop_app.core.errors import DigitLabError, message_of
from desktop_app.core.handwriting import HandwritingSet, practice_digit
from desktop_app.core.texts import QT_TRANSLATE_NOOP
from desktop_app.gui.drawing.controller import DrawingController
from desktop_app.gui.feature import Contributions, DockPlacement, LiveText, make_dock, set_live_text
from desktop_app.gui.handwriting.collect_bar import CollectBar, digit_shortcut, digit_word
from desktop_app.gui.handwriting.fine_tune_dialog import FineTuneResultDialog
from desktop_app.gui.handwriting.set_view import HandwritingSetView
from desktop_app.gui.handwriting.stroke_recorder import StrokeRecorder
from desktop_app.gui.i18n import bind_text, localized
from desktop_app.gui.session import ModelSession
from desktop_app.gui.settings import AppSettings
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.text_format import percent
from desktop_app.gui.training.controller import TrainingController
from desktop_app.gui.workers import FineTuneWorker, MeasureWorker

PRACTICE_GOAL = 10  # practice aims for this many of each digit, then the next ten
MEASURE = "measure"  # the task kind
SKIPPED_SHOWN = 12  # an import's message lists this many skipped files; the log lists them all
# The note under the prediction while the canvas reads with fine-tuned weights not yet kept or discarded
FINE_TUNED_NOTE = QT_TRANSLATE_NOOP("HandwritingController", "Fine-tuned weights · keep or discard them")


class HandwritingController(QObject):
    """Owns the handwriting set and its widgets; measures and fine-tunes the session's model."""

    samplesChanged = Signal()  # drawings were stored, deleted or imported (`dataset` has the new set)

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
        self.dock = make_dock(lambda: self.tr("My handwriting"), "HandwritingDock", scroll, lambda: self.tr(
            "Your own drawings: collect them, see how well the model reads them, and fine-tune the model on "
            "them."))

        self._build_actions()
        self._connect()
        self.refresh()
        self._update_enabled()

    def contributions(self) -> Contributions:
        return Contributions(docks=[DockPlacement(self.dock, Qt.DockWidgetArea.LeftDockWidgetArea, "TrainingDock")],
                             menus=[self.menu], shortcuts=self.store_actions, canvas_extras=[self.collect_bar])

    # ==== construction ================================================================================
    def _action(self, text: LiveText, slot, tip: LiveText = "") -> QAction:
        """An action whose texts, given as functions, follow the language."""
        action = QAction(self)
        set_live_text(self, action.setText, text)
        if tip:
            set_live_text(self, action.setToolTip, tip)
        action.triggered.connect(slot)
        return action

    def _store_tip(self, digit: int) -> str:
        if digit == 8:  # “an eight”
            return self.tr("Store the drawing as an {digit} ({shortcut}).").format(
                digit=digit, shortcut=digit_shortcut(digit))
        return self.tr("Store the drawing as a {digit} ({shortcut}).").format(
            digit=digit, shortcut=digit_shortcut(digit))

    def _build_actions(self) -> None:
        self.store_actions: list[QAction] = []
        for digit in range(10):
            action = self._action(lambda digit=digit: self.tr("Store as {digit}").format(digit=digit),
                                  self._store_action_triggered, lambda digit=digit: self._store_tip(digit))
            action.setShortcut(QKeySequence(digit_shortcut(digit)))
            action.setData(digit)
            self.store_actions.append(action)  # window-wide shortcuts: the window adds them
        self.practice_action = QAction(self)
        bind_text(self, self.practice_action.setText, lambda: self.tr("&Practice"))
        bind_text(self, self.practice_action.setToolTip, lambda: self.tr(
            "Digit Lab asks for digits in turn; draw each and press Enter."))
        self.practice_action.setCheckable(True)
        self.practice_action.toggled.connect(self.collect_bar.practice_button.setChecked)
        self.measure_action = self._action(self.view.measure_text, self.measure, self.view.measure_tip)
        self.fine_tune_action = self._action(lambda: self.tr("&Fine-tune on My Handwriting"),
                                             self.start_fine_tuning, self.view.fine_tune_tip)
        self.import_zip_action = self._action(lambda: self.tr("Import Drawings from Zip…"), self.import_zip_dialog)
        self.import_folder_action = self._action(lambda: self.tr("Import Drawings from Folder…"),
                                                 self.import_folder_dialog)
        self.export_zip_action = self._action(lambda: self.tr("Export Drawings as Zip…"), self.export_zip_dialog)

        menu = QMenu()
        bind_text(menu, menu.setTitle, lambda: self.tr("&Handwriting"))
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
        self.samplesChanged.emit()

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
            if label == 8:  # “an eight”
                self.status(self.tr("Nothing to store: draw an {digit} on the canvas first.").format(digit=label))
            else:
                self.status(self.tr("Nothing to store: draw a {digit} on the canvas first.").format(digit=label))
            return False
        drawing = canvas.drawing()
        try:
            self.dataset.add(drawing, label, self.recorder.strokes())
        except (OSError, DigitLabError) as error:
            self.status(self.tr("Could not store the drawing."))
            QMessageBox.critical(self._parent(), self.tr("Could not store the drawing"), self.tr(
                "Could not store the drawing in {folder}: {error}\n\nWhat to do: check that the folder is "
                "writable.").format(folder=self.dataset.root, error=localized(message_of(error))))
            return False
        canvas.clear()
        self.recorder.reset()
        self.refresh()
        count = self._counts[label]
        self.status(self.tr("Stored as {digit} · you have %n {digits}", "", count).format(
            digit=label, digits=localized(digit_word(label, count))))
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
            self.status(self.tr("Practice ended."), 3000)

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
        self.collect_bar.set_prompt(lambda: self._prompt(digit, count, goal))

    def _prompt(self, digit: int, count: int, goal: int) -> str:
        """“Draw a 7  (3 of 10 sevens)”, in the language of the moment."""
        digits = localized(digit_word(digit, goal))
        if digit == 8:  # “an eight”
            return self.tr("Draw an {digit}  ({count} of {goal} {digits})").format(
                digit=digit, count=count, goal=goal, digits=digits)
        return self.tr("Draw a {digit}  ({count} of {goal} {digits})").format(
            digit=digit, count=count, goal=goal, digits=digits)

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
        self.status(self.tr("Deleted.") if removed == 1 else self.tr("Deleted %n drawings.", "", removed))

    def _zip_filter(self) -> str:
        return self.tr("Zip archive (*.zip)")

    def ask_open_zip(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self._parent(), self.tr("Import drawings"), str(Path.home()),
                                              self._zip_filter() + ";;" + self.tr("All files (*)"))
        return path

    def ask_save_zip(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self._parent(), self.tr("Export your drawings"),
                                              str(Path.home() / "my-handwriting.zip"), self._zip_filter())
        return path

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self._parent(), self.tr("Import a folder with sub-folders 0 to 9"),
                                                str(Path.home()))

    @Slot()
    def import_zip_dialog(self) -> None:
        path = self.ask_open_zip()
        if path:
            self.import_zip(path)

    @Slot()
    def export_zip_dialog(self) -> None:
        if not self.dataset.samples():
            self.status(self.tr("Nothing to export yet: store some drawings first."))
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
            message = localized(message_of(error))
            self.status(self.tr("Could not import {file}.").format(file=source.name))
            self.session.log(self.tr("Could not import {path}: {error}").format(path=source, error=message))
            QMessageBox.warning(self._parent(), self.tr("Could not import"), self.tr(
                "{error}\n\nWhat to do: choose a zip exported by Digit Lab, or a folder with sub-folders 0 to 9 "
                "of images.").format(error=message))
            return 0
        finally:
            self._parent().unsetCursor()
        self.refresh()
        added, skipped = report.added, [localized(line) for line in report.skipped]
        for line in skipped:
            self.session.log(self.tr("Not imported from {file}: {reason}").format(file=source.name, reason=line))
        if not added:
            self.status(self.tr("No drawings found in {file} (it needs sub-folders 0 to 9 of images).").format(
                file=source.name))
            return 0
        if not skipped:
            if added == 1:
                self.status(self.tr("Imported %n drawing from {file}.", "", added).format(file=source.name))
            else:
                self.status(self.tr("Imported %n drawings from {file}.", "", added).format(file=source.name))
            return added
        if added == 1:
            self.status(self.tr("Imported %n drawing from {file}; skipped {skipped} (see the log).", "", added)
                        .format(file=source.name, skipped=len(skipped)), 10000)
        else:
            self.status(self.tr("Imported %n drawings from {file}; skipped {skipped} (see the log).", "", added)
                        .format(file=source.name, skipped=len(skipped)), 10000)
        shown = "\n".join(f"• {line}" for line in skipped[:SKIPPED_SHOWN])
        if len(skipped) > SKIPPED_SHOWN:
            shown += "\n" + self.tr("… and {count} more (all are listed in the log).").format(
                count=len(skipped) - SKIPPED_SHOWN)
        if added == 1:
            text = self.tr("Imported %n drawing from {file}. These images were skipped:\n\n{files}\n\nBlank images "
                           "(no ink, for example white ink on white) and files that are not readable images are "
                           "left out; the others were imported.", "", added)
        else:
            text = self.tr("Imported %n drawings from {file}. These images were skipped:\n\n{files}\n\nBlank "
                           "images (no ink, for example white ink on white) and files that are not readable images "
                           "are left out; the others were imported.", "", added)
        QMessageBox.warning(self._parent(), self.tr("Some images were not imported"),
                            text.format(file=source.name, files=shown))
        return added

    def export_zip(self, path: str | Path) -> Path | None:
        try:
            written = self.dataset.export_zip(path)
        except (OSError, DigitLabError) as error:
            QMessageBox.critical(self._parent(), self.tr("Could not export"), self.tr(
                "Could not write {path}: {error}\n\nWhat to do: choose another folder or file name.").format(
                    path=path, error=localized(message_of(error))))
            return None
        count = len(self.dataset.samples())
        if count == 1:
            self.status(self.tr("Exported %n drawing to {file}.", "", count).format(file=written.name))
        else:
            self.status(self.tr("Exported %n drawings to {file}.", "", count).format(file=written.name))
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
            self.status(self.tr("Open or train a model first."))
            return False
        if self.is_busy() or self.tasks.uses_model():
            return False
        if not self.dataset.samples():
            self._say_measurement(lambda: self.tr("Your set is empty: store some drawings first."))
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
        self.status(self.tr("Reading your drawings…"))
        return True

    def is_measuring(self) -> bool:
        return self.tasks.is_running(MEASURE)

    def _say_measurement(self, make_text) -> None:
        """Show a sentence where the measurement goes; it follows the language."""
        bind_text(self.view, self.view.measure_result.setText, make_text)

    def _say_fine_tuning(self, make_text) -> None:
        """Show a sentence where fine-tuning's result goes; it follows the language."""
        bind_text(self.view, self.view.fine_tune_result.setText, make_text)

    @Slot(object)
    def _on_measured(self, measured) -> None:
        self.view.show_measurement(measured)
        for line in measured.skipped:
            self.session.log(self.tr("Measuring left out {reason}").format(reason=localized(line)))
        self.status(self.tr("Your handwriting: {personal} · MNIST test: {mnist}").format(
            personal=percent(measured.personal.accuracy), mnist=percent(measured.mnist.accuracy)), 10000)

    @Slot(str)
    def _on_measure_failed(self, message: str) -> None:
        self._say_measurement(lambda: localized(message))

    # ==== fine-tuning =================================================================================
    def _fine_tune_refusal(self, has_model: bool, counts: list[int]) -> str:
        """Why fine-tuning cannot start with this model and these counts ("" when it can), in the language of
        the moment."""
        from desktop_app.core.fine_tuning import MIN_SAMPLES_PER_DIGIT, missing_samples

        if not has_model:
            return self.tr("Open or train a model first: fine-tuning teaches an existing model your handwriting.")
        missing = missing_samples(counts)
        if missing:
            needs = ", ".join(self.tr("%n more {digits}", "", need).format(digits=localized(digit_word(digit, need)))
                              for digit, need in missing.items())
            return self.tr("Collect at least {minimum} drawings of every digit first (one to learn from, one to "
                           "check on). Still needed: {needs}. Practice asks for exactly these.").format(
                               minimum=MIN_SAMPLES_PER_DIGIT, needs=needs)
        return ""

    @Slot()
    def start_fine_tuning(self) -> bool:
        if self.is_busy() or self.tasks.uses_model() or not self.training.is_ready():
            return False
        has_model, counts = self.session.has_model(), list(self._counts)
        refusal = self._fine_tune_refusal(has_model, counts)
        if refusal:
            self._say_fine_tuning(lambda: self._fine_tune_refusal(has_model, counts))
            self.scroll.ensureWidgetVisible(self.view.tune_box)
            self.status(self.tr("Fine-tuning needs more drawings.") if has_model else refusal, 8000)
            if has_model:
                QMessageBox.information(self._parent(), self.tr("Collect more drawings first"), refusal)
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
        self._say_fine_tuning(lambda: self.tr("Fine-tuning… (Stop ends it after the current batch.)"))
        self.session.log(self.tr("Fine-tuning %n epoch(s) on your handwriting ({drawings} drawings) mixed with "
                                 "MNIST, learning rate {rate}.", "", epochs).format(
                                     drawings=sum(self._counts), rate=f"{config.learning_rate:g}"))
        self.status(self.tr("Fine-tuning on your handwriting…"), 0)
        return True

    def is_fine_tuning(self) -> bool:
        return self._fine_tune_worker is not None

    def _undo(self, report) -> None:
        """Put back the weights the model had before fine-tuning (they changed in place)."""
        if report is not None:
            self.session.restore_weights(report.weights_before, self.session.history(), self.session.is_unsaved())
        else:
            self.session.update_after_training(self.session.metadata(), self.session.is_unsaved())

    def _left_out(self, skipped: list) -> str:
        """“Left out 2 drawing(s) that cannot be read: …”, or "" when none was."""
        if not skipped:
            return ""
        files = "; ".join(localized(line) for line in skipped[:SKIPPED_SHOWN]) \
            + (" …" if len(skipped) > SKIPPED_SHOWN else "")
        return self.tr("Left out %n drawing(s) that cannot be read: {files}.", "", len(skipped)).format(files=files)

    @staticmethod
    def _sentences(*sentences: str) -> str:
        """Whole sentences one after the other (the empty ones left out)."""
        return " ".join(sentence for sentence in sentences if sentence)

    @Slot(object)
    def _on_fine_tune_finished(self, result) -> None:
        worker, self._fine_tune_worker = self._fine_tune_worker, None
        if worker is None or not self.training.end_run(worker, result):
            self._update_enabled()  # ended already (the window closed mid-run)
            return
        self._update_enabled()
        report = self.last_report = worker.report
        closing = self.tasks.is_shut_down()
        skipped = list(worker.skipped)
        reason = result.reason
        if report is None or result.status == "failed" or result.epochs_completed == 0 or closing:
            # failed, stopped before one epoch, or the window is closing (nobody to ask): undo
            self._undo(report)

            def ended() -> str:
                return localized(reason) if reason else self.tr("Fine-tuning ended before it learned anything.")

            self._say_fine_tuning(lambda: self._sentences(ended(), self._left_out(skipped)))
            self.session.log(self.tr("Fine-tuning: {message}").format(message=ended()))
            failed = result.status == "failed"
            self.status(self.tr("Fine-tuning failed: the model is unchanged.") if failed
                        else self.tr("Fine-tuning stopped: the model is unchanged."), 10000)
            if failed and not closing:
                QMessageBox.critical(self._parent(), self.tr("Fine-tuning failed"),
                                     self.tr("{message}\n\nThe model is unchanged.").format(message=ended()))
            return
        stopped = result.status == "stopped"  # by the user, after some learning: still theirs to keep
        figures = {"before": percent(report.personal_before), "after": percent(report.personal_after),
                   "mnist_before": percent(report.mnist_before), "mnist_after": percent(report.mnist_after)}

        def outcome() -> str:
            return self._sentences(
                localized(reason) if stopped and reason else "",
                self.tr("Your handwriting {before} → {after} · MNIST test {mnist_before} → {mnist_after}.").format(
                    **figures),
                self._left_out(skipped), self.tr("Keep or discard?"))

        self._say_fine_tuning(outcome)
        self.scroll.ensureWidgetVisible(self.view.tune_box)
        self.session.update_after_training(self.session.metadata(), self.session.is_unsaved())
        self.session.set_weights_note(FINE_TUNED_NOTE)
        if stopped:
            line = self.tr("Fine-tuning stopped: your handwriting {before} → {after} · MNIST test "
                           "{mnist_before} → {mnist_after}.").format(**figures)
        else:
            line = self.tr("Fine-tuned: your handwriting {before} → {after} · MNIST test {mnist_before} → "
                           "{mnist_after}.").format(**figures)
        self.session.log(line)
        self.status(line.rstrip("."), 10000)
        dialog = FineTuneResultDialog(report, self._parent())
        dialog.decided.connect(self._on_decided)
        self.result_dialog = dialog
        dialog.open()

    @Slot(bool)
    def _on_decided(self, keep: bool) -> None:
        report = self.last_report
        if report is None or not self.session.has_model():
            return
        if keep:
            metadata = self.session.metadata()
            metadata.history = {key: list(values) for key, values in report.result.history.items()}
            self.session.update_after_training(metadata, unsaved=True)
            personal, mnist = percent(report.personal_after), percent(report.mnist_after)
            self._say_fine_tuning(lambda: self.tr(
                "Kept the fine-tuned weights (your handwriting {personal}, MNIST test {mnist}). Save the model to "
                "keep them for good.").format(personal=personal, mnist=mnist))
            self.session.log(self.tr("Kept the fine-tuned weights (not saved yet)."))
            self.status(self.tr("Kept the fine-tuned weights · the model is unsaved."))
        else:
            self._undo(report)
            personal, mnist = percent(report.personal_before), percent(report.mnist_before)
            self._say_fine_tuning(lambda: self.tr(
                "Discarded: the model is back as it was (your handwriting {personal}, MNIST test {mnist}).").format(
                    personal=personal, mnist=mnist))
            self.session.log(self.tr("Discarded the fine-tuned weights: the model is back as it was."))
            self.status(self.tr("Discarded the fine-tuned weights."))
