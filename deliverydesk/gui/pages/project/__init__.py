"""The per-project pages, in tab order: the registry ``ProjectWorkspace`` builds its tabs from.

To add a page: subclass ``deliverydesk.gui.pages.base.ProjectPage`` in a module of this package and
list its class in ``page_classes``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deliverydesk.gui.pages.base import ProjectPage


def page_classes() -> list[type[ProjectPage]]:
    """The pages in tab order. Imported when a workspace is first built, not with the window: the
    navigator and the dialogs import this package's light modules (``table``) before any page."""
    from deliverydesk.gui.pages.project.change_requests import ChangeRequestsPage
    from deliverydesk.gui.pages.project.documents import DocumentsPage
    from deliverydesk.gui.pages.project.expectations import ExpectationsPage
    from deliverydesk.gui.pages.project.handover import HandoverPage
    from deliverydesk.gui.pages.project.issues import IssuesPage
    from deliverydesk.gui.pages.project.log import LogPage
    from deliverydesk.gui.pages.project.milestones import MilestonesPage
    from deliverydesk.gui.pages.project.overview import OverviewPage
    from deliverydesk.gui.pages.project.scope import ScopePage

    return [
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
