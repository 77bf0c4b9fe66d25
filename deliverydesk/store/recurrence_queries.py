"""Read-side SQL for learning across clients: candidates for "similar issues", categories met at
several distinct clients in a period, their occurrences, and the issue register for CSV.

Only live records of live projects count (archived ones are history, not evidence). Every query that
could grow with the database is bounded: similar-issue candidates by a LIMIT, recurrences by grouping
in SQL first (HAVING distinct clients >= N) and loading occurrences of those categories only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from deliverydesk.store.tables import CategoryRow, ChangeRequestRow, ClientRow, IssueRow, ProjectRow

RecordKind = Literal["issues", "asks"]

_PLACE = (
    ProjectRow.id.label("project_id"),
    ProjectRow.code.label("project_code"),
    ProjectRow.name.label("project_name"),
    ClientRow.id.label("client_id"),
    ClientRow.name.label("client_name"),
)
_ISSUE = (
    IssueRow.id.label("issue_id"),
    IssueRow.ref,
    IssueRow.title,
    IssueRow.category_id,
    IssueRow.severity,
    IssueRow.reported_on,
    IssueRow.resolved_on,
    IssueRow.symptoms,
    IssueRow.root_cause,
    IssueRow.resolution,
    CategoryRow.name_en.label("category_en"),
    CategoryRow.name_zh.label("category_zh"),
)


def _issues_with_place() -> Any:
    """Live issues of live projects, with project, client and (optional) category names."""
    return (
        select(*_ISSUE, *_PLACE)
        .join(ProjectRow, ProjectRow.id == IssueRow.project_id)
        .join(ClientRow, ClientRow.id == ProjectRow.client_id)
        .outerjoin(CategoryRow, CategoryRow.id == IssueRow.category_id)
        .where(IssueRow.archived_at.is_(None), ProjectRow.archived_at.is_(None))
    )


def _rows(session: Session, query: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in session.execute(query).mappings()]


def similar_issue_candidates(
    session: Session, *, other_than_client: str, category_id: str | None, limit: int
) -> list[dict[str, Any]]:
    """Issues at clients other than ``other_than_client``: the ``limit`` newest of the category (when
    given) and the ``limit`` newest of any category, without duplicates; at most 2 * ``limit`` rows,
    so the text comparison in Python stays bounded however large the database is."""
    base = _issues_with_place().where(ProjectRow.client_id != other_than_client)
    newest = (IssueRow.reported_on.desc(), IssueRow.created_at.desc(), IssueRow.id)
    found = _rows(session, base.order_by(*newest).limit(limit))
    if category_id is not None:
        seen = {row["issue_id"] for row in found}
        of_category = base.where(IssueRow.category_id == category_id).order_by(*newest).limit(limit)
        found += [row for row in _rows(session, of_category) if row["issue_id"] not in seen]
    return found


def _records(kind: RecordKind) -> tuple[Any, Any]:
    """The record class and its date column for ``kind``: issues by report date, asks by request date."""
    if kind == "issues":
        return IssueRow, IssueRow.reported_on
    return ChangeRequestRow, ChangeRequestRow.requested_on


def _in_period(kind: RecordKind, since: date, until: date) -> list[ColumnElement[bool]]:
    row_cls, on = _records(kind)
    return [
        row_cls.category_id.is_not(None),
        row_cls.archived_at.is_(None),
        ProjectRow.archived_at.is_(None),
        on >= since,
        on <= until,  # both ends included
    ]


def recurring_category_ids(
    session: Session, kind: RecordKind, since: date, until: date, min_clients: int
) -> list[str]:
    """Categories whose live records in [since, until] belong to ``min_clients`` or more distinct
    clients (through their projects)."""
    row_cls, _on = _records(kind)
    query = (
        select(row_cls.category_id)
        .join(ProjectRow, ProjectRow.id == row_cls.project_id)
        .where(*_in_period(kind, since, until))
        .group_by(row_cls.category_id)
        .having(func.count(ProjectRow.client_id.distinct()) >= min_clients)
    )
    return [str(category_id) for category_id in session.scalars(query)]


def occurrences(
    session: Session, kind: RecordKind, since: date, until: date, category_ids: Sequence[str]
) -> list[dict[str, Any]]:
    """Every live record of those categories in [since, until], where and when it happened."""
    if not category_ids:
        return []
    row_cls, on = _records(kind)
    query = (
        select(
            row_cls.category_id,
            row_cls.id.label("record_id"),
            row_cls.ref,
            row_cls.title,
            on.label("on"),
            *_PLACE,
        )
        .join(ProjectRow, ProjectRow.id == row_cls.project_id)
        .join(ClientRow, ClientRow.id == ProjectRow.client_id)
        .where(*_in_period(kind, since, until), row_cls.category_id.in_(category_ids))
    )
    return _rows(session, query)


def issue_register(session: Session, project_id: str | None) -> list[dict[str, Any]]:
    """Live issues of one project (or of all live projects), by project code then ref in number
    order (I-2 before I-10)."""
    query = _issues_with_place()
    if project_id is not None:
        query = query.where(IssueRow.project_id == project_id)
    return _rows(session, query.order_by(ProjectRow.code, func.length(IssueRow.ref), IssueRow.ref))
