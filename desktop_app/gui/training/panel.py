"""The training controls: data set, model preset, hyper-parameters, device, Train/Stop, progress, log.

The panel turns its widgets into a `core.training.TrainConfig` and back; it starts nothing itself. The
training controller listens to `trainRequested`/`stopRequested` and feeds progress back through
`show_plan`, `show_batch` and `show_result`.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox, QToolButton,
                               QVBoxLayout, QWidget)

from desktop_app.core.models import DEFAULT_PRESET, PRESETS, build_model, layer_summary
from desktop_app.core.training import BatchProgress, TrainConfig, TrainingPlan, TrainingResult
from desktop_app.gui.resources import action_icon
from desktop_app.gui.text_format import format_duration, tensorboard_command
from desktop_app.gui.training.layers_dialog import LayersDialog

log = logging.getLogger(__name__)

EMBEDDED_DATA = "mnist"
CHOOSE_DATA = "\x00choose"  # the "Folder or IDX files…" entry
DEVICE_NONE = "\x00none"


class PowerOfTwoSpinBox(QSpinBox):
    """A spin box whose arrows double and halve (batch sizes); any value can still be typed."""

    def stepBy(self, steps: int) -> None:
        value = self.value()
        for _ in range(abs(steps)):
            value = value * 2 if steps > 0 else max(self.minimum(), value // 2)
        self.setValue(min(value, self.maximum()))


class LearningRateSpinBox(QDoubleSpinBox):
    """A spin box whose arrows double and halve the learning rate; any value can still be typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(5)
        self.setRange(0.00001, 1.0)

    def stepBy(self, steps: int) -> None:
        self.setValue(self.value() * (2.0 ** steps))


