"""Read-side SQL shaped for screens: the project navigator, the overview counts, issue categories.

Filtering, sorting and paging happen in SQL; the navigator's next milestone and attention markers are
correlated subqueries of the same statement (no query per row). Every parameter is bound; search
text is matched literally (LIKE wildcards escaped)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from deliverydesk.domain.enums import Decision, MilestoneStatus, ProjectStatus, ScopeCheck
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

LIKE_ESCAPE = "\\"
CLOSED_MILESTONE = (MilestoneStatus.DONE, MilestoneStatus.ACCEPTED)
OPEN_DECISION = (Decision.PENDING, Decision.PENDING_APPROVAL)
ACCEPTED_DECISION = (Decision.APPROVED_BILLABLE, Decision.APPROVED_GOODWILL)


def like_pattern(text: str) -> str:
    """``%text%`` with the user's own %, _ and \\ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column: Any, text: str, *, sqlite: bool = False) -> ColumnElement[bool]:
    """Case-insensitive substring match. SQLite's own LIKE already ignores ASCII case (exactly what
    ``lower()`` does there), so it skips the ``lower()`` calls ILIKE would add on every row."""
    pattern = like_pattern(text)
    if sqlite:
        return column.like(pattern, escape=LIKE_ESCAPE)  # type: ignore[no-any-return]
    return column.ilike(pattern, escape=LIKE_ESCAPE)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class ProjectFilter:
    text: str = ""
    status: ProjectStatus | None = None
    client_id: str | None = None
    include_archived: bool = False


def _open_milestones(project: Any) -> list[ColumnElement[bool]]:
    return [
        MilestoneRow.project_id == project,
        MilestoneRow.archived_at.is_(None),
        MilestoneRow.status.not_in(CLOSED_MILESTONE),
    ]


MILESTONE_DATE = func.coalesce(
    MilestoneRow.actual_date, MilestoneRow.forecast_date, MilestoneRow.baseline_date
)


# What a navigator row shows of the project itself: only these are read and converted (SQLAlchemy turns
# every date and enum of a result into Python objects, 200 rows a page).
SUMMARY_PROJECT_COLUMNS = (
    ProjectRow.id,
    ProjectRow.code,
    ProjectRow.name,
    ProjectRow.client_id,
    ProjectRow.status,
    ProjectRow.language,
    ProjectRow.start_date,
    ProjectRow.end_date,
    ProjectRow.archived_at,
    ProjectRow.holiday_calendar,
    ProjectRow.goodwill_budget_hours,
    ProjectRow.contracted_effort_hours,
)


def _summary_columns(today: date) -> list[Any]:
    open_ms = _open_milestones(ProjectRow.id)
    next_id = (
        select(MilestoneRow.id).where(*open_ms).order_by(MILESTONE_DATE, MilestoneRow.ref).limit(1)
    ).scalar_subquery()
    count_ms = select(func.count()).select_from(MilestoneRow).where(*open_ms)  # index-only
    pending = (
        select(func.count())
        .select_from(ChangeRequestRow)
        .where(
            ChangeRequestRow.project_id == ProjectRow.id,
            ChangeRequestRow.archived_at.is_(None),
            ChangeRequestRow.decision.in_(OPEN_DECISION),
        )
    )
    return [
        next_id.label("next_milestone_id"),
        count_ms.where(MILESTONE_DATE.op("<")(today)).scalar_subquery().label("overdue_milestones"),
        count_ms.where(MilestoneRow.status == MilestoneStatus.WAITING_ON_CLIENT)
        .scalar_subquery()
        .label("waiting_on_client"),
        pending.scalar_subquery().label("pending_decisions"),
        *meter_hours(ProjectRow.id),
    ]


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


def _filtered(query: Select[Any], where: ProjectFilter, *, sqlite: bool) -> Select[Any]:
    query = query.join(ClientRow, ClientRow.id == ProjectRow.client_id)
    if not where.include_archived:
        query = query.where(ProjectRow.archived_at.is_(None))
    if where.status is not None:
        query = query.where(ProjectRow.status == where.status)
    if where.client_id is not None:
        query = query.where(ProjectRow.client_id == where.client_id)
    text = where.text.strip()
    if text:
        query = query.where(
            or_(
                contains(ProjectRow.code, text, sqlite=sqlite),
                contains(ProjectRow.name, text, sqlite=sqlite),
                contains(ClientRow.name, text, sqlite=sqlite),
            )
        )
    return query


