"""The shared, bilingual category taxonomy of issues and change requests (all projects, all clients).

The same category at several clients shows a recurring problem (issues) or a product gap (extra
asks), so categories are picked from this list rather than typed per record. Both names are required
and unique without case among live categories; archiving hides a category from new records while
the records already linked keep it. Sorting by the current language's name is the screen's job."""

from __future__ import annotations

from typing import Any

from deliverydesk.domain.drafts import CategoryDraft
from deliverydesk.domain.models import CategoryItem, CategoryUsage
from deliverydesk.domain.validation import validate_category
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import require_id
from deliverydesk.store import category_queries, kinds
from deliverydesk.store.category_queries import category_usage as usage_counts
from deliverydesk.store.category_queries import taken_category_names
from deliverydesk.store.record_rows import get_editable
from deliverydesk.store.records import Session

WHAT = "category"


def list_categories(ctx: ServiceContext, *, include_archived: bool = False) -> list[CategoryItem]:
    """Every (live) category with both names, ordered by English name."""
    with ctx.db.unit_of_work() as session:
        return list_categories_in(session, include_archived=include_archived)


def list_categories_in(session: Session, *, include_archived: bool = False) -> list[CategoryItem]:
    return category_queries.category_items(session, include_archived=include_archived)


def get_category(ctx: ServiceContext, category_id: str) -> CategoryItem:
    with ctx.db.unit_of_work() as session:
        return category_queries.get_category(session, category_id)


def create_category(ctx: ServiceContext, draft: CategoryDraft) -> CategoryItem:
    with ctx.db.unit_of_work() as session:
        draft = validate_category(draft, taken_category_names(session, None))
        return category_queries.add_category(ctx.now(), session, draft)


def update_category(ctx: ServiceContext, draft: CategoryDraft) -> CategoryItem:
    """Renaming changes the name shown on every record linked to the category."""
    category_id = require_id(draft.id, WHAT)
    with ctx.db.unit_of_work() as session:
        get_editable(session, kinds.CATEGORY, category_id)  # an archived one is refused before its names
        draft = validate_category(draft, taken_category_names(session, category_id))
        return category_queries.save_category(ctx.now(), session, category_id, draft)


def archive_category(ctx: ServiceContext, category_id: str) -> CategoryItem:
    """Hidden from new records; the records already linked keep it (and still count for recurrence)."""
    with ctx.db.unit_of_work() as session:
        return category_queries.set_category_archived(ctx.now(), session, category_id, archived=True)


def restore_category(ctx: ServiceContext, category_id: str) -> CategoryItem:
    """Back in the list, unless a live category took one of its names meanwhile."""
    with ctx.db.unit_of_work() as session:
        item = category_queries.get_category(session, category_id)
        draft = CategoryDraft(
            id=item.id, name_en=item.name_en, name_zh=item.name_zh, description=item.description
        )
        validate_category(draft, taken_category_names(session, category_id))
        return category_queries.set_category_archived(ctx.now(), session, category_id, archived=False)


def category_usage(ctx: ServiceContext) -> dict[str, CategoryUsage]:
    """category id -> live issues and change requests (of live projects) linked to it."""
    with ctx.db.unit_of_work() as session:
        counts = usage_counts(session)
    return {
        key: CategoryUsage(category_id=key, issue_count=issues, change_request_count=requests)
        for key, (issues, requests) in counts.items()
    }


Records = dict[str, list[dict[str, Any]]]


def merge_bundled_categories(session: Session, records: Records) -> Records:
    """A bundled category new to this database whose name is taken by a live category here is that
    category: the bundle's records link to it instead, so the same problem logged on two laptops
    counts as one category once both bundles are in (``records`` is left unchanged)."""
    bundled = records.get("category", [])
    known = category_queries.known_category_ids(session, [row["id"] for row in bundled])
    local = category_queries.live_category_names(session)
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
