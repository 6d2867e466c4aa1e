"""The strokes still on the canvas, in image pixels, stored beside each drawing of the handwriting set."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Slot

from desktop_app.gui.drawing.canvas import UNDO_DEPTH, DrawingCanvas


class StrokeRecorder(QObject):
    """Watches the canvas's mouse events and keeps the strokes still on the paper, in image pixels.

    The canvas adds one undo state per stroke; comparing its undo depth with the depth each stroke began at
    tells which strokes an Undo took back. Anything strokes cannot describe (the eraser, a loaded image,
    undoing past a clear, a full undo stack) makes `strokes()` answer an empty list.
    """

    def __init__(self, canvas: DrawingCanvas) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._strokes: list[tuple[int, list[list[float]]]] = []  # (undo depth before the stroke, points)
        self._base = canvas.undo_depth()
        self._unreliable = False
        self._current: list[list[float]] | None = None
        canvas.installEventFilter(self)
        canvas.drawingChanged.connect(self._drawing_changed)

    def eventFilter(self, watched, event) -> bool:
        if not hasattr(self, "_canvas"):  # the wrapper is being torn down with its window
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            if self._canvas.eraser():
                self._unreliable = True
            else:
                self._current = [self._point(event.position())]
                self._strokes.append((self._canvas.undo_depth(), self._current))
        elif kind == QEvent.Type.MouseMove and self._current is not None \
                and event.buttons() & Qt.MouseButton.LeftButton:
            self._current.append(self._point(event.position()))
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            self._current = None
        elif kind in (QEvent.Type.TabletPress, QEvent.Type.TabletMove):
            self._unreliable = True  # pressure strokes: the PNG is the record
        return False

    @Slot(object)
    def _drawing_changed(self, drawing) -> None:
        if drawing.size == 0:  # cleared, or undone back to blank paper
            self.reset()

    def reset(self) -> None:
        self._strokes.clear()
        self._current = None
        self._unreliable = False
        self._base = self._canvas.undo_depth()

    def strokes(self) -> list[list[list[float]]]:
        depth = self._canvas.undo_depth()
        kept = depth - self._base
        depths = [start for start, _ in self._strokes]
        consistent = depths == list(range(self._base, self._base + len(depths)))
        if self._unreliable or not consistent or not 0 <= kept <= len(self._strokes) or depth >= UNDO_DEPTH:
            return []
        return [points for _, points in self._strokes[:kept]]

    def _point(self, position: QPointF) -> list[float]:
        point = self._canvas.to_image_point(position)
        return [round(point.x(), 1), round(point.y(), 1)]
