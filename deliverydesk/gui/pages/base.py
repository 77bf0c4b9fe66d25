"""The seam between the workspace frame and its per-project pages.

A page is a ``ProjectPage`` subclass listed in ``deliverydesk.gui.pages.project.page_classes()``; the
workspace builds one of each, in that order, as tabs. The workspace calls ``set_project`` on every
page when the project changes and ``refresh`` lazily, only on the page being shown (``ensure_fresh``),
so switching projects costs one page's queries."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from deliverydesk.gui.env import GuiEnv

# Area names: what ``record_opened`` and ``ProjectWorkspace.open_record`` use to find a page.
AREA_OVERVIEW = "overview"
AREA_SCOPE = "scope"
AREA_MILESTONES = "milestones"
AREA_EXPECTATIONS = "expectations"
AREA_CHANGE_REQUESTS = "change_requests"
AREA_LOG = "log"
AREA_ISSUES = "issues"
AREA_HANDOVER = "handover"
AREA_DOCUMENTS = "documents"


class ProjectPage(QWidget):
    """One area of a project. Subclasses set ``area`` and ``icon_name`` and implement
    ``title()`` and ``refresh()`` (load through ``self.env.tasks``, never block)."""

    area: ClassVar[str] = ""
    icon_name: ClassVar[str] = "summary"  # a name from resources/icons

    record_opened = Signal(str, str)  # (area, record_id): ask the workspace to show another record
    records_changed = Signal()  # this page saved something: the navigator and Home refresh

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.project_id: str | None = None
        self._stale = True

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload the page's data for ``self.project_id`` (asynchronously)."""

    def show_record(self, record_id: str) -> None:
        """Select / open ``record_id`` of this page's area (after ``set_project``)."""

    def set_project(self, project_id: str | None) -> None:
        self.project_id = project_id
        self._stale = True

    def mark_stale(self) -> None:
        self._stale = True

    def mark_fresh(self) -> None:
        """Its data is on the way from elsewhere (the workspace's own load): no load of its own."""
        self._stale = False

    def ensure_fresh(self) -> None:
        if self._stale and self.project_id is not None:
            self._stale = False
            self.refresh()
