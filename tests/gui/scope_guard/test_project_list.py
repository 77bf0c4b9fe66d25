"""The navigator's Goodwill and Scope creep columns: percentages, amber/red by the guard's level."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from deliverydesk.domain.drafts import ChangeRequestDraft
from deliverydesk.domain.enums import Decision
from deliverydesk.domain.metrics import MeterLevel
from deliverydesk.gui.models.projects import GOODWILL, LEVEL_COLOURS, SCOPE_CREEP
from deliverydesk.gui.pages.navigator import ProjectNavigator
from deliverydesk.services.scope_guard import DecisionRequest, decide_change_request
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.gui.project.conftest import Workbench
from tests.gui.scope_guard.conftest import name_yourself


def test_the_navigator_shows_goodwill_and_scope_creep_coloured_by_level(qtbot, bench: Workbench) -> None:
    ctx = bench.env.ctx
    request = create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=bench.project_id, title="Extra screen", requested_on=date(2026, 3, 2), effort_hours=8
        ),
    )
    decision = DecisionRequest(request_id=request.id, outcome=Decision.APPROVED_GOODWILL, rationale="Ok")
    name_yourself(bench)
    decide_change_request(ctx, decision)
    navigator = ProjectNavigator(bench.env)
    qtbot.addWidget(navigator)
    navigator.refresh()
    bench.idle()
    goodwill, creep = navigator.model.index(0, GOODWILL), navigator.model.index(0, SCOPE_CREEP)
    assert navigator.model.headerData(GOODWILL, Qt.Orientation.Horizontal) == "Goodwill"
    assert goodwill.data() == "80 %"  # 8 of 10 h
    assert goodwill.data(Qt.ItemDataRole.ForegroundRole).color() == LEVEL_COLOURS[MeterLevel.WARNING]
    assert "amber" in goodwill.data(Qt.ItemDataRole.ToolTipRole)
    assert creep.data() == "4 %"  # 8 of 200 h contracted, accepted out of scope (unchecked counts)
    assert creep.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "8.0 h beyond 200.0 h" in creep.data(Qt.ItemDataRole.ToolTipRole)
