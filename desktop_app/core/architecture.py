"""One description of a network: an ordered list of layers, each a kind with its values.

It reads and writes a short text that fits in a shell (`conv 32 5, pool, flatten, dense 128`), checks
itself and works out every layer's output shape and parameter count without TensorFlow (in well under a
millisecond), and builds the Keras model. The presets are such descriptions; the final Dense 10 softmax
is added here, shown, and never edited.

The text: layers separated by commas, each a kind, its positional values, then `key=value` options.

    conv FILTERS KERNEL [stride=1] [padding=same|valid] [activation=relu] [bias=yes|no]
    pool [SIZE=2]          max pooling          avgpool [SIZE=2]     average pooling
    batchnorm [momentum=0.99]                   dropout RATE
    flatten                gap (global average pooling)
    dense UNITS [activation=relu]               activation NAME
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.errors import DigitLabError, message_of
from desktop_app.core.texts import QT_TRANSLATE_NOOP

INPUT_SHAPE = (28, 28, 1)
CLASSES = 10
MAX_PARAMETERS = 20_000_000
ACTIVATIONS = ("relu", "tanh", "sigmoid", "gelu", "linear", "elu", "selu", "swish")


class ArchitectureError(DigitLabError):
    """A description that cannot be read or cannot work; the message names the layer and why."""


@dataclass(frozen=True)
class Option:
    name: str
    kind: type  # int, float, str or bool
    default: Any = None
    choices: tuple = ()


@dataclass(frozen=True)
class Kind:
    name: str
    title: str  # what the editor shows
    positional: tuple[Option, ...] = ()
    options: tuple[Option, ...] = ()
    keras: str = ""  # the Keras layer class

    def all_options(self) -> tuple[Option, ...]:
        return self.positional + self.options


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("conv", QT_TRANSLATE_NOOP("architecture", "Convolution"), (Option("filters", int), Option("kernel", int)),
         (Option("stride", int, 1), Option("padding", str, "same", ("same", "valid")),
          Option("activation", str, "relu", ACTIVATIONS), Option("bias", bool, True)), "Conv2D"),
    Kind("pool", QT_TRANSLATE_NOOP("architecture", "Max pooling"), (Option("size", int, 2),), (), "MaxPooling2D"),
    Kind("avgpool", QT_TRANSLATE_NOOP("architecture", "Average pooling"), (Option("size", int, 2),), (),
         "AveragePooling2D"),
    Kind("batchnorm", QT_TRANSLATE_NOOP("architecture", "Batch normalisation"), (),
         (Option("momentum", float, 0.99),), "BatchNormalization"),
    Kind("dropout", QT_TRANSLATE_NOOP("architecture", "Dropout"), (Option("rate", float),), (), "Dropout"),
    Kind("flatten", QT_TRANSLATE_NOOP("architecture", "Flatten"), (), (), "Flatten"),
    Kind("gap", QT_TRANSLATE_NOOP("architecture", "Global average pooling"), (), (), "GlobalAveragePooling2D"),
    Kind("dense", QT_TRANSLATE_NOOP("architecture", "Dense (fully connected)"), (Option("units", int),),
         (Option("activation", str, "relu", ACTIVATIONS),), "Dense"),
    Kind("activation", QT_TRANSLATE_NOOP("architecture", "Activation"), (Option("name", str, None, ACTIVATIONS),),
         (), "Activation"),
)}


@dataclass(frozen=True)
class Layer:
    kind: str
    values: dict = field(default_factory=dict)  # every option of the kind, defaults filled in

    def value(self, name: str):
        return self.values[name]

    def to_text(self) -> str:
        spec = KINDS[self.kind]
        words = [self.kind]
        words += [_format(self.values[option.name]) for option in spec.positional
                  if not (option.default is not None and self.values[option.name] == option.default
                          and option is spec.positional[-1])]
        words += [f"{option.name}={_format(self.values[option.name])}" for option in spec.options
                  if self.values[option.name] != option.default]
        return " ".join(words)

    def to_dict(self) -> dict:
        return {"kind": self.kind, **self.values}


@dataclass(frozen=True)
class LayerReport:
    layer: Layer | None  # None for the output layer the app adds
    label: str  # "Conv2D 32 5×5" …
    output_shape: tuple[int, ...]
    parameters: int


def _format(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _convert(option: Option, text: str, where: str):
    try:
        if option.kind is bool:
            lowered = text.lower()
            if lowered not in ("yes", "no", "true", "false", "1", "0"):
                raise ValueError
            return lowered in ("yes", "true", "1")
        value = option.kind(text)
    except ValueError:
        raise ArchitectureError(_WRONG_TYPE[option.kind].format(where=where, option=option.name, text=text)) from None
    if option.choices and value not in option.choices:
        raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: {option} must be one of {choices}, not "
                                                                  "{text!r}.").format(
            where=where, option=option.name, choices=", ".join(option.choices), text=text))
    return value


_WRONG_TYPE = {
    int: QT_TRANSLATE_NOOP("architecture", "{where}: {option} must be a whole number, not {text!r}."),
    float: QT_TRANSLATE_NOOP("architecture", "{where}: {option} must be a number, not {text!r}."),
    bool: QT_TRANSLATE_NOOP("architecture", "{where}: {option} must be yes or no, not {text!r}."),
    str: QT_TRANSLATE_NOOP("architecture", "{where}: {option} must be a word, not {text!r}."),
}
_UNKNOWN_KIND = QT_TRANSLATE_NOOP("architecture", "{where}: unknown layer kind {kind!r}; the kinds are {kinds}.")
_NO_OPTION = QT_TRANSLATE_NOOP("architecture", "{where}: {kind} has no option {option!r}.")


def make_layer(kind: str, where: str = "", **given) -> Layer:
    """A layer of `kind` with `given` values and the defaults for the rest (values are not range-checked
    here: `analyse` says which layer cannot work and why)."""
    spec = KINDS.get(kind)
    where = where or kind
    if spec is None:
        raise ArchitectureError(_UNKNOWN_KIND.format(where=where, kind=kind, kinds=", ".join(KINDS)))
    values = {}
    for option in spec.all_options():
        if option.name in given:
            values[option.name] = given.pop(option.name)
        elif option.default is not None:
            values[option.name] = option.default
        else:
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: {kind} needs {value} ({usage})."
                                                      ).format(where=where, kind=kind, value=option.name.upper(),
                                                               usage=f"{KINDS[kind].name} "
                                                                     + " ".join(o.name.upper() for o in spec.positional)))
    if given:
        raise ArchitectureError(_NO_OPTION.format(where=where, kind=kind, option=next(iter(given))))
    return Layer(kind, values)


def parse_layer(token: str, index: int) -> Layer:
    words = token.split()
    where = QT_TRANSLATE_NOOP("architecture", "layer {number} ({text!r})").format(number=index + 1, text=token.strip())
    if not words:
        raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "layer {number}: empty (two commas in a row?)."
                                                  ).format(number=index + 1))
    kind, rest = words[0].lower(), words[1:]
    spec = KINDS.get(kind)
    if spec is None:
        raise ArchitectureError(_UNKNOWN_KIND.format(where=where, kind=kind, kinds=", ".join(KINDS)))
    given: dict[str, Any] = {}
    positional = [word for word in rest if "=" not in word]
    if len(positional) > len(spec.positional):
        raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: {kind} takes {count} value(s), got "
                                                                  "{given}.").format(
            where=where, kind=kind, count=len(spec.positional), given=len(positional)))
    for option, text in zip(spec.positional, positional):
        given[option.name] = _convert(option, text, where)
    by_name = {option.name: option for option in spec.all_options()}
    for word in rest:
        if "=" not in word:
            continue
        name, _, text = word.partition("=")
        option = by_name.get(name.lower())
        if option is None:
            known = ", ".join(o.name for o in spec.options)
            raise ArchitectureError((QT_TRANSLATE_NOOP("architecture", "{where}: {kind} has no option {option!r} (its "
                                                                       "options: {options}).") if known else
                                     QT_TRANSLATE_NOOP("architecture", "{where}: {kind} has no option {option!r} (its "
                                                                       "options: none).")).format(
                where=where, kind=kind, option=name, options=known))
        given[option.name] = _convert(option, text, where)
    return make_layer(kind, where, **given)


@dataclass(frozen=True)
class Architecture:
    layers: tuple[Layer, ...]
    name: str = ""

    @classmethod
    def from_text(cls, text: str, name: str = "") -> "Architecture":
        tokens = text.split(",")
        if not text.strip():
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "the description is empty: give at least one "
                                                                      "layer, e.g. \"flatten, dense 128\"."))
        return cls(tuple(parse_layer(token, index) for index, token in enumerate(tokens)), name)

    @classmethod
    def from_dict(cls, values: dict) -> "Architecture":
        """From the saved form (`to_dict`); raises ArchitectureError when it is malformed."""
        if not isinstance(values, dict) or not isinstance(values.get("layers"), list):
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "the saved architecture has no list of layers."))
        layers = []
        for index, item in enumerate(values["layers"]):
            if not isinstance(item, dict) or "kind" not in item:
                raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "layer {number} of the saved architecture "
                                                                          "is malformed.").format(number=index + 1))
            given = {key: value for key, value in item.items() if key != "kind"}
            layers.append(make_layer(str(item["kind"]), QT_TRANSLATE_NOOP("architecture", "layer {number}").format(
                number=index + 1), **given))
        return cls(tuple(layers), str(values.get("name", "")))

    def to_text(self) -> str:
        return ", ".join(layer.to_text() for layer in self.layers)

    def to_dict(self) -> dict:
        return {"name": self.name, "text": self.to_text(), "layers": [layer.to_dict() for layer in self.layers]}

    def analyse(self) -> list[LayerReport]:
        """Each layer's output shape and parameters, the output layer included; raises ArchitectureError
        naming the first layer that cannot work and why."""
        reports, error = self.analyse_partly()
        if error is not None:
            raise error
        return reports

    def analyse_partly(self) -> tuple[list[LayerReport], ArchitectureError | None]:
        """What `analyse` finds, as far as the stack works: the reports of the layers before the first
        that cannot work (all of them, the output layer included, when every layer works), and the error
        that `analyse` raises (None when there is none). The layer editor shows both as you type."""
        shape: tuple[int, ...] = INPUT_SHAPE
        reports = []
        for index, layer in enumerate(self.layers):
            where = QT_TRANSLATE_NOOP("architecture", "Layer {number} ({layer})").format(number=index + 1,
                                                                                          layer=layer.to_text())
            try:
                shape, parameters, label = _step(layer, shape, where)
            except ArchitectureError as error:
                return reports, error
            reports.append(LayerReport(layer, label, shape, parameters))
        if len(shape) != 1:
            return reports, ArchitectureError(QT_TRANSLATE_NOOP(
                "architecture", "The network ends with a {shape} map: add flatten or gap before the output layer."
            ).format(shape=_shape_text(shape)))
        reports.append(LayerReport(None, QT_TRANSLATE_NOOP("architecture", "Dense {classes} softmax (output)").format(
            classes=CLASSES), (CLASSES,), shape[0] * CLASSES + CLASSES))
        total = sum(report.parameters for report in reports)
        if total > MAX_PARAMETERS:
            worst = max(reports, key=lambda report: report.parameters)
            return reports, ArchitectureError(QT_TRANSLATE_NOOP(
                "architecture", "{total:,} parameters, over the {limit:,} Digit Lab trains; the largest layer is "
                                "{layer} with {parameters:,}.").format(
                total=total, limit=MAX_PARAMETERS, layer=worst.label, parameters=worst.parameters))
        return reports, None

    def parameter_count(self) -> int:
        return sum(report.parameters for report in self.analyse())

    def problem(self) -> tuple[int | None, str] | None:
        """(index of the layer at fault or None, the sentence) when it cannot work; None when it can."""
        try:
            self.analyse()
        except ArchitectureError as error:
            text = message_of(error)  # a Text, shown in the user's language; its English names the layer
            index = int(text.split()[1]) - 1 if text.startswith("Layer ") else None
            return index, text
        return None

    def build(self, normalization_layers: list | None = None, name: str = "model"):
        """The Keras model (uncompiled): Input 28×28×1, `normalization_layers`, these layers, Dense 10."""
        import keras

        self.analyse()
        stack = [keras.Input(shape=INPUT_SHAPE, name="image"), *(normalization_layers or [])]
        stack += [_keras_layer(layer) for layer in self.layers]
        stack.append(keras.layers.Dense(CLASSES, activation="softmax"))
        return keras.Sequential(stack, name=name)


def _shape_text(shape: tuple[int, ...]) -> str:
    return "×".join(str(size) for size in shape)


def _shrink(size: int, window: int, stride: int, padding: str) -> int:
    if padding == "same":
        return math.ceil(size / stride)
    return (size - window) // stride + 1


# A 2-D layer after flatten or gap, by kind.
_NEEDS_MAP = {
    "conv": QT_TRANSLATE_NOOP("architecture", "{where}: convolution needs a 2-D map, but it comes after flatten (or "
                                              "gap), which made the maps a flat list."),
    "pool": QT_TRANSLATE_NOOP("architecture", "{where}: max pooling needs a 2-D map, but it comes after flatten (or "
                                              "gap), which made the maps a flat list."),
    "avgpool": QT_TRANSLATE_NOOP("architecture", "{where}: average pooling needs a 2-D map, but it comes after "
                                                 "flatten (or gap), which made the maps a flat list."),
    "gap": QT_TRANSLATE_NOOP("architecture", "{where}: global average pooling needs a 2-D map, but it comes after "
                                             "flatten (or gap), which made the maps a flat list."),
}


def _step(layer: Layer, shape: tuple[int, ...], where: str) -> tuple[tuple[int, ...], int, str]:
    """(output shape, parameters, label) of `layer` on an input of `shape`."""
    values, kind = layer.values, layer.kind
    if kind in ("conv", "pool", "avgpool", "gap") and len(shape) != 3:
        raise ArchitectureError(_NEEDS_MAP[kind].format(where=where))
    if kind == "conv":
        filters, kernel, stride = values["filters"], values["kernel"], values["stride"]
        if filters < 1 or kernel < 1 or stride < 1:
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: filters, kernel and stride must be at "
                                                                      "least 1.").format(where=where))
        height, width, channels = shape
        out = (_shrink(height, kernel, stride, values["padding"]), _shrink(width, kernel, stride, values["padding"]))
        if min(out) < 1:
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: a {kernel}×{kernel} valid convolution "
                                                                      "cannot fit a {height}×{width} map.").format(
                where=where, kernel=kernel, height=height, width=width))
        parameters = kernel * kernel * channels * filters + (filters if values["bias"] else 0)
        return (*out, filters), parameters, f"Conv2D {filters} {kernel}×{kernel}"
    if kind in ("pool", "avgpool"):
        size = values["size"]
        if size < 1:
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: the pool size must be at least 1."
                                                      ).format(where=where))
        height, width, channels = shape
        if height // size < 1 or width // size < 1:
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: a {size}×{size} pool shrinks the "
                                                                      "{height}×{width} map below 1×1.").format(
                where=where, size=size, height=height, width=width))
        label = ("MaxPooling2D" if kind == "pool" else "AveragePooling2D") + f" {size}×{size}"
        return (height // size, width // size, channels), 0, label
    if kind == "batchnorm":
        if not 0 <= values["momentum"] < 1:
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: momentum must be from 0 up to (not "
                                                                      "including) 1.").format(where=where))
        return shape, 4 * shape[-1], "BatchNormalization"
    if kind == "dropout":
        if not 0 <= values["rate"] < 1:
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: the dropout rate must be from 0 up to "
                                                                      "(not including) 1.").format(where=where))
        return shape, 0, f"Dropout {values['rate']:g}"
    if kind == "flatten":
        return (math.prod(shape),), 0, "Flatten"
    if kind == "gap":
        return (shape[-1],), 0, "GlobalAveragePooling2D"
    if kind == "dense":
        if len(shape) != 1:
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: dense needs a flat input: add flatten "
                                                                      "or gap before it.").format(where=where))
        units = values["units"]
        if units < 1:
            raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: units must be at least 1.").format(
                where=where))
        return (units,), shape[0] * units + units, f"Dense {units} {values['activation']}"
    if kind == "activation":
        return shape, 0, f"Activation {values['name']}"
    raise ArchitectureError(QT_TRANSLATE_NOOP("architecture", "{where}: unknown layer kind {kind!r}.").format(
        where=where, kind=kind))


def _keras_layer(layer: Layer):
    from keras import layers

    values = layer.values
    if layer.kind == "conv":
        return layers.Conv2D(values["filters"], values["kernel"], strides=values["stride"], padding=values["padding"],
                             activation=values["activation"], use_bias=values["bias"])
    if layer.kind == "pool":
        return layers.MaxPooling2D(values["size"])
    if layer.kind == "avgpool":
        return layers.AveragePooling2D(values["size"])
    if layer.kind == "batchnorm":
        return layers.BatchNormalization(momentum=values["momentum"])
    if layer.kind == "dropout":
        return layers.Dropout(values["rate"])
    if layer.kind == "flatten":
        return layers.Flatten()
    if layer.kind == "gap":
        return layers.GlobalAveragePooling2D()
    if layer.kind == "dense":
        return layers.Dense(values["units"], activation=values["activation"])
    return layers.Activation(values["name"])


def describe_keras_model(model) -> Architecture | None:
    """The description of a Keras model built elsewhere, when every layer is a kind the editor knows
    (and it ends in Dense 10 softmax); None otherwise (the editor then shows it read-only)."""
    found = []
    inner = [layer for layer in model.layers if type(layer).__name__ not in ("InputLayer", "Rescaling")]
    if not inner or type(inner[-1]).__name__ != "Dense" or inner[-1].units != CLASSES:
        return None
    for layer in inner[:-1]:
        name, config = type(layer).__name__, layer.get_config()
        if name == "Conv2D":
            kernel, stride = config["kernel_size"], config["strides"]
            if kernel[0] != kernel[1] or stride[0] != stride[1] or config["activation"] not in ACTIVATIONS:
                return None
            found.append(make_layer("conv", filters=config["filters"], kernel=kernel[0], stride=stride[0],
                                    padding=config["padding"], activation=config["activation"],
                                    bias=config["use_bias"]))
        elif name in ("MaxPooling2D", "AveragePooling2D"):
            size = config["pool_size"]
            if size[0] != size[1]:
                return None
            found.append(make_layer("pool" if name == "MaxPooling2D" else "avgpool", size=size[0]))
        elif name == "BatchNormalization":
            found.append(make_layer("batchnorm", momentum=float(config["momentum"])))
        elif name == "Dropout":
            found.append(make_layer("dropout", rate=float(config["rate"])))
        elif name == "Flatten":
            found.append(make_layer("flatten"))
        elif name == "GlobalAveragePooling2D":
            found.append(make_layer("gap"))
        elif name == "Dense" and config["activation"] in ACTIVATIONS:
            found.append(make_layer("dense", units=config["units"], activation=config["activation"]))
        elif name == "Activation" and config["activation"] in ACTIVATIONS:
            found.append(make_layer("activation", name=config["activation"]))
        else:
            return None
    return Architecture(tuple(found), model.name)