SUMMARY_SORTS = (
    "code",
    "name",
    "client",
    "status",
    "start_date",
    "end_date",
    "updated",
    "next_milestone",  # date of the next open milestone; projects without one come last
    "attention",  # overdue milestones + pending decisions + milestones waiting on the client
    "goodwill",  # share of the goodwill budget used; projects without a budget come last
    "scope_creep",  # accepted out-of-scope hours per contracted hour; without contracted effort, last
)


NULLABLE_SORTS = frozenset({"start_date", "end_date", "next_milestone", "goodwill", "scope_creep"})


def _sort_key(sort: str, today: date) -> Any:
    columns = {
        "code": ProjectRow.code,
        "name": ProjectRow.name,
        "client": ClientRow.name,
        "status": ProjectRow.status,
        "start_date": ProjectRow.start_date,
        "end_date": ProjectRow.end_date,
        "updated": ProjectRow.updated_at,
    }
    if sort in columns:
        return columns[sort]
    open_ms = _open_milestones(ProjectRow.id)
    if sort == "next_milestone":
        return select(func.min(MILESTONE_DATE)).where(*open_ms).scalar_subquery()
    if sort in ("goodwill", "scope_creep"):
        goodwill_used, out_of_scope = meter_hours(ProjectRow.id)
        if sort == "goodwill":
            return goodwill_used.element / func.nullif(ProjectRow.goodwill_budget_hours, 0)
        return out_of_scope.element / func.nullif(ProjectRow.contracted_effort_hours, 0)
    overdue, waiting, pending = _summary_columns(today)[1:4]
    return overdue.element + waiting.element + pending.element


def project_summaries(
    session: Session,
    where: ProjectFilter,
    *,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
    today: date,
) -> tuple[list[dict[str, Any]], int]:
    """One page of navigator rows (plain mappings, in page order) and the number of projects matching.

    The page's ids are chosen first, so the per-project subqueries run for the page's rows only."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    total = session.scalar(_filtered(select(func.count()).select_from(ProjectRow), where, sqlite=sqlite)) or 0
    key = _sort_key(sort, today)
    ordering = _ordering(key, ProjectRow.code, descending, nullable=sort in NULLABLE_SORTS)
    page_ids = list(
        session.scalars(
            _filtered(select(ProjectRow.id), where, sqlite=sqlite)
            .order_by(*ordering)
            .offset(offset)
            .limit(limit)
        )
    )
    if not page_ids:
        return [], total
    next_ms = aliased(MilestoneRow)
    summary = (
        select(*SUMMARY_PROJECT_COLUMNS, ClientRow.name.label("client_name"), *_summary_columns(today))
        .join(ClientRow, ClientRow.id == ProjectRow.client_id)
        .where(ProjectRow.id.in_(page_ids))
        .subquery()
    )
    query = select(
        summary,
        next_ms.name.label("next_milestone_name"),
        next_ms.baseline_date.label("next_baseline"),
        next_ms.forecast_date.label("next_forecast"),
        next_ms.actual_date.label("next_actual"),
    ).outerjoin(next_ms, next_ms.id == summary.c.next_milestone_id)
    position = {project_id: n for n, project_id in enumerate(page_ids)}
    rows = [dict(row) for row in session.execute(query).mappings()]
    return sorted(rows, key=lambda row: position[row["id"]]), total


def _ordering(key: Any, tie_breaker: Any, descending: bool, *, nullable: bool) -> list[Any]:
    """Rows without a value (no next milestone...) last in both directions; then the key; then code.
    (The NULL test is left out for keys that are never NULL: it would keep an index from ordering.)"""
    direction = key.desc() if descending else key.asc()
    return [key.is_(None), direction, tie_breaker] if nullable else [direction, tie_breaker]


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
    """Log entries about the issue (newest first) and change requests that arose from it (by ref)."""
    entries = session.scalars(
        select(LogEntryRow)
        .where(LogEntryRow.issue_id == issue_id)
        .order_by(LogEntryRow.occurred_at.desc(), LogEntryRow.id)
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