class TrainingPanel(QWidget):
    """Data, model, hyper-parameters and device; Train and Stop; the progress of the run."""

    trainRequested = Signal()
    stopRequested = Signal()
    configChanged = Signal()
    runFinished = Signal(object)  # TrainingResult, from show_result: the history view collects the runs

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base_config = TrainConfig()
        self._pending_device = "auto"
        self._tensorflow_ready = False
        self._parameter_counts: dict[str, int] = {}
        self._has_model = False
        self._model_description = "the open model"
        self._training = False
        self._stopping = False
        self._blocked = False
        self._started = 0.0
        self._plan: TrainingPlan | None = None
        self._last_data_index = 0

        # -- data ---------------------------------------------------------------------------------
        self.data_combo = QComboBox()
        self.data_combo.addItem("Embedded MNIST", EMBEDDED_DATA)
        self.data_combo.setItemData(0, "The MNIST training set shipped with Digit Lab: 60 000 handwritten "
                                       "digits.", Qt.ItemDataRole.ToolTipRole)
        self.data_combo.addItem("Folder or IDX files…", CHOOSE_DATA)
        self.data_combo.setItemData(1, "Choose a folder holding the four MNIST IDX files (gzipped or not), or "
                                       "a folder with one sub-folder of images per digit, 0 to 9.",
                                    Qt.ItemDataRole.ToolTipRole)
        self.data_combo.setToolTip("The images to train on: the embedded MNIST, a folder of MNIST IDX files, "
                                   "or a folder with sub-folders 0–9 of digit images.")
        self.data_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.data_combo.setMinimumContentsLength(12)
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(0, 10_000_000)
        self.limit_spin.setSingleStep(1000)
        self.limit_spin.setSpecialValueText("All")
        self.limit_spin.setSuffix(" images")
        self.limit_spin.setGroupSeparatorShown(True)
        self.limit_spin.setToolTip("Train on only the first N images (quick experiments); All uses the whole "
                                   "training set. The validation images come out of these.")

        # -- model ----------------------------------------------------------------------------------
        self.preset_combo = QComboBox()
        for index, preset in enumerate(PRESETS.values()):
            self.preset_combo.addItem(preset.title, preset.name)
            self.preset_combo.setItemData(index, preset.description, Qt.ItemDataRole.ToolTipRole)
        self.preset_combo.setToolTip("The network architecture of a new model. A model that is already "
                                     "trained keeps its own architecture.")
        self.preset_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset_combo.setMinimumContentsLength(12)
        self.preset_description = QLabel()
        self.preset_description.setWordWrap(True)
        self.preset_description.setToolTip("What the chosen architecture is.")
        self.parameters_label = QLabel("Parameters: counted once TensorFlow is ready")
        self.parameters_label.setWordWrap(True)
        self.parameters_label.setToolTip("How many numbers the network learns (weights and biases).")
        self.layers_button = QPushButton("Layers…")
        self.layers_button.setIcon(action_icon("layers"))
        self.layers_button.setToolTip("List the layers of the chosen architecture with their output shapes "
                                      "and parameter counts.")
        self.layers_button.setEnabled(False)

        # -- hyper-parameters -----------------------------------------------------------------------
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setRange(1, 1000)
        self.epochs_spin.setToolTip("How many passes over the training images this run makes. Continuing a "
                                    "model adds this many epochs.")
        self.batch_spin = PowerOfTwoSpinBox()
        self.batch_spin.setRange(1, 8192)
        self.batch_spin.setToolTip("Images per gradient step; the arrows double and halve it. Larger batches "
                                   "run faster per image, smaller ones learn more per epoch.")
        self.lr_spin = LearningRateSpinBox()
        self.lr_spin.setToolTip("The step size of the optimizer; the arrows double and halve it. It falls "
                                "along a half cosine over the run.")
        self.optimizer_combo = QComboBox()
        self.optimizer_combo.addItem("Adam", "adam")
        self.optimizer_combo.addItem("SGD with momentum", "sgd")
        self.optimizer_combo.setItemData(0, "Adaptive moments: a good choice without tuning.", Qt.ItemDataRole.ToolTipRole)
        self.optimizer_combo.setItemData(1, "Stochastic gradient descent with Nesterov momentum 0.9.",
                                         Qt.ItemDataRole.ToolTipRole)
        self.optimizer_combo.setToolTip("How the weights follow the gradient: Adam, or SGD with momentum.")
        self.validation_spin = QSpinBox()
        self.validation_spin.setRange(0, 50)
        self.validation_spin.setSuffix(" %")
        self.validation_spin.setToolTip("The share of the training images held back to measure the model on "
                                        "images it did not learn from (the validation curves).")
        self.augment_check = QCheckBox("Augment images")
        self.augment_check.setToolTip("Shift, rotate, scale and thicken the training images a little each "
                                      "epoch, like real handwriting varies: better on your drawings, "
                                      "slower to learn.")
        self.patience_spin = QSpinBox()
        self.patience_spin.setRange(0, 1000)
        self.patience_spin.setSpecialValueText("Off")
        self.patience_spin.setSuffix(" epochs")
        self.patience_spin.setToolTip("Stop early when the watched figure has not improved for this many "
                                      "epochs; Off trains all epochs.")
        self.monitor_combo = QComboBox()
        self.monitor_combo.addItem("Validation loss", "val_loss")
        self.monitor_combo.addItem("Validation accuracy", "val_accuracy")
        self.monitor_combo.setToolTip("The figure early stopping and “Keep the best epoch” watch: the loss or "
                                      "the accuracy on the validation images.")
        self.restore_best_check = QCheckBox("Keep the best epoch")
        self.restore_best_check.setToolTip("End the run with the weights of the epoch with the best watched "
                                           "figure, not those of the last epoch. Needs a validation split.")
        self.checkpoint_edit = QLineEdit()
        self.checkpoint_edit.setPlaceholderText("Off")
        self.checkpoint_edit.setClearButtonEnabled(True)
        self.checkpoint_edit.setToolTip("Also save the best model of the run (lowest validation loss) to this "
                                        ".keras file after each better epoch; empty: no checkpoint file.")
        self.checkpoint_button = QToolButton()
        self.checkpoint_button.setText("…")
        self.checkpoint_button.setToolTip("Choose the checkpoint file.")
        self.tensorboard_edit = QLineEdit()
        self.tensorboard_edit.setPlaceholderText("Off")
        self.tensorboard_edit.setClearButtonEnabled(True)
        self.tensorboard_edit.setToolTip("Write TensorBoard logs of each run into this folder, to view with "
                                         "tensorboard --logdir; empty: no logs.")
        self.tensorboard_button = QToolButton()
        self.tensorboard_button.setText("…")
        self.tensorboard_button.setToolTip("Choose the TensorBoard log folder.")
        self.loop_combo = QComboBox()
        self.loop_combo.addItem("Keras fit", "fit")
        self.loop_combo.addItem("GradientTape loop", "tape")
        self.loop_combo.setItemData(0, "model.fit: Keras runs the epochs, batches and callbacks.",
                                    Qt.ItemDataRole.ToolTipRole)
        self.loop_combo.setItemData(1, "A hand-written loop: a tf.function step with tf.GradientTape and "
                                       "optimizer.apply_gradients, driving the same callbacks.",
                                    Qt.ItemDataRole.ToolTipRole)
        self.loop_combo.setToolTip("How the training steps run: Keras' fit, or a hand-written GradientTape "
                                   "loop; both learn the same way and report alike.")
        self.device_combo = QComboBox()
        self.device_combo.setToolTip("Where the training runs: the CPU or a GPU that TensorFlow sees.")
        self.device_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device_combo.setMinimumContentsLength(12)
        self.device_combo.addItem("Detecting devices…", "auto")
        self.device_combo.setEnabled(False)

        # -- run -------------------------------------------------------------------------------------
        self.new_model_check = QCheckBox("Start a new model")
        self.new_model_check.setToolTip("Train a fresh network of the chosen architecture instead of "
                                        "continuing the open model.")
        self.new_model_check.setEnabled(False)
        self.model_state_label = QLabel("Train builds a new model.")
        self.model_state_label.setWordWrap(True)
        self.model_state_label.setToolTip("What pressing Train will do.")
        self.train_button = QPushButton("Train")
        self.train_button.setIcon(action_icon("train"))
        self.train_button.setToolTip("Waiting for TensorFlow to load…")
        self.train_button.setEnabled(False)
        self.train_button.setDefault(True)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setIcon(action_icon("stop"))
        self.stop_button.setToolTip("Stop after the current batch; the model keeps what it has learned.")
        self.stop_button.setEnabled(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("%p %")
        self.progress_bar.setToolTip("Progress of this training run.")
        self.progress_label = QLabel("Ready to train.")
        self.progress_label.setWordWrap(True)
        self.progress_label.setToolTip("Epoch, batch, time so far and the estimated time left.")
        self.progress_label.setMinimumHeight(self.fontMetrics().height() * 2 + 2)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        # -- layout ----------------------------------------------------------------------------------
        data_box = QGroupBox("Data")
        data_form = self._form(data_box)
        self._row(data_form, "&Images", self.data_combo)
        self._row(data_form, "&Limit", self.limit_spin)

        model_box = QGroupBox("Model")
        model_layout = QVBoxLayout(model_box)
        model_layout.setSpacing(6)
        model_form = QFormLayout()
        self._configure_form(model_form)
        self._row(model_form, "&Architecture", self.preset_combo)
        model_layout.addLayout(model_form)
        model_layout.addWidget(self.preset_description)
        layers_row = QHBoxLayout()
        layers_row.addWidget(self.parameters_label, 1)
        layers_row.addWidget(self.layers_button)
        model_layout.addLayout(layers_row)

        training_box = QGroupBox("Training")
        training_form = self._form(training_box)
        self._row(training_form, "&Epochs", self.epochs_spin)
        self._row(training_form, "&Batch size", self.batch_spin)
        self._row(training_form, "Learning &rate", self.lr_spin)
        self._row(training_form, "&Optimizer", self.optimizer_combo)
        self._row(training_form, "&Validation", self.validation_spin)
        self._row(training_form, "&Device", self.device_combo)
        training_form.addRow("", self.augment_check)

        extras_box = QGroupBox("Stopping, checkpoints and logs")
        extras_form = self._form(extras_box)
        self._row(extras_form, "Early sto&p", self.patience_spin)
        self._row(extras_form, "&Watch", self.monitor_combo)
        extras_form.addRow("", self.restore_best_check)
        self._row(extras_form, "Chec&kpoint", self._with_button(self.checkpoint_edit, self.checkpoint_button))
        self._row(extras_form, "Tensor&Board", self._with_button(self.tensorboard_edit, self.tensorboard_button))
        self._row(extras_form, "Training loo&p", self.loop_combo)

        run_box = QGroupBox("Run")
        run_layout = QVBoxLayout(run_box)
        run_layout.setSpacing(6)
        run_layout.addWidget(self.model_state_label)
        run_layout.addWidget(self.new_model_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button, 1)
        buttons.addWidget(self.stop_button, 1)
        run_layout.addLayout(buttons)
        run_layout.addWidget(self.progress_bar)
        run_layout.addWidget(self.progress_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(10)
        for box in (data_box, model_box, training_box, extras_box, run_box):
            layout.addWidget(box)
        layout.addStretch(1)

        self._inputs = [self.data_combo, self.limit_spin, self.preset_combo, self.epochs_spin, self.batch_spin,
                        self.lr_spin, self.optimizer_combo, self.validation_spin, self.augment_check,
                        self.patience_spin, self.device_combo, self.new_model_check, self.monitor_combo,
                        self.restore_best_check, self.checkpoint_edit, self.checkpoint_button,
                        self.tensorboard_edit, self.tensorboard_button, self.loop_combo]

        # -- signals ---------------------------------------------------------------------------------
        self.data_combo.activated.connect(self._data_activated)
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.layers_button.clicked.connect(self._show_layers)
        self.train_button.clicked.connect(self.trainRequested)
        self.stop_button.clicked.connect(self.stopRequested)
        self.new_model_check.toggled.connect(self._update_model_state_text)
        for spin in (self.limit_spin, self.epochs_spin, self.batch_spin, self.validation_spin, self.patience_spin):
            spin.valueChanged.connect(self._changed)
        self.lr_spin.valueChanged.connect(self._changed)
        for combo in (self.data_combo, self.preset_combo, self.optimizer_combo, self.device_combo,
                      self.monitor_combo, self.loop_combo):
            combo.currentIndexChanged.connect(self._changed)
        self.augment_check.toggled.connect(self._changed)
        self.restore_best_check.toggled.connect(self._changed)
        self.checkpoint_edit.editingFinished.connect(self._changed)
        self.tensorboard_edit.editingFinished.connect(self._changed)
        self.checkpoint_button.clicked.connect(self._browse_checkpoint)
        self.tensorboard_button.clicked.connect(self._browse_tensorboard)
        self.set_config(TrainConfig())

    # -- config ----------------------------------------------------------------------------------
    def config(self) -> TrainConfig:
        """The TrainConfig the widgets describe (fields the panel does not show keep their values)."""
        values = self._base_config.to_dict()
        data = self.data_combo.currentData()
        values.update(
            data=data if data not in (None, CHOOSE_DATA) else EMBEDDED_DATA,
            train_limit=self.limit_spin.value() or None,
            preset=self.preset_combo.currentData() or DEFAULT_PRESET,
            epochs=self.epochs_spin.value(),
            batch_size=self.batch_spin.value(),
            learning_rate=round(self.lr_spin.value(), 6),
            optimizer=self.optimizer_combo.currentData(),
            validation_split=self.validation_spin.value() / 100.0,
            augment=self.augment_check.isChecked(),
            early_stopping_patience=self.patience_spin.value(),
            device=self._device(),
            early_stopping_monitor=self.monitor_combo.currentData() or "val_loss",
            restore_best=self.restore_best_check.isChecked(),
            checkpoint_path=self.checkpoint_edit.text().strip() or None,
            tensorboard_dir=self.tensorboard_edit.text().strip() or None,
            loop=self.loop_combo.currentData() or "fit",
        )
        return TrainConfig.from_dict(values)

    def set_config(self, config: TrainConfig, data_folders: list[str] | None = None) -> None:
        widgets = [*self._inputs]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self._base_config = TrainConfig.from_dict(config.to_dict())
            for folder in data_folders or []:
                self._add_data_folder(folder, select=False)
            if config.data and config.data != EMBEDDED_DATA:
                self._add_data_folder(config.data, select=True)
            else:
                self.data_combo.setCurrentIndex(0)
            self._last_data_index = self.data_combo.currentIndex()
            self.limit_spin.setValue(int(config.train_limit or 0))
            index = self.preset_combo.findData(config.preset)
            self.preset_combo.setCurrentIndex(max(index, 0))
            self.epochs_spin.setValue(config.epochs)
            self.batch_spin.setValue(config.batch_size)
            self.lr_spin.setValue(config.learning_rate)
            self.optimizer_combo.setCurrentIndex(max(self.optimizer_combo.findData(config.optimizer), 0))
            self.validation_spin.setValue(round(config.validation_split * 100))
            self.augment_check.setChecked(config.augment)
            self.patience_spin.setValue(config.early_stopping_patience)
            self.monitor_combo.setCurrentIndex(max(self.monitor_combo.findData(config.early_stopping_monitor), 0))
            self.restore_best_check.setChecked(bool(config.restore_best))
            self.checkpoint_edit.setText(config.checkpoint_path or "")
            self.tensorboard_edit.setText(config.tensorboard_dir or "")
            self.loop_combo.setCurrentIndex(max(self.loop_combo.findData(config.loop), 0))
            self._pending_device = config.device
            self._select_device(config.device)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._preset_changed()

    def data_folders(self) -> list[str]:
        return [self.data_combo.itemData(index) for index in range(self.data_combo.count())
                if self.data_combo.itemData(index) not in (EMBEDDED_DATA, CHOOSE_DATA)]

    # -- TensorFlow and the model ------------------------------------------------------------------
    def set_tensorflow_info(self, info) -> None:
        """Fill the device list and parameter counts once TensorFlow has loaded (a workers.TensorFlowInfo)."""
        self._tensorflow_ready = True
        self._parameter_counts = dict(info.parameter_counts)
        self.device_combo.blockSignals(True)
        self.device_combo.clear()
        for device in info.devices:
            self.device_combo.addItem(device.description, device.id.lower())
            self.device_combo.setItemData(self.device_combo.count() - 1,
                                          f"Train on {device.description}.", Qt.ItemDataRole.ToolTipRole)
        if not info.gpu_names:
            self.device_combo.addItem("GPU (none found)", DEVICE_NONE)
            index = self.device_combo.count() - 1
            model = self.device_combo.model()
            if isinstance(model, QStandardItemModel):
                model.item(index).setEnabled(False)
            self.device_combo.setItemData(index, info.why_no_gpu, Qt.ItemDataRole.ToolTipRole)
            self.device_combo.setToolTip("Where the training runs. No GPU: " + info.why_no_gpu)
        self._select_device(self._pending_device)
        self.device_combo.blockSignals(False)
        self.device_combo.setEnabled(not self._training)
        self.layers_button.setEnabled(True)
        self._preset_changed()  # ends in _update_buttons, via _update_model_state_text

    def set_model_state(self, has_model: bool, description: str = "") -> None:
        """Tell the panel whether Train continues an open model (described in a few words) or builds one."""
        self._has_model = has_model
        self._model_description = description or "the open model"
        if not has_model:
            self.new_model_check.setChecked(False)
        self.new_model_check.setEnabled(has_model and not self._training)
        self._update_model_state_text()

    def start_new_model(self) -> bool:
        """True when Train should build a new model rather than continue the open one."""
        return not self._has_model or self.new_model_check.isChecked()

    # -- running ---------------------------------------------------------------------------------
    def set_training(self, active: bool) -> None:
        self._training = active
        for widget in self._inputs:
            widget.setEnabled(not active)
        self.device_combo.setEnabled(not active and self._tensorflow_ready)
        self.new_model_check.setEnabled(not active and self._has_model)
        self._stopping = False
        if active:
            self._started = time.monotonic()
            self._plan = None
            self.progress_bar.setValue(0)
            self.progress_label.setText("Preparing the data and the model…")
            self.stop_button.setText("Stop")
        self._update_model_state_text()

    def set_blocked(self, blocked: bool) -> None:
        """Block Train while something else uses the model (an export)."""
        self._blocked = blocked
        self._update_buttons()

    def set_stopping(self) -> None:
        self._stopping = True
        self.stop_button.setEnabled(False)
        self.stop_button.setText("Stopping…")
        self.progress_label.setText("Stopping after this batch…")

    def show_plan(self, plan: TrainingPlan) -> None:
        self._plan = plan
        self.progress_label.setText(
            f"Epoch 1/{plan.epochs} · {plan.train_samples:,} training and {plan.validation_samples:,} "
            f"validation images on {plan.device}".replace(",", " "))

    def show_batch(self, progress: BatchProgress) -> None:
        plan = self._plan
        if plan is None:
            return
        run_epoch = progress.epoch - plan.initial_epoch
        done = (run_epoch * progress.steps + progress.step) / max(plan.epochs * progress.steps, 1)
        done = min(max(done, 0.0), 1.0)
        self.progress_bar.setValue(round(done * self.progress_bar.maximum()))
        if self._stopping:
            return
        elapsed = time.monotonic() - self._started
        eta = f" · ETA {format_duration(elapsed / done * (1 - done))}" if done > 0 else ""
        self.progress_label.setText(
            f"Epoch {run_epoch + 1}/{plan.epochs} · batch {progress.step}/{progress.steps} · "
            f"{format_duration(elapsed)} elapsed{eta}")

    def show_result(self, result: TrainingResult) -> None:
        elapsed = format_duration(time.monotonic() - self._started)
        reason = result.reason.rstrip(".")
        if result.status == "finished":
            self.progress_bar.setValue(self.progress_bar.maximum())
            self.progress_label.setText(f"{reason} in {elapsed}.")
        elif result.status == "stopped":
            self.progress_label.setText(f"{reason}, after {elapsed}.")
        else:
            self.progress_label.setText("Training failed; see the log.")
        folder = result.config.tensorboard_dir if result.config is not None else None
        if folder and result.status != "failed":
            self.progress_label.setText(f"{self.progress_label.text()}\nTensorBoard: {tensorboard_command(folder)}")
        self.runFinished.emit(result)

    # -- internals -------------------------------------------------------------------------------
    def _form(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        self._configure_form(form)
        return form

    @staticmethod
    def _configure_form(form: QFormLayout) -> None:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(6)

    @staticmethod
    def _with_button(edit: QLineEdit, button: QToolButton) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(edit, 1)
        row.addWidget(button)
        box.setToolTip(edit.toolTip())
        return box

    @staticmethod
    def _row(form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        label.setToolTip(widget.toolTip())
        form.addRow(label, widget)

    def _device(self) -> str:
        data = self.device_combo.currentData()
        if not self._tensorflow_ready or data in (None, DEVICE_NONE):
            return self._pending_device
        return data

    def _select_device(self, device: str) -> None:
        wanted = (device or "auto").lower()
        if not self._tensorflow_ready:
            return
        index = self.device_combo.findData(wanted)
        if index < 0:
            gpu = self.device_combo.findData("gpu:0")
            index = gpu if wanted == "auto" and gpu >= 0 else self.device_combo.findData("cpu")
        self.device_combo.setCurrentIndex(max(index, 0))

    def _add_data_folder(self, folder: str, select: bool) -> None:
        index = self.data_combo.findData(folder)
        if index < 0:
            index = self.data_combo.count() - 1  # before "Folder or IDX files…"
            self.data_combo.insertItem(index, Path(folder).name or folder, folder)
            self.data_combo.setItemData(index, folder, Qt.ItemDataRole.ToolTipRole)
        if select:
            self.data_combo.setCurrentIndex(index)

    @Slot(int)
    def _data_activated(self, index: int) -> None:
        if self.data_combo.itemData(index) != CHOOSE_DATA:
            self._last_data_index = index
            return
        folder = self._choose_data_folder()
        if folder:
            self._add_data_folder(folder, select=True)
            self._last_data_index = self.data_combo.currentIndex()
        else:
            self.data_combo.setCurrentIndex(self._last_data_index)

    def _choose_checkpoint_file(self) -> str:
        """Ask for the checkpoint file (a method, so tests can replace the dialog)."""
        path, _ = QFileDialog.getSaveFileName(self, "Keep the best model of each run in",
                                              self.checkpoint_edit.text() or "best.keras", "Keras model (*.keras)")
        if path and not path.lower().endswith(".keras"):
            path += ".keras"
        return path

    def _choose_tensorboard_folder(self) -> str:
        """Ask for the TensorBoard log folder (a method, so tests can replace the dialog)."""
        return QFileDialog.getExistingDirectory(self, "Write TensorBoard logs into", self.tensorboard_edit.text())

    @Slot()
    def _browse_checkpoint(self) -> None:
        path = self._choose_checkpoint_file()
        if path:
            self.checkpoint_edit.setText(path)
            self._changed()

    @Slot()
    def _browse_tensorboard(self) -> None:
        folder = self._choose_tensorboard_folder()
        if folder:
            self.tensorboard_edit.setText(folder)
            self._changed()

    def _choose_data_folder(self) -> str:
        """Ask for a data set folder (a method, so tests can replace the dialog)."""
        return QFileDialog.getExistingDirectory(
            self, "Choose a folder of MNIST IDX files or of digit images in sub-folders 0–9")

    @Slot()
    def _preset_changed(self, *_args) -> None:
        name = self.preset_combo.currentData() or DEFAULT_PRESET
        preset = PRESETS.get(name)
        self.preset_description.setText(preset.description if preset else "")
        count = self._parameter_counts.get(name)
        if count is not None:
            self.parameters_label.setText(f"Parameters: {count:,}".replace(",", " "))
        elif self._tensorflow_ready:
            self.parameters_label.setText("Parameters: –")
        self._update_model_state_text()

    @Slot()
    def _show_layers(self) -> None:
        name = self.preset_combo.currentData() or DEFAULT_PRESET
        try:
            rows = layer_summary(build_model(name))
        except Exception as error:  # shown to the user, never fatal
            log.exception("could not build %s", name)
            rows = []
            self.progress_label.setText(f"Could not build {name}: {error}")
        dialog = LayersDialog(PRESETS[name].title, rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._layers_dialog = dialog

    @Slot()
    def _changed(self, *_args) -> None:
        self.configChanged.emit()

    @Slot()
    def _update_model_state_text(self, *_args) -> None:
        title = PRESETS.get(self.preset_combo.currentData() or DEFAULT_PRESET)
        title_text = title.title.replace(" (default)", "") if title else ""
        if self._training:
            self.model_state_label.setText(f"Training {self._model_description}.")
            self.train_button.setText("Training…")
        elif self._has_model and not self.new_model_check.isChecked():
            self.model_state_label.setText(f"Train continues {self._model_description}.")
            self.train_button.setText("Continue training")
        else:
            self.model_state_label.setText(f"Train builds a new {title_text}.")
            self.train_button.setText("Train")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.train_button.setEnabled(self._tensorflow_ready and not self._training and not self._blocked)
        self.stop_button.setEnabled(self._training and not self._stopping)
        if not self._tensorflow_ready:
            self.train_button.setToolTip("Waiting for TensorFlow to load…")
        elif self._has_model and not self.new_model_check.isChecked():
            self.train_button.setToolTip("Continue training the open model for the chosen number of epochs "
                                         "(its optimizer state is kept).")
        else:
            self.train_button.setToolTip("Build a new model of the chosen architecture and train it.")

    def sizeHint(self) -> QSize:
        return QSize(320, super().sizeHint().height())
