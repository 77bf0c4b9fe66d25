"""Log entries' rows: the items (with the newest correction of each), inserting an entry (typed in,
a correction, or written by DeliveryDesk itself) after checking what it links to, and the entries of
one kind. The log is append-only: nothing here edits an entry."""

from __future__ import annotations

from datetime import datetime

from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.domain.enums import LogKind
from deliverydesk.domain.models import LogEntryItem
from deliverydesk.store import kinds, mapping
from deliverydesk.store.record_rows import check_same_project, get_row, insert_new, live_project, save_changes
from deliverydesk.store.records import Session, list_rows, newest_corrections
from deliverydesk.store.tables import LogEntryRow


def log_items(session: Session, rows: list[LogEntryRow]) -> list[LogEntryItem]:
    corrected_by = newest_corrections(session, [r.id for r in rows])
    return [mapping.log_entry_item(r, corrected_by_id=corrected_by.get(r.id)) for r in rows]


def get_log_entry(session: Session, entry_id: str) -> LogEntryItem:
    return log_items(session, [get_row(session, kinds.LOG_ENTRY, entry_id)])[0]


def insert_log_entry(
    now: datetime, session: Session, draft: LogEntryDraft, correction_of: str | None
) -> LogEntryItem:
    """Insert a validated entry (``correction_of``: the entry it corrects) after checking its links."""
    live_project(session, draft.project_id)
    check_same_project(
        session, "change_request_id", kinds.CHANGE_REQUEST, draft.change_request_id, draft.project_id
    )
    check_same_project(session, "expectation_id", kinds.EXPECTATION, draft.expectation_id, draft.project_id)
    check_same_project(session, "milestone_id", kinds.MILESTONE, draft.milestone_id, draft.project_id)
    check_same_project(session, "issue_id", kinds.ISSUE, draft.issue_id, draft.project_id)
    check_same_project(session, "letter_id", kinds.LETTER, draft.letter_id, draft.project_id)
    row = LogEntryRow(correction_of_id=correction_of)
    mapping.write_log_entry(row, draft)
    insert_new(now, session, row)
    return log_items(session, [row])[0]


def record_in_log(
    now: datetime,
    session: Session,
    *,
    project_id: str,
    kind: LogKind,
    summary: str,
    details: str,
    change_request_id: str | None,
    letter_id: str | None,
) -> None:
    """An entry DeliveryDesk writes itself, happened now (the summary is cut to its 500 characters)."""
    row = LogEntryRow(
        project_id=project_id,
        occurred_at=now,
        kind=kind,
        summary=summary[:500],
        details=details,
        change_request_id=change_request_id,
        letter_id=letter_id,
    )
    insert_new(now, session, row)


def entry_project(session: Session, entry_id: str) -> str:
    """The project of an entry (archived or not); NotFoundError for an unknown one."""
    return get_row(session, kinds.LOG_ENTRY, entry_id).project_id


def live_log_entry(session: Session, entry_id: str) -> LogEntryItem:
    """The entry, in a project that may be changed (not archived): what Undo voids or brings back."""
    row = get_row(session, kinds.LOG_ENTRY, entry_id)
    live_project(session, row.project_id)
    return log_items(session, [row])[0]


def set_voided(
    now: datetime, session: Session, entry_id: str, voided_at: datetime | None, reason: str
) -> LogEntryItem:
    """Void the entry (when, and why) or, with None and "", let it count again: one audited edit."""
    row = get_row(session, kinds.LOG_ENTRY, entry_id)
    row.voided_at, row.void_reason = voided_at, reason
    save_changes(now, session, row)
    return log_items(session, [row])[0]


def entries_of_kind(session: Session, project_id: str, kind: LogKind, limit: int) -> list[LogEntryItem]:
    """The project's live entries of one kind, newest first."""
    rows, _total = list_rows(
        session,
        LogEntryRow,
        where={"project_id": project_id, "kind": kind},
        order_by=("occurred_at", "created_at", "id"),
        descending=True,
        limit=limit,
    )
    return log_items(session, rows)
