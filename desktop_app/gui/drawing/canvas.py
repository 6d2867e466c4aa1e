"""The drawing canvas: antialiased round strokes on a square of paper, eraser, undo, clear.

The strokes go into a QImage (grey, one byte per pixel) the size of the paper in device pixels, so
drawing stays sharp on high-DPI screens. `drawingChanged` carries the drawing as an H×W uint8 array (white
paper, black ink) while a stroke is drawn, at most once per screen frame, and once more when it ends; it
carries an empty (0×0) array when the canvas is cleared.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (QColor, QImage, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QPen,
                           QPointingDevice, QResizeEvent, QTabletEvent)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QSizePolicy, QSlider, QToolButton, QVBoxLayout,
                               QWidget)

from desktop_app.core.data import as_uint8
from desktop_app.gui.i18n import bind_text
from desktop_app.gui.resources import action_icon
from desktop_app.gui.settings import DEFAULT_PEN_WIDTH

REFERENCE_SIDE = 280  # pen widths are given for a paper of this many logical pixels
MIN_PEN_WIDTH, MAX_PEN_WIDTH = 8, 40
UNDO_DEPTH = 50
PAPER = QColor(255, 255, 255)
INK = QColor(0, 0, 0)


def image_to_array(image: QImage) -> np.ndarray:
    """A QImage as an H×W uint8 grey array (a copy)."""
    grey = image if image.format() == QImage.Format.Format_Grayscale8 else image.convertToFormat(
        QImage.Format.Format_Grayscale8)
    height, width, stride = grey.height(), grey.width(), grey.bytesPerLine()
    buffer = np.frombuffer(grey.constBits(), dtype=np.uint8, count=height * stride)
    return buffer.reshape(height, stride)[:, :width].copy()


def array_to_image(array: np.ndarray) -> QImage:
    """An H×W uint8 grey array as a QImage that owns its pixels."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    height, width = array.shape
    return QImage(array.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


class DrawingCanvas(QWidget):
    """A square of white paper to draw a digit on with the mouse or a tablet pen."""

    drawingChanged = Signal(object)  # np.ndarray: H×W uint8 (0×0 when cleared)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(REFERENCE_SIDE, REFERENCE_SIDE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        bind_text(self, self.setToolTip, lambda: self.tr(
            "Draw one digit with the left mouse button or a pen. Right-click or press Delete to clear, Ctrl+Z "
            "to undo the last stroke."))
        bind_text(self, self.setAccessibleName, lambda: self.tr("Drawing canvas"))
        self._pen_width = DEFAULT_PEN_WIDTH
        self._eraser = False
        self._image = self._blank_image(self._image_side())
        self._undo: list[QImage] = []
        self._drawing = False
        self._erasing_stroke = False
        self._last_point = QPointF()
        self._hover: QPointF | None = None
        self._has_ink = False
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(16)
        self._emit_timer.timeout.connect(self._emit_drawing)

    # -- public ---------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def pen_width(self) -> int:
        return self._pen_width

    @Slot(int)
    def set_pen_width(self, width: int) -> None:
        self._pen_width = int(min(max(width, MIN_PEN_WIDTH), MAX_PEN_WIDTH))
        self.update()

    def eraser(self) -> bool:
        return self._eraser

    @Slot(bool)
    def set_eraser(self, on: bool) -> None:
        self._eraser = bool(on)
        self.update()

    def is_empty(self) -> bool:
        """True when nothing has been drawn since the last clear."""
        return not self._has_ink

    def image(self) -> QImage:
        return QImage(self._image)

    def drawing(self) -> np.ndarray:
        """The drawing as an H×W uint8 array (white paper, black ink), in device pixels."""
        return image_to_array(self._image)

    @Slot()
    def clear(self) -> None:
        if self._has_ink:
            self._push_undo()
        self._image = self._blank_image(self._image.width())
        self._has_ink = False
        self._drawing = False
        self._emit_timer.stop()
        self.update()
        self.drawingChanged.emit(np.zeros((0, 0), np.uint8))

    @Slot()
    def undo(self) -> None:
        if not self._undo:
            return
        previous = self._undo.pop()
        self._set_image(previous)
        self.update()
        self._check_ink_and_emit()

    def load_image(self, digit: np.ndarray) -> None:
        """Show a 28×28 MNIST-style digit (bright ink on dark, uint8 or float 0–1) scaled up as a drawing."""
        digit = np.asarray(digit)
        if digit.ndim == 3 and digit.shape[-1] == 1:
            digit = digit[..., 0]
        if digit.ndim != 2:
            raise ValueError(f"load_image takes a 2-D image, not shape {digit.shape}")
        digit = as_uint8(digit)
        self._push_undo()
        self._set_image(array_to_image(255 - digit))  # scales the 28×28 paper up to the canvas
        self._has_ink = bool((digit > 30).any())  # judged on the small digit, not the scaled-up paper
        self.update()
        self._emit_drawing()

    # -- strokes (mouse and tablet share these) -------------------------------------------------
    def _begin_stroke(self, position: QPointF, pressure: float = 1.0, erase: bool = False) -> None:
        self._push_undo()
        self._drawing = True
        self._erasing_stroke = erase or self._eraser
        self._last_point = self.to_image_point(position)
        painter = self._painter()
        width = self._stroke_width(pressure)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PAPER if self._erasing_stroke else INK)
        painter.drawEllipse(self._last_point, width / 2, width / 2)
        painter.end()
        if not self._erasing_stroke:
            self._has_ink = True
        self.update()
        self._schedule_emit()

    def _continue_stroke(self, position: QPointF, pressure: float = 1.0) -> None:
        if not self._drawing:
            return
        point = self.to_image_point(position)
        painter = self._painter()
        pen = QPen(PAPER if self._erasing_stroke else INK, self._stroke_width(pressure),
                   Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawLine(self._last_point, point)
        painter.end()
        self._last_point = point
        self.update()
        self._schedule_emit()

    def _end_stroke(self) -> None:
        if not self._drawing:
            return
        self._drawing = False
        self._emit_timer.stop()
        if self._erasing_stroke:  # the eraser may have taken the last ink away
            self._check_ink_and_emit()
        else:
            self._emit_drawing()

    # -- events ---------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin_stroke(event.position())
            event.accept()
        elif event.button() == Qt.MouseButton.RightButton:
            self.clear()
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hover = event.position()
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._continue_stroke(event.position())
        else:
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end_stroke()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        pressure = event.pressure() if event.pressure() > 0 else 1.0
        erase = event.pointerType() == QPointingDevice.PointerType.Eraser
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin_stroke(event.position(), pressure, erase)
        elif kind == QTabletEvent.Type.TabletMove:
            self._hover = event.position()
            self._continue_stroke(event.position(), pressure)
            if not self._drawing:
                self.update()
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end_stroke()
        event.accept()  # no synthesized mouse event follows

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        else:
            super().keyPressEvent(event)

    def leaveEvent(self, event) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        side = self._image_side()
        if side != self._image.width():
            self._set_image(self._image)
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paper = self.paper_rect()
        painter.drawImage(paper, self._image)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(paper.adjusted(-0.5, -0.5, 0.5, 0.5))
        if not self._has_ink and not self._drawing:
            painter.setPen(QColor(150, 150, 150))
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            painter.setFont(font)
            painter.drawText(paper, Qt.AlignmentFlag.AlignCenter, self.tr("Draw a digit here"))
        if self._hover is not None and paper.contains(self._hover):
            radius = self._pen_width * paper.width() / REFERENCE_SIDE / 2
            painter.setPen(QPen(QColor(128, 128, 128, 180), 1))
            painter.drawEllipse(self._hover, radius, radius)
        painter.end()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.update()  # the hint on blank paper is painted in the language of the moment

    # -- internals ------------------------------------------------------------------------------
    def paper_rect(self) -> QRectF:
        """The square of paper, centred in the widget, that the drawing fills (widget coordinates)."""
        side = float(min(self.width(), self.height()))
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _image_side(self) -> int:
        return max(28, round(min(self.width(), self.height()) * self.devicePixelRatioF()))

    def _blank_image(self, side: int) -> QImage:
        image = QImage(side, side, QImage.Format.Format_Grayscale8)
        image.fill(PAPER)
        return image

    def _set_image(self, image: QImage) -> None:
        """Take `image` as the drawing, rescaled to the current paper size if it differs."""
        side = self._image_side()
        if image.width() != side or image.height() != side:
            image = image.scaled(side, side, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        if image.format() != QImage.Format.Format_Grayscale8:
            image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        self._image = QImage(image)

    def _push_undo(self) -> None:
        self._undo.append(QImage(self._image))
        del self._undo[:-UNDO_DEPTH]

    def _painter(self) -> QPainter:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        return painter

    def to_image_point(self, position: QPointF) -> QPointF:
        """A widget position in the drawing's pixels (the image is finer than the widget on high-DPI)."""
        paper = self.paper_rect()
        scale = self._image.width() / paper.width() if paper.width() else 1.0
        return QPointF((position.x() - paper.left()) * scale, (position.y() - paper.top()) * scale)

    def _stroke_width(self, pressure: float) -> float:
        width = self._pen_width * self._image.width() / REFERENCE_SIDE
        return max(1.0, width * min(max(pressure, 0.3), 1.5))

    def _schedule_emit(self) -> None:
        if not self._emit_timer.isActive():
            screen = self.screen()
            rate = screen.refreshRate() if screen is not None else 60.0
            self._emit_timer.setInterval(round(1000 / min(max(rate, 30.0), 60.0)))
            self._emit_timer.start()

    @Slot()
    def _emit_drawing(self, drawing: np.ndarray | None = None) -> None:
        """Emit the drawing (`drawing` when the caller has converted it already), or an empty array."""
        if not self._has_ink and not self._drawing:
            self.drawingChanged.emit(np.zeros((0, 0), np.uint8))
        else:
            self.drawingChanged.emit(self.drawing() if drawing is None else drawing)

    def _check_ink_and_emit(self) -> None:
        """Recompute `_has_ink` from the pixels and emit, converting the image to an array only once."""
        drawing = self.drawing()
        self._has_ink = bool((drawing < 250).any())
        self._emit_drawing(drawing)

    def undo_depth(self) -> int:
        """How many states Undo can go back (each stroke, clear and loaded image adds one, up to
        UNDO_DEPTH): lets an observer tell which recorded strokes are still on the paper."""
        return len(self._undo)


class CanvasPanel(QWidget):
    """The canvas with its tools: pen width, eraser, undo and clear."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = DrawingCanvas(self)

        self.pen_slider = QSlider(Qt.Orientation.Horizontal)
        self.pen_slider.setRange(MIN_PEN_WIDTH, MAX_PEN_WIDTH)
        self.pen_slider.setValue(self.canvas.pen_width())
        self.pen_slider.setMinimumWidth(60)
        self.pen_label = QLabel()
        self.pen_label.setMinimumWidth(self.pen_label.fontMetrics().horizontalAdvance("00 px") + 4)
        pen_caption = QLabel()
        pen_caption.setBuddy(self.pen_slider)
        bind_text(self, pen_caption.setText, lambda: self.tr("Pen"))
        for widget in (self.pen_slider, self.pen_label, pen_caption):
            bind_text(self, widget.setToolTip, lambda: self.tr(
                "Pen width in pixels (for a 280-pixel canvas); MNIST digits have strokes about a tenth of the "
                "digit's height."))

        self.eraser_button = QToolButton()
        bind_text(self, self.eraser_button.setText, lambda: self.tr("Eraser"))
        self.eraser_button.setCheckable(True)
        bind_text(self, self.eraser_button.setToolTip, lambda: self.tr(
            "Erase with the left button instead of drawing (a tablet pen's eraser end erases too)."))
        self.undo_button = QToolButton()
        bind_text(self, self.undo_button.setText, lambda: self.tr("Undo"))
        self.undo_button.setIcon(action_icon("undo"))
        self.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bind_text(self, self.undo_button.setToolTip, lambda: self.tr("Undo the last stroke (Ctrl+Z)."))
        self.clear_button = QToolButton()
        bind_text(self, self.clear_button.setText, lambda: self.tr("Clear"))
        self.clear_button.setIcon(action_icon("clear"))
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bind_text(self, self.clear_button.setToolTip, lambda: self.tr(
            "Clear the drawing (Delete, Backspace or a right-click on the canvas)."))

        tools = QHBoxLayout()
        tools.setSpacing(6)
        tools.addWidget(pen_caption)
        tools.addWidget(self.pen_slider, 1)
        tools.addWidget(self.pen_label)
        tools.addSpacing(6)
        tools.addWidget(self.eraser_button)
        tools.addWidget(self.undo_button)
        tools.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(tools)

        self.pen_slider.valueChanged.connect(self.canvas.set_pen_width)
        self.pen_slider.valueChanged.connect(self._show_pen_width)
        self.eraser_button.toggled.connect(self.canvas.set_eraser)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button.clicked.connect(self.canvas.clear)
        self._show_pen_width(self.pen_slider.value())

    @Slot(int)
    def _show_pen_width(self, width: int) -> None:
        self.pen_label.setText(f"{width} px")

    def add_extra(self, widget: QWidget) -> None:
        """Place a feature's control (a check box, the collect bar) under the canvas tools."""
        self.layout().addWidget(widget)
