"""Where the files shipped in `resources/` are, from a checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def resource_folders() -> list[Path]:
    """Candidate folders, most specific first: a PyInstaller bundle, an installed wheel (which carries
    resources/ inside the package as desktop_app/resources), then the top level of a source checkout."""
    folders = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        folders.append(Path(frozen_root) / "resources")
    folders += [PACKAGE_DIR / "resources", PACKAGE_DIR.parent / "resources"]
    return folders


def resource_path(name: str) -> Path:
    """The path of a shipped resource file, e.g. ``resource_path("mnist.npz")``."""
    candidates = [folder / name for folder in resource_folders()]
    return next((candidate for candidate in candidates if candidate.exists()), candidates[-1])
