"""The project workspace: a header with the project's key facts, a side list of areas, one page each.

Pages come from ``deliverydesk.gui.pages.project.page_classes()`` (the registry the per-project pages
extend). Only the visible page loads; the others load when first shown. A side list rather than tabs:
nine areas fit in it at any window width, in English and in Chinese."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.models import ProjectItem
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.icons import icon
from deliverydesk.gui.labels import label
from deliverydesk.gui.messages import error_message
from deliverydesk.gui.pages.base import ProjectPage
from deliverydesk.gui.pages.project import page_classes
from deliverydesk.gui.pages.project.overview import OverviewPage
from deliverydesk.gui.style import mute
from deliverydesk.gui.widgets.elided import ElidedLabel
from deliverydesk.services.overview import OpenedProject, open_project

# A label that wraps to another line grows its page, the page its stack, and so on up to the window:
# each level's layout request is posted while the level below is laid out (about ten levels).
LAYOUT_LEVELS = 12


def lay_out_now(scroll_area: QAbstractScrollArea) -> None:
    """Deliver the layout requests new texts posted, and those that delivering them posts in turn, then
    the scroll area's queued scroll-bar update, before the next paint: the window is laid out and
    painted once, instead of again for each level whose size changed (a switch painted the
    workspace two or three times)."""
    for _ in range(LAYOUT_LEVELS):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QCoreApplication.sendPostedEvents(scroll_area, QEvent.Type.MetaCall)  # its own slots only


class ProjectWorkspace(QWidget):
    records_changed = Signal()  # a page saved something

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.project_id: str | None = None
        self.project_code: str | None = None  # once its header has loaded
        self.title = ElidedLabel("", self)  # a long Chinese and English name: elided, whole in the tooltip
        self.title.setObjectName("workspaceTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = ElidedLabel("", self)
        mute(self.facts)
        self.area_list = QListWidget(self)
        self.page_stack = QStackedWidget(self)
        self.pages: list[ProjectPage] = [cls(env, self) for cls in page_classes()]
        self.overview = next(page for page in self.pages if isinstance(page, OverviewPage))
        self._build_areas()
        self.empty = QLabel(self.tr("Choose a project on the left."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._content())

    def _build_areas(self) -> None:
        self.area_list.setObjectName("workspaceAreas")
        self.area_list.setIconSize(QSize(18, 18))
        self.area_list.setSpacing(1)
        for page in self.pages:
            QListWidgetItem(icon(page.icon_name), _plain(page.title()), self.area_list)
            self.page_stack.addWidget(page)
            page.record_opened.connect(self.open_record)
            page.records_changed.connect(self._page_saved)
        self.area_list.setFixedWidth(self._area_list_width())
        self.area_list.setAccessibleName(self.tr("Areas of the project"))
        self.area_list.setToolTip(self.tr("Ctrl+Page Down / Ctrl+Page Up: the next or previous area"))
        self.area_list.currentRowChanged.connect(self._area_changed)
        self.area_list.setCurrentRow(0)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.next_area if step > 0 else self.previous_area)

    def _content(self) -> QWidget:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        body = QHBoxLayout()
        body.setSpacing(8)
        body.addWidget(self.area_list)
        body.addWidget(self.page_stack, 1)
        layout.addLayout(body, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        return content

    def set_project(self, project_id: str | None) -> None:
        self.project_id = project_id
        self.project_code = None
        for page in self.pages:
            page.set_project(project_id)
        self.stack.setCurrentIndex(0 if project_id is None else 1)
        if project_id is None:
            return
        self._open(project_id)
        self.current_page().ensure_fresh()

    def _open(self, project_id: str) -> None:
        """One read for the header and the Overview (``open_project``): the Overview takes its data
        from it whether it is shown or not, so showing it later costs nothing."""
        self.overview.expect_data()
        try:
            data = open_project(self.env.ctx, project_id)
        except DeliveryDeskError as error:
            self._failed(error)
            return
        self._opened(data)

    def _opened(self, data: OpenedProject) -> None:
        project = data.overview.project
        if project.id != self.project_id:
            return
        self._show_header(project)
        self.overview.take(project.id, data)
        lay_out_now(self.overview.scroll_area)

    def _area_list_width(self) -> int:
        metrics = self.area_list.fontMetrics()
        widest = max((metrics.horizontalAdvance(_plain(page.title())) for page in self.pages), default=80)
        return widest + 18 + 40  # icon, margins and frame

    def next_area(self) -> None:
        self._step_area(1)

    def previous_area(self) -> None:
        self._step_area(-1)

    def _step_area(self, step: int) -> None:
        """The next or previous area from the keyboard; the page takes the focus."""
        row = (self.area_list.currentRow() + step) % len(self.pages)
        self.area_list.setCurrentRow(row)
        self.focus_page()

    def focus_page(self) -> None:
        """The keyboard goes to the shown page: its first field, list or button."""
        page = self.current_page()
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            if tab and page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()

    def current_page(self) -> ProjectPage:
        page = self.page_stack.currentWidget()
        assert isinstance(page, ProjectPage)
        return page

    def show_page(self, page: ProjectPage) -> None:
        self.area_list.setCurrentRow(self.pages.index(page))

    def page_for(self, area: str) -> ProjectPage | None:
        return next((page for page in self.pages if page.area == area), None)

    def open_record(self, area: str, record_id: str) -> None:
        """Show ``area``'s page and ask it to open ``record_id`` ("" = just the page)."""
        page = self.page_for(area) or self.pages[0]
        self.show_page(page)
        page.ensure_fresh()
        if record_id:
            page.show_record(record_id)

    def refresh(self) -> None:
        for page in self.pages:
            page.mark_stale()
        if self.project_id is not None:
            self.set_project(self.project_id)

    def _area_changed(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.page_stack.setCurrentIndex(row)
            self.current_page().ensure_fresh()

    def _page_saved(self) -> None:
        sender = self.sender()
        for page in self.pages:
            if page is not sender:
                page.mark_stale()
        if self.project_id is not None:  # "Edit project…" may have renamed it: the title follows
            self._open(self.project_id)
        self.records_changed.emit()

    def _show_header(self, project: ProjectItem) -> None:
        if project.id != self.project_id:
            return
        self.project_code = project.code
        self.title.setText(f"{project.code}  {project.name}")
        self.facts.setText(f"{project.client_name}  ·  {label(project.status)}")

    def _failed(self, error: DeliveryDeskError) -> None:
        self.facts.setText(error_message(error))
        self.overview.show_failure(error)


def _plain(title: str) -> str:
    """A title written for a tab ("Scope && exclusions") as plain list text."""
    return title.replace("&&", "\0").replace("&", "").replace("\0", "&")
