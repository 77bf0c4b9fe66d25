"""A signature pad: sign with a pen (tablet events) or the mouse; clear and undo; export as PNG.

Strokes are kept as points and drawn as quadratic curves through the midpoints of successive points,
which gives smooth lines from jittery input. The PNG has a transparent background, is cropped to
the ink with a small margin and scaled down to fit ``MAX_PNG_SIZE`` (the service bounds it too).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor("#1b2430")
PEN_WIDTH = 2.6
MAX_PNG_SIZE = QSize(900, 300)
MARGIN = 8.0


def stroke_path(points: list[QPointF]) -> QPainterPath:
    """A smooth path: straight to the first midpoint, then quadratic curves through the midpoints,
    each controlled by the recorded point between them, and a straight end to the last point."""
    path = QPainterPath(points[0])
    if len(points) == 1:
        path.lineTo(points[0] + QPointF(0.1, 0.1))  # a dot still shows
        return path
    path.lineTo((points[0] + points[1]) / 2)
    for index in range(1, len(points) - 1):
        midpoint = (points[index] + points[index + 1]) / 2
        path.quadTo(points[index], midpoint)
    path.lineTo(points[-1])
    return path


class SignaturePad(QWidget):
    """Emits ``changed`` after every stroke, undo and clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[QPointF]] = []
        self._drawing = False
        self.setMinimumSize(360, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self.setToolTip(self.tr("Sign here with the pen or the mouse"))

    # --- state -------------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not self.strokes

    def clear(self) -> None:
        self.strokes.clear()
        self._drawing = False
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self._drawing = False
            self.update()
            self.changed.emit()

    # --- input -------------------------------------------------------------------------------------
    def _begin(self, point: QPointF) -> None:
        self.strokes.append([point])
        self._drawing = True
        self.update()

    def _extend(self, point: QPointF) -> None:
        if self._drawing and self.strokes and point != self.strokes[-1][-1]:
            self.strokes[-1].append(point)
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        """A pen: handled here (accepted), so Qt does not also synthesise mouse events."""
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    # --- drawing -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        painter.setPen(QPen(self.palette().mid().color(), 1, Qt.PenStyle.DashLine))
        baseline = self.height() * 0.75
        painter.drawLine(QPointF(16, baseline), QPointF(self.width() - 16, baseline))
        self._draw_strokes(painter)
        painter.end()

    def _draw_strokes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(INK, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for points in self.strokes:
            painter.drawPath(stroke_path(points))

    def ink_bounds(self) -> QRectF:
        bounds = QRectF()
        for points in self.strokes:
            bounds = bounds.united(stroke_path(points).boundingRect())
        return bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def to_image(self) -> QImage:
        """The ink on a transparent background, cropped and scaled to fit ``MAX_PNG_SIZE``."""
        bounds = self.ink_bounds()
        size = bounds.size().toSize().boundedTo(QSize(4000, 4000)).expandedTo(QSize(1, 1))
        fits = size.width() <= MAX_PNG_SIZE.width() and size.height() <= MAX_PNG_SIZE.height()
        target = size if fits else size.scaled(MAX_PNG_SIZE, Qt.AspectRatioMode.KeepAspectRatio)
        image = QImage(target, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(target.width() / bounds.width(), target.height() / bounds.height())
        painter.translate(-bounds.topLeft())
        self._draw_strokes(painter)
        painter.end()
        return image

    def to_png(self) -> bytes:
        """The signature as PNG bytes (b"" when nothing was drawn)."""
        if self.is_empty():
            return b""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image().save(buffer, "PNG")  # type: ignore[call-overload]  # str at run time; the stubs say bytes
        buffer.close()
        return bytes(data.data())
