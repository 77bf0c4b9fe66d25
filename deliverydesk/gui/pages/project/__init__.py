"""The per-project pages, in tab order: the registry ``ProjectWorkspace`` builds its tabs from.

To add a page: subclass ``deliverydesk.gui.pages.base.ProjectPage`` in a module of this package and
list its class here."""

from __future__ import annotations

from deliverydesk.gui.pages.base import ProjectPage
from deliverydesk.gui.pages.project.overview import OverviewPage

PAGE_CLASSES: list[type[ProjectPage]] = [OverviewPage]
