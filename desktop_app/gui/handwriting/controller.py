"""Teach it your handwriting: the controller that ties the collect bar, the “My handwriting” dock, the
measurement and fine-tuning to the main window. `install_handwriting(window)` adds all of it.

Collect: a digit button (Ctrl+0 … Ctrl+9) stores the canvas's drawing (dark ink on white, as the canvas holds
it) with that label in a `core.handwriting.HandwritingSet` and clears the canvas. Practice asks for the
digit the set has least of; Enter stores the drawing as that digit.

Fine-tuning runs as the window's training run (its `_training_worker`), so the curves, progress bar, log,
Stop button and closing the window all behave as they do for training; when it ends, a dialog shows the
figures before and after and asks whether to keep the new weights.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox, QScrollArea

from desktop_app.core.errors import DigitLabError
from desktop_app.core.handwriting import HandwritingSet, practice_digit
from desktop_app.gui.drawing.canvas import UNDO_DEPTH, DrawingCanvas
from desktop_app.gui.handwriting.collect_bar import CollectBar, digit_shortcut
from desktop_app.gui.handwriting.fine_tune_dialog import FineTuneResultDialog, FineTuneWorker, MeasureWorker, percent
from desktop_app.gui.menus import add_menu_before_help
from desktop_app.gui.handwriting.set_view import DIGIT_NAMES, HandwritingSetView, digit_article, digit_plural

PRACTICE_GOAL = 10  # practice aims for this many of each digit, then the next ten
ZIP_FILTER = "Zip archive (*.zip)"


class StrokeRecorder(QObject):
    """Watches the canvas's mouse events and keeps the strokes still on the paper, in image pixels.

    The canvas adds one undo state per stroke; comparing its undo depth with the depth each stroke began at
    tells which strokes an Undo took back. Anything strokes cannot describe (the eraser, a loaded image,
    undoing past a clear, a full undo stack) makes `strokes()` answer an empty list.
    """

    def __init__(self, canvas: DrawingCanvas) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._strokes: list[tuple[int, list[list[float]]]] = []  # (undo depth before the stroke, points)
        self._base = canvas.undo_depth()
        self._unreliable = False
        self._current: list[list[float]] | None = None
        canvas.installEventFilter(self)
        canvas.drawingChanged.connect(self._drawing_changed)

    def eventFilter(self, watched, event) -> bool:
        if not hasattr(self, "_canvas"):  # the wrapper is being torn down with its window
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            if self._canvas.eraser():
                self._unreliable = True
            else:
                self._current = [self._point(event.position())]
                self._strokes.append((self._canvas.undo_depth(), self._current))
        elif kind == QEvent.Type.MouseMove and self._current is not None \
                and event.buttons() & Qt.MouseButton.LeftButton:
            self._current.append(self._point(event.position()))
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            self._current = None
        elif kind in (QEvent.Type.TabletPress, QEvent.Type.TabletMove):
            self._unreliable = True  # pressure strokes: the PNG is the record
        return False

    @Slot(object)
    def _drawing_changed(self, drawing) -> None:
        if drawing.size == 0:  # cleared, or undone back to blank paper
            self.reset()

    def reset(self) -> None:
        self._strokes.clear()
        self._current = None
        self._unreliable = False
        self._base = self._canvas.undo_depth()

    def strokes(self) -> list[list[list[float]]]:
        depth = self._canvas.undo_depth()
        kept = depth - self._base
        depths = [start for start, _ in self._strokes]
        consistent = depths == list(range(self._base, self._base + len(depths)))
        if self._unreliable or not consistent or not 0 <= kept <= len(self._strokes) or depth >= UNDO_DEPTH:
            return []
        return [points for _, points in self._strokes[:kept]]

    def _point(self, position: QPointF) -> list[float]:
        point = self._canvas.to_image_point(position)
        return [round(point.x(), 1), round(point.y(), 1)]


class HandwritingController(QObject):
    """Owns the personal data set and its widgets in one main window."""

    def __init__(self, window, root: str | Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.dataset = HandwritingSet(root if root is not None else window.settings.handwriting_root())
        self.fine_tune_epochs: int | None = None  # None: the dock's spin box decides
        self.mnist_test_images: int | None = None  # None: the whole MNIST test set
        self.result_dialog: FineTuneResultDialog | None = None
        self.last_report = None
        self._asked: int | None = None
        self._measure_worker: MeasureWorker | None = None
        self._fine_tune_worker: FineTuneWorker | None = None

        self.recorder = StrokeRecorder(window.canvas)
        self.collect_bar = CollectBar()
        window.canvas_panel.layout().addWidget(self.collect_bar)
        self.view = HandwritingSetView()
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.dock = QDockWidget("My handwriting", window)
        self.dock.setObjectName("HandwritingDock")
        self.dock.setWidget(scroll)
        self.dock.setToolTip("Your own drawings: collect them, see how well the model reads them, and "
                             "fine-tune the model on them.")
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.training_dock, self.dock)
        window.training_dock.raise_()

        self._build_actions()
        self._connect()
        self.refresh()
        self._update_enabled()

    # ==== construction ================================================================================
    def _build_actions(self) -> None:
        window = self.window
        self.store_actions: list[QAction] = []
        for digit in range(10):
            action = QAction(f"Store as {digit}", window)
            action.setShortcut(QKeySequence(digit_shortcut(digit)))
            action.setToolTip(f"Store the drawing as a {digit} ({digit_shortcut(digit)}).")
            action.setData(digit)
            action.triggered.connect(self._store_action_triggered)
            window.addAction(action)  # the shortcut works wherever the focus is in the window
            self.store_actions.append(action)
        self.practice_action = QAction("&Practice", window)
        self.practice_action.setCheckable(True)
        self.practice_action.setToolTip("Digit Lab asks for digits in turn; draw each and press Enter.")
        self.practice_action.toggled.connect(self.collect_bar.practice_button.setChecked)
        self.measure_action = QAction("How well does this model read my writing?", window)
        self.measure_action.setToolTip(self.view.measure_button.toolTip())
        self.measure_action.triggered.connect(self.measure)
        self.fine_tune_action = QAction("&Fine-tune on My Handwriting", window)
        self.fine_tune_action.setToolTip(self.view.fine_tune_button.toolTip())
        self.fine_tune_action.triggered.connect(self.start_fine_tuning)
        self.import_zip_action = QAction("Import Drawings from Zip…", window)
        self.import_zip_action.triggered.connect(self.import_zip_dialog)
        self.import_folder_action = QAction("Import Drawings from Folder…", window)
        self.import_folder_action.triggered.connect(self.import_folder_dialog)
        self.export_zip_action = QAction("Export Drawings as Zip…", window)
        self.export_zip_action.triggered.connect(self.export_zip_dialog)

        menu = add_menu_before_help(window, "&Handwriting")
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
        self.enter_shortcuts = [QShortcut(QKeySequence(key), window.canvas_panel) for key in ("Return", "Enter")]
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
        # the window's actions change state on these; follow them
        for action in (self.window.train_action, self.window.save_action):
            action.changed.connect(self._update_enabled)

    # ==== collecting ==================================================================================
    def status(self, text: str, timeout: int = 6000) -> None:
        self.window.statusBar().showMessage(text, timeout)

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
        canvas = self.window.canvas
        if canvas.is_empty():
            self.status(f"Nothing to store: draw {digit_article(label)} on the canvas first.")
            return False
        drawing = canvas.drawing()
        try:
            self.dataset.add(drawing, label, self.recorder.strokes())
        except (OSError, DigitLabError) as error:
            message = f"Could not store the drawing in {self.dataset.root}: {error}"
            self.status("Could not store the drawing.")
            QMessageBox.critical(self.window, "Could not store the drawing",
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
            self.window.canvas.setFocus()
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

    def _ask_open_zip(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import drawings", str(Path.home()),
                                              f"{ZIP_FILTER};;All files (*)")
        return path

    def _ask_save_zip(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self.window, "Export your drawings",
                                              str(Path.home() / "my-handwriting.zip"), ZIP_FILTER)
        return path

    def _ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self.window, "Import a folder with sub-folders 0 to 9",
                                                str(Path.home()))

    @Slot()
    def import_zip_dialog(self) -> None:
        path = self._ask_open_zip()
        if path:
            self.import_zip(path)

    @Slot()
    def export_zip_dialog(self) -> None:
        if not self.dataset.samples():
            self.status("Nothing to export yet: store some drawings first.")
            return
        path = self._ask_save_zip()
        if path:
            self.export_zip(path if path.lower().endswith(".zip") else f"{path}.zip")

    @Slot()
    def import_folder_dialog(self) -> None:
        path = self._ask_folder()
        if path:
            self.import_folder(path)

    def import_zip(self, path: str | Path) -> int:
        return self._import(lambda: self.dataset.import_zip(path), Path(path))

    def import_folder(self, path: str | Path) -> int:
        return self._import(lambda: self.dataset.import_folder(path), Path(path))

    def _import(self, run, source: Path) -> int:
        self.window.setCursor(Qt.CursorShape.WaitCursor)
        try:
            added = run()
        except (OSError, DigitLabError) as error:
            self.status(f"Could not import {source.name}.")
            QMessageBox.warning(self.window, "Could not import", f"{error}\n\nWhat to do: choose a zip exported "
                                "by Digit Lab, or a folder with sub-folders 0 to 9 of images.")
            return 0
        finally:
            self.window.unsetCursor()
        self.refresh()
        if not added:
            self.status(f"No drawings found in {source.name} (it needs sub-folders 0 to 9 of images).")
        else:
            self.status(f"Imported {added} drawing{'s' if added != 1 else ''} from {source.name}.")
        return added

    def export_zip(self, path: str | Path) -> Path | None:
        try:
            written = self.dataset.export_zip(path)
        except (OSError, DigitLabError) as error:
            QMessageBox.critical(self.window, "Could not export", f"Could not write {path}: {error}\n\n"
                                 "What to do: choose another folder or file name.")
            return None
        self.status(f"Exported {len(self.dataset.samples())} drawings to {written.name}.")
        return written

    # ==== measuring ===================================================================================
    def is_busy(self) -> bool:
        return self._measure_worker is not None or self._fine_tune_worker is not None

    @Slot()
    def _update_enabled(self) -> None:
        busy = self.is_busy() or self.window.is_training() or self.window.is_exporting()
        has_model = self.window.model() is not None
        self.view.set_busy(busy, has_model)
        self.measure_action.setEnabled(has_model and not busy)
        self.fine_tune_action.setEnabled(has_model and not busy)

    @Slot()
    def measure(self) -> bool:
        """Read every drawing with (a copy of) the open model, on a worker thread."""
        window = self.window
        if window.model() is None:
            self.status("Open or train a model first.")
            return False
        if self.is_busy() or window.is_training():
            return False
        if not self.dataset.samples():
            self.view.measure_result.setText("Your set is empty: store some drawings first.")
            return False
        from desktop_app.core.inference import copy_model

        copy = copy_model(window.model())  # training may start meanwhile: measure a twin
        worker = MeasureWorker(copy, self.dataset, self.mnist_test_images)
        worker.succeeded.connect(self._on_measured)
        worker.failed.connect(self._on_measure_failed)
        self._measure_worker = worker
        self.view.show_measuring()
        self.dock.raise_()
        window.start_thread(worker, "MeasureWorker")
        self._update_enabled()
        self.status("Reading your drawings…")
        return True

    def is_measuring(self) -> bool:
        return self._measure_worker is not None

    @Slot(object)
    def _on_measured(self, measured) -> None:
        self._measure_worker = None
        self.view.show_measurement(measured)
        self._update_enabled()
        self.status(f"Your handwriting: {percent(measured.personal.accuracy)} · "
                    f"MNIST test: {percent(measured.mnist.accuracy)}", 10000)

    @Slot(str)
    def _on_measure_failed(self, message: str) -> None:
        self._measure_worker = None
        self.view.measure_result.setText(message)
        self._update_enabled()

    # ==== fine-tuning =================================================================================
    def _fine_tune_refusal(self) -> str:
        from desktop_app.core.fine_tuning import MIN_SAMPLES_PER_DIGIT, missing_samples

        if self.window.model() is None:
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
        window = self.window
        if self.is_busy() or window.is_training() or window.is_exporting() or window.tensorflow_ready() is False:
            return False
        refusal = self._fine_tune_refusal()
        if refusal:
            self.view.fine_tune_result.setText(refusal)
            self.scroll.ensureWidgetVisible(self.view.tune_box)
            self.status("Fine-tuning needs more drawings." if window.model() is not None else refusal, 8000)
            if window.model() is not None:
                QMessageBox.information(window, "Collect more drawings first", refusal)
            return False
        from desktop_app.core.fine_tuning import fine_tune_config

        epochs = self.fine_tune_epochs or self.view.epochs_spin.value()
        config = fine_tune_config(epochs=epochs, device=window.training_panel.config().device)
        worker = FineTuneWorker(config, window.model(), window.model_history(), self.dataset,
                                self.mnist_test_images)
        self._fine_tune_worker = worker
        self.last_report = None
        self.view.fine_tune_result.setText("Fine-tuning… (Stop ends it after the current batch.)")
        window.log_view.append_line(f"Fine-tuning {epochs} epoch(s) on your handwriting ({sum(self._counts)} "
                                    f"drawings) mixed with MNIST, learning rate {config.learning_rate:g}.")
        window.statusBar().showMessage("Fine-tuning on your handwriting…")
        # Shown as the window's training run: curves, progress, live predictions, Stop, closing.
        window.run_as_training(worker, config, self._on_fine_tune_finished)
        self._update_enabled()
        return True

    def is_fine_tuning(self) -> bool:
        return self._fine_tune_worker is not None

    @Slot(object)
    def _on_fine_tune_finished(self, result) -> None:
        window = self.window
        worker, self._fine_tune_worker = self._fine_tune_worker, None
        if worker is None or not window.end_training_run(worker, result):
            self._update_enabled()  # the window handled it already (closed mid-run)
            return
        self._update_enabled()
        report = self.last_report = worker.report
        if report is None or result.status == "failed" or result.epochs_completed == 0 or window.is_closing():
            # failed, stopped before one epoch, or the window is closing (nobody to ask): undo
            if report is not None:
                window.model().set_weights(report.weights_before)
            window.show_new_weights(window.model_history(), window.is_modified())
            message = result.reason or "Fine-tuning ended before it learned anything."
            self.view.fine_tune_result.setText(message)
            window.log_view.append_line(f"Fine-tuning: {message}")
            if result.status == "failed" and not window.is_closing():
                QMessageBox.critical(window, "Fine-tuning failed", f"{message}\n\nThe model is unchanged.")
            return
        line = (f"your handwriting {percent(report.personal_before)} → {percent(report.personal_after)} · "
                f"MNIST test {percent(report.mnist_before)} → {percent(report.mnist_after)}")
        self.view.fine_tune_result.setText(f"{line[0].upper()}{line[1:]}. Keep or discard?")
        self.scroll.ensureWidgetVisible(self.view.tune_box)
        window.prediction.set_model_note("Fine-tuned weights · keep or discard them")
        window.log_view.append_line(f"Fine-tuned: {line}.")
        window.statusBar().showMessage(f"Fine-tuned: {line}", 10000)
        dialog = FineTuneResultDialog(report, window)
        dialog.decided.connect(self._on_decided)
        self.result_dialog = dialog
        dialog.open()

    @Slot(bool)
    def _on_decided(self, keep: bool) -> None:
        report, window = self.last_report, self.window
        if report is None or window.model() is None:
            return
        figures = (f"your handwriting {percent(report.personal_after)}, MNIST test "
                   f"{percent(report.mnist_after)}")
        if keep:
            window.show_new_weights(report.result.history, dirty=True)
            self.view.fine_tune_result.setText(f"Kept the fine-tuned weights ({figures}). Save the model to keep "
                                               "them for good.")
            window.log_view.append_line("Kept the fine-tuned weights (not saved yet).")
            self.status("Kept the fine-tuned weights · the model is unsaved.")
        else:
            window.model().set_weights(report.weights_before)
            window.show_new_weights(window.model_history(), window.is_modified())
            self.view.fine_tune_result.setText(
                f"Discarded: the model is back as it was (your handwriting {percent(report.personal_before)}, "
                f"MNIST test {percent(report.mnist_before)}).")
            window.log_view.append_line("Discarded the fine-tuned weights: the model is back as it was.")
            self.status("Discarded the fine-tuned weights.")


def install_handwriting(window, root: str | Path | None = None) -> HandwritingController:
    """Add the collect bar, the “My handwriting” dock, its menu and shortcuts to a MainWindow."""
    window.handwriting = HandwritingController(window, root)
    return window.handwriting


__all__ = ["HandwritingController", "StrokeRecorder", "install_handwriting"]
