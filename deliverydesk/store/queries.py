"""Read-side SQL shaped for screens: the meters' sums (Today's report), a milestone's history, issue
categories and links, clients. (The navigator's page is ``navigator_queries``, the switch's reads
``overview_queries``: plain SQL.) Every parameter is bound; search text is matched literally (LIKE
wildcards escaped)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from deliverydesk.domain.enums import Decision, MilestoneStatus, ScopeCheck
from deliverydesk.domain.search import LIKE_ESCAPE, like_pattern
from deliverydesk.store.tables import (
    CategoryRow,
    ChangeRequestRow,
    ClientRow,
    IssueRow,
    LogEntryRow,
    MilestoneChangeRow,
    MilestoneRow,
    ProjectRow,
)

CLOSED_MILESTONE = (MilestoneStatus.DONE, MilestoneStatus.ACCEPTED)
ACCEPTED_DECISION = (Decision.APPROVED_BILLABLE, Decision.APPROVED_GOODWILL)


def contains(column: Any, text: str, *, sqlite: bool = False) -> ColumnElement[bool]:
    """Case-insensitive substring match. SQLite's own LIKE already ignores ASCII case (exactly what
    ``lower()`` does there), so it skips the ``lower()`` calls ILIKE would add on every row."""
    pattern = like_pattern(text)
    if sqlite:
        return column.like(pattern, escape=LIKE_ESCAPE)  # type: ignore[no-any-return]
    return column.ilike(pattern, escape=LIKE_ESCAPE)  # type: ignore[no-any-return]


MILESTONE_DATE = func.coalesce(
    MilestoneRow.actual_date, MilestoneRow.forecast_date, MilestoneRow.baseline_date
)


def meter_hours(project: Any) -> list[Any]:
    """The scope guard's two sums for ``project`` as correlated subqueries, mirroring
    ``domain.metrics.goodwill_hours_used`` and ``accepted_out_of_scope_hours`` (live requests only)."""

    def effort(*rule: ColumnElement[bool]) -> Any:
        return (
            select(func.coalesce(func.sum(ChangeRequestRow.effort_hours), 0.0))
            .where(ChangeRequestRow.project_id == project, ChangeRequestRow.archived_at.is_(None), *rule)
            .scalar_subquery()
        )

    return [
        effort(ChangeRequestRow.decision == Decision.APPROVED_GOODWILL).label("goodwill_hours_used"),
        effort(
            ChangeRequestRow.decision.in_(ACCEPTED_DECISION),
            ChangeRequestRow.scope_check != ScopeCheck.IN_SCOPE,
        ).label("out_of_scope_hours"),
    ]


def change_efforts(session: Session, project_id: str) -> list[tuple[Decision, Any, float]]:
    query = select(
        ChangeRequestRow.decision, ChangeRequestRow.scope_check, ChangeRequestRow.effort_hours
    ).where(ChangeRequestRow.project_id == project_id, ChangeRequestRow.archived_at.is_(None))
    return [(row[0], row[1], row[2]) for row in session.execute(query)]


def milestone_changes(session: Session, milestone_id: str) -> list[tuple[MilestoneChangeRow, str | None]]:
    """The date history of a milestone, oldest first, with the ref of the causing change request."""
    query = (
        select(MilestoneChangeRow, ChangeRequestRow.ref)
        .outerjoin(ChangeRequestRow, ChangeRequestRow.id == MilestoneChangeRow.change_request_id)
        .where(MilestoneChangeRow.milestone_id == milestone_id)
        .order_by(MilestoneChangeRow.created_at, MilestoneChangeRow.id)
    )
    return [(row[0], row[1]) for row in session.execute(query)]


def issue_categories(session: Session) -> list[tuple[CategoryRow, int, int]]:
    """(category, issues, distinct clients) over live issues of live projects, most clients first."""
    clients = func.count(ProjectRow.client_id.distinct())
    query = (
        select(CategoryRow, func.count(IssueRow.id), clients)
        .join(IssueRow, IssueRow.category_id == CategoryRow.id)
        .join(ProjectRow, ProjectRow.id == IssueRow.project_id)
        .where(and_(IssueRow.archived_at.is_(None), ProjectRow.archived_at.is_(None)))
        .group_by(CategoryRow.id)
        .order_by(clients.desc(), CategoryRow.name_en, CategoryRow.id)
    )
    return [(row[0], row[1], row[2]) for row in session.execute(query)]


def issue_link_rows(
    session: Session, issue_id: str, limit: int
) -> tuple[Sequence[LogEntryRow], Sequence[ChangeRequestRow]]:
    """Log entries about the issue (newest first, as the log page lists them: entries of the same
    moment by when they were written) and change requests that arose from it (by ref)."""
    entries = session.scalars(
        select(LogEntryRow)
        .where(LogEntryRow.issue_id == issue_id)
        .order_by(LogEntryRow.occurred_at.desc(), LogEntryRow.created_at.desc(), LogEntryRow.id.desc())
        .limit(limit)
    ).all()
    requests = session.scalars(
        select(ChangeRequestRow)
        .where(ChangeRequestRow.issue_id == issue_id)
        .order_by(ChangeRequestRow.requested_on, ChangeRequestRow.ref)
        .limit(limit)
    ).all()
    return entries, requests


def search_clients(
    session: Session, text: str, *, include_archived: bool, offset: int, limit: int
) -> tuple[Sequence[ClientRow], int]:
    conditions: list[ColumnElement[bool]] = []
    if text.strip():
        conditions.append(
            or_(contains(ClientRow.name, text.strip()), contains(ClientRow.industry, text.strip()))
        )
    if not include_archived:
        conditions.append(ClientRow.archived_at.is_(None))
    total = session.scalar(select(func.count(ClientRow.id)).where(*conditions)) or 0
    query = (
        select(ClientRow)
        .where(*conditions)
        .order_by(ClientRow.name, ClientRow.id)
        .offset(offset)
        .limit(limit)
    )
    return list(session.scalars(query)), total
