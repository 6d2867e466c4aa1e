"""The layer editor: the layers a new model is built from, one row each, with every layer's output shape
and parameters worked out as you type (core.architecture: no TensorFlow, well under a millisecond).

Each row is a kind (a combo box) and that kind's values, whose inputs are made from the kind's options in
`core.architecture.KINDS` (a whole number → spin box, a fraction → spin box from 0 to 1, choices → combo
box, yes/no → check box), so a kind added there appears here with no edit. A stack that cannot work marks
the row at fault and says why. The input and the output layer the app adds are shown and never edited.

An open model that Train continues is shown read-only: its own layers, from its file's description or read
from the Keras model; layers of kinds the editor does not know are listed as Keras names them.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox, QDialog, QDoubleSpinBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.core.architecture import (INPUT_SHAPE, KINDS, Architecture, ArchitectureError, Layer, Option,
                                           parse_layer)
from desktop_app.core.errors import message_of
from desktop_app.core.models import PRESETS
from desktop_app.gui.i18n import bind_text, localized
from desktop_app.gui.text_format import count_text

KIND_COLUMN, SETTINGS_COLUMN, SHAPE_COLUMN, PARAMETERS_COLUMN = range(4)
PROBLEM_COLOUR = QColor("#e11d48")  # blended into the palette's base colour: reads on light and dark themes
INT_MAXIMUM = 99_999  # five digits keep the spin boxes narrow; more would pass every parameter limit
# A kind's first values when a row becomes that kind (the options without a default need one).
STARTER_TEXT = {"conv": "conv 32 3", "dense": "dense 128", "dropout": "dropout 0.25", "activation": "activation relu"}


# The texts below are said in the current language each time a row is built; the editor builds its rows
# again when the language changes (LayerEditor.changeEvent).
def kind_tip() -> str:
    return QCoreApplication.translate("LayerEditor", "The kind of this layer; changing it keeps the values the two "
                                      "kinds share.")


def fixed_tip() -> str:
    return QCoreApplication.translate("LayerEditor", "Added by Digit Lab and never edited: every network reads a "
                                      "28×28 image and answers with ten probabilities.")


def option_tip(name: str) -> str:
    """What an option of a layer does, in the current language."""
    tips = {
        "filters": QCoreApplication.translate(
            "LayerEditor", "How many feature maps the convolution makes (each a learned filter)."),
        "kernel": QCoreApplication.translate(
            "LayerEditor", "The side of the square window each filter looks through, in pixels."),
        "stride": QCoreApplication.translate(
            "LayerEditor", "How far the window moves between outputs; 2 halves the map."),
        "padding": QCoreApplication.translate(
            "LayerEditor", "same: pad the edges so the map keeps its size (at stride 1); valid: no padding, the "
            "map shrinks."),
        "activation": QCoreApplication.translate("LayerEditor", "The function applied to each output."),
        "bias": QCoreApplication.translate("LayerEditor", "Whether each filter or unit adds a learned constant."),
        "size": QCoreApplication.translate(
            "LayerEditor", "The side of the square window pooled into one value; the map shrinks by this factor."),
        "momentum": QCoreApplication.translate(
            "LayerEditor", "How slowly the running mean and variance follow each batch (0.9: fast, 0.99: slow)."),
        "rate": QCoreApplication.translate(
            "LayerEditor", "The share of the inputs set to zero at random in each training step."),
        "units": QCoreApplication.translate("LayerEditor", "How many outputs (neurons) the layer has."),
        "name": QCoreApplication.translate("LayerEditor", "The function applied to each value."),
    }
    return tips.get(name) or QCoreApplication.translate("LayerEditor", "The layer's {option}.").format(option=name)


def option_label(name: str) -> str:
    """An option's name as the editor labels its input (the layers text keeps the English keyword)."""
    labels = {
        "filters": QCoreApplication.translate("LayerEditor", "filters"),
        "kernel": QCoreApplication.translate("LayerEditor", "kernel"),
        "stride": QCoreApplication.translate("LayerEditor", "stride"),
        "padding": QCoreApplication.translate("LayerEditor", "padding"),
        "activation": QCoreApplication.translate("LayerEditor", "activation"),
        "bias": QCoreApplication.translate("LayerEditor", "bias"),
        "size": QCoreApplication.translate("LayerEditor", "size"),
        "momentum": QCoreApplication.translate("LayerEditor", "momentum"),
        "rate": QCoreApplication.translate("LayerEditor", "rate"),
        "units": QCoreApplication.translate("LayerEditor", "units"),
        "name": QCoreApplication.translate("LayerEditor", "name"),
    }
    return labels.get(name, name)


