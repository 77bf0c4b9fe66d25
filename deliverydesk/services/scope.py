"""Contracted scope: scope items (S-n) and explicit exclusions (X-n)."""

from __future__ import annotations

from deliverydesk.domain.drafts import ExclusionDraft, ScopeItemDraft
from deliverydesk.domain.models import ExclusionItem, Page, ScopeEntry
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.validation import validate_exclusion, validate_scope_item
from deliverydesk.services.common import (
    add_with_ref,
    apply_draft,
    check_page,
    editable_record,
    get_row,
    live_project,
    page_of,
    require_id,
    save_changes,
    set_archived,
    to_item,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import ExclusionRow, ScopeItemRow


def _scope(_session: Session, row: ScopeItemRow) -> ScopeEntry:
    return to_item(ScopeEntry, row)


def _exclusion(_session: Session, row: ExclusionRow) -> ExclusionItem:
    return to_item(ExclusionItem, row)


def create_scope_item(ctx: ServiceContext, draft: ScopeItemDraft) -> ScopeEntry:
    draft = validate_scope_item(draft)
    with ctx.db.unit_of_work() as session:
        live_project(session, draft.project_id)
        row = ScopeItemRow()
        apply_draft(row, draft)
        add_with_ref(ctx, session, row, RefPrefix.SCOPE_ITEM)
        return _scope(session, row)


def update_scope_item(ctx: ServiceContext, draft: ScopeItemDraft) -> ScopeEntry:
    item_id = require_id(draft.id, "scope item")
    draft = validate_scope_item(draft)
    with ctx.db.unit_of_work() as session:
        row, _ = editable_record(session, ScopeItemRow, item_id, "scope item", draft.project_id)
        apply_draft(row, draft, skip=("id", "project_id"))
        save_changes(ctx, session, row)
        return _scope(session, row)


def get_scope_item(ctx: ServiceContext, item_id: str) -> ScopeEntry:
    with ctx.db.unit_of_work() as session:
        return _scope(session, get_row(session, ScopeItemRow, item_id, "scope item"))


def list_scope_items(
    ctx: ServiceContext, project_id: str, *, include_archived: bool = False, offset: int = 0, limit: int = 500
) -> Page[ScopeEntry]:
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            ScopeItemRow,
            where={"project_id": project_id},
            include_archived=include_archived,
            order_by=("ref",),
            offset=offset,
            limit=limit,
        )
        return page_of([_scope(session, r) for r in rows], total, offset, limit)


def archive_scope_item(ctx: ServiceContext, item_id: str) -> ScopeEntry:
    return set_archived(ctx, ScopeItemRow, item_id, "scope item", _scope, archived=True)


def restore_scope_item(ctx: ServiceContext, item_id: str) -> ScopeEntry:
    return set_archived(ctx, ScopeItemRow, item_id, "scope item", _scope, archived=False)


def create_exclusion(ctx: ServiceContext, draft: ExclusionDraft) -> ExclusionItem:
    draft = validate_exclusion(draft)
    with ctx.db.unit_of_work() as session:
        live_project(session, draft.project_id)
        row = ExclusionRow()
        apply_draft(row, draft)
        add_with_ref(ctx, session, row, RefPrefix.EXCLUSION)
        return _exclusion(session, row)


def update_exclusion(ctx: ServiceContext, draft: ExclusionDraft) -> ExclusionItem:
    exclusion_id = require_id(draft.id, "exclusion")
    draft = validate_exclusion(draft)
    with ctx.db.unit_of_work() as session:
        row, _ = editable_record(session, ExclusionRow, exclusion_id, "exclusion", draft.project_id)
        apply_draft(row, draft, skip=("id", "project_id"))
        save_changes(ctx, session, row)
        return _exclusion(session, row)


def get_exclusion(ctx: ServiceContext, exclusion_id: str) -> ExclusionItem:
    with ctx.db.unit_of_work() as session:
        return _exclusion(session, get_row(session, ExclusionRow, exclusion_id, "exclusion"))


def list_exclusions(
    ctx: ServiceContext, project_id: str, *, include_archived: bool = False, offset: int = 0, limit: int = 500
) -> Page[ExclusionItem]:
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            ExclusionRow,
            where={"project_id": project_id},
            include_archived=include_archived,
            order_by=("ref",),
            offset=offset,
            limit=limit,
        )
        return page_of([_exclusion(session, r) for r in rows], total, offset, limit)


def archive_exclusion(ctx: ServiceContext, exclusion_id: str) -> ExclusionItem:
    return set_archived(ctx, ExclusionRow, exclusion_id, "exclusion", _exclusion, archived=True)


def restore_exclusion(ctx: ServiceContext, exclusion_id: str) -> ExclusionItem:
    return set_archived(ctx, ExclusionRow, exclusion_id, "exclusion", _exclusion, archived=False)
