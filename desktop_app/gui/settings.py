"""Every choice the user made, kept in QSettings so that it survives a restart.

One wrapper with typed getters and setters: widgets never spell a settings key themselves. Values are read
back defensively (an INI file stores everything as text; a hand-edited file may hold anything), and a value
that cannot be read falls back to the default instead of failing the start.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from desktop_app.core.architecture import Architecture, ArchitectureError
from desktop_app.core.config_fields import SETTINGS_PREFIX, remembered_fields
from desktop_app.core.training import TrainConfig

log = logging.getLogger(__name__)

MAX_RECENT_FILES = 8
MAX_ARCHITECTURES = 100
DEFAULT_PEN_WIDTH = 18
LAYERS_KEY = SETTINGS_PREFIX + "layers"
ARCHITECTURES_KEY = SETTINGS_PREFIX + "architectures"


@dataclass(frozen=True)
class NamedArchitecture:
    """An architecture the user named and kept: its name and its layers (core.architecture's text)."""

    name: str
    text: str


def _as_bool(value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes", "on"):
            return True
        if lowered in ("false", "0", "no", "off", ""):
            return False
    return default


def _convert(value: Any, default: Any) -> Any:
    """`value` as the type of `default`, or `default` when it cannot be converted (inf and nan included:
    a number in the settings file is always a finite one)."""
    if value is None:
        return default
    try:
        if isinstance(default, bool):
            return _as_bool(value, default)
        if isinstance(default, int):
            return int(float(value))  # OverflowError for inf, ValueError for nan
        if isinstance(default, float):
            number = float(value)
            return number if math.isfinite(number) else default
        if isinstance(default, str):
            return str(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return value


class AppSettings:
    """Typed access to the application's QSettings (the organisation and application names of the
    running QCoreApplication, and its default format: tests and the self-test point these elsewhere)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    # -- generic --------------------------------------------------------------------------------
    def get(self, key: str, default: Any) -> Any:
        return _convert(self._settings.value(key), default)

    def set(self, key: str, value: Any) -> None:
        self._settings.setValue(key, value)

    def sync(self) -> None:
        self._settings.sync()

    # -- training -------------------------------------------------------------------------------
    def train_config(self, config_class: type[TrainConfig] = TrainConfig) -> TrainConfig:
        """The training panel's choices of the last session (core defaults the first time); each field
        falls back to its default on its own, and an impossible combination to all the defaults."""
        defaults = config_class()
        values = {}
        for item in remembered_fields(config_class):
            if item.optional:  # None is stored as 0 or "": an INI file has no None
                values[item.name] = self.get(item.settings_key, item.empty) or None
            else:
                values[item.name] = self.get(item.settings_key, item.default)
        config = config_class.from_dict({**defaults.to_dict(), **values})
        try:
            config.check()
        except ValueError as error:
            log.warning("ignoring saved training settings (%s)", error)
            return defaults
        return config

    def set_train_config(self, config: TrainConfig) -> None:
        for item in remembered_fields(type(config)):
            value = getattr(config, item.name)
            self.set(item.settings_key, item.empty if value is None else value)

    def chosen_layers(self) -> str:
        """The layers Train builds when they are not a preset's (the training panel's custom choice); "" for a
        preset, or when the saved text is not a description of layers."""
        text = self.get(LAYERS_KEY, "")
        if not text.strip():
            return ""
        try:
            Architecture.from_text(text)
        except ArchitectureError as error:
            log.warning("ignoring the saved layers (%s)", error)
            return ""
        return text

    def set_chosen_layers(self, text: str) -> None:
        self.set(LAYERS_KEY, text)

    def architectures(self) -> list[NamedArchitecture]:
        """The architectures the user named and kept, in the order they were first saved. An entry that is
        not a name with readable layers is left out (a hand-edited file may hold anything)."""
        raw = self._settings.value(ARCHITECTURES_KEY)
        try:
            items = json.loads(raw) if isinstance(raw, str) and raw else []
        except ValueError:
            items = []
        kept: list[NamedArchitecture] = []
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            name, text = item.get("name"), item.get("text")
            if not isinstance(name, str) or not name.strip() or not isinstance(text, str):
                continue
            if any(other.name == name for other in kept):
                continue
            try:
                Architecture.from_text(text)
            except ArchitectureError as error:
                log.warning("ignoring the saved architecture %r (%s)", name, error)
                continue
            kept.append(NamedArchitecture(name.strip(), text))
        return kept[:MAX_ARCHITECTURES]

    def set_architectures(self, architectures: list[NamedArchitecture]) -> None:
        self.set(ARCHITECTURES_KEY, json.dumps([{"name": item.name, "text": item.text}
                                                for item in architectures[:MAX_ARCHITECTURES]]))

    def data_folders(self) -> list[str]:
        """Data set folders the user chose before, newest first."""
        return self._string_list("training/data_folders")

    def set_data_folders(self, folders: list[str]) -> None:
        self.set("training/data_folders", json.dumps(list(folders)[:MAX_RECENT_FILES]))

    # -- drawing --------------------------------------------------------------------------------
    def pen_width(self) -> int:
        return self.get("canvas/pen_width", DEFAULT_PEN_WIDTH)

    def set_pen_width(self, width: int) -> None:
        self.set("canvas/pen_width", int(width))

    # -- model files ----------------------------------------------------------------------------
    def last_model_path(self) -> str:
        return self.get("models/last_path", "")

    def set_last_model_path(self, path: str | Path | None) -> None:
        self.set("models/last_path", str(path) if path else "")

    def ready_model_offered(self) -> bool:
        """The ready-made model was opened at a first launch: later launches do not force it again."""
        return self.get("models/ready_model_offered", False)

    def set_ready_model_offered(self) -> None:
        self.set("models/ready_model_offered", True)

    def recent_files(self) -> list[str]:
        return self._string_list("models/recent")

    def add_recent_file(self, path: str | Path) -> list[str]:
        path = str(Path(path))
        files = [path] + [other for other in self.recent_files() if other != path]
        files = files[:MAX_RECENT_FILES]
        self.set("models/recent", json.dumps(files))
        return files

    def remove_recent_file(self, path: str | Path) -> list[str]:
        files = [other for other in self.recent_files() if other != str(Path(path))]
        self.set("models/recent", json.dumps(files))
        return files

    def clear_recent_files(self) -> None:
        self.set("models/recent", json.dumps([]))

    def last_folder(self) -> str:
        return self.get("models/last_folder", str(Path.home()))

    def set_last_folder(self, folder: str | Path) -> None:
        self.set("models/last_folder", str(folder))

    # -- personal handwriting set ---------------------------------------------------------------
    def handwriting_root(self) -> Path:
        """Where the user's own drawings live: AppDataLocation/handwriting unless set otherwise."""
        chosen = self.get("handwriting/root", "")
        if chosen:
            return Path(chosen)
        from PySide6.QtCore import QStandardPaths

        data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        return Path(data) / "handwriting"

    # -- window ---------------------------------------------------------------------------------
    def language(self) -> str:
        """The window's language as the user chose it in the View menu ("" never chosen: the system's)."""
        return str(self.get("ui/language", ""))

    def set_language(self, code: str) -> None:
        self.set("ui/language", code)

    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self.set("window/geometry", geometry)
        self.set("window/state", state)

    # -- helpers --------------------------------------------------------------------------------
    def _string_list(self, key: str) -> list[str]:
        raw = self._settings.value(key)
        if not raw:
            return []
        try:
            values = json.loads(raw) if isinstance(raw, str) else list(raw)
        except (TypeError, ValueError):
            return []
        return [str(value) for value in values if isinstance(value, str) and value][:MAX_RECENT_FILES]
