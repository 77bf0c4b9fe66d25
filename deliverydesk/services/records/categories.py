"""The shared, bilingual category taxonomy of issues and change requests (all projects, all clients).

The same category at several clients shows a recurring problem (issues) or a product gap (extra
asks), so categories are picked from this list rather than typed per record. Both names are required
and unique without case among live categories; archiving hides a category from new records while
the records already linked keep it. Sorting by the current language's name is the screen's job."""

from __future__ import annotations

from typing import Any

from deliverydesk.domain.drafts import CategoryDraft
from deliverydesk.domain.models import CategoryItem, CategoryName, CategoryUsage
from deliverydesk.domain.validation import validate_category
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import (
    get_editable,
    get_row,
    require_id,
    save_changes,
    set_archived,
    stamp_new,
)
from deliverydesk.store import mapping
from deliverydesk.store.category_queries import (
    categories_by_id,
    category_rows,
    linked_category,
    taken_category_names,
)
from deliverydesk.store.category_queries import (
    category_usage as usage_counts,
)
from deliverydesk.store.records import Session
from deliverydesk.store.tables import CategoryRow, ChangeRequestRow, IssueRow

WHAT = "category"


def _item(_session: Session, row: CategoryRow) -> CategoryItem:
    return mapping.category_item(row)


def list_categories(ctx: ServiceContext, *, include_archived: bool = False) -> list[CategoryItem]:
    """Every (live) category with both names, ordered by English name."""
    with ctx.db.unit_of_work() as session:
        return list_categories_in(session, include_archived=include_archived)


def list_categories_in(session: Session, *, include_archived: bool = False) -> list[CategoryItem]:
    return [mapping.category_item(row) for row in category_rows(session, include_archived=include_archived)]


def get_category(ctx: ServiceContext, category_id: str) -> CategoryItem:
    with ctx.db.unit_of_work() as session:
        return mapping.category_item(get_row(session, CategoryRow, category_id, WHAT))


def create_category(ctx: ServiceContext, draft: CategoryDraft) -> CategoryItem:
    with ctx.db.unit_of_work() as session:
        draft = validate_category(draft, taken_category_names(session, None))
        row = CategoryRow(name_en=draft.name_en, name_zh=draft.name_zh, description=draft.description)
        stamp_new(ctx, row)
        session.add(row)
        session.flush()
        return mapping.category_item(row)


def update_category(ctx: ServiceContext, draft: CategoryDraft) -> CategoryItem:
    """Renaming changes the name shown on every record linked to the category."""
    category_id = require_id(draft.id, WHAT)
    with ctx.db.unit_of_work() as session:
        row = get_editable(session, CategoryRow, category_id, WHAT)
        draft = validate_category(draft, taken_category_names(session, category_id))
        row.name_en, row.name_zh, row.description = draft.name_en, draft.name_zh, draft.description
        save_changes(ctx, session, row)
        return mapping.category_item(row)


def archive_category(ctx: ServiceContext, category_id: str) -> CategoryItem:
    """Hidden from new records; the records already linked keep it (and still count for recurrence)."""
    with ctx.db.unit_of_work() as session:
        return set_archived(ctx, session, CategoryRow, category_id, WHAT, _item, archived=True)


def restore_category(ctx: ServiceContext, category_id: str) -> CategoryItem:
    """Back in the list, unless a live category took one of its names meanwhile."""
    with ctx.db.unit_of_work() as session:
        row = get_row(session, CategoryRow, category_id, WHAT)
        draft = CategoryDraft(
            id=row.id, name_en=row.name_en, name_zh=row.name_zh, description=row.description
        )
        validate_category(draft, taken_category_names(session, category_id))
        return set_archived(ctx, session, CategoryRow, category_id, WHAT, _item, archived=False)


def category_usage(ctx: ServiceContext) -> dict[str, CategoryUsage]:
    """category id -> live issues and change requests (of live projects) linked to it."""
    with ctx.db.unit_of_work() as session:
        counts = usage_counts(session)
    return {
        key: CategoryUsage(category_id=key, issue_count=issues, change_request_count=requests)
        for key, (issues, requests) in counts.items()
    }


def category_names(session: Session, category_ids: list[str | None]) -> dict[str, CategoryName]:
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


Records = dict[str, list[dict[str, Any]]]


def merge_bundled_categories(session: Session, records: Records) -> Records:
    """A bundled category new to this database whose name is taken by a live category here is that
    category: the bundle's records link to it instead, so the same problem logged on two laptops
    counts as one category once both bundles are in (``records`` is left unchanged)."""
    bundled = records.get("category", [])
    known = categories_by_id(session, [row["id"] for row in bundled])
    local = {
        name.casefold(): row.id
        for row in category_rows(session, include_archived=False)
        for name in (row.name_en, row.name_zh)
    }
    same: dict[str, str] = {}
    for row in bundled:
        target = local.get(row["name_en"].casefold()) or local.get(row["name_zh"].casefold())
        if row["id"] not in known and target is not None:
            same[row["id"]] = target
    if not same:
        return records
    merged = {table: list(rows) for table, rows in records.items()}
    merged["category"] = [row for row in bundled if row["id"] not in same]
    for table in ("issue", "change_request"):
        merged[table] = [
            {**row, "category_id": same.get(row["category_id"], row["category_id"])} for row in records[table]
        ]
    return merged
