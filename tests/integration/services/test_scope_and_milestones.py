"""Scope items, exclusions and milestones: refs, archive/restore, date history, slip."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deliverydesk.domain.drafts import ChangeRequestDraft, ExclusionDraft, MilestoneDraft, ScopeItemDraft
from deliverydesk.domain.enums import MilestoneStatus, OwnerSide, ScopeStatus
from deliverydesk.domain.metrics import MilestoneHealth
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import milestones, projects, scope
from deliverydesk.services.scope_guard import change_requests
from tests.integration.services.conftest import Setup, day, make_project


def test_scope_item_crud_and_refs(ctx: ServiceContext, setup: Setup) -> None:
    draft = ScopeItemDraft(
        project_id=setup.project_id, title="工单管理", acceptance_criteria="5 天无纸化", effort_hours=160
    )
    first = scope.create_scope_item(ctx, draft)
    second = scope.create_scope_item(ctx, replace(draft, title="质量追溯"))
    assert (first.ref, second.ref) == ("S-1", "S-2")
    updated = scope.update_scope_item(ctx, replace(draft, id=first.id, status=ScopeStatus.DELIVERED))
    assert updated.status is ScopeStatus.DELIVERED and updated.ref == "S-1"
    assert scope.get_scope_item(ctx, first.id) == updated
    scope.archive_scope_item(ctx, second.id)
    third = scope.create_scope_item(ctx, replace(draft, title="OEE"))
    assert third.ref == "S-3"  # the archived S-2 is never reused
    assert [s.ref for s in scope.list_scope_items(ctx, setup.project_id).rows] == ["S-1", "S-3"]
    scope.restore_scope_item(ctx, second.id)
    assert scope.list_scope_items(ctx, setup.project_id).total == 3


def test_refs_sort_numerically_and_are_per_project(ctx: ServiceContext, setup: Setup) -> None:
    for n in range(11):
        scope.create_exclusion(ctx, ExclusionDraft(project_id=setup.project_id, text=f"Not included {n}"))
    refs = [x.ref for x in scope.list_exclusions(ctx, setup.project_id).rows]
    assert refs == [f"X-{n}" for n in range(1, 12)]
    other = make_project(ctx, setup.client_id, "DD-2026-015")
    assert scope.create_exclusion(ctx, ExclusionDraft(project_id=other, text="ERP")).ref == "X-1"


def test_exclusion_update_archive_restore(ctx: ServiceContext, setup: Setup) -> None:
    made = scope.create_exclusion(ctx, ExclusionDraft(project_id=setup.project_id, text="ERP 修改"))
    changed = scope.update_exclusion(
        ctx, ExclusionDraft(id=made.id, project_id=setup.project_id, text="ERP 升级")
    )
    assert scope.get_exclusion(ctx, made.id).text == changed.text == "ERP 升级"
    scope.archive_exclusion(ctx, made.id)
    assert scope.list_exclusions(ctx, setup.project_id).total == 0
    scope.restore_exclusion(ctx, made.id)
    assert scope.list_exclusions(ctx, setup.project_id).total == 1


def test_archived_project_takes_no_new_records(ctx: ServiceContext, setup: Setup) -> None:
    projects.archive_project(ctx, setup.project_id)
    with pytest.raises(RuleError):
        scope.create_exclusion(ctx, ExclusionDraft(project_id=setup.project_id, text="x"))


def milestone(ctx: ServiceContext, setup: Setup, **extra: object) -> str:
    draft = MilestoneDraft(project_id=setup.project_id, name="数据迁移完成", baseline_date=day(3), **extra)  # type: ignore[arg-type]
    return milestones.create_milestone(ctx, draft).id


def test_milestone_crud_and_slip(ctx: ServiceContext, setup: Setup) -> None:
    made = milestones.get_milestone(ctx, milestone(ctx, setup, forecast_date=day(10)))  # Thu -> next Thu
    assert made.ref == "M-1" and made.slip_days == 5 and made.health is MilestoneHealth.AT_RISK
    ahead = milestones.get_milestone(ctx, milestone(ctx, setup, forecast_date=day(2)))
    assert ahead.slip_days == -1 and ahead.health is MilestoneHealth.ON_TRACK
    milestones.archive_milestone(ctx, ahead.id)
    assert [m.ref for m in milestones.list_milestones(ctx, setup.project_id).rows] == ["M-1"]
    assert milestones.restore_milestone(ctx, ahead.id).ref == "M-2"


def test_actual_date_in_the_future_is_refused(ctx: ServiceContext, setup: Setup) -> None:
    with pytest.raises(ValidationError) as raised:
        milestone(ctx, setup, actual_date=day(1))
    assert "actual_date" in raised.value.fields


def test_moving_a_milestone_records_its_history(ticking_ctx: ServiceContext, setup: Setup) -> None:
    ctx = ticking_ctx
    cr = change_requests.create_change_request(
        ctx, ChangeRequestDraft(project_id=setup.project_id, title="二厂建模", requested_on=day(-1))
    )
    milestone_id = milestone(ctx, setup)
    milestones.move_milestone(ctx, milestone_id, day(9), reason="主数据清洗延迟")
    moved = milestones.move_milestone(
        ctx, milestone_id, day(16), reason="二厂纳入范围", change_request_id=cr.id
    )
    assert moved.forecast_date == day(16) and moved.baseline_date == day(3)
    history = milestones.list_milestone_changes(ctx, milestone_id)
    assert [(h.field, h.old_date, h.new_date, h.reason) for h in history] == [
        ("forecast", None, day(9), "主数据清洗延迟"),
        ("forecast", day(9), day(16), "二厂纳入范围"),
    ]
    assert (history[1].change_request_id, history[1].change_request_ref) == (cr.id, "CR-1")


def test_moving_needs_a_reason_and_rebaselining_too(ctx: ServiceContext, setup: Setup) -> None:
    milestone_id = milestone(ctx, setup)
    with pytest.raises(ValidationError) as raised:
        milestones.move_milestone(ctx, milestone_id, day(9), reason="  ")
    assert "reason" in raised.value.fields
    current = milestones.get_milestone(ctx, milestone_id)
    rebaselined = MilestoneDraft(
        project_id=setup.project_id, id=milestone_id, name=current.name, baseline_date=day(20)
    )
    with pytest.raises(ValidationError):
        milestones.update_milestone(ctx, rebaselined)
    assert milestones.list_milestone_changes(ctx, milestone_id) == []
    milestones.update_milestone(ctx, rebaselined, reason="合同变更 CR-5 签署")
    assert [h.field for h in milestones.list_milestone_changes(ctx, milestone_id)] == ["baseline"]


def test_edit_without_date_change_records_no_history(ctx: ServiceContext, setup: Setup) -> None:
    milestone_id = milestone(ctx, setup)
    draft = MilestoneDraft(
        id=milestone_id,
        project_id=setup.project_id,
        name="SAT",
        baseline_date=day(3),
        owner_side=OwnerSide.CLIENT,
        status=MilestoneStatus.WAITING_ON_CLIENT,
    )
    updated = milestones.update_milestone(ctx, draft)
    assert updated.name == "SAT" and updated.health is MilestoneHealth.AT_RISK
    assert milestones.list_milestone_changes(ctx, milestone_id) == []


def test_change_request_of_another_project_cannot_be_the_cause(ctx: ServiceContext, setup: Setup) -> None:
    other = make_project(ctx, setup.client_id, "DD-2026-016")
    foreign = change_requests.create_change_request(
        ctx, ChangeRequestDraft(project_id=other, title="x", requested_on=day(-1))
    )
    with pytest.raises(ValidationError) as raised:
        milestones.move_milestone(
            ctx, milestone(ctx, setup), day(9), reason="r", change_request_id=foreign.id
        )
    assert "change_request_id" in raised.value.fields


def test_a_record_cannot_move_to_another_project(ctx: ServiceContext, setup: Setup) -> None:
    other = make_project(ctx, setup.client_id, "DD-2026-017")
    made = scope.create_scope_item(ctx, ScopeItemDraft(project_id=setup.project_id, title="OEE"))
    with pytest.raises(RuleError, match="cannot move to another project"):
        scope.update_scope_item(ctx, ScopeItemDraft(id=made.id, project_id=other, title="OEE"))
    assert scope.get_scope_item(ctx, made.id).project_id == setup.project_id
