"""The communication and decision log: append-only.

An entry is never edited or archived. A correction is a new entry pointing at the one it corrects;
the original row stays exactly as it was, so the log can settle a dispute months later."""

from __future__ import annotations

from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.domain.enums import LogKind
from deliverydesk.domain.models import LogEntryItem, Page
from deliverydesk.domain.validation import validate_log_entry
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import check_page, page_of
from deliverydesk.store import log_rows
from deliverydesk.store.records import (
    LOG_SORTS,
    Session,
    log_entry_page,
    log_entry_position,
    newest_corrections,
)


def record_in_log(
    ctx: ServiceContext,
    session: Session,
    *,
    project_id: str,
    kind: LogKind,
    summary: str,
    details: str = "",
    change_request_id: str | None = None,
    letter_id: str | None = None,
) -> None:
    """An entry DeliveryDesk writes itself (a letter issued, signed or refused, a change request
    decided or approved), inside the caller's unit of work: it is part of that action's transaction,
    so the action and its entry are saved together or not at all. Texts: ``domain.log_texts``."""
    log_rows.record_in_log(
        ctx.now(),
        session,
        project_id=project_id,
        kind=kind,
        summary=summary,
        details=details,
        change_request_id=change_request_id,
        letter_id=letter_id,
    )


def add_log_entry(ctx: ServiceContext, draft: LogEntryDraft) -> LogEntryItem:
    with ctx.db.unit_of_work() as session:
        return add_log_entry_in(ctx, session, draft)


def add_log_entry_in(ctx: ServiceContext, session: Session, draft: LogEntryDraft) -> LogEntryItem:
    """Add an entry inside the caller's unit of work (an action that also writes the log)."""
    return log_rows.insert_log_entry(
        ctx.now(), session, validate_log_entry(draft, ctx.now()), correction_of=None
    )


def correct_log_entry(ctx: ServiceContext, original_id: str, draft: LogEntryDraft) -> LogEntryItem:
    """Add ``draft`` as the correction of ``original_id``; the original is never modified.

    Corrections form a chain: an entry already corrected is refused (correct the newest version)."""
    with ctx.db.unit_of_work() as session:
        return correct_log_entry_in(ctx, session, original_id, draft)


def correct_log_entry_in(
    ctx: ServiceContext, session: Session, original_id: str, draft: LogEntryDraft
) -> LogEntryItem:
    draft = validate_log_entry(draft, ctx.now())
    if log_rows.entry_project(session, original_id) != draft.project_id:
        raise RuleError(msg("A correction must belong to the same project as the entry it corrects."))
    if newest_corrections(session, [original_id]):
        raise RuleError(msg("This entry was already corrected."), msg("Correct the newest version instead."))
    return log_rows.insert_log_entry(ctx.now(), session, draft, correction_of=original_id)


def get_log_entry(ctx: ServiceContext, entry_id: str) -> LogEntryItem:
    with ctx.db.unit_of_work() as session:
        return log_rows.get_log_entry(session, entry_id)


def list_log_entries(
    ctx: ServiceContext,
    project_id: str,
    *,
    offset: int = 0,
    limit: int = 200,
    text: str = "",
    sort: str = "occurred_at",
    descending: bool = True,
) -> Page[LogEntryItem]:
    """Newest first (by when it happened, then by when it was written); corrections and voided entries
    included. ``text`` keeps the entries holding every word; ``sort`` is one of ``LOG_SORTS``."""
    limit = check_page(offset, limit)
    if sort not in LOG_SORTS:
        raise ValidationError({"sort": msg("Sort by one of: {columns}.", columns=", ".join(LOG_SORTS))})
    with ctx.db.unit_of_work() as session:
        rows, total = log_entry_page(
            session, project_id, offset=offset, limit=limit, text=text, sort=sort, descending=descending
        )
    return page_of([LogEntryItem(**row) for row in rows], total, offset, limit)


def log_entry_offset(ctx: ServiceContext, entry_id: str) -> int | None:
    """Where ``entry_id`` stands in ``list_log_entries`` (0 = the newest): the offset to load to show
    it. None when the entry does not exist or is archived."""
    with ctx.db.unit_of_work() as session:
        return log_entry_position(session, entry_id)


def list_log_entries_of_kind(
    ctx: ServiceContext, project_id: str, kind: LogKind, *, limit: int = 200
) -> tuple[LogEntryItem, ...]:
    """The project's entries of one kind, newest first (e.g. the emails a commitment may be confirmed by,
    however far back in the log they are)."""
    limit = check_page(0, limit)
    with ctx.db.unit_of_work() as session:
        return tuple(log_rows.entries_of_kind(session, project_id, kind, limit))
