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
from deliverydesk.services.records.common import (
    check_page,
    check_same_project,
    get_row,
    insert_new,
    live_project,
    page_of,
)
from deliverydesk.store import mapping
from deliverydesk.store.records import (
    LOG_SORTS,
    Session,
    list_rows,
    log_entry_page,
    log_entry_position,
    newest_corrections,
)
from deliverydesk.store.tables import (
    ChangeRequestRow,
    ExpectationRow,
    IssueRow,
    LetterRow,
    LogEntryRow,
    MilestoneRow,
)

LINKS = (
    ("change_request_id", ChangeRequestRow),
    ("expectation_id", ExpectationRow),
    ("milestone_id", MilestoneRow),
    ("issue_id", IssueRow),
    ("letter_id", LetterRow),
)


def log_items(session: Session, rows: list[LogEntryRow]) -> list[LogEntryItem]:
    corrected_by = newest_corrections(session, [r.id for r in rows])
    return [mapping.log_entry_item(r, corrected_by_id=corrected_by.get(r.id)) for r in rows]


def _insert(
    ctx: ServiceContext, session: Session, draft: LogEntryDraft, correction_of: str | None
) -> LogEntryItem:
    live_project(session, draft.project_id)
    for field, row_cls in LINKS:
        check_same_project(session, field, row_cls, getattr(draft, field), draft.project_id)
    row = LogEntryRow(correction_of_id=correction_of)
    mapping.write_log_entry(row, draft)
    insert_new(ctx, session, row)
    return log_items(session, [row])[0]


def live_log_entry_in(session: Session, entry_id: str) -> LogEntryRow:
    """The entry, in a project that may be changed (not archived): what Undo voids or brings back."""
    row = get_row(session, LogEntryRow, entry_id, "log entry")
    live_project(session, row.project_id)
    return row


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
) -> LogEntryRow:
    """An entry DeliveryDesk writes itself (a letter issued, signed or refused, a change request
    decided or approved), inside the caller's unit of work: it is part of that action's transaction,
    so the action and its entry are saved together or not at all. Texts: ``domain.log_texts``."""
    row = LogEntryRow(
        project_id=project_id,
        occurred_at=ctx.now(),
        kind=kind,
        summary=summary[:500],
        details=details,
        change_request_id=change_request_id,
        letter_id=letter_id,
    )
    insert_new(ctx, session, row)
    return row


def add_log_entry(ctx: ServiceContext, draft: LogEntryDraft) -> LogEntryItem:
    with ctx.db.unit_of_work() as session:
        return add_log_entry_in(ctx, session, draft)


def add_log_entry_in(ctx: ServiceContext, session: Session, draft: LogEntryDraft) -> LogEntryItem:
    """Add an entry inside the caller's unit of work (an action that also writes the log)."""
    return _insert(ctx, session, validate_log_entry(draft, ctx.now()), correction_of=None)


def correct_log_entry(ctx: ServiceContext, original_id: str, draft: LogEntryDraft) -> LogEntryItem:
    """Add ``draft`` as the correction of ``original_id``; the original is never modified.

    Corrections form a chain: an entry already corrected is refused (correct the newest version)."""
    with ctx.db.unit_of_work() as session:
        return correct_log_entry_in(ctx, session, original_id, draft)


def correct_log_entry_in(
    ctx: ServiceContext, session: Session, original_id: str, draft: LogEntryDraft
) -> LogEntryItem:
    draft = validate_log_entry(draft, ctx.now())
    original = get_row(session, LogEntryRow, original_id, "log entry")
    if original.project_id != draft.project_id:
        raise RuleError(msg("A correction must belong to the same project as the entry it corrects."))
    if newest_corrections(session, [original_id]):
        raise RuleError(msg("This entry was already corrected."), msg("Correct the newest version instead."))
    return _insert(ctx, session, draft, correction_of=original_id)


def get_log_entry(ctx: ServiceContext, entry_id: str) -> LogEntryItem:
    with ctx.db.unit_of_work() as session:
        return log_items(session, [get_row(session, LogEntryRow, entry_id, "log entry")])[0]


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
        rows, _total = list_rows(
            session,
            LogEntryRow,
            where={"project_id": project_id, "kind": kind},
            order_by=("occurred_at", "created_at", "id"),
            descending=True,
            limit=limit,
        )
        return tuple(log_items(session, rows))