def _shape_text(shape: tuple[int, ...]) -> str:
    return "×".join(str(size) for size in shape)


def _layer_values_text(layer: Layer) -> str:
    """“filters 32 · kernel 5 · padding valid”: the positional values and the options that differ from
    their default."""
    kind = KINDS[layer.kind]
    parts = [f"{option_label(option.name)} {_value_text(layer.values[option.name])}" for option in kind.positional]
    parts += [f"{option_label(option.name)} {_value_text(layer.values[option.name])}" for option in kind.options
              if layer.values[option.name] != option.default]
    return " · ".join(parts)


def _value_text(value: Any) -> str:
    if isinstance(value, bool):
        return QCoreApplication.translate("LayerEditor", "yes") if value else \
            QCoreApplication.translate("LayerEditor", "no")
    return f"{value:g}" if isinstance(value, float) else str(value)


def starter_layer(kind: str, previous: Layer | None = None) -> Layer:
    """A new layer of `kind`: its starter values, with the values of `previous` whose option it shares
    (a convolution that becomes a dense layer keeps its activation; a max pool turned average its size)."""
    layer = parse_layer(STARTER_TEXT.get(kind, kind), 0)
    values = dict(layer.values)
    for name, value in (previous.values if previous is not None else {}).items():
        if name in values and type(value) is type(values[name]):
            option = next(option for option in KINDS[kind].all_options() if option.name == name)
            if not option.choices or value in option.choices:
                values[name] = value
    return Layer(kind, values)


def problem_background(palette: QPalette) -> QColor:
    """The background of a row at fault: the palette's base colour tinted red."""
    base = palette.color(QPalette.ColorRole.Base)
    share = 0.28

    def mix(a: int, b: int) -> int:
        return round(a + (b - a) * share)

    return QColor(mix(base.red(), PROBLEM_COLOUR.red()), mix(base.green(), PROBLEM_COLOUR.green()),
                  mix(base.blue(), PROBLEM_COLOUR.blue()))


def option_input(option: Option, value: Any) -> tuple[QWidget, Callable[[], Any], SignalInstance]:
    """The input for one option of a layer: (widget, read its value, its changed signal)."""
    tip = option_tip(option.name)
    if option.choices:
        combo = QComboBox()
        for choice in option.choices:
            combo.addItem(str(choice), choice)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        combo.setToolTip(tip)
        return combo, combo.currentData, combo.currentIndexChanged
    if option.kind is bool:
        check = QCheckBox(option_label(option.name))
        check.setChecked(bool(value))
        check.setToolTip(tip)
        return check, check.isChecked, check.toggled
    if option.kind is int:
        spin = QSpinBox()
        spin.setRange(1, INT_MAXIMUM)  # every whole-number option counts something: at least 1
        spin.setValue(int(value))
        spin.setToolTip(tip)
        return spin, spin.value, spin.valueChanged
    if option.kind is float:  # the fractional options (a rate, a momentum) lie from 0 up to 1
        double = QDoubleSpinBox()
        double.setRange(0.0, 1.0)
        double.setDecimals(3)
        double.setSingleStep(0.05)
        double.setValue(float(value))
        double.setToolTip(tip)
        return double, lambda: round(double.value(), 3), double.valueChanged
    edit = QLineEdit(str(value))
    edit.setToolTip(tip)
    return edit, edit.text, edit.textChanged


class _FocusWatcher(QObject):
    """Selects a row when one of its inputs takes the focus, so Add, Remove and Move act on it; and lets
    the mouse wheel scroll the table over an input it has not clicked, instead of changing its value."""

    def __init__(self, editor: "LayerEditor") -> None:
        super().__init__(editor)
        self._editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._editor.select_widget_row(watched)
        elif event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            QApplication.sendEvent(self._editor.table.verticalScrollBar(), event)
            return True
        return False


