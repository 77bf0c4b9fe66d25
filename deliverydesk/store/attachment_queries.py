"""Attachment read queries for one screen: how many files each record of a page carries."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from deliverydesk.store.tables import AttachmentRow

LINK_FIELDS = ("log_entry_id", "change_request_id", "letter_id")


def attachment_counts(session: Session, field: str, record_ids: Sequence[str]) -> dict[str, int]:
    """Live (not archived) attachments per record id, for records linked through ``field``."""
    if field not in LINK_FIELDS:
        raise ValueError(f"not an attachment link: {field}")
    if not record_ids:
        return {}
    link = getattr(AttachmentRow, field)
    query = (
        select(link, func.count())
        .where(link.in_(list(record_ids)), AttachmentRow.archived_at.is_(None))
        .group_by(link)
    )
    return {str(record_id): int(count) for record_id, count in session.execute(query)}
