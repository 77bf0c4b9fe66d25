"""The Home page's service: what needs attention across projects, bounded per kind."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from deliverydesk.domain.attention import AttentionKind, summary_due_date
from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    ClientDraft,
    CommitmentDraft,
    MilestoneDraft,
    ProjectDraft,
)
from deliverydesk.domain.enums import MilestoneStatus, ProjectStatus
from deliverydesk.services.attention import get_attention
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.clients import create_client
from deliverydesk.services.records.commitments import record_commitment
from deliverydesk.services.records.milestones import create_milestone
from deliverydesk.services.records.projects import archive_project, create_project
from deliverydesk.services.scope_guard.change_requests import create_change_request

TODAY = date(2026, 3, 16)  # the fixed clock's Monday


def _project(ctx: ServiceContext, code: str, **changes) -> str:
    client = create_client(ctx, ClientDraft(name=f"Client of {code}"))
    values = {"code": code, "name": f"Project {code}", "client_id": client.id, "status": ProjectStatus.ACTIVE}
    values.update(changes)
    return create_project(ctx, ProjectDraft(**values)).id


def _milestone(ctx: ServiceContext, project_id: str, name: str, baseline: date, **changes) -> str:
    draft = MilestoneDraft(project_id=project_id, name=name, baseline_date=baseline, **changes)
    return create_milestone(ctx, draft).id


def test_overdue_and_at_risk_milestones_with_slip_in_working_days(ctx: ServiceContext) -> None:
    project = _project(ctx, "DD-1", holiday_calendar="")
    late = _milestone(ctx, project, "Sensors installed", TODAY - timedelta(days=3))  # last Friday
    slipping = _milestone(
        ctx, project, "Go-live", TODAY + timedelta(days=4), forecast_date=TODAY + timedelta(days=11)
    )
    _milestone(ctx, project, "On track", TODAY + timedelta(days=20))
    _milestone(ctx, project, "Done", TODAY - timedelta(days=30), status=MilestoneStatus.DONE)
    report = get_attention(ctx)
    overdue = report.of_kind(AttentionKind.OVERDUE_MILESTONE)
    at_risk = report.of_kind(AttentionKind.AT_RISK_MILESTONE)
    assert [(i.record_id, i.days_late) for i in overdue] == [(late, 1)]  # Fri -> Mon: one working day
    assert [(i.record_id, i.slip_days) for i in at_risk] == [(slipping, 5)]
    assert overdue[0].project_code == "DD-1"


def test_change_requests_awaiting_decision_or_approval(ctx: ServiceContext) -> None:
    project = _project(ctx, "DD-2")
    pending = create_change_request(
        ctx, ChangeRequestDraft(project_id=project, title="Extra report", requested_on=TODAY)
    )
    report = get_attention(ctx)
    assert [i.record_id for i in report.of_kind(AttentionKind.DECISION_PENDING)] == [pending.id]
    assert report.totals[AttentionKind.DECISION_PENDING] == 1
    assert report.of_kind(AttentionKind.APPROVAL_PENDING) == ()


def test_archived_and_closed_projects_are_left_out(ctx: ServiceContext) -> None:
    archived = _project(ctx, "DD-3")
    closed = _project(ctx, "DD-4", status=ProjectStatus.CLOSED)
    for project in (archived, closed):
        _milestone(ctx, project, "Late", TODAY - timedelta(days=10))
    archive_project(ctx, archived)
    assert get_attention(ctx).items == ()


def test_each_kind_is_bounded_and_counted(ctx: ServiceContext) -> None:
    project = _project(ctx, "DD-5")
    for n in range(5):
        create_change_request(
            ctx,
            ChangeRequestDraft(project_id=project, title=f"Ask {n}", requested_on=TODAY - timedelta(days=n)),
        )
    report = get_attention(ctx, limit=2)
    shown = report.of_kind(AttentionKind.DECISION_PENDING)
    assert len(shown) == 2 and report.totals[AttentionKind.DECISION_PENDING] == 5
    assert shown[0].due == TODAY - timedelta(days=4), "the longest waiting first"


def test_a_progress_summary_is_due_by_the_project_cadence(ctx: ServiceContext) -> None:
    _project(ctx, "DD-6", start_date=TODAY - timedelta(days=14), summary_rrule="FREQ=WEEKLY;BYDAY=FR")
    _project(ctx, "DD-7", start_date=TODAY, summary_rrule="FREQ=WEEKLY;BYDAY=FR")  # first one Friday
    due = get_attention(ctx).of_kind(AttentionKind.SUMMARY_DUE)
    assert [(i.project_code, i.due) for i in due] == [("DD-6", date(2026, 3, 6))]


@pytest.mark.parametrize(
    ("last", "expected"),
    [(None, date(2026, 3, 6)), (date(2026, 3, 6), date(2026, 3, 13)), (date(2026, 3, 13), None)],
)
def test_summary_due_date(last: date | None, expected: date | None) -> None:
    assert summary_due_date("FREQ=WEEKLY;BYDAY=FR", date(2026, 3, 2), last, TODAY) == expected


def test_a_bad_cadence_never_breaks_the_home_page() -> None:
    assert summary_due_date("FREQ=SOMETIMES", date(2026, 3, 2), None, TODAY) is None
    assert summary_due_date("", date(2026, 3, 2), None, TODAY) is None


def test_commitments_due_and_to_confirm_across_live_projects(ctx: ServiceContext) -> None:
    live, closed = _project(ctx, "DD-6"), _project(ctx, "DD-7", status=ProjectStatus.CLOSED)
    for project in (live, closed):
        for due_in, verbal in ((-1, False), (2, False), (10, True)):
            draft = CommitmentDraft(
                project_id=project,
                description=f"due {due_in}",
                due_date=TODAY + timedelta(days=due_in),
                confirm_in_writing=verbal,
            )
            record_commitment(ctx, draft)
    report = get_attention(ctx, limit=1)
    due = report.of_kind(AttentionKind.COMMITMENT_DUE)
    assert [(i.project_code, i.title, i.days_late) for i in due] == [("DD-6", "due -1", 1)]
    assert report.totals[AttentionKind.COMMITMENT_DUE] == 2  # due in 10 days is not due yet
    verbal = report.of_kind(AttentionKind.CONFIRM_IN_WRITING)
    assert [(i.project_code, i.title) for i in verbal] == [("DD-6", "due 10")]
    assert report.totals[AttentionKind.CONFIRM_IN_WRITING] == 1
