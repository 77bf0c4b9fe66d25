"""The navigator's goodwill and scope-creep figures: summed in SQL, equal to the Python rule."""

from __future__ import annotations

import pytest

from deliverydesk.domain.enums import Decision, ScopeCheck
from deliverydesk.domain.metrics import (
    ChangeEffort,
    MeterLevel,
    accepted_out_of_scope_hours,
    goodwill_hours_used,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.projects import list_projects
from deliverydesk.store.queries import change_efforts
from deliverydesk.store.tables import ProjectRow
from tests.integration.services.conftest import decided_ask, make_client, make_project


def python_rule(ctx: ServiceContext, project_id: str) -> tuple[float, float, float, float]:
    with ctx.db.unit_of_work() as session:
        efforts = [ChangeEffort(*row) for row in change_efforts(session, project_id)]
        project = session.get(ProjectRow, project_id)
        assert project is not None
        return (
            goodwill_hours_used(efforts),
            project.goodwill_budget_hours,
            accepted_out_of_scope_hours(efforts),
            project.contracted_effort_hours,
        )


def test_sql_sums_match_the_python_rule_on_the_demo(demo_ctx: ServiceContext) -> None:
    page = list_projects(demo_ctx, include_archived=True, limit=200)
    assert page.rows
    nonzero = 0
    for row in page.rows:
        used, budget, out_of_scope, contracted = python_rule(demo_ctx, row.id)
        assert row.goodwill.used == pytest.approx(used)
        assert row.goodwill.allowed == pytest.approx(budget)
        assert row.scope_creep.used == pytest.approx(out_of_scope)
        assert row.scope_creep.allowed == pytest.approx(contracted)
        nonzero += bool(used) + bool(out_of_scope)
    assert nonzero, "the demo should exercise both sums"


def test_levels_follow_the_thresholds(ctx: ServiceContext) -> None:
    client_id, _, _ = make_client(ctx)
    project_id = make_project(
        ctx, client_id, "GW-1", contracted_effort_hours=100.0, goodwill_budget_hours=10.0
    )
    decided_ask(ctx, project_id, Decision.APPROVED_GOODWILL, 8.0, ScopeCheck.OUT_OF_SCOPE)  # 80 %: warning
    decided_ask(ctx, project_id, Decision.APPROVED_BILLABLE, 30.0, ScopeCheck.IN_SCOPE)  # not creep
    decided_ask(ctx, project_id, Decision.DECLINED, 50.0, ScopeCheck.OUT_OF_SCOPE)  # not accepted
    (row,) = list_projects(ctx).rows
    assert (row.goodwill.used, row.goodwill.level) == (8.0, MeterLevel.WARNING)
    assert (row.scope_creep.used, row.scope_creep.ratio) == (8.0, 0.08)
    assert row.scope_creep.level is MeterLevel.OK
