"""Meters for the Overview: a bar against a limit (warning colour at 80 %, alarm at 100 %) and a
segmented bar (milestones by health). Painted plainly; numbers always written next to them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from deliverydesk.domain.metrics import MeterLevel

TRACK = QColor("#e3e6ea")
OK = QColor("#2f7d4f")
WARN = QColor("#d08a1a")
OVER = QColor("#c62828")
WARN_AT = 0.8
OVER_AT = 1.0

RULE_LEVELS = {
    MeterLevel.NOT_APPLICABLE: "none",
    MeterLevel.OK: "ok",
    MeterLevel.WARNING: "warn",
    MeterLevel.LIMIT: "over",
}


def level(ratio: float | None) -> str:
    """ "ok", "warn" (80 % of the limit reached) or "over" (the limit reached); "none" without a limit."""
    if ratio is None:
        return "none"
    if ratio >= OVER_AT:
        return "over"
    return "warn" if ratio >= WARN_AT else "ok"


class _Bar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(100)

    def sizeHint(self) -> QSize:
        return QSize(240, 14)

    def _track(self, painter: QPainter) -> QRectF:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 1.5, -0.5, -1.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(rect, 4, 4)
        return rect


class Meter(_Bar):
    """``ratio`` of a limit: the bar fills up to 100 % and turns amber at 80 %, red at 100 %."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ratio: float | None = None
        self.rule_level: str | None = None  # the domain's level when known (hours compared exactly)

    def set_ratio(self, ratio: float | None, description: str, rule_level: MeterLevel | None = None) -> None:
        self.ratio = ratio
        self.rule_level = None if rule_level is None else RULE_LEVELS[rule_level]
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    @property
    def level(self) -> str:
        return self.rule_level or level(self.ratio)

    def colour(self) -> QColor:
        return {"warn": WARN, "over": OVER}.get(self.level, OK)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self._track(painter)
        if self.ratio:
            filled = QRectF(rect)
            filled.setWidth(rect.width() * min(self.ratio, 1.0))
            painter.setBrush(self.colour())
            painter.drawRoundedRect(filled, 4, 4)
        painter.end()


class SegmentBar(_Bar):
    """Counts side by side in their colours (e.g. milestones on track / at risk / overdue / done)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments: list[tuple[int, QColor]] = []

    def set_segments(self, segments: Sequence[tuple[int, QColor]], description: str) -> None:
        self.segments = list(segments)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self._track(painter)
        total = sum(count for count, _colour in self.segments)
        x = rect.left()
        for count, colour in self.segments:
            if total and count:
                width = rect.width() * count / total
                painter.setBrush(colour)
                painter.drawRect(QRectF(x, rect.top(), width, rect.height()))
                x += width
        painter.end()
