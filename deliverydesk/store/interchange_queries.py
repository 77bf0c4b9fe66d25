"""SQL for interchange (issue 18): the records an import matches against, a project's extra
non-working days, and the rows a calendar file is made of. Every parameter is bound."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from deliverydesk.store.plain import reader
from deliverydesk.store.records import column
from deliverydesk.store.tables import (
    Base,
    ClientRow,
    CommitmentRow,
    MilestoneChangeRow,
    MilestoneRow,
    ProjectRow,
    ReviewActionRow,
    ReviewRow,
)
from deliverydesk.store.working_days import non_working_days

RowT = TypeVar("RowT", bound=Base)


def project_rows(session: Session, row_cls: type[RowT], project_id: str) -> list[RowT]:
    """Every row of one kind in the project, archived ones included (an import must not add a copy
    of a record the user archived), by ref when the kind has one."""
    query = select(row_cls).where(column(row_cls, "project_id") == project_id)
    if hasattr(row_cls, "ref"):
        query = query.order_by(column(row_cls, "created_at"), column(row_cls, "ref"))
    return list(session.scalars(query))


def extra_non_working_days(session: Session, project_ids: Sequence[str]) -> dict[str, frozenset[date]]:
    """Project id -> its live extra non-working days (projects without any are left out)."""
    return non_working_days(reader(session), project_ids)


def client_of_project(session: Session, project_id: str) -> ClientRow | None:
    query = (
        select(ClientRow)
        .join(ProjectRow, ProjectRow.client_id == ClientRow.id)
        .where(ProjectRow.id == project_id)
    )
    return session.scalars(query).first()


def live_projects(session: Session, codes: Sequence[str] | None = None) -> list[ProjectRow]:
    """Live (not archived) projects by code; only those with the given codes when ``codes`` is given."""
    query = select(ProjectRow).where(ProjectRow.archived_at.is_(None)).order_by(ProjectRow.code)
    if codes is not None:
        query = query.where(ProjectRow.code.in_([code.upper() for code in codes]))
    return list(session.scalars(query))


def calendar_milestones(session: Session, project_ids: Sequence[str]) -> list[tuple[MilestoneRow, int]]:
    """Live milestones of the projects, each with how many date changes it has had (its revision)."""
    changes = (
        select(MilestoneChangeRow.milestone_id, MilestoneChangeRow.id)
        .where(MilestoneChangeRow.archived_at.is_(None))
        .subquery()
    )
    count = (
        select(func.count(changes.c.id)).where(changes.c.milestone_id == MilestoneRow.id).scalar_subquery()
    )
    query = (
        select(MilestoneRow, count)
        .where(MilestoneRow.project_id.in_(set(project_ids)), MilestoneRow.archived_at.is_(None))
        .order_by(MilestoneRow.project_id, MilestoneRow.baseline_date, MilestoneRow.ref)
    )
    return [(row, int(revisions or 0)) for row, revisions in session.execute(query)]


def open_commitments(session: Session, project_ids: Sequence[str]) -> list[CommitmentRow]:
    query = (
        select(CommitmentRow)
        .where(
            CommitmentRow.project_id.in_(set(project_ids)),
            CommitmentRow.archived_at.is_(None),
            CommitmentRow.closed_on.is_(None),
        )
        .order_by(CommitmentRow.due_date, CommitmentRow.id)
    )
    return list(session.scalars(query))


def open_review_actions(session: Session, project_ids: Sequence[str]) -> list[tuple[ReviewActionRow, str]]:
    """Open follow-up actions of live reviews, with their review's title."""
    query = (
        select(ReviewActionRow, ReviewRow.title)
        .join(ReviewRow, ReviewRow.id == ReviewActionRow.review_id)
        .where(
            ReviewActionRow.project_id.in_(set(project_ids)),
            ReviewActionRow.archived_at.is_(None),
            ReviewActionRow.done_on.is_(None),
            ReviewRow.archived_at.is_(None),
        )
        .order_by(ReviewActionRow.revisit_on, ReviewActionRow.id)
    )
    return [(row, title) for row, title in session.execute(query)]


def row_values(row: Base) -> dict[str, Any]:
    """A row's column values (for frozen items built inside the session)."""
    return {attribute.key: getattr(row, attribute.key) for attribute in row.__mapper__.column_attrs}
