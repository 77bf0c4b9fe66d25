"""The project workspace: a header with the project's key facts and one tab per area.

Pages come from ``deliverydesk.gui.pages.project.PAGE_CLASSES`` (the registry the per-project pages
extend). Only the visible page loads; the others load when their tab is first shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from deliverydesk.domain.models import ProjectItem
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.icons import icon
from deliverydesk.gui.labels import label
from deliverydesk.gui.pages.base import ProjectPage
from deliverydesk.gui.pages.project import PAGE_CLASSES
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.services.projects import get_project


class ProjectWorkspace(QWidget):
    records_changed = Signal()  # a page saved something

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.project_id: str | None = None
        self.title = QLabel(self)
        self.title.setObjectName("workspaceTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel(self)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setStyleSheet(MUTED_STYLE)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        self.pages: list[ProjectPage] = [cls(env, self) for cls in PAGE_CLASSES]
        for page in self.pages:
            self.tabs.addTab(page, icon(page.icon_name), page.title())
            page.record_opened.connect(self.open_record)
            page.records_changed.connect(self._page_saved)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.empty = QLabel(self.tr("Choose a project on the left."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._content())

    def _content(self) -> QWidget:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        return content

    def set_project(self, project_id: str | None) -> None:
        self.project_id = project_id
        for page in self.pages:
            page.set_project(project_id)
        self.stack.setCurrentIndex(0 if project_id is None else 1)
        if project_id is None:
            return
        ctx = self.env.ctx
        self.env.tasks.submit(
            lambda: get_project(ctx, project_id), self._show_header, self._failed, key="workspace-header"
        )
        self.current_page().ensure_fresh()

    def current_page(self) -> ProjectPage:
        page = self.tabs.currentWidget()
        assert isinstance(page, ProjectPage)
        return page

    def page_for(self, area: str) -> ProjectPage | None:
        return next((page for page in self.pages if page.area == area), None)

    def open_record(self, area: str, record_id: str) -> None:
        """Show ``area``'s page and ask it to open ``record_id`` ("" = just the page)."""
        page = self.page_for(area) or self.pages[0]
        self.tabs.setCurrentWidget(page)
        page.ensure_fresh()
        if record_id:
            page.show_record(record_id)

    def refresh(self) -> None:
        for page in self.pages:
            page.mark_stale()
        if self.project_id is not None:
            self.set_project(self.project_id)

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is not None:
            self.current_page().ensure_fresh()

    def _page_saved(self) -> None:
        sender = self.sender()
        for page in self.pages:
            if page is not sender:
                page.mark_stale()
        self.records_changed.emit()

    def _show_header(self, project: ProjectItem) -> None:
        if project.id != self.project_id:
            return
        self.title.setText(f"{project.code}  {project.name}")
        self.facts.setText(f"{project.client_name}  ·  {label(project.status)}")

    def _failed(self, error: DeliveryDeskError) -> None:
        self.facts.setText(error.message)
