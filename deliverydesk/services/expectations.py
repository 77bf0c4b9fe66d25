"""Expectations (E-n): what the client will see, how we will know, agreed with whom."""

from __future__ import annotations

from deliverydesk.domain.drafts import ExpectationDraft
from deliverydesk.domain.enums import ExpectationStatus
from deliverydesk.domain.models import ExpectationItem, Page
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.validation import validate_expectation
from deliverydesk.services.common import (
    add_with_ref,
    apply_draft,
    check_contact_link,
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
from deliverydesk.store.records import Session, contact_names, list_rows
from deliverydesk.store.tables import ExpectationRow


def _items(session: Session, rows: list[ExpectationRow]) -> list[ExpectationItem]:
    names = contact_names(session, [r.agreed_with_id for r in rows if r.agreed_with_id])
    return [to_item(ExpectationItem, r, agreed_with_name=names.get(r.agreed_with_id or "", "")) for r in rows]


def _item(session: Session, row: ExpectationRow) -> ExpectationItem:
    return _items(session, [row])[0]


def create_expectation(ctx: ServiceContext, draft: ExpectationDraft) -> ExpectationItem:
    """``agreed_with_id`` must be a current contact of the project's client."""
    draft = validate_expectation(draft)
    with ctx.db.unit_of_work() as session:
        project = live_project(session, draft.project_id)
        check_contact_link(session, "agreed_with_id", draft.agreed_with_id, project)
        row = ExpectationRow()
        apply_draft(row, draft)
        add_with_ref(ctx, session, row, RefPrefix.EXPECTATION)
        return _item(session, row)


def update_expectation(ctx: ServiceContext, draft: ExpectationDraft) -> ExpectationItem:
    expectation_id = require_id(draft.id, "expectation")
    draft = validate_expectation(draft)
    with ctx.db.unit_of_work() as session:
        row, project = editable_record(
            session, ExpectationRow, expectation_id, "expectation", draft.project_id
        )
        if draft.agreed_with_id != row.agreed_with_id:
            check_contact_link(session, "agreed_with_id", draft.agreed_with_id, project)
        confirmed_wording = _wording(row) if row.status is ExpectationStatus.CONFIRMED else None
        apply_draft(row, draft, skip=("id", "project_id"))
        if confirmed_wording is not None and _wording(row) != confirmed_wording:
            row.status = ExpectationStatus.DRAFT  # the client confirmed other words: confirm again
        save_changes(ctx, session, row)
        return _item(session, row)


def _wording(row: ExpectationRow) -> tuple[object, ...]:
    """What the client confirmed; changing any of it voids the confirmation (a new letter is due)."""
    return (row.statement, row.measure, row.due_date, row.agreed_with_id)


def get_expectation(ctx: ServiceContext, expectation_id: str) -> ExpectationItem:
    with ctx.db.unit_of_work() as session:
        return _item(session, get_row(session, ExpectationRow, expectation_id, "expectation"))


def list_expectations(
    ctx: ServiceContext,
    project_id: str,
    *,
    status: ExpectationStatus | None = None,
    include_archived: bool = False,
    offset: int = 0,
    limit: int = 500,
) -> Page[ExpectationItem]:
    limit = check_page(offset, limit)
    where: dict[str, object] = {"project_id": project_id}
    if status is not None:
        where["status"] = status
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            ExpectationRow,
            where=where,
            include_archived=include_archived,
            order_by=("ref",),
            offset=offset,
            limit=limit,
        )
        return page_of(_items(session, rows), total, offset, limit)


def archive_expectation(ctx: ServiceContext, expectation_id: str) -> ExpectationItem:
    return set_archived(ctx, ExpectationRow, expectation_id, "expectation", _item, archived=True)


def restore_expectation(ctx: ServiceContext, expectation_id: str) -> ExpectationItem:
    return set_archived(ctx, ExpectationRow, expectation_id, "expectation", _item, archived=False)