class LayerEditor(QDialog):
    """The layers of the architecture Train builds (editable), or of the open model Train continues
    (read-only, with “Copy into a new architecture”)."""

    edited = Signal()  # the user changed the layers: architecture() has the new ones
    saveRequested = Signal(str)  # keep the layers under this name
    deleteRequested = Signal(str)  # forget the architecture of this name
    copyRequested = Signal()  # the open model's layers become a new architecture to edit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bind_text(self, self.setWindowTitle, lambda: self.tr("Layers"))
        self._layers: list[Layer] = []
        self._read_only = False
        self._locked = False
        self._model_layers: Architecture | None = None
        self._keras_rows: list[dict] = []  # an open model's Keras layers, when the editor does not know them
        self._saved_names: list[str] = []
        self._saved_texts: dict[str, str] = {}
        self._problem: tuple[int | None, str] | None = None
        self._focus_watcher = _FocusWatcher(self)

        self.start_combo = QComboBox()
        bind_text(self, self.start_combo.setToolTip, lambda: self.tr(
            "Replace the layers with a preset's or one of your architectures', to edit from there."))
        self.start_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.name_edit = QLineEdit()
        bind_text(self, self.name_edit.setPlaceholderText, lambda: self.tr("A name to keep them"))
        bind_text(self, self.name_edit.setToolTip, lambda: self.tr(
            "The name your architecture is kept under; it then appears in the training panel's Architecture "
            "list, also after a restart."))
        self.name_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self.save_button = QPushButton()
        bind_text(self, self.save_button.setText, lambda: self.tr("&Save"))
        self.delete_button = QPushButton()
        bind_text(self, self.delete_button.setText, lambda: self.tr("Dele&te"))
        bind_text(self, self.delete_button.setToolTip, lambda: self.tr(
            "Forget the architecture of this name (the layers stay here)."))
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        bind_text(self, self.note_label.setToolTip, lambda: self.tr("What happened to your named architectures."))
        self.note_label.hide()

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        bind_text(self, self.banner.setToolTip, lambda: self.tr(
            "Train continues the open model, whose layers are fixed; tick “Start a new model” in the training "
            "panel, or copy them, to build another."))
        self.copy_button = QPushButton()
        bind_text(self, self.copy_button.setText, lambda: self.tr("&Copy into a new architecture"))
        bind_text(self, self.copy_button.setToolTip, lambda: self.tr(
            "Edit a copy of these layers: Train then builds a new model of them."))

        self.table = QTableWidget(0, 4)
        bind_text(self, self.table.setHorizontalHeaderLabels, lambda: [
            self.tr("Layer"), self.tr("Settings"), self.tr("Output shape"), self.tr("Parameters")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        bind_text(self, self.table.setToolTip, lambda: self.tr(
            "One row per layer, from the 28×28 input to the 10 outputs the app adds: change a layer's kind and "
            "values; its output shape and parameters follow."))
        self.table.setWordWrap(False)
        row_height = max(QSpinBox().sizeHint().height(), QComboBox().sizeHint().height()) + 6
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KIND_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SETTINGS_COLUMN, QHeaderView.ResizeMode.ResizeToContents)  # every input whole
        header.setSectionResizeMode(SHAPE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.add_button = QPushButton()
        bind_text(self, self.add_button.setText, lambda: self.tr("&Add"))
        bind_text(self, self.add_button.setToolTip, lambda: self.tr(
            "Add a layer after the selected one: a copy of it, to change (its kind too)."))
        self.remove_button = QPushButton()
        bind_text(self, self.remove_button.setText, lambda: self.tr("&Remove"))
        bind_text(self, self.remove_button.setToolTip, lambda: self.tr("Remove the selected layer."))
        self.up_button = QPushButton()
        bind_text(self, self.up_button.setText, lambda: self.tr("Move &up"))
        bind_text(self, self.up_button.setToolTip, lambda: self.tr(
            "Move the selected layer one place towards the input."))
        self.down_button = QPushButton()
        bind_text(self, self.down_button.setText, lambda: self.tr("Move &down"))
        bind_text(self, self.down_button.setToolTip, lambda: self.tr(
            "Move the selected layer one place towards the output."))
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        bind_text(self, self.summary_label.setToolTip, lambda: self.tr(
            "The layers, and how many numbers the network learns; or why it cannot work."))
        self.close_button = QPushButton()
        bind_text(self, self.close_button.setText, lambda: self.tr("Close"))
        bind_text(self, self.close_button.setToolTip, lambda: self.tr("Close the editor: Train builds what it shows."))
        self.close_button.setAutoDefault(False)

        top = QHBoxLayout()
        start_label = QLabel()
        bind_text(self, start_label.setText, lambda: self.tr("Start &from:"))
        start_label.setBuddy(self.start_combo)
        top.addWidget(start_label)
        top.addWidget(self.start_combo)
        top.addStretch(1)
        name_label = QLabel()
        bind_text(self, name_label.setText, lambda: self.tr("&Name:"))
        name_label.setBuddy(self.name_edit)
        top.addWidget(name_label)
        top.addWidget(self.name_edit)
        top.addWidget(self.save_button)
        top.addWidget(self.delete_button)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.copy_button)
        self._banner_row = QWidget()
        self._banner_row.setLayout(banner_row)
        banner_row.setContentsMargins(0, 0, 0, 0)
        edit_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            edit_buttons.addWidget(button)
        edit_buttons.addStretch(1)
        edit_buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note_label)
        layout.addWidget(self._banner_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addLayout(edit_buttons)
        for button in (self.save_button, self.delete_button, self.copy_button):
            button.setAutoDefault(False)

        self.start_combo.activated.connect(self._start_from)
        self.name_edit.textChanged.connect(self._update_buttons)
        self.name_edit.returnPressed.connect(self._save)
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self.copy_button.clicked.connect(self._copy)
        self.add_button.clicked.connect(self.add_layer)
        self.remove_button.clicked.connect(self.remove_layer)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        self.close_button.clicked.connect(self.close)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.set_saved({})
        self._fitted = False
        self.resize(1120, 680)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def _retranslate(self) -> None:
        """Build the Start from list and the rows again in the new language (the kinds' titles, the option
        labels and tips, the fixed rows, the summary); the bound texts follow by themselves."""
        self.set_saved(dict(self._saved_texts))
        if not self._read_only:
            self._set_layers(self._layers, select=self.selected_layer())
        elif self._model_layers is not None:
            self._fill_read_only(self._model_layers)
        else:
            self._fill_keras_rows(self._keras_rows)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:  # the first time: as tall as the rows need (a size the user sets then stays)
            self._fitted = True
            self.fit_height()

    def fit_height(self, most_rows: int = 20) -> None:
        """Make the editor as tall as its rows need (`most_rows` at most), with no empty space below."""
        table = self.table
        rows = min(table.rowCount(), most_rows)
        wanted = (table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize()
                  + 2 * table.frameWidth() + (table.horizontalScrollBar().height()
                                              if table.horizontalScrollBar().isVisible() else 0))
        self.resize(self.width(), self.height() - table.height() + wanted)

    # -- what is shown ------------------------------------------------------------------------------
    def set_saved(self, architectures: dict[str, str]) -> None:
        """The user's named architectures (name → layers text), for Start from and Delete."""
        self._saved_names = list(architectures)
        self._saved_texts = dict(architectures)
        combo = self.start_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Choose…"), None)
        for preset in PRESETS.values():
            combo.addItem(localized(preset.title), ("preset", preset.name))
            combo.setItemData(combo.count() - 1, preset.text, Qt.ItemDataRole.ToolTipRole)
        if architectures:
            combo.insertSeparator(combo.count())
        for name, text in architectures.items():
            combo.addItem(name, ("named", name))
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
        self._update_buttons()

    def edit(self, architecture: Architecture, name: str | None = None) -> None:
        """Show `architecture` to edit; `name` fills the name field (None: leave it as it is)."""
        self._read_only = False
        self._model_layers = None
        self._banner_row.hide()
        if name is not None:
            self.name_edit.setText(name)
        self._set_layers(list(architecture.layers))
        bind_text(self, self.setWindowTitle, lambda: self.tr("Edit layers"))

    def show_model(self, title: str, architecture: Architecture | None, keras_rows: list[dict] | None = None) -> None:
        """Show an open model's layers read-only: `architecture` when they are kinds the editor knows,
        else the `keras_rows` of core.models.layer_summary. `title` may be a core text (shown localized)."""
        self._read_only = True
        self._model_layers = architecture
        self._keras_rows = list(keras_rows or [])
        self._banner_row.show()
        bind_text(self, self.setWindowTitle, lambda: self.tr("Layers of {title}").format(title=localized(title)))
        if architecture is not None:
            bind_text(self, self.banner.setText, lambda: self.tr(
                "The layers of the open model, {title}: Train continues it, so they cannot change. Copy them to "
                "build a new model from them.").format(title=localized(title)))
            bind_text(self, self.copy_button.setToolTip, lambda: self.tr(
                "Edit a copy of these layers: Train then builds a new model of them."))
            self._layers = list(architecture.layers)
            self._fill_read_only(architecture)
        else:
            bind_text(self, self.banner.setText, lambda: self.tr(
                "The open model, {title}, has layers the editor does not know (it was built elsewhere): Train "
                "can continue it, but its layers cannot be edited or copied.").format(title=localized(title)))
            bind_text(self, self.copy_button.setToolTip, lambda: self.tr(
                "Only layers of the kinds the editor knows can be copied."))
            self._layers = []
            self._fill_keras_rows(self._keras_rows)
        self._update_buttons()

    def is_read_only(self) -> bool:
        return self._read_only

    def set_locked(self, locked: bool) -> None:
        """Nothing can change while a training run goes on (it is still shown)."""
        self._locked = locked
        self.table.setEnabled(not locked)
        self._update_buttons()

    def architecture(self) -> Architecture:
        """The layers shown (the edited ones, or the open model's when it is shown read-only)."""
        return Architecture(tuple(self._layers), self.name_edit.text().strip())

    def problem(self) -> tuple[int | None, str] | None:
        """(index of the layer at fault, None for the network as a whole; the sentence) or None."""
        return self._problem

    def say(self, text) -> None:
        """A line under the name field: what Save or Delete did, or why not. `text` is a string (a core
        text is shown localized) or a function giving one (`lambda: self.tr(...)`), said again when the
        language changes."""
        bind_text(self, self.note_label.setText, text if callable(text) else (lambda: localized(text)))
        self.note_label.setVisible(bool(self.note_label.text()))

    # -- rows (for the tests and the screenshot script) ------------------------------------------------
    def layer_row(self, index: int) -> int:
        """The table row of layer `index` (row 0 is the input)."""
        return index + 1

    def kind_combo(self, index: int) -> QComboBox:
        return self.table.cellWidget(self.layer_row(index), KIND_COLUMN)

    def option_widget(self, index: int, name: str) -> QWidget:
        """The input of option `name` of layer `index`."""
        settings = self.table.cellWidget(self.layer_row(index), SETTINGS_COLUMN)
        return settings.findChild(QWidget, f"option-{name}")

    def row_texts(self, index: int) -> tuple[str, str]:
        """(output shape, parameters) as layer `index`'s row shows them; the output layer is index
        len(layers)."""
        row = self.layer_row(index)
        return self.table.item(row, SHAPE_COLUMN).text(), self.table.item(row, PARAMETERS_COLUMN).text()

    def row_is_marked(self, index: int) -> bool:
        """Whether layer `index`'s row (len(layers): the output's) is marked as the one at fault."""
        item = self.table.item(self.layer_row(index), SHAPE_COLUMN)
        return item is not None and item.data(Qt.ItemDataRole.BackgroundRole) is not None

    def row_tooltip(self, index: int) -> str:
        return self.table.item(self.layer_row(index), SHAPE_COLUMN).toolTip()

    def select_layer(self, index: int) -> None:
        self.table.selectRow(self.layer_row(index))

    def selected_layer(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        index = rows[0].row() - 1
        return index if 0 <= index < len(self._layers) else None

    @Slot(QObject)
    def select_widget_row(self, widget: QObject) -> None:
        for row in range(1, self.table.rowCount() - 1):
            for column in (KIND_COLUMN, SETTINGS_COLUMN):
                cell = self.table.cellWidget(row, column)
                if cell is not None and (cell is widget or cell.isAncestorOf(widget)):
                    if self.selected_layer() != row - 1:
                        self.table.selectRow(row)
                    return

    # -- editing --------------------------------------------------------------------------------------
    def _editable(self) -> bool:
        return not self._read_only and not self._locked

    @Slot()
    def add_layer(self) -> None:
        if not self._editable():
            return
        index = self.selected_layer()
        if index is None:
            index = len(self._layers) - 1
        new = self._layers[index] if index >= 0 else starter_layer("conv")
        self._layers.insert(index + 1, new)
        self._set_layers(self._layers, select=index + 1)
        self.edited.emit()

    @Slot()
    def remove_layer(self) -> None:
        index = self.selected_layer()
        if not self._editable() or index is None:
            return
        del self._layers[index]
        self._set_layers(self._layers, select=min(index, len(self._layers) - 1))
        self.edited.emit()

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        index = self.selected_layer()
        if not self._editable() or index is None or not 0 <= index + step < len(self._layers):
            return
        layers = self._layers
        layers[index], layers[index + step] = layers[index + step], layers[index]
        self._set_layers(layers, select=index + step)
        self.edited.emit()

    @Slot(int)
    def _start_from(self, combo_index: int) -> None:
        choice = self.start_combo.itemData(combo_index)
        self.start_combo.setCurrentIndex(0)
        if not self._editable() or not choice:
            return
        kind, name = choice
        text = PRESETS[name].text if kind == "preset" else self._saved_texts.get(name, "")
        try:
            architecture = Architecture.from_text(text)
        except ArchitectureError as error:  # a saved text is checked on reading; never expected here
            self.say(message_of(error))
            return
        self.name_edit.setText(name if kind == "named" else "")
        self._set_layers(list(architecture.layers))
        self.edited.emit()

    def _kind_chosen(self, index: int, combo: QComboBox) -> None:
        kind = combo.currentData()
        if not self._editable() or kind == self._layers[index].kind:
            return
        self._layers[index] = starter_layer(kind, self._layers[index])
        self.table.setCellWidget(self.layer_row(index), SETTINGS_COLUMN, self._settings_widget(index))
        self._refresh()
        self.edited.emit()

    def _value_changed(self, index: int, name: str, read: Callable[[], Any]) -> None:
        layer = self._layers[index]
        self._layers[index] = Layer(layer.kind, {**layer.values, name: read()})
        self._refresh()
        self.edited.emit()

    @Slot()
    def _copy(self) -> None:
        if not self._locked:
            self.copyRequested.emit()

    @Slot()
    def _save(self) -> None:
        if self.save_button.isEnabled():
            self.saveRequested.emit(self.name_edit.text().strip())

    @Slot()
    def _delete(self) -> None:
        self.deleteRequested.emit(self.name_edit.text().strip())

    # -- building the table ---------------------------------------------------------------------------
    def _set_layers(self, layers: list[Layer], select: int | None = None) -> None:
        self._layers = list(layers)
        table = self.table
        table.setRowCount(0)
        table.setRowCount(len(self._layers) + 2)
        self._fixed_row(0, self.tr("Input"), self.tr("a 28×28 grey image"), _shape_text(INPUT_SHAPE))
        for index in range(len(self._layers)):
            table.setCellWidget(self.layer_row(index), KIND_COLUMN, self._kind_widget(index))
            table.setCellWidget(self.layer_row(index), SETTINGS_COLUMN, self._settings_widget(index))
        self._fixed_row(table.rowCount() - 1, self.tr("Output (added)"),
                        self.tr("Dense 10 · softmax: a probability per digit"), "10")
        self._set_row_labels()
        self._refresh()
        if select is not None and 0 <= select < len(self._layers):
            self.select_layer(select)
        self._update_buttons()

    def _set_row_labels(self) -> None:
        count = self.table.rowCount()
        self.table.setVerticalHeaderLabels([self.tr("in"), *(str(row) for row in range(1, count - 1)),
                                            self.tr("out")])

    def _fixed_row(self, row: int, kind: str, settings: str, shape: str) -> None:
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for column, text in ((KIND_COLUMN, kind), (SETTINGS_COLUMN, settings), (SHAPE_COLUMN, shape),
                             (PARAMETERS_COLUMN, "")):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(muted)
            item.setToolTip(fixed_tip())
            self.table.setItem(row, column, item)

    def _kind_widget(self, index: int) -> QComboBox:
        combo = QComboBox()
        for kind in KINDS.values():
            combo.addItem(localized(kind.title), kind.name)
            combo.setItemData(combo.count() - 1, f"{localized(kind.title)} ({kind.keras})",
                              Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(combo.findData(self._layers[index].kind))
        combo.setToolTip(kind_tip())
        combo.currentIndexChanged.connect(lambda _i, combo=combo, index=index: self._kind_chosen(index, combo))
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel over it scrolls the table (see _FocusWatcher)
        combo.installEventFilter(self._focus_watcher)
        return combo

    def _settings_widget(self, index: int) -> QWidget:
        layer = self._layers[index]
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(4, 0, 4, 0)
        row.setSpacing(4)
        for option in KINDS[layer.kind].all_options():
            widget, read, changed = option_input(option, layer.values[option.name])
            widget.setObjectName(f"option-{option.name}")
            if not isinstance(widget, QCheckBox):
                label = QLabel(option_label(option.name))
                label.setBuddy(widget)
                label.setToolTip(widget.toolTip())
                row.addWidget(label)
            row.addWidget(widget)
            row.addSpacing(6)
            changed.connect(lambda *_args, name=option.name, read=read: self._value_changed(index, name, read))
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(self._focus_watcher)
        if not KINDS[layer.kind].all_options():
            empty = QLabel(self.tr("no settings"))
            empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            empty.setToolTip(self.tr("This kind of layer has nothing to set."))
            row.addWidget(empty)
        row.addStretch(1)
        return box

    def _fill_read_only(self, architecture: Architecture) -> None:
        table = self.table
        table.setRowCount(0)
        table.setRowCount(len(architecture.layers) + 2)
        self._fixed_row(0, self.tr("Input"), self.tr("a 28×28 grey image"), _shape_text(INPUT_SHAPE))
        for index, layer in enumerate(architecture.layers):
            for column, text in ((KIND_COLUMN, localized(KINDS[layer.kind].title)),
                                 (SETTINGS_COLUMN, _layer_values_text(layer) or self.tr("no settings"))):
                item = QTableWidgetItem(text)
                item.setToolTip(layer.to_text())
                table.setItem(self.layer_row(index), column, item)
        self._fixed_row(table.rowCount() - 1, self.tr("Output"),
                        self.tr("Dense 10 · softmax: a probability per digit"), "10")
        self._set_row_labels()
        self._refresh()

    def _fill_keras_rows(self, rows: list[dict]) -> None:
        self._problem = None
        table = self.table
        rows = [row for row in rows if row.get("type") != "InputLayer"]
        table.setRowCount(0)
        table.setRowCount(len(rows))
        for position, layer in enumerate(rows):
            shape = layer.get("output_shape") or ()
            shape_text = _shape_text(tuple(part for part in shape if part is not None)) or "?"
            values = [layer.get("type", "?"), layer.get("name", ""), shape_text, count_text(layer.get("parameters", 0))]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column == PARAMETERS_COLUMN:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(self.tr("{name}: a Keras {type} layer.").format(name=layer.get("name", ""),
                                                                               type=layer.get("type", "?")))
                table.setItem(position, column, item)
        table.setVerticalHeaderLabels([str(row + 1) for row in range(len(rows))])
        total = sum(row.get("parameters", 0) for row in rows)
        bind_text(self, self.summary_label.setText, lambda count=len(rows), total=total: self.tr(
            "%n Keras layer(s) · {parameters} parameters", "", count).format(parameters=count_text(total)))

    # -- shapes, parameters and the row at fault ---------------------------------------------------------
    def _refresh(self) -> None:
        """Work out every row's output shape and parameters, and mark the row at fault."""
        architecture = Architecture(tuple(self._layers))
        reports, error = architecture.analyse_partly()
        self._problem = None
        if error is not None:
            text = str(error)  # English: the layer's number is read from it
            index = int(text.split()[1]) - 1 if text.startswith("Layer ") else None
            self._problem = (index, message_of(error))  # a core text stays translatable
        output_row = self.table.rowCount() - 1
        marked_row = None
        if self._problem is not None:
            index = self._problem[0]
            marked_row = self.layer_row(index) if index is not None else output_row
        for row in range(1, output_row + 1):
            index = row - 1
            report = reports[index] if index < len(reports) else None
            shape = _shape_text(report.output_shape) if report is not None else "–"
            parameters = count_text(report.parameters) if report is not None else "–"
            self._set_figures(row, shape, parameters, marked=row == marked_row)
        total = sum(report.parameters for report in reports)
        if error is None:
            bind_text(self, self.summary_label.setText, lambda count=len(self._layers), total=total: self.tr(
                "%n layer(s) and the output · {parameters} parameters", "", count).format(
                parameters=count_text(total)))
        else:
            bind_text(self, self.summary_label.setText, lambda problem=self._problem[1]: self.tr(
                "These layers cannot work. {problem}").format(problem=localized(problem)))
        self._update_buttons()

    def _set_figures(self, row: int, shape: str, parameters: str, marked: bool) -> None:
        """A row's figures, and its mark: a red-tinted background and the sentence as every cell's tooltip."""
        tip = localized(self._problem[1]) if marked and self._problem else ""
        for column in range(self.table.columnCount()):
            item = self.table.item(row, column)
            if item is None:  # under the row's inputs: the mark shows around them
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
            if column == SHAPE_COLUMN:
                item.setText(shape)
            elif column == PARAMETERS_COLUMN:
                item.setText(parameters)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if marked:
                item.setBackground(problem_background(self.palette()))
            else:
                item.setData(Qt.ItemDataRole.BackgroundRole, None)
            item.setToolTip(tip or self._row_tip(row, column))
            widget = self.table.cellWidget(row, column)
            if widget is not None:
                widget.setToolTip(tip or (kind_tip() if column == KIND_COLUMN else ""))

    def _row_tip(self, row: int, column: int) -> str:
        if row == self.table.rowCount() - 1:
            return fixed_tip()
        if column == SHAPE_COLUMN:
            return self.tr("The shape of what this layer outputs: height×width×maps, or a flat count.")
        if column == PARAMETERS_COLUMN:
            return self.tr("How many numbers this layer learns (weights and biases).")
        return ""

    @Slot()
    def _update_buttons(self) -> None:
        editable = not self._read_only and not self._locked
        index = self.selected_layer() if editable else None
        for widget in (self.start_combo, self.name_edit):
            widget.setEnabled(editable)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(index is not None)
        self.up_button.setEnabled(index is not None and index > 0)
        self.down_button.setEnabled(index is not None and index < len(self._layers) - 1)
        name = self.name_edit.text().strip()
        self.save_button.setEnabled(editable and bool(name) and self._problem is None)
        bind_text(self, self.save_button.setToolTip, self._save_tip)
        self.delete_button.setEnabled(editable and name in self._saved_names)
        self.copy_button.setEnabled(self._read_only and self._model_layers is not None and not self._locked)

    def _save_tip(self) -> str:
        """What Save would do now, or why it cannot."""
        name = self.name_edit.text().strip()
        if not name:
            return self.tr("Type a name on the left to keep these layers under it.")
        if self._problem is not None:
            return self.tr("These layers cannot work yet: {problem}").format(problem=localized(self._problem[1]))
        if name in self._saved_names:
            return self.tr("Replace your architecture “{name}” with these layers.").format(name=name)
        return self.tr("Keep these layers as “{name}”: it appears in the Architecture list.").format(name=name)
