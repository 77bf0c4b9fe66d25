"""Home lists projects whose goodwill or scope-creep meter reads amber or red; they open the Overview."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from deliverydesk.domain.drafts import ChangeRequestDraft
from deliverydesk.domain.enums import Decision
from deliverydesk.gui.models.attention import URGENT
from deliverydesk.gui.pages.base import AREA_OVERVIEW
from deliverydesk.gui.pages.home import HomePage
from deliverydesk.services.scope_guard import DecisionRequest, decide_change_request
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.gui.project.conftest import Workbench
from tests.gui.scope_guard.conftest import name_yourself


def give_goodwill(bench: Workbench, hours: float) -> None:
    ctx = bench.env.ctx
    draft = ChangeRequestDraft(
        project_id=bench.project_id, title="Extra screen", requested_on=date(2026, 3, 2), effort_hours=hours
    )
    request = create_change_request(ctx, draft)
    decision = DecisionRequest(request_id=request.id, outcome=Decision.APPROVED_GOODWILL, rationale="Ok")
    name_yourself(bench)
    decide_change_request(ctx, decision)


def meter_group(qtbot, bench: Workbench) -> tuple[HomePage, object]:
    home = HomePage(bench.env)
    qtbot.addWidget(home)
    home.refresh()
    bench.idle()
    groups = [home.model.index(row, 0) for row in range(home.model.rowCount())]
    return home, next((g for g in groups if "scope creep near the limit" in g.data()), None)


def test_a_project_near_its_goodwill_budget_shows_on_home(qtbot, bench: Workbench) -> None:
    give_goodwill(bench, 8)  # 8 of 10 h: amber
    home, group = meter_group(qtbot, bench)
    assert group is not None
    what, detail = home.model.index(0, 0, group), home.model.index(0, 3, group)
    assert what.data() == "Goodwill 80 %"
    assert "nearly used up" in detail.data() and detail.data(Qt.ItemDataRole.ForegroundRole) is None
    with qtbot.waitSignal(home.record_opened) as opened:
        home.view.activated.emit(what)
    assert opened.args == [bench.project_id, AREA_OVERVIEW, ""]


def test_a_used_up_budget_shows_red_and_a_calm_one_not_at_all(qtbot, bench: Workbench) -> None:
    give_goodwill(bench, 7)  # 70 %: nothing to flag
    _home, group = meter_group(qtbot, bench)
    assert group is None
    give_goodwill(bench, 3)  # 100 %: red
    home, group = meter_group(qtbot, bench)
    detail = home.model.index(0, 3, group)
    assert "used up" in detail.data()
    assert detail.data(Qt.ItemDataRole.ForegroundRole) == URGENT
