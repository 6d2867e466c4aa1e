"""Limits a model file must keep before Keras builds it, and the checks that enforce them.

A `.keras` archive is small on disk yet may declare anything: a config naming a Dense layer of a million
units (Keras then allocates gigabytes before failing), a thousand layers (minutes to build), members that
unpack to gigabytes. The checks here answer such a file in one line, within a second, from the archive's
directory and its config, and the weight budget stops a build the moment its weights pass the limit,
before they are allocated. The limits are far above any digit network: the largest preset has 3.3 M
parameters in 8 layers and its file, optimizer state included, is 40 MB.
"""

from __future__ import annotations

import contextlib
import json
import math
import threading
import zipfile
from pathlib import Path
from typing import Callable, Iterator

from desktop_app.core.errors import OPEN_PROBLEM, ModelFileError, about_file
from desktop_app.core.texts import QT_TRANSLATE_NOOP

MAX_LAYERS = 200
MAX_PARAMETERS = 50_000_000  # 15× the largest preset; 200 MB of float32 weights
MAX_MEMBERS = 32
MAX_CONFIG_BYTES = 4 << 20  # a 200-layer config is about 400 KB
MAX_METADATA_BYTES = 4 << 20  # Digit Lab's metadata: config and history, a few KB
# Weights, plus two optimizer slots per weight (Adam), plus room for the rest.
MAX_ARCHIVE_BYTES = MAX_PARAMETERS * 4 * 3 + (64 << 20)
# Weights barely compress; a member that unpacks to 100× its stored size is a bomb, not a model.
MAX_EXPANSION = 100
EXPANSION_FLOOR_BYTES = 16 << 20

KERAS_MEMBERS = ("config.json", "metadata.json", "model.weights.h5")


def _mib(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MiB"


def check_archive(path: Path, archive: zipfile.ZipFile) -> dict:
    """Check the archive's directory and config against the limits; return the parsed config.

    Reads nothing but the directory and `config.json` (after checking its declared size), so a bomb is
    refused before any of it is unpacked. Raises ModelFileError with one line naming the file."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "the archive holds {count:,} entries; a Keras model has 3 or 4").format(count=len(members)),
            OPEN_PROBLEM))
    total = sum(member.file_size for member in members)
    if total > MAX_ARCHIVE_BYTES:
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "its entries unpack to {size}, more than the {limit} any digit network needs").format(
            size=_mib(total), limit=_mib(MAX_ARCHIVE_BYTES)), OPEN_PROBLEM))
    for member in members:
        if member.file_size > EXPANSION_FLOOR_BYTES and member.file_size > MAX_EXPANSION * max(member.compress_size, 1):
            raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
                "errors", "the entry {name} unpacks to {size} from {stored:,} bytes (a decompression bomb)").format(
                name=member.filename, size=_mib(member.file_size), stored=member.compress_size), OPEN_PROBLEM))
    try:
        config_entry = archive.getinfo("config.json")
    except KeyError:
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "the archive holds no Keras model (no config.json)"), OPEN_PROBLEM)) from None
    if config_entry.file_size > MAX_CONFIG_BYTES:
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "its config.json is {size}; a digit network's is a few kilobytes").format(
            size=_mib(config_entry.file_size)), OPEN_PROBLEM))
    config = _parse_json(path, "config.json", read_member(archive, config_entry, MAX_CONFIG_BYTES))
    layers = count_layers(config)
    if layers > MAX_LAYERS:
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP(
            "errors", "it declares {count:,} layers; Digit Lab opens models of up to {limit}").format(
            count=layers, limit=MAX_LAYERS), OPEN_PROBLEM))
    return config


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo | str, limit: int) -> bytes:
    """At most `limit` bytes of one archive member: a header that lies about its size cannot make this
    read more."""
    with archive.open(member) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        name = member.filename if isinstance(member, zipfile.ZipInfo) else member
        raise ModelFileError(QT_TRANSLATE_NOOP("errors", "the entry {name} is larger than {size}").format(
            name=name, size=_mib(limit)))
    return data


def _parse_json(path: Path, name: str, data: bytes) -> dict:
    try:
        value = json.loads(data)
    except (ValueError, RecursionError) as error:  # RecursionError: arrays nested thousands deep
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP("errors", "its {name} is not readable JSON ({reason})"
                                                                ).format(name=name, reason=str(error)[:120]),
                                        OPEN_PROBLEM)) from None
    if not isinstance(value, dict):
        raise ModelFileError(about_file(path, QT_TRANSLATE_NOOP("errors", "its {name} does not describe a model"
                                                                ).format(name=name), OPEN_PROBLEM))
    return value


def count_layers(config) -> int:
    """The layers a Keras config declares, nested models' layers included: every entry of every
    `layers` list, however deep."""
    count, pending = 0, [config]
    while pending:  # a loop, not recursion: a config may nest deeper than Python's stack
        value = pending.pop()
        if isinstance(value, dict):
            layers = value.get("layers")
            if isinstance(layers, list):
                count += len(layers)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return count


class _Budget(threading.local):
    remaining: int | None = None
    progress: Callable[[int], None] | None = None
    weights_made: int = 0
    exceeded: "ModelTooLarge | None" = None


_budget = _Budget()
_patched = False
_patch_lock = threading.Lock()


def _install_hook() -> None:
    """Wrap Layer.add_weight once: every layer's weights pass through it before they are allocated.
    Outside `weight_budget` (other threads, training) the wrapper only passes the call on."""
    global _patched
    with _patch_lock:
        if _patched:
            return
        from keras.layers import Layer

        original = Layer.add_weight

        def add_weight(self, *args, **kwargs):
            if _budget.remaining is not None:
                shape = kwargs.get("shape", args[0] if args else None)  # Keras 2 style passes it first
                size = math.prod(int(d) for d in shape) if shape else 1
                _budget.remaining -= size
                if _budget.remaining < 0:
                    # Keras may wrap what a layer raises; the budget keeps the reason for the caller.
                    _budget.exceeded = ModelTooLarge(self.name, shape)
                    raise _budget.exceeded
                _budget.weights_made += 1
                if _budget.progress:
                    _budget.progress(_budget.weights_made)
            return original(self, *args, **kwargs)

        Layer.add_weight = add_weight
        _patched = True


class ModelTooLarge(Exception):
    def __init__(self, layer: str, shape):
        dimensions = " × ".join(f"{int(d):,}" for d in shape)
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "it declares a network of more than {limit:,} parameters (layer {layer}: weights of "
                      "{dimensions}); Digit Lab opens digit networks only").format(
            limit=MAX_PARAMETERS, layer=layer, dimensions=dimensions))


@contextlib.contextmanager
def weight_budget(limit: int = MAX_PARAMETERS, progress: Callable[[int], None] | None = None) -> Iterator[None]:
    """Within this block, on this thread, building layers whose weights pass `limit` parameters raises
    ModelTooLarge before the oversized weight is allocated, whatever Keras wraps it in. `progress(n)`
    hears of each weight made."""
    _install_hook()
    _budget.remaining, _budget.progress, _budget.weights_made, _budget.exceeded = limit, progress, 0, None
    try:
        yield
    except Exception as error:
        if _budget.exceeded is not None and error is not _budget.exceeded:
            raise _budget.exceeded from error
        raise
    finally:
        _budget.remaining, _budget.progress = None, None
