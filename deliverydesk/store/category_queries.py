"""The shared category taxonomy in SQL: names of a batch of categories, the names taken, usage counts."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from deliverydesk.store.tables import CategoryRow, ChangeRequestRow, IssueRow, ProjectRow


def category_rows(session: Session, *, include_archived: bool) -> Sequence[CategoryRow]:
    query = select(CategoryRow).order_by(CategoryRow.name_en, CategoryRow.id)
    if not include_archived:
        query = query.where(CategoryRow.archived_at.is_(None))
    return session.scalars(query).all()


def categories_by_id(session: Session, category_ids: Sequence[str | None]) -> dict[str, CategoryRow]:
    """The categories (archived too) linked from a batch of records, looked up in one query."""
    wanted = sorted({category_id for category_id in category_ids if category_id})
    if not wanted:
        return {}
    return {row.id: row for row in session.scalars(select(CategoryRow).where(CategoryRow.id.in_(wanted)))}


def taken_category_names(session: Session, exclude_id: str | None) -> set[str]:
    """Case-folded English and Chinese names of the live categories other than ``exclude_id``."""
    query = select(CategoryRow.name_en, CategoryRow.name_zh).where(CategoryRow.archived_at.is_(None))
    if exclude_id is not None:
        query = query.where(CategoryRow.id != exclude_id)
    return {name.casefold() for row in session.execute(query) for name in row}


def _usage(session: Session, row_cls: type[IssueRow] | type[ChangeRequestRow]) -> dict[str, int]:
    query = (
        select(row_cls.category_id, func.count(row_cls.id))
        .join(ProjectRow, ProjectRow.id == row_cls.project_id)
        .where(
            row_cls.category_id.is_not(None),
            row_cls.archived_at.is_(None),
            ProjectRow.archived_at.is_(None),
        )
        .group_by(row_cls.category_id)
    )
    return {str(row[0]): row[1] for row in session.execute(query)}


def category_usage(session: Session) -> dict[str, tuple[int, int]]:
    """category id -> (live issues, live change requests) of live projects; unused ones are absent."""
    issues, requests = _usage(session, IssueRow), _usage(session, ChangeRequestRow)
    return {key: (issues.get(key, 0), requests.get(key, 0)) for key in issues.keys() | requests.keys()}


def linked_category(row: IssueRow | ChangeRequestRow) -> CategoryRow | None:
    """The category a loaded record links to, through the record's own session."""
    session = object_session(row)
    if session is None or row.category_id is None:
        return None
    return session.get(CategoryRow, row.category_id)
