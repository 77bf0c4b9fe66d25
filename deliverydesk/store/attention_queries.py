"""Read-side SQL for the Home page: what needs attention across live projects, bounded per kind.

Every query returns at most ``limit`` rows (most urgent first) plus the count of all matches, so the
page stays fast with thousands of projects."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from deliverydesk.domain.enums import (
    Decision,
    ExpectationStatus,
    LetterKind,
    LetterStatus,
    MilestoneStatus,
    ProjectStatus,
)
from deliverydesk.store.document_queries import expectations_differ, latest_issued_id
from deliverydesk.store.queries import CLOSED_MILESTONE, MILESTONE_DATE, meter_hours
from deliverydesk.store.tables import (
    ChangeRequestRow,
    CommitmentRow,
    LetterRow,
    LogEntryRow,
    MilestoneRow,
    ProjectRow,
    ReviewActionRow,
    ReviewRow,
)

WATCHED_PROJECTS = (ProjectStatus.PLANNING, ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD)
PROJECT_COLUMNS = (
    ProjectRow.id.label("project_id"),
    ProjectRow.code.label("project_code"),
    ProjectRow.name.label("project_name"),
)


def _live_project(record_project_id: Any) -> list[ColumnElement[bool]]:
    return [
        ProjectRow.id == record_project_id,
        ProjectRow.archived_at.is_(None),
        ProjectRow.status.in_(WATCHED_PROJECTS),
    ]


def _bounded(session: Session, query: Any, limit: int) -> tuple[list[dict[str, Any]], int]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = [dict(row) for row in session.execute(query.limit(limit)).mappings()]
    return rows, total


def milestones_needing_attention(
    session: Session, today: date, limit: int, *, overdue: bool
) -> tuple[list[dict[str, Any]], int]:
    """Open milestones whose date has passed (``overdue``), or else that are at risk: forecast later
    than baseline, or waiting on the client. The service confirms the slip in working days."""
    condition: ColumnElement[bool]
    if overdue:
        condition = MILESTONE_DATE.op("<")(today)
    else:
        condition = and_(
            MILESTONE_DATE.op(">=")(today),
            or_(
                MilestoneRow.forecast_date > MilestoneRow.baseline_date,
                MilestoneRow.status == MilestoneStatus.WAITING_ON_CLIENT,
            ),
        )
    query = (
        select(MilestoneRow, ProjectRow.holiday_calendar, *PROJECT_COLUMNS)
        .join(ProjectRow, ProjectRow.id == MilestoneRow.project_id)
        .where(
            *_live_project(MilestoneRow.project_id),
            MilestoneRow.archived_at.is_(None),
            MilestoneRow.status.not_in(CLOSED_MILESTONE),
            condition,
        )
        .order_by(MILESTONE_DATE, ProjectRow.code, MilestoneRow.ref)
    )
    return _bounded(session, query, limit)


def change_requests_awaiting(
    session: Session, decision: Decision, limit: int
) -> tuple[list[dict[str, Any]], int]:
    query = (
        select(
            ChangeRequestRow.id,
            ChangeRequestRow.ref,
            ChangeRequestRow.title,
            ChangeRequestRow.requested_on,
            *PROJECT_COLUMNS,
        )
        .join(ProjectRow, ProjectRow.id == ChangeRequestRow.project_id)
        .where(
            *_live_project(ChangeRequestRow.project_id),
            ChangeRequestRow.archived_at.is_(None),
            ChangeRequestRow.decision == decision,
        )
        .order_by(ChangeRequestRow.requested_on, ProjectRow.code, ChangeRequestRow.ref)
    )
    return _bounded(session, query, limit)


def work_without_decision(
    session: Session, decisions: tuple[Decision, ...], limit: int
) -> tuple[list[dict[str, Any]], int]:
    """Undecided change requests (``decisions``) that live log entries already point at: work done
    without a decision. Newest logged work first."""
    logged = (
        select(
            LogEntryRow.change_request_id.label("request_id"),
            func.count().label("log_entries"),
            func.max(LogEntryRow.occurred_at).label("last_logged_at"),
        )
        .where(LogEntryRow.change_request_id.is_not(None), LogEntryRow.archived_at.is_(None))
        .group_by(LogEntryRow.change_request_id)
        .subquery()
    )
    query = (
        select(
            ChangeRequestRow.id,
            ChangeRequestRow.ref,
            ChangeRequestRow.title,
            ChangeRequestRow.requested_on,
            logged.c.log_entries,
            logged.c.last_logged_at,
            *PROJECT_COLUMNS,
        )
        .join(logged, logged.c.request_id == ChangeRequestRow.id)
        .join(ProjectRow, ProjectRow.id == ChangeRequestRow.project_id)
        .where(
            *_live_project(ChangeRequestRow.project_id),
            ChangeRequestRow.archived_at.is_(None),
            ChangeRequestRow.decision.in_(decisions),
        )
        .order_by(logged.c.last_logged_at.desc(), ProjectRow.code, ChangeRequestRow.ref)
    )
    return _bounded(session, query, limit)


def projects_near_meter_limits(
    session: Session, warning_share: float, epsilon: float, limit: int
) -> tuple[list[dict[str, Any]], int]:
    """Live projects whose goodwill used or accepted out-of-scope effort reaches ``warning_share`` of
    its budget (goodwill budget, contracted effort; a budget of 0 measures nothing), by code. The
    sums are the navigator's (``queries.meter_hours``); ``epsilon`` is the meters' float tolerance."""
    goodwill, creep = meter_hours(ProjectRow.id)
    readings = (
        select(
            *PROJECT_COLUMNS,
            ProjectRow.goodwill_budget_hours,
            ProjectRow.contracted_effort_hours,
            goodwill,
            creep,
        )
        .where(ProjectRow.archived_at.is_(None), ProjectRow.status.in_(WATCHED_PROJECTS))
        .subquery()
    )
    c = readings.c

    def reached(used: Any, allowed: Any) -> ColumnElement[bool]:
        return and_(allowed > 0, used >= allowed * warning_share - epsilon)

    query = (
        select(readings)
        .where(
            or_(
                reached(c.goodwill_hours_used, c.goodwill_budget_hours),
                reached(c.out_of_scope_hours, c.contracted_effort_hours),
            )
        )
        .order_by(c.project_code)
    )
    return _bounded(session, query, limit)


def letters_unsigned(session: Session, limit: int) -> tuple[list[dict[str, Any]], int]:
    query = (
        select(
            LetterRow.id,
            LetterRow.ref,
            LetterRow.kind,
            LetterRow.version,
            LetterRow.issued_at,
            *PROJECT_COLUMNS,
        )
        .join(ProjectRow, ProjectRow.id == LetterRow.project_id)
        .where(
            ProjectRow.archived_at.is_(None),
            LetterRow.archived_at.is_(None),
            LetterRow.status == LetterStatus.ISSUED,
        )
        .order_by(LetterRow.issued_at, ProjectRow.code, LetterRow.ref)
    )
    return _bounded(session, query, limit)


def expectation_letters_outdated(
    session: Session, statuses: tuple[ExpectationStatus, ...], limit: int
) -> tuple[list[dict[str, Any]], int]:
    """Live projects whose newest issued expectation letter no longer lists their expectations in
    ``statuses`` (the rule of ``document_queries.expectations_differ``), by project code."""
    newest = latest_issued_id(ProjectRow.id, LetterKind.EXPECTATION_CONFIRMATION)
    query = (
        select(LetterRow.id, LetterRow.ref, LetterRow.version, LetterRow.issued_at, *PROJECT_COLUMNS)
        .join(LetterRow, LetterRow.id == newest)
        .where(
            ProjectRow.archived_at.is_(None),
            ProjectRow.status.in_(WATCHED_PROJECTS),
            expectations_differ(LetterRow, statuses),
        )
        .order_by(ProjectRow.code)
    )
    return _bounded(session, query, limit)


def commitments_needing_attention(
    session: Session, due_by: date, limit: int, *, awaiting_confirmation: bool
) -> tuple[list[dict[str, Any]], int]:
    """Open commitments due on or before ``due_by``, or else (``awaiting_confirmation``) commitments
    flagged "confirm in writing" with nothing written linked yet, open or closed. Soonest due first."""
    condition: list[ColumnElement[bool]]
    if awaiting_confirmation:
        condition = [
            CommitmentRow.confirm_in_writing.is_(True),
            CommitmentRow.confirmation_log_entry_id.is_(None),
            CommitmentRow.confirmation_letter_id.is_(None),
        ]
    else:
        condition = [CommitmentRow.closed_on.is_(None), CommitmentRow.due_date <= due_by]
    query = (
        select(
            CommitmentRow.id,
            CommitmentRow.owner_side,
            CommitmentRow.owner_name,
            CommitmentRow.description,
            CommitmentRow.due_date,
            *PROJECT_COLUMNS,
        )
        .join(ProjectRow, ProjectRow.id == CommitmentRow.project_id)
        .where(*_live_project(CommitmentRow.project_id), CommitmentRow.archived_at.is_(None), *condition)
        .order_by(CommitmentRow.due_date, ProjectRow.code, CommitmentRow.created_at, CommitmentRow.id)
    )
    return _bounded(session, query, limit)


def summary_cadences(session: Session) -> list[dict[str, Any]]:
    """Active projects with a summary cadence, and the date of their last issued progress summary."""
    last_summary = (
        select(func.max(LetterRow.issued_at))
        .where(
            LetterRow.project_id == ProjectRow.id,
            LetterRow.archived_at.is_(None),
            LetterRow.kind == LetterKind.PROGRESS_SUMMARY,
            LetterRow.status.in_((LetterStatus.ISSUED, LetterStatus.SIGNED, LetterStatus.SUPERSEDED)),
        )
        .scalar_subquery()
    )
    query = (
        select(
            *PROJECT_COLUMNS,
            ProjectRow.summary_rrule,
            ProjectRow.start_date,
            ProjectRow.created_at,
            last_summary.label("last_summary_at"),
        )
        .where(
            ProjectRow.archived_at.is_(None),
            ProjectRow.status == ProjectStatus.ACTIVE,
            ProjectRow.summary_rrule != "",
        )
        .order_by(ProjectRow.code)
    )
    return [dict(row) for row in session.execute(query).mappings()]


def review_actions_due(session: Session, today: date, limit: int) -> tuple[list[dict[str, Any]], int]:
    """Open follow-up actions of live reviews whose revisit date has come (today or earlier), oldest
    date first. Any project status counts: the long-term revisit often falls after the handover."""
    query = (
        select(
            ReviewActionRow.id,
            ReviewActionRow.review_id,
            ReviewActionRow.description,
            ReviewActionRow.owner,
            ReviewActionRow.revisit_on,
            *PROJECT_COLUMNS,
        )
        .join(ReviewRow, ReviewRow.id == ReviewActionRow.review_id)
        .join(ProjectRow, ProjectRow.id == ReviewActionRow.project_id)
        .where(
            ProjectRow.archived_at.is_(None),
            ReviewRow.archived_at.is_(None),
            ReviewActionRow.archived_at.is_(None),
            ReviewActionRow.done_on.is_(None),
            ReviewActionRow.revisit_on <= today,
        )
        .order_by(ReviewActionRow.revisit_on, ProjectRow.code, ReviewActionRow.created_at, ReviewActionRow.id)
    )
    return _bounded(session, query, limit)
