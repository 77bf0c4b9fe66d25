"""Importing a plan or a scope list is one transaction: made to fail in its middle (a write refused
by the database, as a full disk would), nothing of it remains."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from deliverydesk.services.context import ServiceContext
from deliverydesk.services.interchange.msproject import PlanChoices, import_plan, read_plan
from tests.integration.atomicity import INJECTED, database_state, fail_writes
from tests.integration.interchange.conftest import DATA, Project

ERP_TASK = 5  # a task imported as a scope item (test_msproject_import)


def test_a_plan_import_whose_last_non_working_day_fails_leaves_nothing(
    ctx: ServiceContext, project: Project
) -> None:
    plan = read_plan(DATA / "msproject_plan.xml")
    before = database_state(ctx.db)
    with (
        fail_writes(ctx.db, "INSERT", "non_working_day", "NEW.day = '2026-06-26'"),
        pytest.raises(IntegrityError, match=INJECTED),
    ):
        import_plan(ctx, project.id, plan, PlanChoices(frozenset({ERP_TASK})))  # milestones, scope, days
    assert database_state(ctx.db) == before
    assert import_plan(ctx, project.id, plan, PlanChoices(frozenset({ERP_TASK}))).counts.new == 9
