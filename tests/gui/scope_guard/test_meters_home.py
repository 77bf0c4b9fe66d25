"""The scope guard's readings where the engineer looks: Overview meters with their levels, Home."""

from __future__ import annotations

from datetime import date

from deliverydesk.domain.drafts import ChangeRequestDraft
from deliverydesk.domain.enums import Decision
from deliverydesk.gui.pages.base import AREA_OVERVIEW
from deliverydesk.gui.pages.project.overview import OverviewPage
from deliverydesk.services.change_requests import create_change_request
from deliverydesk.services.scope_guard import DecisionRequest, decide_change_request
from tests.gui.project.conftest import Workbench


def test_overview_meters_take_the_guards_levels(bench: Workbench) -> None:
    request = create_change_request(
        bench.env.ctx,
        ChangeRequestDraft(
            project_id=bench.project_id, title="Extra screen", requested_on=date(2026, 3, 2), effort_hours=8
        ),
    )
    decision = DecisionRequest(
        request_id=request.id, outcome=Decision.APPROVED_GOODWILL, rationale="Goodwill", decided_by="Zhang"
    )
    assert decide_change_request(bench.env.ctx, decision).request.decision is Decision.APPROVED_GOODWILL
    page = bench.page(AREA_OVERVIEW)
    assert isinstance(page, OverviewPage)
    page.refresh()  # shown before the decision
    bench.idle()
    assert page.goodwill_meter.level == "warn", page.meter_texts["goodwill"].text()  # 8 of 10 h: 80 %
    assert "amber" in page.meter_texts["goodwill"].text()
    assert page.creep_meter.level == "ok" and "amber" not in page.meter_texts["creep"].text()
