"""Home's scope meter warnings: projects whose goodwill or scope-creep meter reads amber or red."""

from __future__ import annotations

from deliverydesk.domain.attention import AttentionKind
from deliverydesk.domain.enums import Decision, ProjectStatus, ScopeCheck
from deliverydesk.domain.metrics import MeterLevel
from deliverydesk.services.attention import get_attention
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.projects import archive_project, list_projects
from deliverydesk.services.scope_guard import project_meters
from tests.integration.services.conftest import decided_ask, make_client, make_project

WARNS = (MeterLevel.WARNING, MeterLevel.LIMIT)


def test_projects_at_warning_or_limit_are_listed_by_code(ctx: ServiceContext) -> None:
    client_id, _, _ = make_client(ctx)
    hours = {"contracted_effort_hours": 100.0, "goodwill_budget_hours": 10.0}
    amber = make_project(ctx, client_id, "P-2", **hours)
    # 80 % within tolerance
    decided_ask(ctx, amber, Decision.APPROVED_GOODWILL, 7.9999999, ScopeCheck.IN_SCOPE)
    red = make_project(ctx, client_id, "P-1", **hours)
    decided_ask(ctx, red, Decision.APPROVED_BILLABLE, 100.0, ScopeCheck.OUT_OF_SCOPE)  # creep 100 %
    calm = make_project(ctx, client_id, "P-3", **hours)
    decided_ask(ctx, calm, Decision.APPROVED_GOODWILL, 7.9, ScopeCheck.IN_SCOPE)  # 79 %
    decided_ask(ctx, calm, Decision.DECLINED, 500.0, ScopeCheck.OUT_OF_SCOPE)  # declined: not counted
    unmeasured = make_project(ctx, client_id, "P-4", contracted_effort_hours=0.0, goodwill_budget_hours=0.0)
    decided_ask(ctx, unmeasured, Decision.APPROVED_GOODWILL, 5.0, ScopeCheck.OUT_OF_SCOPE)
    archived = make_project(ctx, client_id, "P-0", **hours)
    decided_ask(ctx, archived, Decision.APPROVED_GOODWILL, 10.0, ScopeCheck.IN_SCOPE)
    archive_project(ctx, archived)

    report = get_attention(ctx)
    flagged = report.of_kind(AttentionKind.SCOPE_METER_WARNING)
    assert [item.project_code for item in flagged] == ["P-1", "P-2"]
    assert report.totals[AttentionKind.SCOPE_METER_WARNING] == 2
    first, second = flagged
    assert first.scope_creep is not None and first.scope_creep.level is MeterLevel.LIMIT
    assert second.goodwill is not None and second.goodwill.level is MeterLevel.WARNING
    assert first.record_id is None, "opens the project (its Overview), not a record"

    bounded = get_attention(ctx, limit=1)
    assert len(bounded.of_kind(AttentionKind.SCOPE_METER_WARNING)) == 1
    assert bounded.totals[AttentionKind.SCOPE_METER_WARNING] == 2


def test_the_sql_selection_agrees_with_the_meters_on_the_demo(demo_ctx: ServiceContext) -> None:
    live = (ProjectStatus.PLANNING, ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD)
    watched = [row for row in list_projects(demo_ctx, limit=200).rows if row.status in live]
    budgeted = next(row for row in watched if row.goodwill.allowed > 0)
    full_budget = budgeted.goodwill.allowed
    decided_ask(demo_ctx, budgeted.id, Decision.APPROVED_GOODWILL, full_budget, ScopeCheck.IN_SCOPE)
    expected = set()
    for row in watched:
        meters = project_meters(demo_ctx, row.id)
        if meters.goodwill.level in WARNS or meters.scope_creep.level in WARNS:
            expected.add(row.code)
    flagged = get_attention(demo_ctx, limit=200).of_kind(AttentionKind.SCOPE_METER_WARNING)
    assert {item.project_code for item in flagged} == expected
    assert expected, "the demo should have a project whose meter warns"
