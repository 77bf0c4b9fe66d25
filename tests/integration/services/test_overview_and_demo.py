"""The project overview counts and meters, and the demo data."""

from __future__ import annotations

import pytest

from deliverydesk.domain.drafts import ChangeRequestDraft, ExpectationDraft, MilestoneDraft
from deliverydesk.domain.enums import (
    Decision,
    ExpectationStatus,
    HandoverKind,
    Language,
    LogKind,
    MilestoneStatus,
    ProjectStatus,
    ScopeCheck,
    Triage,
)
from deliverydesk.domain.metrics import MilestoneHealth
from deliverydesk.errors import RuleError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.demo.build import create_demo
from deliverydesk.services.documents.handover_gate import project_handover_blockers
from deliverydesk.services.overview import get_project_overview
from deliverydesk.services.records import (
    clients,
    expectations,
    handover,
    issues,
    log,
    milestones,
    projects,
    scope,
    settings,
)
from deliverydesk.services.reviews import butterfly as reviews
from deliverydesk.services.scope_guard import change_requests
from tests.integration.services.conftest import Setup, day, make_project


def ask(ctx: ServiceContext, project_id: str, decision: Decision, hours: float, check: ScopeCheck) -> None:
    draft = ChangeRequestDraft(
        project_id=project_id,
        title="ask",
        requested_on=day(-1),
        decision=decision,
        effort_hours=hours,
        scope_check=check,
    )
    change_requests.create_change_request(ctx, draft)


def test_overview_counts_and_meters(ctx: ServiceContext, setup: Setup) -> None:
    p = setup.project_id
    for name, baseline, extra in (
        ("done", -10, {"actual_date": day(-10), "status": MilestoneStatus.DONE}),
        ("late", -2, {}),
        ("slipping", 5, {"forecast_date": day(9)}),
        ("fine", 20, {}),
    ):
        draft = MilestoneDraft(project_id=p, name=name, baseline_date=day(baseline), **extra)  # type: ignore[arg-type]
        milestones.create_milestone(ctx, draft)
    for status in (ExpectationStatus.CONFIRMED, ExpectationStatus.CONFIRMED, ExpectationStatus.MET):
        expectations.create_expectation(ctx, ExpectationDraft(project_id=p, statement="s", status=status))
    ask(ctx, p, Decision.APPROVED_GOODWILL, 10.0, ScopeCheck.OUT_OF_SCOPE)
    ask(ctx, p, Decision.APPROVED_GOODWILL, 6.0, ScopeCheck.EXCLUDED)
    ask(ctx, p, Decision.APPROVED_BILLABLE, 24.0, ScopeCheck.OUT_OF_SCOPE)
    ask(ctx, p, Decision.APPROVED_BILLABLE, 99.0, ScopeCheck.IN_SCOPE)
    ask(ctx, p, Decision.DECLINED, 80.0, ScopeCheck.OUT_OF_SCOPE)
    view = get_project_overview(ctx, p)
    assert [view.milestones(h) for h in MilestoneHealth] == [1, 1, 1, 1]  # done, on track, at risk, overdue
    assert view.expectations_by_status == {ExpectationStatus.CONFIRMED: 2, ExpectationStatus.MET: 1}
    assert view.change_requests_by_decision[Decision.APPROVED_BILLABLE] == 2
    assert (view.goodwill_hours_used, view.goodwill_budget_hours, view.goodwill_ratio) == (16.0, 16.0, 1.0)
    assert view.out_of_scope_hours_accepted == 40.0
    assert view.scope_creep_ratio == pytest.approx(40.0 / 400.0)


def test_overview_without_contracted_effort_has_no_ratio(ctx: ServiceContext, setup: Setup) -> None:
    project_id = make_project(
        ctx, setup.client_id, "TM-1", contracted_effort_hours=0.0, goodwill_budget_hours=0.0
    )
    ask(ctx, project_id, Decision.APPROVED_BILLABLE, 8.0, ScopeCheck.OUT_OF_SCOPE)
    view = get_project_overview(ctx, project_id)
    assert view.scope_creep_ratio is None and view.goodwill_ratio is None
    assert view.out_of_scope_hours_accepted == 8.0


def test_demo_fills_an_empty_database(demo_ctx: ServiceContext) -> None:
    ctx = demo_ctx
    summaries = projects.list_projects(ctx).rows
    assert len(summaries) >= 5
    assert {s.status for s in summaries} >= {
        ProjectStatus.PLANNING,
        ProjectStatus.ACTIVE,
        ProjectStatus.ON_HOLD,
        ProjectStatus.HANDED_OVER,
    }
    assert {s.language for s in summaries} == {Language.EN, Language.ZH_CN}
    assert any(s.overdue_milestones for s in summaries) and any(s.waiting_on_client for s in summaries)
    names = [c.name for c in clients.list_clients(ctx).rows]
    assert "华东精密制造有限公司" in names and any(n.isascii() for n in names)
    assert settings.get_settings(ctx).company_name
    signers = [
        c for client in clients.list_clients(ctx).rows for c in clients.list_contacts(ctx, client.id).rows
    ]
    assert any(c.can_sign for c in signers) and any(not c.can_sign for c in signers)


