"""Overview placeholder: the project's key meters (the per-project pages replace this)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from deliverydesk.domain.models import ProjectOverview
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_number
from deliverydesk.gui.pages.base import AREA_OVERVIEW, ProjectPage
from deliverydesk.services.overview import get_project_overview


class OverviewPage(ProjectPage):
    area = AREA_OVERVIEW
    icon_name = "summary"

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.form = QFormLayout(self)
        self.goodwill = QLabel(self)
        self.scope_creep = QLabel(self)
        self.form.addRow(self.tr("Goodwill hours used"), self.goodwill)
        self.form.addRow(self.tr("Scope-creep ratio"), self.scope_creep)

    def title(self) -> str:
        return self.tr("Overview")

    def refresh(self) -> None:
        ctx, project_id = self.env.ctx, self.project_id
        assert project_id is not None
        self.env.tasks.submit(
            lambda: get_project_overview(ctx, project_id), self._show, self._failed, key="overview"
        )

    def _show(self, overview: ProjectOverview) -> None:
        self.goodwill.setText(
            f"{format_number(overview.goodwill_hours_used)} / {format_number(overview.goodwill_budget_hours)}"
        )
        ratio = overview.scope_creep_ratio
        self.scope_creep.setText("—" if ratio is None else f"{format_number(ratio * 100)} %")

    def _failed(self, error: DeliveryDeskError) -> None:
        self.goodwill.setText(error.message)
