"""Attachments' rows: a checked file stored (its bytes once per SHA-256, in ``blob``) with what it
belongs to, its bytes read back and checked against the digest, pages and archiving. Items out."""

from __future__ import annotations

import hashlib
from datetime import datetime

from deliverydesk.domain.drafts import AttachmentDraft
from deliverydesk.domain.models import AttachmentItem
from deliverydesk.errors import NotFoundError
from deliverydesk.i18n import msg
from deliverydesk.store import kinds, mapping
from deliverydesk.store.record_rows import check_same_project, get_row, insert_new, live_project, set_archived
from deliverydesk.store.records import Session, add_blob, blob_data, list_rows
from deliverydesk.store.tables import AttachmentRow


def add_attachment(now: datetime, session: Session, draft: AttachmentDraft) -> AttachmentItem:
    """Store a checked draft: the project live, the record it belongs to in the same project."""
    live_project(session, draft.project_id)
    check_same_project(session, "log_entry_id", kinds.LOG_ENTRY, draft.log_entry_id, draft.project_id)
    check_same_project(session, "letter_id", kinds.LETTER, draft.letter_id, draft.project_id)
    check_same_project(
        session, "change_request_id", kinds.CHANGE_REQUEST, draft.change_request_id, draft.project_id
    )
    digest = add_blob(session, draft.data)
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
    insert_new(now, session, row)
    return mapping.attachment_item(row)


def get_attachment(session: Session, attachment_id: str) -> AttachmentItem:
    return mapping.attachment_item(get_row(session, kinds.ATTACHMENT, attachment_id))


def verified_bytes(session: Session, attachment: AttachmentItem) -> bytes:
    """The attachment's bytes, checked against its SHA-256 (NotFoundError: missing or damaged)."""
    data = blob_data(session, attachment.sha256)
    if data is None or hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise NotFoundError(
            msg(
                "The content of {filename} is missing or damaged in the database.",
                filename=attachment.filename,
            )
        )
    return data


def attachment_page(
    session: Session, where: dict[str, object], *, include_archived: bool, offset: int, limit: int
) -> tuple[list[AttachmentItem], int]:
    """Newest first."""
    rows, total = list_rows(
        session,
        AttachmentRow,
        where=where,
        include_archived=include_archived,
        order_by=("created_at", "id"),
        descending=True,
        offset=offset,
        limit=limit,
    )
    return [mapping.attachment_item(r) for r in rows], total


def set_attachment_archived(
    now: datetime, session: Session, attachment_id: str, *, archived: bool
) -> AttachmentItem:
    return set_archived(
        now,
        session,
        kinds.ATTACHMENT,
        attachment_id,
        lambda _session, row: mapping.attachment_item(row),
        archived=archived,
    )
