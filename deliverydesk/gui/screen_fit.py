"""Windows that fit the screen they open on: 1366×768 laptops, at 100 % and 125 % scaling.

- ``fit_to_screen``: a window no larger than the available screen (minus its frame), moved inside it;
  a minimum size larger than the screen is lowered, so nothing ends up beyond the edge.
- ``ScreenDialog``: a dialog that fits itself when it is first shown (a preview asked for 760×900 gets
  the screen's height and scrolls inside).
- ``FitScrollArea``: a scroll area that asks for its whole content when there is room (a plain
  ``QScrollArea`` asks for 36×24 lines at most), so a form is only scrolled when the screen is small.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QFrame, QMainWindow, QScrollArea, QWidget

# A title bar and borders that are not known before the window manager has framed the window.
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without task bars and docks)."""
    screen = widget.screen() if widget.screen() is not None else QGuiApplication.primaryScreen()
    parent = widget.parentWidget()
    if parent is not None and parent.screen() is not None:
        screen = parent.screen()
    return screen.availableGeometry()


def frame_margins(window: QWidget) -> QSize:
    """Width and height the window's frame adds (an allowance while it has none yet)."""
    frame, inner = window.frameGeometry(), window.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    if window.isVisible() and (extra.width() > 0 or extra.height() > 0):
        return extra
    return FRAME_ALLOWANCE


def largest_size(window: QWidget) -> QSize:
    """The largest client size whose framed window fits the available screen."""
    area, frame = available_geometry(window), frame_margins(window)
    return QSize(max(200, area.width() - frame.width()), max(150, area.height() - frame.height()))


def fit_to_screen(window: QWidget) -> None:
    """Shrink the window (and its minimum) to the available screen, then move it fully inside."""
    largest = largest_size(window)
    minimum = window.minimumSize()
    if minimum.width() > largest.width() or minimum.height() > largest.height():
        window.setMinimumSize(minimum.boundedTo(largest))
    size = window.size().boundedTo(largest)
    if size != window.size():
        window.resize(size)
    area = available_geometry(window)
    frame = window.frameGeometry()
    left = min(max(frame.left(), area.left()), area.right() - frame.width() + 1)
    top = min(max(frame.top(), area.top()), area.bottom() - frame.height() + 1)
    if QPoint(left, top) != frame.topLeft():
        window.move(max(left, area.left()), max(top, area.top()))


class ScreenDialog(QDialog):
    """A dialog that fits the screen when it is first shown (subclasses keep their preferred size)."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            fit_to_screen(self)


class FitScrollArea(QScrollArea):
    """A frameless scroll area whose size hint is its content's (the dialog then fits the screen)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setWidget(content)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, hint.height())

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.minimumSizeHint().width() + bar, min(content.minimumSizeHint().height(), 120))


DEFAULT_SIZE = QSize(1280, 800)


def place_main_window(window: QMainWindow, restored: bool) -> None:
    """The saved place if it fits this screen; else the default size, or the whole screen when that is
    smaller (a 1366×768 laptop, more so at 125 %): never beyond the screen's edge."""
    largest = largest_size(window)
    if restored and window.width() <= largest.width() and window.height() <= largest.height():
        fit_to_screen(window)
        return
    if DEFAULT_SIZE.width() > largest.width() or DEFAULT_SIZE.height() > largest.height():
        window.resize(largest)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(DEFAULT_SIZE)
    area = available_geometry(window)
    window.move(area.center() - window.rect().center())
