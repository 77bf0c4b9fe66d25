"""The scope guard's readings where the engineer looks: Overview meters with their levels, Home."""

from __future__ import annotations

from datetime import date

from deliverydesk.domain.drafts import ChangeRequestDraft
from deliverydesk.domain.enums import Decision
from deliverydesk.gui.pages.base import AREA_OVERVIEW
from deliverydesk.gui.pages.project.overview import OverviewPage
from deliverydesk.services.scope_guard import DecisionRequest, decide_change_request
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.gui.project.conftest import Workbench
from tests.gui.scope_guard.conftest import name_yourself


def test_overview_meters_take_the_guards_levels(bench: Workbench) -> None:
    request = create_change_request(
        bench.env.ctx,
        ChangeRequestDraft(
            project_id=bench.project_id, title="Extra screen", requested_on=date(2026, 3, 2), effort_hours=8
        ),
    )
    decision = DecisionRequest(
        request_id=request.id, outcome=Decision.APPROVED_GOODWILL, rationale="Goodwill"
    )
    name_yourself(bench)
    assert decide_change_request(bench.env.ctx, decision).request.decision is Decision.APPROVED_GOODWILL
    page = bench.page(AREA_OVERVIEW)
    assert isinstance(page, OverviewPage)
    page.refresh()  # shown before the decision
    bench.idle()
    assert page.goodwill_meter.level == "warn", page.meter_texts["goodwill"].text()  # 8 of 10 h: 80 %
    assert "amber" in page.meter_texts["goodwill"].text()
    assert page.creep_meter.level == "ok" and "amber" not in page.meter_texts["creep"].text()


def test_accepting_the_main_milestone_brings_the_deferred_b_items_to_home(qtbot, demo_env) -> None:
    from dataclasses import replace

    from deliverydesk.domain.attention import AttentionKind
    from deliverydesk.domain.drafts import MilestoneDraft, draft_from
    from deliverydesk.domain.enums import MilestoneStatus
    from deliverydesk.gui.pages.home import HomePage
    from deliverydesk.services.records.milestones import list_milestones, update_milestone
    from deliverydesk.services.records.projects import list_projects
    from tests.gui.conftest import wait_idle

    ctx = demo_env.ctx
    home = HomePage(demo_env)
    qtbot.addWidget(home)

    def shown(kind: AttentionKind) -> list[str]:
        """The refs Home lists under ``kind``'s heading (read through the model, as the view does)."""
        home.refresh()
        wait_idle(qtbot, demo_env.tasks)
        model, refs = home.model, []
        for row in range(model.rowCount()):
            group = model.index(row, 0)
            items = [model.item_at(model.index(r, 0, group)) for r in range(model.rowCount(group))]
            refs += [item.ref for item in items if item is not None and item.kind is kind]
        return refs

    assert shown(AttentionKind.DEFERRED_B_DUE) == []
    project = next(p for p in list_projects(ctx).rows if p.code == "DD-2026-014")
    main = next(m for m in list_milestones(ctx, project.id).rows if m.is_main)
    draft = draft_from(MilestoneDraft, main, status=MilestoneStatus.ACCEPTED, actual_date=ctx.today())
    update_milestone(ctx, replace(draft, id=main.id))
    due = shown(AttentionKind.DEFERRED_B_DUE)
    assert due and all(ref.startswith("CR-") for ref in due)
    titles = [home.model.index(r, 0).data() for r in range(home.model.rowCount())]
    assert any("Deferred B-items now due" in (t or "") for t in titles)


def test_work_logged_against_an_undecided_request_shows_on_home(qtbot, bench: Workbench) -> None:
    from datetime import UTC, datetime

    from deliverydesk.domain.attention import AttentionKind
    from deliverydesk.domain.drafts import LogEntryDraft
    from deliverydesk.gui.pages.home import HomePage
    from deliverydesk.services.attention import get_attention
    from deliverydesk.services.records.log import add_log_entry

    ctx = bench.env.ctx
    request = create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=bench.project_id, title="Extra interlock", requested_on=date(2026, 3, 2)
        ),
    )
    assert not get_attention(ctx).of_kind(AttentionKind.WORK_WITHOUT_DECISION)
    for hour in (2, 3):
        add_log_entry(
            ctx,
            LogEntryDraft(
                project_id=bench.project_id,
                occurred_at=datetime(2026, 3, 3, hour, tzinfo=UTC),
                summary="Wired the interlock",
                change_request_id=request.id,
            ),
        )
    (flagged,) = get_attention(ctx).of_kind(AttentionKind.WORK_WITHOUT_DECISION)
    assert (flagged.ref, flagged.logged, flagged.due) == ("CR-1", 2, date(2026, 3, 3))
    home = HomePage(bench.env)
    qtbot.addWidget(home)
    home.refresh()
    bench.idle()
    groups = [home.model.index(row, 0) for row in range(home.model.rowCount())]
    group = next(g for g in groups if "Work done without a decision" in g.data())
    assert "log entries against it: 2" in home.model.index(0, 3, group).data()
