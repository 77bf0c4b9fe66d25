"""Scope guard services on a migrated temp database: the life of an extra ask from capture to the
deferred B-item coming back, approvals, milestone moves caused by a change, the client notice of an
A-item, and the freeze once a change-decision letter is issued."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    ExclusionDraft,
    LogEntryDraft,
    MilestoneDraft,
    PersonDraft,
    ScopeItemDraft,
    SettingsDraft,
    draft_from,
)
from deliverydesk.domain.enums import (
    Channel,
    Decision,
    LetterKind,
    LogKind,
    MilestoneStatus,
    PersonRole,
    ProjectStatus,
    ScopeCheck,
    Triage,
)
from deliverydesk.domain.metrics import MeterLevel
from deliverydesk.domain.models import ChangeRequestItem
from deliverydesk.domain.scope_guard import ApprovalReason
from deliverydesk.errors import NotFoundError, RuleError, ValidationError
from deliverydesk.services import scope_guard as guard
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.records import log, milestones, people, projects, scope, settings
from deliverydesk.services.scope_guard import change_requests
from tests.integration.services.conftest import TODAY, Setup, day, make_project

MANAGER = "陈经理"


@pytest.fixture
def setup(ctx: ServiceContext, setup: Setup) -> Setup:
    """You are 张浩 (an engineer with the default limits); 陈经理 is a manager of the roster."""
    settings.update_settings(ctx, SettingsDraft(engineer_name="张浩"))
    return setup


@pytest.fixture
def manager(ctx: ServiceContext) -> str:
    return people.save_person(ctx, PersonDraft(name=MANAGER, role=PersonRole.MANAGER)).id


def ask(ctx: ServiceContext, setup: Setup, what: str = "报表导出 PDF 加公司水印", **extra: object) -> str:
    draft = guard.AskDraft(project_id=setup.project_id, what=what, asked_by_id=setup.coordinator_id, **extra)  # type: ignore[arg-type]
    return guard.capture_ask(ctx, draft).id


def sized(ctx: ServiceContext, request_id: str, hours: float, *, cents: int = 0, days: int = 0) -> None:
    guard.check_scope(ctx, request_id)  # out of scope
    guard.assess_impact(
        ctx, request_id, guard.ImpactDraft(effort_hours=hours, cost_cents=cents, schedule_days=days)
    )


def decide(ctx: ServiceContext, request_id: str, outcome: Decision, **extra: object) -> guard.DecisionResult:
    request = guard.DecisionRequest(request_id=request_id, outcome=outcome, rationale="贵方利益优先")
    return guard.decide_change_request(ctx, request, **extra)  # type: ignore[arg-type]


def main_milestone(ctx: ServiceContext, setup: Setup) -> str:
    draft = MilestoneDraft(project_id=setup.project_id, name="上线验收", baseline_date=day(30), is_main=True)
    return milestones.create_milestone(ctx, draft).id


# --- the full life of a B-item ------------------------------------------------------------------------


def test_capture_check_triage_b_defer_and_come_back_when_the_main_milestone_is_accepted(
    ctx: ServiceContext, setup: Setup
) -> None:
    milestone_id = main_milestone(ctx, setup)
    scope.create_scope_item(ctx, ScopeItemDraft(project_id=setup.project_id, title="工单管理"))
    request_id = ask(ctx, setup, channel=Channel.MESSAGE)
    captured = change_requests.get_change_request(ctx, request_id)
    assert (captured.ref, captured.requested_on, captured.channel) == ("CR-1", TODAY, Channel.MESSAGE)
    assert captured.decision is Decision.PENDING and captured.triage is Triage.UNTRIAGED

    checked = guard.check_scope(ctx, request_id)
    assert checked.needs_change_request and checked.request.scope_check is ScopeCheck.OUT_OF_SCOPE
    triaged = guard.triage_change_request(ctx, request_id, Triage.B, decided_by="张浩")
    assert triaged.request.decision is Decision.DEFERRED and triaged.request.decided_on == TODAY
    assert "上线验收" in triaged.request.rationale and triaged.client_notice is None

    waiting = guard.deferred_b_items(ctx, setup.project_id)
    assert [i.ref for i in waiting.items] == ["CR-1"] and waiting.main_milestones == ("上线验收",)
    assert not waiting.main_goal_met and not waiting.due
    assert guard.deferred_b_items_due(ctx) == ()
    assert guard.project_meters(ctx, setup.project_id).deferred_b_items == 1

    accepted = draft_from(
        MilestoneDraft,
        milestones.get_milestone(ctx, milestone_id),
        status=MilestoneStatus.ACCEPTED,
        actual_date=TODAY,
    )
    milestones.update_milestone(ctx, accepted)
    back = guard.deferred_b_items(ctx, setup.project_id)
    assert back.due and [i.title for i in back.items] == ["报表导出 PDF 加公司水印"]
    due = guard.deferred_b_items_due(ctx)
    assert [(d.project_id, [i.ref for i in d.items]) for d in due] == [(setup.project_id, ["CR-1"])]


def test_b_triage_leaves_an_already_taken_decision_alone(ctx: ServiceContext, setup: Setup) -> None:
    request_id = ask(ctx, setup)
    sized(ctx, request_id, 2.0)
    decide(ctx, request_id, Decision.DECLINED)
    triaged = guard.triage_change_request(ctx, request_id, Triage.B)
    assert triaged.request.decision is Decision.DECLINED and triaged.request.triage is Triage.B
    assert guard.deferred_b_items(ctx, setup.project_id).items == ()


def test_a_project_without_a_main_milestone_never_calls_b_items_back(
    ctx: ServiceContext, setup: Setup
) -> None:
    request_id = ask(ctx, setup)
    guard.triage_change_request(ctx, request_id, Triage.B, decided_by="张浩")
    waiting = guard.deferred_b_items(ctx, setup.project_id)
    assert waiting.items and waiting.main_milestones == () and not waiting.due


# --- capture and scope check -------------------------------------------------------------------------


def test_capture_from_a_log_entry_takes_its_words_day_people_and_channel(
    ctx: ServiceContext, setup: Setup
) -> None:
    entry = log.add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=setup.project_id,
            occurred_at=datetime(2026, 3, 12, 3, 0, tzinfo=UTC),
            kind=LogKind.CALL,
            participants="Li Na",
            summary="车间大屏增加天气显示",
            details="<b>not markup</b> ℃ ✓",
        ),
    )
    made = guard.capture_ask(ctx, guard.AskDraft(project_id=setup.project_id, from_log_entry_id=entry.id))
    assert (made.title, made.channel, made.requested_by_name) == (
        "车间大屏增加天气显示",
        Channel.CALL,
        "Li Na",
    )
    assert made.requested_on == entry.occurred_at.astimezone().date()
    assert made.description == "<b>not markup</b> ℃ ✓"
    other = make_project(ctx, setup.client_id, "DD-2026-099")
    with pytest.raises(ValidationError) as raised:
        guard.capture_ask(ctx, guard.AskDraft(project_id=other, from_log_entry_id=entry.id))
    assert "from_log_entry_id" in raised.value.fields


def test_capture_from_a_long_log_entry_fits_the_single_line_fields(ctx: ServiceContext, setup: Setup) -> None:
    long_summary, crowd = "增加" * 250, ", ".join(f"参会人{n}" for n in range(100))
    entry = log.add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=setup.project_id,
            occurred_at=datetime(2026, 3, 12, 3, 0, tzinfo=UTC),
            summary=long_summary,
            participants=crowd,
            details="细节",
        ),
    )
    made = guard.capture_ask(ctx, guard.AskDraft(project_id=setup.project_id, from_log_entry_id=entry.id))
    assert len(made.title) == 200 and made.title.endswith("…") and len(made.requested_by_name) == 200
    assert made.description == long_summary + "\n\n细节"


def test_capture_needs_words(ctx: ServiceContext, setup: Setup) -> None:
    with pytest.raises(ValidationError) as raised:
        guard.capture_ask(ctx, guard.AskDraft(project_id=setup.project_id, what="   "))
    assert "title" in raised.value.fields


def test_suggestions_come_from_live_scope_items_and_exclusions(ctx: ServiceContext, setup: Setup) -> None:
    pid = setup.project_id
    scope.create_scope_item(ctx, ScopeItemDraft(project_id=pid, title="工单管理", description="扫码报工"))
    reports = scope.create_scope_item(
        ctx, ScopeItemDraft(project_id=pid, title="报表与看板", description="日报导出 PDF")
    )
    erp = scope.create_exclusion(ctx, ExclusionDraft(project_id=pid, text="ERP 系统的修改与对接"))
    gone = scope.create_exclusion(ctx, ExclusionDraft(project_id=pid, text="报表水印与导出模板"))
    scope.archive_exclusion(ctx, gone.id)
    best = guard.suggest_scope_matches(ctx, pid, "报表导出 PDF 加公司水印")
    assert best[0].id == reports.id and best[0].kind is guard.MatchKind.SCOPE_ITEM and best[0].ref == "S-2"
    assert gone.id not in {m.id for m in best}
    excluded = guard.suggest_scope_matches(ctx, pid, "对接旧 ERP 采购模块")
    assert (excluded[0].kind, excluded[0].id, excluded[0].text) == (
        guard.MatchKind.EXCLUSION,
        erp.id,
        erp.text,
    )
    assert guard.suggest_scope_matches(ctx, pid, "weather on the big screen") == ()


def test_in_scope_closes_the_ask_and_a_recheck_reopens_it(ctx: ServiceContext, setup: Setup) -> None:
    item = scope.create_scope_item(ctx, ScopeItemDraft(project_id=setup.project_id, title="仓库条码标签"))
    request_id = ask(ctx, setup, what="仓库标签加大字号")
    result = guard.check_scope(ctx, request_id, scope_item_id=item.id, checked_by="张浩")
    assert not result.needs_change_request and "S-1" in str(result.message)
    closed = result.request
    assert (closed.scope_check, closed.scope_item_id, closed.decision) == (
        ScopeCheck.IN_SCOPE,
        item.id,
        Decision.WITHDRAWN,
    )
    assert "S-1" in closed.rationale and closed.decided_by == "张浩"
    with pytest.raises(RuleError, match="part of the contracted scope"):
        guard.triage_change_request(ctx, request_id, Triage.A)
    reopened = guard.check_scope(ctx, request_id).request
    assert (reopened.scope_check, reopened.decision, reopened.rationale) == (
        ScopeCheck.OUT_OF_SCOPE,
        Decision.PENDING,
        "",
    )


def test_scope_check_links_stay_in_the_project_and_are_not_both(ctx: ServiceContext, setup: Setup) -> None:
    other = make_project(ctx, setup.client_id, "DD-2026-098")
    foreign = scope.create_exclusion(ctx, ExclusionDraft(project_id=other, text="ERP"))
    request_id = ask(ctx, setup)
    with pytest.raises(ValidationError):
        guard.check_scope(ctx, request_id, exclusion_id=foreign.id)
    mine = scope.create_exclusion(ctx, ExclusionDraft(project_id=setup.project_id, text="ERP"))
    item = scope.create_scope_item(ctx, ScopeItemDraft(project_id=setup.project_id, title="x"))
    with pytest.raises(ValidationError):
        guard.check_scope(ctx, request_id, scope_item_id=item.id, exclusion_id=mine.id)
    assert guard.check_scope(ctx, request_id, exclusion_id=mine.id).request.scope_check is ScopeCheck.EXCLUDED


# --- triage A ----------------------------------------------------------------------------------------


def test_a_triage_suggests_do_now_and_drafts_the_client_notice_without_saving_it(
    ctx: ServiceContext, setup: Setup
) -> None:
    request_id = ask(ctx, setup, what="扫码枪固件升级", channel=Channel.EMAIL)
    sized(ctx, request_id, 4.0)
    result = guard.triage_change_request(ctx, request_id, Triage.A, decided_by="张浩")
    assert result.request.triage is Triage.A and result.request.decision is Decision.PENDING  # undecided
    assert result.consequence.do_now and result.request.decided_by == ""
    notice = result.client_notice
    assert notice is not None and notice.change_request_id == request_id and notice.kind is LogKind.EMAIL
    assert notice.participants == "Li Na" and "CR-1" in notice.summary and "扫码枪固件升级" in notice.summary
    assert log.list_log_entries(ctx, setup.project_id).total == 0  # drafted, not saved
    decided = decide(ctx, request_id, Decision.APPROVED_GOODWILL)  # a two-hour blocker: goodwill
    assert decided.request.decision is Decision.APPROVED_GOODWILL
    log.add_log_entry(ctx, notice)  # the engineer confirms it
    assert log.list_log_entries(ctx, setup.project_id).rows[0].change_request_id == request_id


def test_c_triage_says_separate_request(ctx: ServiceContext, setup: Setup) -> None:
    result = guard.triage_change_request(ctx, ask(ctx, setup), Triage.C)
    assert result.consequence.separate_request and not result.consequence.do_now
    assert "separate request" in result.default_rationale and result.request.decision is Decision.PENDING


# --- impact, analysis, preview, decision, approval ---------------------------------------------------------


def test_goodwill_over_budget_is_held_for_approval_until_a_manager_approves(
    ctx: ServiceContext, setup: Setup, manager: str
) -> None:
    first, second, third = (ask(ctx, setup, what=f"友情支持 {n}") for n in (1, 2, 3))
    for request_id in (first, second):
        sized(ctx, request_id, 8.0)  # exactly the 8 h authority per change
        assert (
            decide(ctx, request_id, Decision.APPROVED_GOODWILL).request.decision is Decision.APPROVED_GOODWILL
        )
    full = guard.project_meters(ctx, setup.project_id).goodwill
    assert (full.used, full.allowed, full.level, full.over) == (16.0, 16.0, MeterLevel.LIMIT, False)

    sized(ctx, third, 1.0)
    preview = guard.preview_decision(ctx, third, Decision.APPROVED_GOODWILL)
    assert preview.needs_approval and ApprovalReason.GOODWILL_OVER_BUDGET in preview.reasons
    assert (
        change_requests.get_change_request(ctx, third).decision is Decision.PENDING
    )  # a preview saves nothing
    held = decide(ctx, third, Decision.APPROVED_GOODWILL).request
    assert held.decision is Decision.PENDING_APPROVAL and held.escalation_needed and held.decided_by == "张浩"
    assert guard.project_meters(ctx, setup.project_id).goodwill.used == 16.0  # held: not given yet

    approved = guard.approve_change_request(
        ctx, third, manager_id=manager, note="客户关系重要，本次特批"
    ).request
    assert approved.decision is Decision.APPROVED_GOODWILL and not approved.escalation_needed
    assert (approved.approved_by, approved.approved_on, approved.approval_note) == (
        MANAGER,
        TODAY,
        "客户关系重要，本次特批",
    )
    over = guard.project_meters(ctx, setup.project_id).goodwill
    assert over.used == 17.0 and over.over
    with pytest.raises(RuleError, match="not waiting for a manager"):
        guard.approve_change_request(ctx, third, manager_id=manager)


def test_above_authority_the_manager_approves_the_proposed_outcome(
    ctx: ServiceContext, setup: Setup, manager: str
) -> None:
    request_id = ask(ctx, setup)
    sized(ctx, request_id, 20.0, cents=1800_00)
    preview = guard.preview_decision(ctx, request_id, Decision.APPROVED_BILLABLE)
    assert set(preview.reasons) == {ApprovalReason.EFFORT_OVER_AUTHORITY, ApprovalReason.COST_OVER_AUTHORITY}
    held = decide(ctx, request_id, Decision.APPROVED_BILLABLE).request
    assert held.decision is Decision.PENDING_APPROVAL
    assert held.proposed_decision is Decision.APPROVED_BILLABLE
    with pytest.raises(ValidationError) as raised:
        guard.approve_change_request(ctx, request_id, manager_id=manager, approved_on=day(-1))
    assert "approved_on" in raised.value.fields
    done = guard.approve_change_request(ctx, request_id, manager_id=manager)
    assert done.request.decision is Decision.APPROVED_BILLABLE
    assert done.request.proposed_decision is None
    creep = guard.project_meters(ctx, setup.project_id).scope_creep
    assert creep.used == 20.0 and creep.ratio == pytest.approx(0.05) and creep.level is MeterLevel.OK


def test_the_approver_is_a_manager_of_the_roster_and_never_the_person_who_decided(
    ctx: ServiceContext, setup: Setup, manager: str
) -> None:
    request_id = ask(ctx, setup)
    sized(ctx, request_id, 20.0)
    decide(ctx, request_id, Decision.APPROVED_BILLABLE)
    you = people.get_you(ctx)
    engineer = people.save_person(ctx, PersonDraft(name="王磊")).id
    for who, why in (
        (you.id, "not a manager"),
        (engineer, "not a manager"),
        ("no-such-id", "Choose a manager"),
    ):
        with pytest.raises(ValidationError) as raised:
            guard.approve_change_request(ctx, request_id, manager_id=who)
        assert why in str(raised.value.fields["manager_id"])
    # you make yourself a manager: you still cannot approve your own decision (and Home shows the change)
    people.save_person(ctx, replace(draft_from(PersonDraft, you), role=PersonRole.MANAGER))
    with pytest.raises(ValidationError) as own:
        guard.approve_change_request(ctx, request_id, manager_id=you.id)
    assert "张浩 took this decision" in str(own.value.fields["manager_id"])
    view = guard.approval_view(ctx, request_id)
    assert [m.name for m in view.managers] == [MANAGER]  # never the person who decided
    assert view.request.rationale == "贵方利益优先" and view.request.effort_hours == 20.0
    people.set_person_archived(ctx, manager, archived=True)
    with pytest.raises(ValidationError):
        guard.approve_change_request(ctx, request_id, manager_id=manager)
    assert change_requests.get_change_request(ctx, request_id).decision is Decision.PENDING_APPROVAL


def test_a_manager_refuses_with_a_reason_and_the_request_is_pending_again_and_logged(
    ctx: ServiceContext, setup: Setup, manager: str
) -> None:
    request_id = ask(ctx, setup)
    sized(ctx, request_id, 30.0)
    decide(ctx, request_id, Decision.APPROVED_GOODWILL)
    with pytest.raises(ValidationError) as raised:
        guard.refuse_change_request(ctx, request_id, manager_id=manager, reason="  ")
    assert "reason" in raised.value.fields
    refused = guard.refuse_change_request(
        ctx, request_id, manager_id=manager, reason="30 小时不能作为友情支持"
    )
    assert (refused.decision, refused.proposed_decision, refused.decided_by, refused.escalation_needed) == (
        Decision.PENDING,
        None,
        "",
        False,
    )
    assert (refused.refused_by, refused.refused_on, refused.refusal_reason) == (
        MANAGER,
        TODAY,
        "30 小时不能作为友情支持",
    )
    entries = log.list_log_entries(ctx, setup.project_id).rows
    assert len(entries) == 2, "the held decision was logged too (issue 17), then the refusal"
    (entry,) = [e for e in entries if e.participants == MANAGER]
    assert (entry.kind, entry.change_request_id, entry.participants) == (
        LogKind.DECISION,
        request_id,
        MANAGER,
    )
    assert "CR-1" in entry.summary and "30 小时不能作为友情支持" in entry.details
    with pytest.raises(RuleError, match="not waiting for a manager"):
        guard.refuse_change_request(ctx, request_id, manager_id=manager, reason="again")
    again = decide(ctx, request_id, Decision.APPROVED_BILLABLE).request  # the engineer decides anew
    assert again.decision is Decision.PENDING_APPROVAL and again.refusal_reason == "30 小时不能作为友情支持"
    assert guard.approve_change_request(ctx, request_id, manager_id=manager).request.decision is (
        Decision.APPROVED_BILLABLE
    )


def test_the_manager_may_approve_a_held_request_as_goodwill_instead(
    ctx: ServiceContext, setup: Setup, manager: str
) -> None:
    request_id = ask(ctx, setup)
    sized(ctx, request_id, 20.0, cents=1800_00)
    decide(ctx, request_id, Decision.APPROVED_BILLABLE)
    done = guard.approve_change_request(
        ctx, request_id, manager_id=manager, outcome=Decision.APPROVED_GOODWILL
    )
    assert done.request.decision is Decision.APPROVED_GOODWILL


def test_approval_needs_a_proposed_outcome(ctx: ServiceContext, setup: Setup, manager: str) -> None:
    held = create_change_request_held(ctx, setup)  # held before the proposal was recorded (old data)
    with pytest.raises(ValidationError) as raised:
        guard.approve_change_request(ctx, held, manager_id=manager, outcome=Decision.APPROVED_GOODWILL)
    assert "Nothing was proposed" in str(raised.value.fields["outcome"])
    refused = guard.refuse_change_request(ctx, held, manager_id=manager, reason="请重新决定")
    assert refused.decision is Decision.PENDING


def create_change_request_held(ctx: ServiceContext, setup: Setup) -> str:
    draft = ChangeRequestDraft(
        project_id=setup.project_id,
        title="held",
        requested_on=TODAY,
        effort_hours=20.0,
        decision=Decision.PENDING_APPROVAL,
        decided_by="张浩",
        decided_on=TODAY,
        rationale="above authority",
        escalation_needed=True,
    )
    return change_requests.create_change_request(ctx, draft).id


def test_a_new_decision_replaces_a_held_one_and_clears_its_escalation(
    ctx: ServiceContext, setup: Setup
) -> None:
    request_id = ask(ctx, setup)
    sized(ctx, request_id, 30.0)
    decide(ctx, request_id, Decision.APPROVED_GOODWILL)
    declined = decide(ctx, request_id, Decision.DECLINED).request
    assert declined.decision is Decision.DECLINED and not declined.escalation_needed


def test_a_decision_needs_a_rationale_and_a_real_outcome(ctx: ServiceContext, setup: Setup) -> None:
    request_id = ask(ctx, setup)
    empty = guard.DecisionRequest(request_id=request_id, outcome=Decision.DECLINED, rationale="  ")
    with pytest.raises(ValidationError) as raised:
        guard.decide_change_request(ctx, empty)
    assert "rationale" in raised.value.fields
    with pytest.raises(ValidationError):
        decide(ctx, request_id, Decision.PENDING_APPROVAL)
    settings.update_settings(ctx, SettingsDraft(engineer_name=""))
    no_one = guard.DecisionRequest(request_id=request_id, outcome=Decision.DECLINED, rationale="why")
    with pytest.raises(ValidationError) as raised:
        guard.decide_change_request(ctx, no_one)  # you have no name in Settings
    assert "decided_by" in raised.value.fields


def test_approving_or_deciding_a_withdrawn_request_is_refused(
    ctx: ServiceContext, setup: Setup, manager: str
) -> None:
    request_id = ask(ctx, setup)
    decide(ctx, request_id, Decision.WITHDRAWN)
    with pytest.raises(RuleError, match="nothing to approve"):
        guard.approve_change_request(ctx, request_id, manager_id=manager, outcome=Decision.APPROVED_GOODWILL)
    with pytest.raises(RuleError, match="withdrawn"):
        decide(ctx, request_id, Decision.APPROVED_BILLABLE)


def test_new_effort_voids_an_approval_and_impact_is_validated(ctx: ServiceContext, setup: Setup) -> None:
    request_id = ask(ctx, setup)
    sized(ctx, request_id, 4.0)
    decide(ctx, request_id, Decision.APPROVED_GOODWILL)
    same = guard.assess_impact(ctx, request_id, guard.ImpactDraft(effort_hours=4.0, schedule_days=1))
    assert not same.decision_reopened and same.request.decision is Decision.APPROVED_GOODWILL
    bigger = guard.assess_impact(ctx, request_id, guard.ImpactDraft(effort_hours=12.0))
    assert bigger.decision_reopened and bigger.request.decision is Decision.PENDING
    assert bigger.request.decided_by == "" and bigger.request.effort_hours == 12.0
    with pytest.raises(ValidationError) as raised:
        guard.assess_impact(ctx, request_id, guard.ImpactDraft(effort_hours=-1.0))
    assert "effort_hours" in raised.value.fields
    with pytest.raises(ValidationError) as raised:
        guard.assess_impact(ctx, request_id, guard.ImpactDraft(effort_hours=1.0, schedule_days=10**9))
    assert "schedule_days" in raised.value.fields


def test_client_perspective_analysis_is_stored_literally(ctx: ServiceContext, setup: Setup) -> None:
    request_id = ask(ctx, setup)
    hostile = "<script>x</script>'; DROP TABLE change_request; -- RTL 𠮷 ✓"
    analysis = guard.AnalysisDraft(
        client_benefit="班组长每天少填一张表",
        client_cost=hostile,
        risks="r",
        alternatives="a",
        recommendation="上线后再做",
    )
    stored = guard.record_analysis(ctx, request_id, analysis)
    assert stored.client_cost == hostile and stored.recommendation == "上线后再做"
    assert change_requests.get_change_request(ctx, request_id).client_benefit == "班组长每天少填一张表"
    with pytest.raises(ValidationError):
        guard.record_analysis(ctx, request_id, replace(analysis, risks="x" * 20_001))


# --- milestones moved by an approved change ----------------------------------------------------------------


def test_an_approved_change_moves_a_milestone_and_its_history_names_the_change(
    ctx: ServiceContext, setup: Setup
) -> None:
    migration = milestones.create_milestone(
        ctx, MilestoneDraft(project_id=setup.project_id, name="数据迁移", baseline_date=day(17))
    )
    done = milestones.create_milestone(
        ctx,
        MilestoneDraft(
            project_id=setup.project_id, name="蓝图", baseline_date=day(-10), status=MilestoneStatus.DONE
        ),
    )
    request_id = ask(ctx, setup, what="新增二厂 2 条产线建模")
    guard.check_scope(ctx, request_id)
    assessed = guard.assess_impact(ctx, request_id, guard.ImpactDraft(effort_hours=6.0, schedule_days=5))
    (shift,) = assessed.milestone_shifts  # the done milestone does not move
    assert shift.milestone_id == migration.id and shift.from_date == day(17) and shift.to_date > day(21)
    assert guard.milestone_shifts(ctx, request_id) == assessed.milestone_shifts

    result = decide(ctx, request_id, Decision.APPROVED_BILLABLE, move_milestone_ids=(migration.id,))
    (moved,) = result.moved
    assert moved.forecast_date == shift.to_date and moved.slip_days == 5
    (history,) = milestones.list_milestone_changes(ctx, migration.id)
    assert (history.field, history.old_date, history.new_date) == ("forecast", None, shift.to_date)
    assert history.change_request_id == request_id and history.change_request_ref == "CR-1"
    assert "CR-1" in history.reason
    with pytest.raises(RuleError, match="already done"):
        guard.apply_schedule_impact(ctx, request_id, (done.id,))


def test_a_held_change_moves_nothing_until_it_is_approved(
    ctx: ServiceContext, setup: Setup, manager: str
) -> None:
    milestone = milestones.create_milestone(
        ctx, MilestoneDraft(project_id=setup.project_id, name="上线", baseline_date=day(24))
    )
    request_id = ask(ctx, setup)
    sized(ctx, request_id, 40.0, days=2)
    with pytest.raises(RuleError, match="only an approved change moves milestones"):
        guard.apply_schedule_impact(ctx, request_id, (milestone.id,))
    assert decide(ctx, request_id, Decision.APPROVED_BILLABLE, move_milestone_ids=(milestone.id,)).moved == ()
    assert milestones.list_milestone_changes(ctx, milestone.id) == []
    approved = guard.approve_change_request(
        ctx,
        request_id,
        manager_id=manager,
        outcome=Decision.APPROVED_BILLABLE,
        move_milestone_ids=(milestone.id,),
    )
    assert [m.id for m in approved.moved] == [milestone.id]
    assert milestones.list_milestone_changes(ctx, milestone.id)[0].change_request_ref == "CR-1"


def test_a_change_without_schedule_days_moves_nothing(ctx: ServiceContext, setup: Setup) -> None:
    milestone = main_milestone(ctx, setup)
    request_id = ask(ctx, setup)
    sized(ctx, request_id, 1.0)
    decide(ctx, request_id, Decision.APPROVED_BILLABLE)
    assert guard.milestone_shifts(ctx, request_id) == ()
    with pytest.raises(RuleError, match="0 working days"):
        guard.apply_schedule_impact(ctx, request_id, (milestone,))


# --- the issued letter freezes the decision -------------------------------------------------------------


def test_a_decision_with_an_issued_letter_cannot_change_until_the_letter_is_superseded(
    ctx: ServiceContext, setup: Setup
) -> None:
    request_id = ask(ctx, setup)
    sized(ctx, request_id, 2.0)
    decide(ctx, request_id, Decision.DECLINED)
    request = DocumentRequest(setup.project_id, LetterKind.CHANGE_DECISION, change_request_id=request_id)
    letter = letters.issue_document(ctx, request).letter
    with pytest.raises(RuleError, match="letter of CR-1 is issued"):
        decide(ctx, request_id, Decision.APPROVED_BILLABLE)
    for refused in (
        lambda: guard.triage_change_request(ctx, request_id, Triage.C),
        lambda: guard.check_scope(ctx, request_id),
        lambda: guard.assess_impact(ctx, request_id, guard.ImpactDraft(effort_hours=3.0)),
        lambda: guard.preview_decision(ctx, request_id, Decision.DEFERRED),
    ):
        with pytest.raises(RuleError, match="Supersede the letter"):
            refused()
    item = change_requests.get_change_request(ctx, request_id)
    with pytest.raises(RuleError, match="is issued"):  # the plain editor refuses it too
        change_requests.update_change_request(ctx, draft_from_item(item, decision=Decision.DEFERRED))
    renamed = change_requests.update_change_request(ctx, draft_from_item(item, title="报表水印（客户措辞）"))
    assert renamed.title == "报表水印（客户措辞）" and renamed.decision is Decision.DECLINED

    letters.supersede_letter(ctx, letter.id)
    assert decide(ctx, request_id, Decision.DEFERRED).request.decision is Decision.DEFERRED


def draft_from_item(item: ChangeRequestItem, **changes: object) -> ChangeRequestDraft:
    return draft_from(ChangeRequestDraft, item, **changes)


# --- meters and work without decision -----------------------------------------------------------------


def test_work_logged_against_an_undecided_request_is_flagged(ctx: ServiceContext, setup: Setup) -> None:
    request_id = ask(ctx, setup)
    assert guard.work_without_decision(ctx, setup.project_id) == ()
    log.add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=setup.project_id,
            occurred_at=datetime(2026, 3, 15, 8, 0, tzinfo=UTC),
            kind=LogKind.SITE_VISIT,
            summary="已开始做水印模板",
            change_request_id=request_id,
        ),
    )
    (flagged,) = guard.work_without_decision(ctx, setup.project_id)
    assert (flagged.ref, flagged.log_entries, flagged.decision) == ("CR-1", 1, Decision.PENDING)
    assert flagged.last_logged_at == datetime(2026, 3, 15, 8, 0, tzinfo=UTC)
    assert guard.project_meters(ctx, setup.project_id).done_without_decision == 1
    decide(ctx, request_id, Decision.APPROVED_BILLABLE)
    assert guard.project_meters(ctx, setup.project_id).done_without_decision == 0


def test_a_decision_held_for_approval_is_not_work_done_without_a_decision(
    ctx: ServiceContext, setup: Setup
) -> None:
    """The entry the guard logs for a held decision (and a manager's refusal) records a decision, not
    work: Home, the Overview and the project's list of undecided work flagged every held decision."""
    from deliverydesk.domain.attention import AttentionKind
    from deliverydesk.services.attention import get_attention

    request_id = ask(ctx, setup)
    sized(ctx, request_id, 60.0)  # above the engineer's 8 h per change
    assert decide(ctx, request_id, Decision.APPROVED_BILLABLE).request.decision is Decision.PENDING_APPROVAL
    entries = log.list_log_entries(ctx, setup.project_id).rows
    assert [e.kind for e in entries if e.change_request_id == request_id] == [LogKind.DECISION]
    assert guard.work_without_decision(ctx, setup.project_id) == ()
    assert guard.project_meters(ctx, setup.project_id).done_without_decision == 0
    assert get_attention(ctx).totals.get(AttentionKind.WORK_WITHOUT_DECISION, 0) == 0
    site_visit = LogEntryDraft(
        project_id=setup.project_id,
        occurred_at=datetime(2026, 3, 15, 8, 0, tzinfo=UTC),
        kind=LogKind.SITE_VISIT,
        summary="已开始接读卡器",
        change_request_id=request_id,
    )
    log.add_log_entry(ctx, site_visit)  # work before the manager approved: flagged everywhere
    (flagged,) = guard.work_without_decision(ctx, setup.project_id)
    assert (flagged.ref, flagged.log_entries) == ("CR-1", 1)
    assert guard.project_meters(ctx, setup.project_id).done_without_decision == 1
    assert get_attention(ctx).totals[AttentionKind.WORK_WITHOUT_DECISION] == 1


def test_meters_with_zero_contracted_effort_and_for_several_projects(
    ctx: ServiceContext, setup: Setup
) -> None:
    bare = make_project(
        ctx, setup.client_id, "DD-2026-097", contracted_effort_hours=0.0, goodwill_budget_hours=0.0
    )
    request_id = guard.capture_ask(ctx, guard.AskDraft(project_id=bare, what="extra report")).id
    sized(ctx, request_id, 3.0)
    decide(ctx, request_id, Decision.APPROVED_BILLABLE)
    meters = guard.project_meters_many(ctx, [bare, setup.project_id, "no-such-project", bare])
    assert set(meters) == {bare, setup.project_id}
    assert (
        meters[bare].scope_creep.ratio is None and meters[bare].scope_creep.level is MeterLevel.NOT_APPLICABLE
    )
    assert meters[bare].scope_creep.used == 3.0 and meters[bare].goodwill.level is MeterLevel.NOT_APPLICABLE
    assert meters[setup.project_id].goodwill.level is MeterLevel.OK


def test_home_lists_due_b_items_only_for_live_watched_projects(ctx: ServiceContext, setup: Setup) -> None:
    codes = {}
    for code, status in (("DD-2026-091", ProjectStatus.ACTIVE), ("DD-2026-092", ProjectStatus.CLOSED)):
        project_id = make_project(ctx, setup.client_id, code, status=status)
        milestones.create_milestone(
            ctx,
            MilestoneDraft(
                project_id=project_id,
                name="上线验收",
                baseline_date=day(-5),
                actual_date=day(-1),
                status=MilestoneStatus.ACCEPTED,
                is_main=True,
            ),
        )
        request_id = guard.capture_ask(ctx, guard.AskDraft(project_id=project_id, what="小优化")).id
        guard.triage_change_request(ctx, request_id, Triage.B, decided_by="张浩")
        codes[code] = project_id
    assert [d.project_code for d in guard.deferred_b_items_due(ctx)] == ["DD-2026-091"]
    projects.archive_project(ctx, codes["DD-2026-091"])
    assert guard.deferred_b_items_due(ctx) == ()


def test_home_waits_for_every_main_milestone_and_lists_by_code_up_to_the_limit(
    ctx: ServiceContext, setup: Setup
) -> None:
    def main(project_id: str, status: MilestoneStatus) -> str:
        draft = MilestoneDraft(
            project_id=project_id, name="验收", baseline_date=day(-5), status=status, is_main=True
        )
        return milestones.create_milestone(ctx, draft).id

    for code in ("DD-2026-095", "DD-2026-093", "DD-2026-094"):
        project_id = make_project(ctx, setup.client_id, code)
        main(project_id, MilestoneStatus.ACCEPTED)
        request_id = guard.capture_ask(ctx, guard.AskDraft(project_id=project_id, what="小优化")).id
        guard.triage_change_request(ctx, request_id, Triage.B, decided_by="张浩")
        if code == "DD-2026-094":
            second = main(project_id, MilestoneStatus.PLANNED)  # the main goal is not met yet
    assert [d.project_code for d in guard.deferred_b_items_due(ctx)] == ["DD-2026-093", "DD-2026-095"]
    assert [d.project_code for d in guard.deferred_b_items_due(ctx, limit=1)] == ["DD-2026-093"]
    milestones.archive_milestone(ctx, second)  # an archived main milestone no longer counts
    codes = [d.project_code for d in guard.deferred_b_items_due(ctx)]
    assert codes == ["DD-2026-093", "DD-2026-094", "DD-2026-095"]


def test_unknown_records_are_reported_not_crashed_on(ctx: ServiceContext, setup: Setup) -> None:
    with pytest.raises(NotFoundError):
        guard.project_meters(ctx, "no-such-project")
    with pytest.raises(NotFoundError):
        guard.preview_decision(ctx, "no-such-request", Decision.DECLINED)
    with pytest.raises(NotFoundError):
        guard.capture_ask(ctx, guard.AskDraft(project_id=setup.project_id, from_log_entry_id="no-such-entry"))
