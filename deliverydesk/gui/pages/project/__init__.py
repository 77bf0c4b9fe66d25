"""The per-project pages, in tab order: the registry ``ProjectWorkspace`` builds its tabs from.

To add a page: subclass ``deliverydesk.gui.pages.base.ProjectPage`` in a module of this package and
list its class here."""

from __future__ import annotations

from deliverydesk.gui.pages.base import ProjectPage
from deliverydesk.gui.pages.project.change_requests import ChangeRequestsPage
from deliverydesk.gui.pages.project.documents import DocumentsPage
from deliverydesk.gui.pages.project.expectations import ExpectationsPage
from deliverydesk.gui.pages.project.handover import HandoverPage
from deliverydesk.gui.pages.project.issues import IssuesPage
from deliverydesk.gui.pages.project.log import LogPage
from deliverydesk.gui.pages.project.milestones import MilestonesPage
from deliverydesk.gui.pages.project.overview import OverviewPage
from deliverydesk.gui.pages.project.scope import ScopePage

PAGE_CLASSES: list[type[ProjectPage]] = [
    OverviewPage,
    ScopePage,
    MilestonesPage,
    ExpectationsPage,
    ChangeRequestsPage,
    LogPage,
    IssuesPage,
    HandoverPage,
    DocumentsPage,
]