def test_demo_showcase_has_the_eight_asks_and_every_decision(demo_ctx: ServiceContext) -> None:
    ctx = demo_ctx
    showcase = projects.get_project_by_code(ctx, "DD-2026-014")
    assert showcase.summary_rrule == "FREQ=WEEKLY;BYDAY=FR" and showcase.language is Language.ZH_CN
    requests = change_requests.list_change_requests(ctx, showcase.id).rows
    assert {r.decision for r in requests} == set(Decision)
    assert {r.triage for r in requests} >= {Triage.A, Triage.B, Triage.C}
    meeting = [r for r in requests if r.requested_on == requests[0].requested_on]
    assert len(meeting) == 8
    decided = [r.decision for r in meeting]
    assert decided.count(Decision.APPROVED_GOODWILL) == 1 and decided.count(Decision.APPROVED_BILLABLE) == 1
    assert decided.count(Decision.DEFERRED) + decided.count(Decision.DECLINED) == 6
    assert all(r.rationale for r in meeting)
    assert any(r.escalation_needed for r in requests if r.decision is Decision.PENDING_APPROVAL)


def test_demo_showcase_records(demo_ctx: ServiceContext) -> None:
    ctx = demo_ctx
    showcase = projects.get_project_by_code(ctx, "DD-2026-014")
    all_scope = scope.list_scope_items(ctx, showcase.id).rows
    assert all_scope and all(s.acceptance_criteria for s in all_scope)
    assert scope.list_exclusions(ctx, showcase.id).total >= 2
    ms = milestones.list_milestones(ctx, showcase.id).rows
    assert any(m.slip_days > 0 for m in ms)
    assert any(m.status is MilestoneStatus.WAITING_ON_CLIENT for m in ms)
    histories = [milestones.list_milestone_changes(ctx, m.id) for m in ms]
    assert any(len(h) >= 2 for h in histories)
    assert any(c.change_request_ref and c.reason for h in histories for c in h)
    statuses = {e.status for e in expectations.list_expectations(ctx, showcase.id).rows}
    assert statuses >= {ExpectationStatus.DRAFT, ExpectationStatus.CONFIRMED, ExpectationStatus.MET}
    entries = log.list_log_entries(ctx, showcase.id).rows
    assert {e.kind for e in entries} >= {
        LogKind.MEETING,
        LogKind.CALL,
        LogKind.EMAIL,
        LogKind.DECISION,
        LogKind.COMMITMENT,
    }
    assert any(e.correction_of_id for e in entries)


def test_demo_handover_review_and_recurring_issue(demo_ctx: ServiceContext) -> None:
    ctx = demo_ctx
    handed = projects.list_projects(ctx, status=ProjectStatus.HANDED_OVER).rows[0]
    entries = handover.list_handover_entries(ctx, handed.id).rows
    assert {e.kind for e in entries} == set(HandoverKind)
    assert all(e.attendees and e.material for e in entries if e.kind is HandoverKind.TRAINING)
    assert project_handover_blockers(ctx, handed.id) == ()  # handed over: nothing stands in the way
    review = reviews.list_reviews(ctx, handed.id).rows[0]
    assert all([review.client_short, review.client_mid, review.client_long, review.company_short])
    assert all([review.company_mid, review.company_long, review.lessons])
    systemic = [c for c in issues.list_issue_categories(ctx) if c.systemic]
    assert [(c.category.name_en, c.client_count) for c in systemic] == [("Data migration", 3)]


def test_demo_repeats_an_extra_ask_at_three_clients(demo_ctx: ServiceContext) -> None:
    """More reports are asked for at three clients: a product gap, not a one-off."""
    askers = set()
    for project in projects.list_projects(demo_ctx, include_archived=True).rows:
        for ask in change_requests.list_change_requests(demo_ctx, project.id).rows:
            if ask.category is not None and ask.category.name_en == "Reports and dashboards":
                askers.add(project.client_id)
    assert len(askers) == 3


def test_demo_review_has_follow_up_actions_one_due_today(demo_ctx: ServiceContext) -> None:
    handed = projects.list_projects(demo_ctx, status=ProjectStatus.HANDED_OVER).rows[0]
    review = reviews.list_reviews(demo_ctx, handed.id).rows[0]
    actions = reviews.list_review_actions(demo_ctx, review.id).rows
    assert review.title and review.issue_id is not None
    open_dates = sorted(a.revisit_on for a in actions if a.is_open)
    assert open_dates[0] == demo_ctx.today() and len(open_dates) == 3
    assert [bool(a.outcome) for a in actions if not a.is_open] == [True]  # one done, with its outcome


def test_demo_refuses_a_database_with_projects(ctx: ServiceContext, setup: Setup) -> None:
    before = projects.list_projects(ctx).total
    with pytest.raises(RuleError, match="already has 1 project"):
        create_demo(ctx)
    assert projects.list_projects(ctx).total == before
    assert clients.list_clients(ctx).total == 1


def test_demo_refuses_a_second_run(demo_ctx: ServiceContext) -> None:
    ctx = demo_ctx
    total = projects.list_projects(ctx).total
    with pytest.raises(RuleError):
        create_demo(ctx)
    assert projects.list_projects(ctx).total == total
