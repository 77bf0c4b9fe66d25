"""A PDF on screen: page images rendered by PDFium (see pdf_pages) in a scroll area, with the page
number, zoom in / out / fit width, and PgUp / PgDn from page to page.

Pages are rendered on the task runner (a long document takes longer than a frame), at the zoom or
the viewport's width and the screen's pixel ratio; a newer request supersedes an older one."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.gui.widgets.pdf_pages import RenderedPages, render_pages, render_pages_to_width

POINTS_TO_PIXELS = 96 / 72  # 100 % shows a page at its printed size on a 96-dpi screen
ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
PAGE_GAP = 12  # pixels around and between pages
PAGE_BORDER = 1
RESIZE_SETTLE_MS = 120  # re-render once the user stops dragging the window edge
_view_ids = itertools.count(1)


class _PageScroll(QScrollArea):
    """The scroll area; PgUp / PgDn / zoom keys are handed to the view."""

    def __init__(self, on_key: Callable[[QKeyEvent], bool], parent: QWidget) -> None:
        super().__init__(parent)
        self._on_key = on_key

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._on_key(event):
            super().keyPressEvent(event)


class PdfView(QWidget):
    """Shows PDF bytes. ``rendered`` is emitted each time new page images are on screen."""

    rendered = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.pdf = tasks, b""
        self.zoom: float | None = None  # None: fit the width of the view
        self.pages: list[QLabel] = []
        self._generation = 0  # which set_pdf() a finished render belongs to
        self._scale = POINTS_TO_PIXELS  # of the pages on screen, in pixels per point
        self._shown_request: tuple[object, ...] | None = None
        self._task_key = f"pdf-view-{next(_view_ids)}"
        self._settle = QTimer(self, singleShot=True, interval=RESIZE_SETTLE_MS)
        self._settle.timeout.connect(self.refresh)
        self._build_toolbar()
        self._build_scroll_area()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._toolbar)
        layout.addWidget(self.pages_area, 1)
        self._update_labels()

    def _build_toolbar(self) -> None:
        self.zoom_out_button = self._tool_button("−", self.tr("Zoom out"), self.zoom_out)
        self.zoom_in_button = self._tool_button("+", self.tr("Zoom in"), self.zoom_in)
        self.fit_button = self._tool_button(
            self.tr("Fit width"), self.tr("Fit the page width"), self.fit_width
        )
        self.fit_button.setCheckable(True)
        self.zoom_label, self.page_label = QLabel(self), QLabel(self)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400 %  "))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._toolbar = QHBoxLayout()
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            self._toolbar.addWidget(widget)
        self._toolbar.addStretch(1)
        self._toolbar.addWidget(self.page_label)

    def _tool_button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _build_scroll_area(self) -> None:
        self.pages_area = _PageScroll(self._handle_key, self)
        self.pages_area.setObjectName("pdfPages")
        self.pages_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no width flip-flop
        self.pages_area.setWidgetResizable(True)
        self.pages_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages_area.setBackgroundRole(QPalette.ColorRole.Dark)
        sheet = QWidget(self.pages_area)
        sheet.setBackgroundRole(QPalette.ColorRole.Dark)
        sheet.setAutoFillBackground(True)
        self._column = QVBoxLayout(sheet)
        self._column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._column.setSpacing(PAGE_GAP)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_area.setWidget(sheet)
        self.pages_area.viewport().installEventFilter(self)
        sheet.installEventFilter(self)  # laid out anew: the page positions changed
        self.pages_area.verticalScrollBar().valueChanged.connect(self._update_labels)

    # -- what is shown ---------------------------------------------------------------------------

    def set_pdf(self, pdf: bytes) -> None:
        self.pdf, self._shown_request = pdf, None
        self._generation += 1
        self._set_pages(None)
        self.refresh()

    def page_count(self) -> int:
        return len(self.pages)

    def current_page(self) -> int:
        """The 0-based page at the top third of the view (0 when there are no pages)."""
        mark = self.pages_area.verticalScrollBar().value() + self.pages_area.viewport().height() // 3
        return max((i for i, page in enumerate(self.pages) if page.y() <= mark), default=0)

    def zoom_percent(self) -> int:
        return round(self._effective_zoom() * 100)

    def refresh(self) -> None:
        """Render the pages for the current zoom / width, unless they are on screen already."""
        if not self.pdf or not self.isVisible():
            return  # shown later: showEvent comes back here
        request = self._request()
        if request == self._shown_request:
            return
        pdf, ratio, zoom, width = self.pdf, self.devicePixelRatioF(), self.zoom, self._fit_width_pixels()
        if zoom is None:
            job = lambda: render_pages_to_width(pdf, width, ratio)  # noqa: E731
        else:
            job = lambda: render_pages(pdf, zoom * POINTS_TO_PIXELS, ratio)  # noqa: E731
        self.tasks.submit(job, lambda pages: self._show(request, pages), key=self._task_key, owner=self)

    def _request(self) -> tuple[object, ...]:
        width = self._fit_width_pixels() if self.zoom is None else None
        return (self._generation, self.zoom, width, self.devicePixelRatioF())

    def _fit_width_pixels(self) -> int:
        return max(self.pages_area.viewport().width() - 2 * (PAGE_GAP + PAGE_BORDER), 50)

    def _show(self, request: tuple[object, ...], pages: RenderedPages) -> None:
        if request[0] != self._generation:
            return  # another document was set meanwhile
        self._shown_request, self._scale = request, pages.scale
        self._set_pages(pages)
        self.rendered.emit()

    def _set_pages(self, pages: RenderedPages | None) -> None:
        """Replace the page labels in place when the count stays (keeps the scroll position)."""
        images = pages.images if pages is not None else ()
        while len(self.pages) > len(images):
            self.pages.pop().deleteLater()
        while len(self.pages) < len(images):
            label = QLabel(self.pages_area.widget())
            label.setStyleSheet(f"background: white; border: {PAGE_BORDER}px solid #9aa3ad;")
            self._column.addWidget(label)
            label.show()  # now: the layout places only visible pages (addWidget shows it later)
            self.pages.append(label)
        for label, image in zip(self.pages, images, strict=True):
            label.setPixmap(QPixmap.fromImage(image))
        self.pages_area.setWidgetResizable(True)  # sizes the sheet and places the pages now, not later
        self._update_labels()

    def _update_labels(self) -> None:
        count = self.page_count()
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(self.current_page() + 1)).replace("%2", str(count))
            if count
            else self.tr("Loading…")
        )
        self.zoom_label.setText(f"{self.zoom_percent()} %")
        self.fit_button.setChecked(self.zoom is None)
        self.zoom_out_button.setEnabled(self._effective_zoom() > ZOOM_STEPS[0] + 1e-6)
        self.zoom_in_button.setEnabled(self._effective_zoom() < ZOOM_STEPS[-1] - 1e-6)

    # -- zoom and paging -------------------------------------------------------------------------

    def _effective_zoom(self) -> float:
        if self.zoom is not None:
            return self.zoom
        return self._scale / POINTS_TO_PIXELS

    def zoom_in(self) -> None:
        current = self._effective_zoom()
        self._set_zoom(next((z for z in ZOOM_STEPS if z > current + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self._effective_zoom()
        self._set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < current - 1e-6), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self._set_zoom(None)

    def _set_zoom(self, zoom: float | None) -> None:
        self.zoom = zoom
        self._update_labels()
        self.refresh()

    def go_to_page(self, index: int) -> None:
        if self.pages:
            page = self.pages[max(0, min(index, len(self.pages) - 1))]
            self.pages_area.verticalScrollBar().setValue(page.y() - PAGE_GAP)

    def _handle_key(self, event: QKeyEvent) -> bool:
        current = self.current_page()
        if event.key() == Qt.Key.Key_PageDown:
            self.go_to_page(current + 1)
        elif event.key() == Qt.Key.Key_PageUp:
            at_top = (
                self.pages_area.verticalScrollBar().value() <= self.pages[current].y() if self.pages else True
            )
            self.go_to_page(current - 1 if at_top else current)
        elif event.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        else:
            return False
        return True

    # -- Qt events -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.pages_area.viewport() and self.zoom is None:
                self._settle.start()  # fit width again once resizing stops
            elif watched is self.pages_area.widget():
                self._update_labels()
        return False
