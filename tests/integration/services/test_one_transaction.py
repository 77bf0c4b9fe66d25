"""One user action, one transaction: each multi-step action is made to fail in its middle (a write
refused by the database, as a full disk would) and nothing of it may remain: every row of every table,
audit events and search index included, is as it was before."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from deliverydesk.domain.drafts import ClientDraft, MilestoneDraft, PersonDraft, ProjectDraft, SettingsDraft
from deliverydesk.domain.enums import Decision, PersonRole
from deliverydesk.errors import ValidationError
from deliverydesk.services import scope_guard as guard
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.demo.build import create_demo
from deliverydesk.services.records import clients, milestones, people, projects, settings
from tests.integration.atomicity import INJECTED, database_state, fail_writes
from tests.integration.services.conftest import Setup, day

MANAGER = "陈经理"


@pytest.fixture
def setup(ctx: ServiceContext, setup: Setup) -> Setup:
    """You are 张浩, an engineer with the default authority limits (as in test_scope_guard)."""
    settings.update_settings(ctx, SettingsDraft(engineer_name="张浩"))
    return setup


def _milestones(ctx: ServiceContext, setup: Setup, count: int) -> tuple[str, ...]:
    return tuple(
        milestones.create_milestone(
            ctx, MilestoneDraft(project_id=setup.project_id, name=f"里程碑 {n}", baseline_date=day(10 + n))
        ).id
        for n in range(count)
    )


def _sized_ask(ctx: ServiceContext, setup: Setup, hours: float) -> str:
    request_id = guard.capture_ask(
        ctx, guard.AskDraft(project_id=setup.project_id, what="新增二厂 2 条产线建模")
    ).id
    guard.check_scope(ctx, request_id)  # out of scope
    guard.assess_impact(ctx, request_id, guard.ImpactDraft(effort_hours=hours, schedule_days=3))
    return request_id


def _decision(request_id: str) -> guard.DecisionRequest:
    return guard.DecisionRequest(
        request_id=request_id, outcome=Decision.APPROVED_BILLABLE, rationale="贵方利益优先"
    )


def test_a_decision_whose_third_milestone_move_fails_leaves_the_decision_and_every_milestone_as_they_were(
    ctx: ServiceContext, setup: Setup
) -> None:
    moved = _milestones(ctx, setup, 3)
    request_id = _sized_ask(ctx, setup, 2.0)
    before = database_state(ctx.db)
    with (
        fail_writes(ctx.db, "INSERT", "milestone_change", f"NEW.milestone_id = '{moved[2]}'"),
        pytest.raises(IntegrityError, match=INJECTED),
    ):
        guard.decide_change_request(ctx, _decision(request_id), move_milestone_ids=moved)
    assert database_state(ctx.db) == before
    result = guard.decide_change_request(ctx, _decision(request_id), move_milestone_ids=moved)  # and again
    assert [m.id for m in result.moved] == list(moved)
    assert all(milestones.list_milestone_changes(ctx, m) for m in moved)


def test_an_approval_whose_milestone_move_fails_leaves_the_request_held(
    ctx: ServiceContext, setup: Setup
) -> None:
    moved = _milestones(ctx, setup, 2)
    manager = people.save_person(ctx, PersonDraft(name=MANAGER, role=PersonRole.MANAGER)).id
    request_id = _sized_ask(ctx, setup, 40.0)  # above the engineer's authority: held for approval
    held = guard.decide_change_request(ctx, _decision(request_id), move_milestone_ids=moved)
    assert held.request.decision is Decision.PENDING_APPROVAL and held.moved == ()
    before = database_state(ctx.db)
    with (
        fail_writes(ctx.db, "UPDATE", "milestone", f"NEW.id = '{moved[1]}'"),
        pytest.raises(IntegrityError, match=INJECTED),
    ):
        guard.approve_change_request(ctx, request_id, manager_id=manager, move_milestone_ids=moved)
    assert database_state(ctx.db) == before


def test_a_new_project_for_a_new_client_saves_both_or_neither(ctx: ServiceContext, setup: Setup) -> None:
    draft = ProjectDraft(code="DD-2026-015", name="二期", client_id="")
    new_client = ClientDraft(name="江南医药物流有限公司")
    before = database_state(ctx.db)
    with fail_writes(ctx.db, "INSERT", "project"), pytest.raises(IntegrityError, match=INJECTED):
        projects.create_project(ctx, draft, new_client=new_client)
    taken = ProjectDraft(code="dd-2026-014", name="同号", client_id="")  # the setup project's code
    with pytest.raises(ValidationError, match="code"):
        projects.create_project(ctx, taken, new_client=new_client)
    assert database_state(ctx.db) == before  # no client without its project
    made = projects.create_project(ctx, draft, new_client=new_client)
    assert made.client_name == "江南医药物流有限公司"
    assert [c.name for c in clients.list_clients(ctx).rows].count("江南医药物流有限公司") == 1


def test_a_demo_that_fails_in_its_last_project_leaves_the_database_empty(ctx: ServiceContext) -> None:
    before = database_state(ctx.db)
    with (
        fail_writes(ctx.db, "UPDATE", "review_action", "NEW.done_on IS NOT NULL"),  # a late step
        pytest.raises(IntegrityError, match=INJECTED),
    ):
        create_demo(ctx)
    assert database_state(ctx.db) == before
    create_demo(ctx)
    assert projects.list_projects(ctx).total >= 5
