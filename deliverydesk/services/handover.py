"""Handover entries: documents handed over, training sessions, risks and cautions, open items."""

from __future__ import annotations

from deliverydesk.domain.drafts import HandoverEntryDraft
from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.models import HandoverEntry, Page
from deliverydesk.domain.validation import validate_handover_entry
from deliverydesk.services.common import (
    apply_draft,
    check_page,
    editable_record,
    get_row,
    live_project,
    page_of,
    require_id,
    save_changes,
    set_archived,
    stamp_new,
    to_item,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import HandoverItemRow


def _item(_session: Session, row: HandoverItemRow) -> HandoverEntry:
    return to_item(HandoverEntry, row)


def create_handover_entry(ctx: ServiceContext, draft: HandoverEntryDraft) -> HandoverEntry:
    draft = validate_handover_entry(draft)
    with ctx.db.unit_of_work() as session:
        live_project(session, draft.project_id)
        row = HandoverItemRow()
        apply_draft(row, draft)
        stamp_new(ctx, row)
        session.add(row)
        session.flush()
        return _item(session, row)


def update_handover_entry(ctx: ServiceContext, draft: HandoverEntryDraft) -> HandoverEntry:
    entry_id = require_id(draft.id, "handover entry")
    draft = validate_handover_entry(draft)
    with ctx.db.unit_of_work() as session:
        row, _ = editable_record(session, HandoverItemRow, entry_id, "handover entry", draft.project_id)
        apply_draft(row, draft, skip=("id", "project_id"))
        save_changes(ctx, session, row)
        return _item(session, row)


def get_handover_entry(ctx: ServiceContext, entry_id: str) -> HandoverEntry:
    with ctx.db.unit_of_work() as session:
        return _item(session, get_row(session, HandoverItemRow, entry_id, "handover entry"))


def list_handover_entries(
    ctx: ServiceContext,
    project_id: str,
    *,
    kind: HandoverKind | None = None,
    include_archived: bool = False,
    offset: int = 0,
    limit: int = 500,
) -> Page[HandoverEntry]:
    """By kind, then date, then when they were written."""
    limit = check_page(offset, limit)
    where: dict[str, object] = {"project_id": project_id}
    if kind is not None:
        where["kind"] = kind
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            HandoverItemRow,
            where=where,
            include_archived=include_archived,
            order_by=("kind", "item_date", "created_at", "id"),
            offset=offset,
            limit=limit,
        )
        return page_of([_item(session, r) for r in rows], total, offset, limit)


def archive_handover_entry(ctx: ServiceContext, entry_id: str) -> HandoverEntry:
    return set_archived(ctx, HandoverItemRow, entry_id, "handover entry", _item, archived=True)


def restore_handover_entry(ctx: ServiceContext, entry_id: str) -> HandoverEntry:
    return set_archived(ctx, HandoverItemRow, entry_id, "handover entry", _item, archived=False)
