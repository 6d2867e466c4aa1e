"""The training controls: data set, architecture, hyper-parameters, device, Train/Stop, progress, log.

The panel turns its widgets into a `core.training.TrainConfig` and back; it starts nothing itself. The
training controller listens to `trainRequested`/`stopRequested` and feeds progress back through
`show_plan`, `show_batch` and `show_result`.

The Architecture list holds the presets, then the architectures the user named, then (once the layers are
edited into something else) “Your layers (not saved)”. Edit layers… opens the layer editor on the chosen
one; a preset chosen keeps TrainConfig.preset, any other choice gives TrainConfig.layers. Layers that cannot
work disable Train, with the reason in its tooltip. While Train continues an open model, the editor shows
that model's layers read-only.

Every text follows the language while the window runs (bind_text): the ones that say the state (progress,
what Train will do, the parameter count) are bound anew with each change, as functions of it, so a change of
language re-says the current state. The core's texts (the fields' labels and tooltips, the presets' titles
and descriptions, the reasons a run ended) are shown with `localized`.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox, QToolButton,
                               QVBoxLayout, QWidget)

from desktop_app.core.architecture import Architecture, ArchitectureError
from desktop_app.core.config_fields import ConfigField, panel_fields
from desktop_app.core.models import DEFAULT_PRESET, PRESETS
from desktop_app.core.training import BatchProgress, TrainConfig, TrainingPlan, TrainingResult
from desktop_app.gui.i18n import bind_text, localized
from desktop_app.gui.i18n.live_text import live_texts
from desktop_app.gui.resources import action_icon
from desktop_app.gui.text_format import count_text, format_duration, tensorboard_command
from desktop_app.gui.settings import NamedArchitecture
from desktop_app.gui.training.config_widgets import (FieldWidget, configure_spin_box, generic_field_widget,
                                                     set_item_text, set_item_tooltip)
from desktop_app.gui.training.layer_editor import LayerEditor

log = logging.getLogger(__name__)

EMBEDDED_DATA = "mnist"
CHOOSE_DATA = "\x00choose"  # the "Folder or IDX files…" entry
DEVICE_NONE = "\x00none"
NAMED = "\x00named:"  # the Architecture list's entries for the user's named architectures: NAMED + name
DRAFT = "\x00draft"  # its entry for edited layers not saved under a name
DRAFT_TITLE = "Your layers"  # the description under the list says they are not saved (English; shown translated)
DESCRIBED_LENGTH = 100  # longer layer texts are cut under the Architecture list (the tooltip has them all)
CUSTOM_NAME = "custom"  # the name a saved file gives layers that were never named (as `train --layers` does)
_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")  # “ (default)” ending a title, in any language


def _short_title(preset: str) -> str:
    """A preset's title in the current language, without the “(default)” the list shows after one of them."""
    title = PRESETS[preset].title
    shown = localized(title)
    return _TRAILING_NOTE.sub("", shown) if str(title).endswith(" (default)") else shown


def _error_text(error: BaseException) -> Any:
    """An error's message, kept translatable where the core made it a Text (str() would make it English)."""
    message = error.args[0] if len(error.args) == 1 else None
    return message if isinstance(message, str) else str(error)


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


def _field_widget_property(name: str) -> property:
    return property(lambda panel: panel.field_widget(name), doc=f"The input of TrainConfig.{name}.")


