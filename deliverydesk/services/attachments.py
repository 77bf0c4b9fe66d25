"""Attachments: photos and scans stored once per SHA-256 of their bytes (deduplicated)."""

from __future__ import annotations

import hashlib

from deliverydesk.domain.drafts import AttachmentDraft
from deliverydesk.domain.models import AttachmentItem, Page
from deliverydesk.domain.validation import validate_attachment
from deliverydesk.errors import NotFoundError
from deliverydesk.services.common import (
    check_page,
    check_same_project,
    get_row,
    live_project,
    page_of,
    set_archived,
    stamp_new,
    to_item,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.records import Session, blob_data, blob_exists, list_rows
from deliverydesk.store.tables import AttachmentRow, BlobRow, ChangeRequestRow, LetterRow, LogEntryRow

LINKS = (("log_entry_id", LogEntryRow), ("letter_id", LetterRow), ("change_request_id", ChangeRequestRow))


def _item(_session: Session, row: AttachmentRow) -> AttachmentItem:
    return to_item(AttachmentItem, row)


def add_attachment(ctx: ServiceContext, draft: AttachmentDraft) -> AttachmentItem:
    """Store the file; identical bytes already stored are shared, not copied. Empty or > 25 MB refused."""
    draft = validate_attachment(draft)
    digest = hashlib.sha256(draft.data).hexdigest()
    with ctx.db.unit_of_work() as session:
        live_project(session, draft.project_id)
        for field, row_cls in LINKS:
            check_same_project(session, field, row_cls, getattr(draft, field), draft.project_id)
        if not blob_exists(session, digest):
            session.add(BlobRow(sha256=digest, size=len(draft.data), data=draft.data))
            session.flush()  # the blob first: the attachment's foreign key points at it
        row = AttachmentRow(
            project_id=draft.project_id,
            sha256=digest,
            filename=draft.filename,
            media_type=draft.media_type,
            size=len(draft.data),
            log_entry_id=draft.log_entry_id,
            letter_id=draft.letter_id,
            change_request_id=draft.change_request_id,
        )
        stamp_new(ctx, row)
        session.add(row)
        session.flush()
        return _item(session, row)


def get_attachment(ctx: ServiceContext, attachment_id: str) -> AttachmentItem:
    with ctx.db.unit_of_work() as session:
        return _item(session, get_row(session, AttachmentRow, attachment_id, "attachment"))


def read_attachment(ctx: ServiceContext, attachment_id: str) -> bytes:
    """The attachment's bytes, checked against its SHA-256."""
    with ctx.db.unit_of_work() as session:
        row = get_row(session, AttachmentRow, attachment_id, "attachment")
        data = blob_data(session, row.sha256)
    if data is None or hashlib.sha256(data).hexdigest() != row.sha256:
        raise NotFoundError(f"The content of {row.filename} is missing or damaged in the database.")
    return data


def list_attachments(
    ctx: ServiceContext, project_id: str, *, include_archived: bool = False, offset: int = 0, limit: int = 200
) -> Page[AttachmentItem]:
    """Newest first."""
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            AttachmentRow,
            where={"project_id": project_id},
            include_archived=include_archived,
            order_by=("created_at", "id"),
            descending=True,
            offset=offset,
            limit=limit,
        )
        return page_of([_item(session, r) for r in rows], total, offset, limit)


def archive_attachment(ctx: ServiceContext, attachment_id: str) -> AttachmentItem:
    return set_archived(ctx, AttachmentRow, attachment_id, "attachment", _item, archived=True)


def restore_attachment(ctx: ServiceContext, attachment_id: str) -> AttachmentItem:
    return set_archived(ctx, AttachmentRow, attachment_id, "attachment", _item, archived=False)
