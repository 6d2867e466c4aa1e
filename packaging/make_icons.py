"""Make the installers' icons from resources/: a Windows .ico and a macOS .icns, with Pillow.

    python packaging/make_icons.py            # writes packaging/windows/digit-lab.ico, packaging/macos/digit-lab.icns

The .ico holds 16–256 px from the 256 px PNG. The .icns needs up to 1024 px: when PySide6's QtSvg is
importable the SVG is rendered at 1024 px (crisp); otherwise the PNG is scaled up. build.py calls this
when an icon is missing, so a checkout without them still builds.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "resources"
ICO = REPO / "packaging" / "windows" / "digit-lab.ico"
ICNS = REPO / "packaging" / "macos" / "digit-lab.icns"
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]


def render_svg(svg: Path, size: int) -> Image.Image | None:
    """The SVG drawn at size × size by QtSvg, or None when QtSvg is not available."""
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
        from PySide6.QtGui import QGuiApplication, QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer
    except ImportError:
        return None
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (fonts, painting)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        return None
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def master_image(size: int) -> Image.Image:
    """The application icon at size × size: the SVG rendered if possible, else the PNG resampled."""
    rendered = render_svg(RESOURCES / "digit-lab.svg", size)
    if rendered is not None:
        return rendered
    png = Image.open(RESOURCES / "digit-lab.png").convert("RGBA")
    return png.resize((size, size), Image.Resampling.LANCZOS)


def make_ico(target: Path = ICO) -> Path:
    png = Image.open(RESOURCES / "digit-lab.png").convert("RGBA")
    target.parent.mkdir(parents=True, exist_ok=True)
    png.save(target, format="ICO", sizes=[(size, size) for size in ICO_SIZES])
    return target


def make_icns(target: Path = ICNS) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    # Pillow writes every ICNS size (16–1024 px, @1x and @2x) from the one 1024 px image.
    master_image(1024).save(target, format="ICNS")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing-only", action="store_true", help="write only the icons that do not exist")
    args = parser.parse_args(argv)
    for path, make in ((ICO, make_ico), (ICNS, make_icns)):
        if args.missing_only and path.exists():
            continue
        make(path)
        print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
