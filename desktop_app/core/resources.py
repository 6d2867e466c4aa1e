"""Where the files shipped in `resources/` are, from a checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from importlib import resources as importlib_resources
from pathlib import Path


def resource_path(name: str) -> Path:
    """The path of a shipped resource file, e.g. ``resource_path("mnist.npz")``."""
    frozen_root = getattr(sys, "_MEIPASS", None)  # PyInstaller's unpack folder
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources" / name)
    try:
        candidates.append(Path(str(importlib_resources.files("desktop_app.resources") / name)))
    except ModuleNotFoundError:
        pass
    candidates.append(Path(__file__).resolve().parents[2] / "resources" / name)
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[-1]
