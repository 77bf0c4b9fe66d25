"""The shared category taxonomy in SQL: the categories as items, inserting and saving one, names of a
batch of categories, the names taken, usage counts, the link a record may hold to one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from deliverydesk.domain.drafts import CategoryDraft
from deliverydesk.domain.models import CategoryItem, CategoryName
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import msg
from deliverydesk.store import kinds, mapping
from deliverydesk.store.record_rows import get_editable, get_row, insert_new, save_changes, set_archived
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


def category_names(session: Session, category_ids: Sequence[str | None]) -> dict[str, CategoryName]:
    """Names of the categories linked from a batch of records (for their items), in one query."""
    return {
        key: CategoryName(name_en=row.name_en, name_zh=row.name_zh)
        for key, row in categories_by_id(session, category_ids).items()
    }


def category_name_of(row: IssueRow | ChangeRequestRow) -> CategoryName | None:
    """The names of one loaded record's category (for a single item; batches use ``category_names``)."""
    category = linked_category(row)
    return None if category is None else CategoryName(name_en=category.name_en, name_zh=category.name_zh)


def check_category_link(session: Session, category_id: str | None, before: str | None) -> None:
    """A record links a live category; one it already had may stay even after that was archived."""
    if category_id is None or category_id == before:
        return
    row = session.get(CategoryRow, category_id)
    if row is None:
        raise ValidationError({"category_id": msg("This category does not exist (any more); pick another.")})
    if row.archived_at is not None:
        raise ValidationError({"category_id": msg("This category is archived; pick a current one.")})


def category_items(session: Session, *, include_archived: bool) -> list[CategoryItem]:
    """Every (live) category with both names, ordered by English name."""
    return [mapping.category_item(row) for row in category_rows(session, include_archived=include_archived)]


def get_category(session: Session, category_id: str) -> CategoryItem:
    return mapping.category_item(get_row(session, kinds.CATEGORY, category_id))


def add_category(now: datetime, session: Session, draft: CategoryDraft) -> CategoryItem:
    row = CategoryRow()
    mapping.write_category(row, draft)
    insert_new(now, session, row)
    return mapping.category_item(row)


def save_category(now: datetime, session: Session, category_id: str, draft: CategoryDraft) -> CategoryItem:
    row = get_editable(session, kinds.CATEGORY, category_id)
    mapping.write_category(row, draft)
    save_changes(now, session, row)
    return mapping.category_item(row)


def set_category_archived(
    now: datetime, session: Session, category_id: str, *, archived: bool
) -> CategoryItem:
    return set_archived(
        now,
        session,
        kinds.CATEGORY,
        category_id,
        lambda _s, row: mapping.category_item(row),
        archived=archived,
    )


def live_category_names(session: Session) -> dict[str, str]:
    """Case-folded English and Chinese names of the live categories -> the category's id."""
    return {
        name.casefold(): row.id
        for row in category_rows(session, include_archived=False)
        for name in (row.name_en, row.name_zh)
    }


def known_category_ids(session: Session, category_ids: Sequence[str]) -> set[str]:
    """Which of these categories (archived or not) this database has."""
    return set(categories_by_id(session, category_ids))