class TrainingPanel(QWidget):
    """Data, model, hyper-parameters and device; Train and Stop; the progress of the run.

    The rows come from TrainConfig's described fields (core.config_fields): a few fields get the special
    widgets built below, every other labelled field a widget made from its type (config_widgets)."""

    trainRequested = Signal()
    stopRequested = Signal()
    configChanged = Signal()
    architecturesChanged = Signal(list)  # the user's named architectures (NamedArchitecture) changed

    # The inputs the window and the tests know by name; field_widget(name) gives any field's.
    data_combo = _field_widget_property("data")
    limit_spin = _field_widget_property("train_limit")
    preset_combo = _field_widget_property("preset")
    epochs_spin = _field_widget_property("epochs")
    batch_spin = _field_widget_property("batch_size")
    lr_spin = _field_widget_property("learning_rate")
    optimizer_combo = _field_widget_property("optimizer")
    validation_spin = _field_widget_property("validation_split")
    device_combo = _field_widget_property("device")
    augment_check = _field_widget_property("augment")
    patience_spin = _field_widget_property("early_stopping_patience")
    monitor_combo = _field_widget_property("early_stopping_monitor")
    restore_best_check = _field_widget_property("restore_best")
    checkpoint_edit = _field_widget_property("checkpoint_path")
    tensorboard_edit = _field_widget_property("tensorboard_dir")
    loop_combo = _field_widget_property("loop")

    def __init__(self, parent: QWidget | None = None, config_class: type[TrainConfig] = TrainConfig) -> None:
        super().__init__(parent)
        self._config_class = config_class
        self._base_config = config_class()
        self._pending_device = "auto"
        self._tensorflow_ready = False
        self._preset = DEFAULT_PRESET  # the preset of the config (kept while other layers are chosen)
        self._architectures: list[NamedArchitecture] = []
        self._draft = ""  # the edited layers not saved under a name ("" none)
        self._model_layers: Architecture | None = None  # the open model's, for the read-only editor
        self._model_rows: list[dict] = []  # its Keras layers, when they are kinds the editor does not know
        self._model_title = ""
        self._editor_shows: tuple | None = None  # what the editor was last given
        self._has_model = False
        self._model_description: Any = None  # a few words, or a function giving them; None: "the open model"
        self._training = False
        self._stopping = False
        self._blocked = False
        self._started = 0.0
        self._plan: TrainingPlan | None = None
        self._last_data_index = 0

        # -- model extras ---------------------------------------------------------------------------
        self.preset_description = QLabel()
        self.preset_description.setWordWrap(True)
        bind_text(self, self.preset_description.setToolTip, lambda: self.tr("What the chosen architecture is."))
        self.parameters_label = QLabel()
        self.parameters_label.setWordWrap(True)
        bind_text(self, self.parameters_label.setText, lambda: self.tr("Parameters: –"))
        bind_text(self, self.parameters_label.setToolTip,
                  lambda: self.tr("How many numbers the network learns (weights and biases)."))
        self.edit_layers_button = QPushButton()
        bind_text(self, self.edit_layers_button.setText, lambda: self.tr("Edit layers…"))
        self.edit_layers_button.setIcon(action_icon("layers"))
        bind_text(self, self.edit_layers_button.setToolTip,
                  lambda: self.tr("Add, remove, reorder and change the layers of the chosen architecture, with "
                                  "every output shape and parameter count; name and keep your own."))
        self.layer_editor = LayerEditor(self)

        # -- run -------------------------------------------------------------------------------------
        self.new_model_check = QCheckBox()
        bind_text(self, self.new_model_check.setText, lambda: self.tr("Start a new model"))
        bind_text(self, self.new_model_check.setToolTip,
                  lambda: self.tr("Train a fresh network of the chosen architecture instead of continuing the "
                                  "open model."))
        self.new_model_check.setEnabled(False)
        self.model_state_label = QLabel()
        self.model_state_label.setWordWrap(True)
        bind_text(self, self.model_state_label.setText, lambda: self.tr("Train builds a new model."))
        bind_text(self, self.model_state_label.setToolTip, lambda: self.tr("What pressing Train will do."))
        self.train_button = QPushButton()
        bind_text(self, self.train_button.setText, lambda: self.tr("Train"))
        self.train_button.setIcon(action_icon("train"))
        bind_text(self, self.train_button.setToolTip, lambda: self.tr("Waiting for TensorFlow to load…"))
        self.train_button.setEnabled(False)
        self.train_button.setDefault(True)
        self.stop_button = QPushButton()
        bind_text(self, self.stop_button.setText, lambda: self.tr("Stop"))
        self.stop_button.setIcon(action_icon("stop"))
        bind_text(self, self.stop_button.setToolTip,
                  lambda: self.tr("Stop after the current batch; the model keeps what it has learned."))
        self.stop_button.setEnabled(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("%p %")
        bind_text(self, self.progress_bar.setToolTip, lambda: self.tr("Progress of this training run."))
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        bind_text(self, self.progress_label.setText, lambda: self.tr("Ready to train."))
        bind_text(self, self.progress_label.setToolTip,
                  lambda: self.tr("Epoch, batch, time so far and the estimated time left."))
        self.progress_label.setMinimumHeight(self.fontMetrics().height() * 2 + 2)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        # -- layout: one box per panel group, the fields' rows in TrainConfig's order ---------------------
        data_box = QGroupBox()
        bind_text(self, data_box.setTitle, lambda: self.tr("Data"))
        model_box = QGroupBox()
        bind_text(self, model_box.setTitle, lambda: self.tr("Model"))
        model_layout = QVBoxLayout(model_box)
        model_layout.setSpacing(6)
        model_form = QFormLayout()
        self._configure_form(model_form)
        model_layout.addLayout(model_form)
        training_box = QGroupBox()
        bind_text(self, training_box.setTitle, lambda: self.tr("Training"))
        extras_box = QGroupBox()
        bind_text(self, extras_box.setTitle, lambda: self.tr("Stopping, checkpoints and logs"))
        forms = {"data": self._form(data_box), "model": model_form, "training": self._form(training_box),
                 "stopping": self._form(extras_box)}

        self._fields: dict[str, FieldWidget] = {}
        special = self._special_field_widgets()
        for item in panel_fields(config_class):
            field = special[item.name](item) if item.name in special else generic_field_widget(item, self)
            self._fields[item.name] = field
            if field.is_check_box:
                forms[item.setting.group].addRow("", field.form_widget)
            else:
                self._row(forms[item.setting.group], item.setting.label, field.form_widget)
        model_layout.addWidget(self.preset_description)  # below the architecture row, after it in tab order
        layers_row = QHBoxLayout()  # the editor's button under the list keeps the dock as narrow as before
        layers_row.addWidget(self.parameters_label, 1)
        layers_row.addWidget(self.edit_layers_button)
        model_layout.addLayout(layers_row)

        run_box = QGroupBox()
        bind_text(self, run_box.setTitle, lambda: self.tr("Run"))
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

        self._inputs = [*(field.widget for field in self._fields.values()), self.checkpoint_button,
                        self.tensorboard_button, self.new_model_check]

        # -- signals ---------------------------------------------------------------------------------
        for field in self._fields.values():
            field.changed.connect(self._changed)
        self.data_combo.activated.connect(self._data_activated)
        self.preset_combo.currentIndexChanged.connect(self._architecture_chosen)
        self.edit_layers_button.clicked.connect(self.show_layer_editor)
        self.layer_editor.edited.connect(self._layers_edited)
        self.layer_editor.saveRequested.connect(self._save_architecture)
        self.layer_editor.deleteRequested.connect(self._delete_architecture)
        self.layer_editor.copyRequested.connect(self.copy_model_layers)
        self.train_button.clicked.connect(self.trainRequested)
        self.stop_button.clicked.connect(self.stopRequested)
        self.new_model_check.toggled.connect(self._update_model_state_text)
        self.new_model_check.toggled.connect(self._sync_editor)
        self.checkpoint_button.clicked.connect(self._browse_checkpoint)
        self.tensorboard_button.clicked.connect(self._browse_tensorboard)
        self.set_config(config_class())

    # -- the fields with widgets of their own ---------------------------------------------------------
    def _special_field_widgets(self) -> dict[str, Callable[[ConfigField], FieldWidget]]:
        """The fields whose widget does more than its type says; the rest are made by generic_field_widget."""
        return {"data": self._data_field, "train_limit": self._limit_field, "preset": self._preset_field,
                "batch_size": self._batch_field, "learning_rate": self._learning_rate_field,
                "validation_split": self._validation_field, "device": self._device_field,
                "checkpoint_path": self._checkpoint_field, "tensorboard_dir": self._tensorboard_field}

    def _data_field(self, item: ConfigField) -> FieldWidget:
        """The embedded MNIST, the folders chosen before, and an entry that asks for another folder."""
        combo = QComboBox()
        combo.addItem("", EMBEDDED_DATA)
        bind_text(self, set_item_text, lambda: self.tr("Embedded MNIST"), combo, EMBEDDED_DATA)
        bind_text(self, set_item_tooltip,
                  lambda: self.tr("The MNIST training set shipped with Digit Lab: 60 000 handwritten digits."),
                  combo, EMBEDDED_DATA)
        combo.addItem("", CHOOSE_DATA)  # the folders chosen go before it
        bind_text(self, set_item_text, lambda: self.tr("Folder or IDX files…"), combo, CHOOSE_DATA)
        bind_text(self, set_item_tooltip,
                  lambda: self.tr("Choose a folder holding the four MNIST IDX files (gzipped or not), or a folder "
                                  "with one sub-folder of images per digit, 0 to 9."), combo, CHOOSE_DATA)
        bind_text(self, combo.setToolTip, lambda: localized(item.setting.tooltip))
        self._compact(combo)

        def read() -> str:
            data = combo.currentData()
            return data if data not in (None, CHOOSE_DATA) else EMBEDDED_DATA

        def write(data: str) -> None:
            if data and data != EMBEDDED_DATA:
                self._add_data_folder(data, select=True)
            else:
                combo.setCurrentIndex(0)
            self._last_data_index = combo.currentIndex()

        return FieldWidget(combo, read, write, combo.currentIndexChanged)

    def _limit_field(self, item: ConfigField) -> FieldWidget:
        made = generic_field_widget(item, self)  # All (0) stands for None
        made.widget.setGroupSeparatorShown(True)
        return made

    def _preset_field(self, item: ConfigField) -> FieldWidget:
        """The presets, then the user's named architectures (and edited layers); Edit layers… is right
        below it. The field's value is the preset; a choice of other layers keeps the last preset chosen."""
        combo = QComboBox()
        for choice in item.setting.choices:
            combo.addItem("", choice.value)
            bind_text(self, set_item_text, lambda text=choice.text: localized(text), combo, choice.value)
            bind_text(self, set_item_tooltip, lambda tip=choice.tooltip: localized(tip), combo, choice.value)
        bind_text(self, combo.setToolTip, lambda: "{} {}".format(localized(item.setting.tooltip),
                                                               self.tr("Edit layers… designs your own.")))
        self._compact(combo)

        def write(preset: str) -> None:
            self._preset = preset if preset in PRESETS else DEFAULT_PRESET
            combo.setCurrentIndex(combo.findData(self._preset))

        return FieldWidget(combo, lambda: self._preset, write, combo.currentIndexChanged)

    def _batch_field(self, item: ConfigField) -> FieldWidget:
        spin = PowerOfTwoSpinBox()
        configure_spin_box(spin, item.setting, int, self)
        bind_text(self, spin.setToolTip, lambda: localized(item.setting.tooltip))
        return FieldWidget(spin, spin.value, spin.setValue, spin.valueChanged)

    def _learning_rate_field(self, item: ConfigField) -> FieldWidget:
        spin = LearningRateSpinBox()
        configure_spin_box(spin, item.setting, float, self)
        bind_text(self, spin.setToolTip, lambda: localized(item.setting.tooltip))
        return FieldWidget(spin, lambda: round(spin.value(), 6), spin.setValue, spin.valueChanged)

    def _validation_field(self, item: ConfigField) -> FieldWidget:
        """A fraction shown in per cent."""
        spin = QSpinBox()
        spin.setRange(round(item.setting.minimum * 100), round(item.setting.maximum * 100))
        spin.setSuffix(" %")
        bind_text(self, spin.setToolTip, lambda: localized(item.setting.tooltip))
        return FieldWidget(spin, lambda: spin.value() / 100.0, lambda split: spin.setValue(round(split * 100)),
                           spin.valueChanged)

    def _device_field(self, item: ConfigField) -> FieldWidget:
        """The devices TensorFlow sees, filled in by set_tensorflow_info; until then the wanted device waits."""
        combo = QComboBox()
        bind_text(self, combo.setToolTip, lambda: localized(item.setting.tooltip))
        self._compact(combo)
        combo.addItem("", "auto")  # until set_tensorflow_info fills the list
        bind_text(self, set_item_text, lambda: self.tr("Detecting devices…"), combo, "auto")
        combo.setEnabled(False)

        def write(device: str) -> None:
            self._pending_device = device
            self._select_device(device)

        return FieldWidget(combo, self._device, write, combo.currentIndexChanged)

    def _checkpoint_field(self, item: ConfigField) -> FieldWidget:
        self.checkpoint_button = self._browse_button(lambda: self.tr("Choose the checkpoint file."))
        return self._path_field(item, self.checkpoint_button)

    def _tensorboard_field(self, item: ConfigField) -> FieldWidget:
        self.tensorboard_button = self._browse_button(lambda: self.tr("Choose the TensorBoard log folder."))
        return self._path_field(item, self.tensorboard_button)

    def _path_field(self, item: ConfigField, button: QToolButton) -> FieldWidget:
        """A path that may be empty ("Off"), with a button that opens a file dialog."""
        made = generic_field_widget(item, self)
        bind_text(self, made.widget.setPlaceholderText, lambda: self.tr("Off"))
        made.row = self._with_button(made.widget, button)
        return made

    def _browse_button(self, tooltip: Callable[[], str]) -> QToolButton:
        button = QToolButton()
        button.setText("…")
        bind_text(self, button.setToolTip, tooltip)
        return button

    @staticmethod
    def _compact(combo: QComboBox) -> None:
        """Long entries (folder names, device descriptions) must not widen the dock."""
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)

    # -- config ----------------------------------------------------------------------------------
    def field_widget(self, name: str) -> QWidget:
        """The input widget of the TrainConfig field `name` (KeyError for a field the panel does not show)."""
        return self._fields[name].widget

    def config(self) -> TrainConfig:
        """The TrainConfig the widgets describe (fields the panel does not show keep their values): the
        chosen preset, or the chosen layers as `layers` (the preset stays as it was)."""
        values = self._base_config.to_dict()
        values.update({name: field.read() for name, field in self._fields.items()})
        values["layers"] = self.layers_text()
        return self._config_class.from_dict(values)

    def set_config(self, config: TrainConfig, data_folders: list[str] | None = None) -> None:
        widgets = [*self._inputs]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self._base_config = self._config_class.from_dict(config.to_dict())
            for folder in data_folders or []:
                self._add_data_folder(folder, select=False)
            for name, field in self._fields.items():
                field.write(getattr(self._base_config, name))
            if config.layers.strip():
                self._select_layers(config.layers)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._architecture_chosen()

    def data_folders(self) -> list[str]:
        return [self.data_combo.itemData(index) for index in range(self.data_combo.count())
                if self.data_combo.itemData(index) not in (EMBEDDED_DATA, CHOOSE_DATA)]

    # -- TensorFlow and the model ------------------------------------------------------------------
    def set_tensorflow_info(self, info) -> None:
        """Fill the device list and parameter counts once TensorFlow has loaded (a workers.TensorFlowInfo)."""
        self._tensorflow_ready = True
        combo = self.device_combo
        combo.blockSignals(True)
        combo.clear()
        for device in info.devices:
            combo.addItem("", device.id.lower())
            bind_text(self, set_item_text, lambda name=device.description: localized(name), combo, device.id.lower())
            bind_text(self, set_item_tooltip,
                      lambda name=device.description: self.tr("Train on {device}.").format(device=localized(name)),
                      combo, device.id.lower())
        if not info.gpu_names:
            combo.addItem("", DEVICE_NONE)
            bind_text(self, set_item_text, lambda: self.tr("GPU (none found)"), combo, DEVICE_NONE)
            index = combo.count() - 1
            model = combo.model()
            if isinstance(model, QStandardItemModel):
                model.item(index).setEnabled(False)
            bind_text(self, set_item_tooltip, lambda: localized(info.why_no_gpu), combo, DEVICE_NONE)
            bind_text(self, combo.setToolTip,
                      lambda: self.tr("Where the training runs. No GPU: {reason}").format(
                          reason=localized(info.why_no_gpu)))
        self._select_device(self._pending_device)
        combo.blockSignals(False)
        combo.setEnabled(not self._training)
        self._update_model_state_text()  # ends in _update_buttons

    def set_model_state(self, has_model: bool, description: str | Callable[[], str] = "") -> None:
        """Tell the panel whether Train continues an open model (described in a few words) or builds one.
        The description may be a function giving the words, so they follow a change of language."""
        self._has_model = has_model
        self._model_description = description or None
        if not has_model:
            self.new_model_check.setChecked(False)
        self.new_model_check.setEnabled(has_model and not self._training)
        self._update_model_state_text()
        self._sync_editor()

    def set_model_layers(self, title: str, architecture: Architecture | None, keras_rows: list[dict] | None = None
                         ) -> None:
        """The open model's layers, shown read-only in the editor while Train continues it: `architecture`,
        or the `keras_rows` (core.models.layer_summary) of a model whose layers the editor does not know."""
        self._model_title = title
        self._model_layers = architecture
        self._model_rows = list(keras_rows or [])
        self._sync_editor()

    # -- the architecture -------------------------------------------------------------------------------
    def set_architectures(self, architectures: list[NamedArchitecture]) -> None:
        """The user's named architectures, listed after the presets."""
        self._architectures = list(architectures)
        self._fill_named_entries()
        self.layer_editor.set_saved(self._saved_map())

    def architectures(self) -> list[NamedArchitecture]:
        return list(self._architectures)

    def layers_text(self) -> str:
        """The chosen layers when they are not a preset's ("" for a preset)."""
        data = self.preset_combo.currentData()
        if data == DRAFT:
            return self._draft
        if isinstance(data, str) and data.startswith(NAMED):
            named = self._named(data[len(NAMED):])
            return named.text if named is not None else ""
        return ""

    def architecture_name(self) -> str:
        """The chosen architecture's name: a preset's title, the user's name for it, or "custom"."""
        data = self.preset_combo.currentData()
        if isinstance(data, str) and data.startswith(NAMED):
            return data[len(NAMED):]
        if data == DRAFT:
            return CUSTOM_NAME
        return PRESETS[self._preset].title.replace(" (default)", "")

    def current_architecture(self) -> Architecture:
        """The chosen architecture (raises ArchitectureError when its text cannot be read)."""
        text = self.layers_text()
        if not text:
            return PRESETS[self._preset].architecture()
        return Architecture.from_text(text, self.architecture_name())

    def architecture_problem(self) -> str | None:
        """Why the chosen layers cannot work, or None when they can."""
        try:
            problem = self.current_architecture().problem()
        except ArchitectureError as error:
            return _error_text(error)
        return problem[1] if problem else None

    @Slot()
    def show_layer_editor(self) -> None:
        """Open the layer editor (a window beside this one) on the chosen architecture, or on the open
        model's layers while Train continues it."""
        self._sync_editor()
        if self.layer_editor.isVisible():  # open already, perhaps behind the window: bring it forward
            self.layer_editor.raise_()
            self.layer_editor.activateWindow()
        else:
            self.layer_editor.show()

    @Slot()
    def copy_model_layers(self) -> None:
        """The open model's layers become the chosen architecture (not saved yet), to edit; Train then
        builds a new model of them."""
        if self._model_layers is None or self._training:
            return
        self._select_layers(self._model_layers.to_text())
        self.new_model_check.setChecked(True)  # syncs the editor: editable now
        self._architecture_chosen()
        self.layer_editor.say(self.tr("A copy of the open model's layers: change them, name them to keep them, "
                                      "and Train builds a new model of them."))
        self.layer_editor.name_edit.setFocus()

    def start_new_model(self) -> bool:
        """True when Train should build a new model rather than continue the open one."""
        return not self._has_model or self.new_model_check.isChecked()

    # -- running ---------------------------------------------------------------------------------
    def set_training(self, active: bool) -> None:
        self._training = active
        for widget in self._inputs:
            widget.setEnabled(not active)
        self.layer_editor.set_locked(active)
        self.device_combo.setEnabled(not active and self._tensorflow_ready)
        self.new_model_check.setEnabled(not active and self._has_model)
        self._stopping = False
        if active:
            self._started = time.monotonic()
            self._plan = None
            self.progress_bar.setValue(0)
            bind_text(self, self.progress_label.setText, lambda: self.tr("Preparing the data and the model…"))
            bind_text(self, self.stop_button.setText, lambda: self.tr("Stop"))
        self._update_model_state_text()

    def set_blocked(self, blocked: bool) -> None:
        """Block Train while something else uses the model (an export)."""
        self._blocked = blocked
        self._update_buttons()

    def set_stopping(self) -> None:
        self._stopping = True
        self.stop_button.setEnabled(False)
        bind_text(self, self.stop_button.setText, lambda: self.tr("Stopping…"))
        bind_text(self, self.progress_label.setText, lambda: self.tr("Stopping after this batch…"))

    def show_plan(self, plan: TrainingPlan) -> None:
        self._plan = plan
        bind_text(self, self.progress_label.setText, lambda: self.tr(
            "Epoch 1/{epochs} · {training} training and {validation} validation images on {device}").format(
                epochs=plan.epochs, training=count_text(plan.train_samples),
                validation=count_text(plan.validation_samples), device=localized(plan.device)))

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
        left = elapsed / done * (1 - done) if done > 0 else None
        values = {"epoch": run_epoch + 1, "epochs": plan.epochs, "step": progress.step, "steps": progress.steps}

        def said() -> str:
            if left is None:
                return self.tr("Epoch {epoch}/{epochs} · batch {step}/{steps} · {elapsed} elapsed").format(
                    elapsed=format_duration(elapsed), **values)
            return self.tr("Epoch {epoch}/{epochs} · batch {step}/{steps} · {elapsed} elapsed · ETA {left}").format(
                elapsed=format_duration(elapsed), left=format_duration(left), **values)

        bind_text(self, self.progress_label.setText, said)

    def show_result(self, result: TrainingResult) -> None:
        seconds = time.monotonic() - self._started
        folder = result.config.tensorboard_dir if result.config is not None else None
        if result.status == "finished":
            self.progress_bar.setValue(self.progress_bar.maximum())

        def said() -> str:
            reason = localized(result.reason).rstrip(".")
            elapsed = format_duration(seconds)
            if result.status == "finished":
                text = self.tr("{reason} in {elapsed}.").format(reason=reason, elapsed=elapsed)
            elif result.status == "stopped":
                text = self.tr("{reason}, after {elapsed}.").format(reason=reason, elapsed=elapsed)
            else:
                return self.tr("Training failed; see the log.")
            return f"{text}\nTensorBoard: {tensorboard_command(folder)}" if folder else text

        bind_text(self, self.progress_label.setText, said)

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

    def _with_button(self, edit: QLineEdit, button: QToolButton) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(edit, 1)
        row.addWidget(button)
        bind_text(self, box.setToolTip, edit.toolTip)  # bound after the edit's own: read once it is re-said
        return box

    def _row(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel()
        bind_text(self, label.setText, lambda: localized(text))
        label.setBuddy(widget)
        bind_text(self, label.setToolTip, widget.toolTip)  # bound after the widget's own: read once it is re-said
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
        folder = self.choose_data_folder()
        if folder:
            self._add_data_folder(folder, select=True)
            self._last_data_index = self.data_combo.currentIndex()
        else:
            self.data_combo.setCurrentIndex(self._last_data_index)

    def choose_checkpoint_file(self) -> str:
        """Ask for the checkpoint file (a method, so tests can replace the dialog)."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Keep the best model of each run in"),
                                              self.checkpoint_edit.text() or "best.keras",
                                              self.tr("Keras model (*.keras)"))
        if path and not path.lower().endswith(".keras"):
            path += ".keras"
        return path

    def choose_tensorboard_folder(self) -> str:
        """Ask for the TensorBoard log folder (a method, so tests can replace the dialog)."""
        return QFileDialog.getExistingDirectory(self, self.tr("Write TensorBoard logs into"),
                                                self.tensorboard_edit.text())

    @Slot()
    def _browse_checkpoint(self) -> None:
        path = self.choose_checkpoint_file()
        if path:
            self.checkpoint_edit.setText(path)
            self._changed()

    @Slot()
    def _browse_tensorboard(self) -> None:
        folder = self.choose_tensorboard_folder()
        if folder:
            self.tensorboard_edit.setText(folder)
            self._changed()

    def choose_data_folder(self) -> str:
        """Ask for a data set folder (a method, so tests can replace the dialog)."""
        return QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder of MNIST IDX files or of digit images in sub-folders 0–9"))

    def _saved_map(self) -> dict[str, str]:
        return {item.name: item.text for item in self._architectures}

    def _named(self, name: str) -> NamedArchitecture | None:
        return next((item for item in self._architectures if item.name == name), None)

    def _fill_named_entries(self) -> None:
        """List the named architectures (and the unsaved layers) after the presets, keeping the choice."""
        combo = self.preset_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        texts = live_texts(self)
        try:
            while combo.count() > len(PRESETS):
                data = combo.itemData(combo.count() - 1)
                texts.forget(set_item_text, combo, data)
                texts.forget(set_item_tooltip, combo, data)
                combo.removeItem(combo.count() - 1)
            if self._architectures or self._draft:
                combo.insertSeparator(combo.count())
            for item in self._architectures:
                combo.addItem(item.name, NAMED + item.name)
                bind_text(self, set_item_tooltip,
                          lambda layers=item.text: self.tr("Your architecture: {layers}").format(layers=layers),
                          combo, NAMED + item.name)
            if self._draft:
                combo.addItem("", DRAFT)
                bind_text(self, set_item_text, lambda: self.tr("Your layers"), combo, DRAFT)
                bind_text(self, set_item_tooltip,
                          lambda layers=self._draft: self.tr("The layers you edited, not saved under a name: "
                                                             "{layers}").format(layers=layers), combo, DRAFT)
            index = combo.findData(chosen)
            combo.setCurrentIndex(index if index >= 0 else combo.findData(self._preset))
        finally:
            combo.blockSignals(False)

    def _select_layers(self, text: str) -> None:
        """Choose the entry with these layers: the one chosen, a named one, a preset, or the unsaved
        layers (which become `text`). Emits nothing."""
        combo = self.preset_combo
        try:
            text = Architecture.from_text(text).to_text()  # as the editor writes it
        except ArchitectureError:
            pass  # kept as given: the panel says why it cannot be read
        if self._entry_text(combo.currentData()) == text:
            return
        wanted = next((NAMED + item.name for item in self._architectures if item.text == text), None)
        wanted = wanted or next((name for name, preset in PRESETS.items()
                                 if preset.architecture().to_text() == text), None)
        if wanted is None:
            self._draft = text
            self._fill_named_entries()
            wanted = DRAFT
        if wanted in PRESETS:
            self._preset = wanted
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(wanted))
        combo.blockSignals(False)

    def _entry_text(self, data) -> str | None:
        """The layers text of an Architecture-list entry."""
        if data in PRESETS:
            return PRESETS[data].architecture().to_text()
        if data == DRAFT:
            return self._draft
        if isinstance(data, str) and data.startswith(NAMED):
            named = self._named(data[len(NAMED):])
            return named.text if named is not None else None
        return None

    @Slot()
    def _architecture_chosen(self, *_args) -> None:
        """Another entry of the Architecture list: describe it, count it, show it in the editor."""
        data = self.preset_combo.currentData()
        if data in PRESETS:
            self._preset = data
        try:
            architecture = self.current_architecture()
            text = architecture.to_text()
        except ArchitectureError:
            architecture, text = None, self.layers_text()
        shown = text if len(text) <= DESCRIBED_LENGTH else text[:DESCRIBED_LENGTH].rsplit(",", 1)[0] + ", …"
        if data in PRESETS:
            bind_text(self, self.preset_description.setText, lambda: localized(PRESETS[data].description))
        elif data == DRAFT:
            bind_text(self, self.preset_description.setText,
                      lambda: self.tr("Your layers, not saved under a name: {layers}").format(layers=shown))
        else:
            bind_text(self, self.preset_description.setText,
                      lambda: self.tr("Your architecture: {layers}").format(layers=shown))
        if text:
            bind_text(self, self.preset_description.setToolTip,
                      lambda: self.tr("The layers: {layers} (and the output Dense 10 softmax).").format(layers=text))
        else:
            bind_text(self, self.preset_description.setToolTip, lambda: self.tr("What the chosen architecture is."))
        problem = self.architecture_problem()
        if problem is None and architecture is not None:
            count = architecture.parameter_count()
            bind_text(self, self.parameters_label.setText,
                      lambda: self.tr("Parameters: {count}").format(count=count_text(count)))
            bind_text(self, self.parameters_label.setToolTip,
                      lambda: self.tr("How many numbers the network learns (weights and biases)."))
        else:
            bind_text(self, self.parameters_label.setText,
                      lambda: self.tr("Parameters: – (these layers cannot work)"))
            bind_text(self, self.parameters_label.setToolTip, lambda: localized(problem or ""))
        self._update_model_state_text()
        self._sync_editor()

    @Slot()
    def _layers_edited(self) -> None:
        """The user changed the layers in the editor: they become the chosen architecture."""
        if self.layer_editor.is_read_only():
            return
        text = self.layer_editor.architecture().to_text()
        self._editor_shows = ("edit", text)
        self._select_layers(text)
        self._architecture_chosen()
        self.configChanged.emit()

    @Slot(str)
    def _save_architecture(self, name: str) -> None:
        editor = self.layer_editor
        taken = {preset.name for preset in PRESETS.values()} | {preset.title.replace(" (default)", "")
                                                                 for preset in PRESETS.values()}
        taken |= {preset.title for preset in PRESETS.values()} | {DRAFT_TITLE, CUSTOM_NAME}
        taken |= {localized(preset.title) for preset in PRESETS.values()} | {_short_title(key) for key in PRESETS}
        taken.add(self.tr("Your layers"))  # the names as the list shows them in the current language too
        if not name or name in taken:
            editor.say(self.tr("“{name}” is the name of a preset: choose another name.").format(name=name) if name
                       else self.tr("Type a name first."))
            return
        text = editor.architecture().to_text()
        replaced = self._named(name) is not None
        kept = NamedArchitecture(name, text)
        self._architectures = ([kept if item.name == name else item for item in self._architectures] if replaced
                               else [*self._architectures, kept])
        if self._draft == text:
            self._draft = ""
        self._fill_named_entries()
        self._editor_shows = ("edit", text)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(NAMED + name))  # → _architecture_chosen
        editor.set_saved(self._saved_map())
        editor.say(self.tr("Replaced your architecture “{name}”.").format(name=name) if replaced else
                   self.tr("Kept as “{name}”: it is in the Architecture list now, also after a restart.").format(
                       name=name))
        self.architecturesChanged.emit(self.architectures())
        self.configChanged.emit()

    @Slot(str)
    def _delete_architecture(self, name: str) -> None:
        named = self._named(name)
        if named is None:
            return
        chosen = self.preset_combo.currentData() == NAMED + name
        self._architectures = [item for item in self._architectures if item.name != name]
        if chosen:  # its layers stay chosen, as unsaved layers
            self._draft = named.text
        self._fill_named_entries()
        if chosen:
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(DRAFT))
        self.layer_editor.set_saved(self._saved_map())
        self.layer_editor.say(self.tr("Forgot your architecture “{name}”.").format(name=name))
        self.architecturesChanged.emit(self.architectures())
        self.configChanged.emit()

    @Slot()
    def _sync_editor(self, *_args) -> None:
        """Give the editor what it should show: the open model's layers (read-only) while Train continues
        it, else the chosen architecture. Nothing is given twice, so an edit in progress keeps its focus."""
        editor = self.layer_editor
        if self._has_model and not self.new_model_check.isChecked():
            wanted = ("model", self._model_title, self._model_layers.to_text() if self._model_layers else None)
            if wanted != self._editor_shows:
                editor.show_model(self._model_title, self._model_layers, self._model_rows)
        else:
            try:
                architecture = self.current_architecture()
            except ArchitectureError as error:
                log.warning("the chosen layers cannot be read (%s)", error)
                return
            wanted = ("edit", architecture.to_text())
            if wanted != self._editor_shows:
                data = self.preset_combo.currentData()
                if isinstance(data, str) and data.startswith(NAMED):
                    name = data[len(NAMED):]  # the name field names the chosen architecture
                elif data in PRESETS or self._editor_shows is None or self._editor_shows[0] == "model":
                    name = ""
                else:
                    name = None  # unsaved layers: the name being typed stays
                editor.edit(architecture, name)
        self._editor_shows = wanted

    @Slot()
    def _changed(self, *_args) -> None:
        self.configChanged.emit()

    @Slot()
    def _update_model_state_text(self, *_args) -> None:
        data = self.preset_combo.currentData()
        description = self._model_description
        if self._training:
            bind_text(self, self.model_state_label.setText, lambda: (
                self.tr("Training {model}.").format(model=self._said(description)) if description
                else self.tr("Training the open model.")))
            bind_text(self, self.train_button.setText, lambda: self.tr("Training…"))
        elif self._has_model and not self.new_model_check.isChecked():
            bind_text(self, self.model_state_label.setText, lambda: (
                self.tr("Train continues {model}.").format(model=self._said(description)) if description
                else self.tr("Train continues the open model.")))
            bind_text(self, self.train_button.setText, lambda: self.tr("Continue training"))
        else:
            if data in PRESETS:
                def said() -> str:
                    return self.tr("Train builds a new {title}.").format(title=_short_title(data))
            elif data == DRAFT:
                def said() -> str:
                    return self.tr("Train builds a new network of your layers.")
            else:
                name = self.architecture_name()

                def said() -> str:
                    return self.tr("Train builds a new “{name}” network.").format(name=name)
            bind_text(self, self.model_state_label.setText, said)
            bind_text(self, self.train_button.setText, lambda: self.tr("Train"))
        self._update_buttons()

    @staticmethod
    def _said(description: Any) -> str:
        """The open model's description as set_model_state got it: words, or a function giving them."""
        return localized(description() if callable(description) else description)

    def _update_buttons(self) -> None:
        problem = self.architecture_problem() if self.start_new_model() else None
        self.train_button.setEnabled(self._tensorflow_ready and not self._training and not self._blocked
                                     and problem is None)
        self.stop_button.setEnabled(self._training and not self._stopping)
        if not self._tensorflow_ready:
            bind_text(self, self.train_button.setToolTip, lambda: self.tr("Waiting for TensorFlow to load…"))
        elif problem is not None and not self._training:
            bind_text(self, self.train_button.setToolTip,
                      lambda: self.tr("These layers cannot work: {problem} Change them with Edit layers…").format(
                          problem=localized(problem)))
        elif self._has_model and not self.new_model_check.isChecked():
            bind_text(self, self.train_button.setToolTip,
                      lambda: self.tr("Continue training the open model for the chosen number of epochs (its "
                                      "optimizer state is kept)."))
        else:
            bind_text(self, self.train_button.setToolTip,
                      lambda: self.tr("Build a new model of the chosen architecture and train it."))

    def sizeHint(self) -> QSize:
        return QSize(320, super().sizeHint().height())
