"""Commitments register: who owes what to whom by when, on either side.

A commitment is usually recorded by a log entry. It is open until closed with a note (and, when
there is one, the log entry) on how it was met; Home lists open ones as they fall due. A verbal
commitment flagged "confirm in writing" stays on Home's queue until an email log entry or an issued
letter is linked as its written confirmation."""

from __future__ import annotations

from datetime import date

from deliverydesk.domain.commitments import (
    check_written_confirmation,
    validate_closing,
    validate_commitment,
)
from deliverydesk.domain.drafts import CommitmentDraft
from deliverydesk.domain.models import CommitmentItem, Page
from deliverydesk.errors import RuleError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import (
    check_page,
    check_same_project,
    get_editable,
    live_project,
    page_of,
    save_changes,
)
from deliverydesk.services.records.kinds import ProjectRecords, mapped
from deliverydesk.store import mapping
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import CommitmentRow, LetterRow, LogEntryRow, ProjectRow

WHAT = "commitment"


def _check_links(session: Session, draft: CommitmentDraft, project: ProjectRow, _row: object) -> None:
    check_same_project(session, "log_entry_id", LogEntryRow, draft.log_entry_id, project.id)


COMMITMENTS = ProjectRecords(
    CommitmentRow,
    WHAT,
    validate=lambda _ctx, draft: validate_commitment(draft),
    write=mapping.write_commitment,
    to_items=mapped(mapping.commitment_item),
    order_by=("due_date", "created_at", "id"),
    check_links=_check_links,
)

record_commitment = COMMITMENTS.create
update_commitment = COMMITMENTS.update
get_commitment = COMMITMENTS.get
archive_commitment = COMMITMENTS.archive
restore_commitment = COMMITMENTS.restore


def close_commitment(
    ctx: ServiceContext, commitment_id: str, closed_on: date, note: str, log_entry_id: str | None = None
) -> CommitmentItem:
    """Closed on ``closed_on``; ``note`` (or the linked log entry) says how it was met."""
    with ctx.db.unit_of_work() as session:
        return close_commitment_in(ctx, session, commitment_id, closed_on, note, log_entry_id)


def close_commitment_in(
    ctx: ServiceContext,
    session: Session,
    commitment_id: str,
    closed_on: date,
    note: str,
    log_entry_id: str | None = None,
) -> CommitmentItem:
    note = validate_closing(closed_on, note, ctx.today(), has_log_entry=log_entry_id is not None)
    row = _changeable_row(session, commitment_id)
    if row.closed_on is not None:
        raise RuleError(msg("This commitment is already closed."), msg("Reopen it first to close it again."))
    check_same_project(session, "closed_log_entry_id", LogEntryRow, log_entry_id, row.project_id)
    row.closed_on, row.closed_note, row.closed_log_entry_id = closed_on, note, log_entry_id
    save_changes(ctx, session, row)
    return COMMITMENTS.item(session, row)


def reopen_commitment(ctx: ServiceContext, commitment_id: str) -> CommitmentItem:
    """Open again (it was not met after all); the closing note is cleared."""
    with ctx.db.unit_of_work() as session:
        row = _changeable_row(session, commitment_id)
        if row.closed_on is None:
            raise RuleError(msg("This commitment is still open."))
        row.closed_on, row.closed_note, row.closed_log_entry_id = None, "", None
        save_changes(ctx, session, row)
        return COMMITMENTS.item(session, row)


def confirm_in_writing(
    ctx: ServiceContext, commitment_id: str, log_entry_id: str | None = None, letter_id: str | None = None
) -> CommitmentItem:
    """Link the written confirmation: an email log entry or an issued letter of the same project."""
    with ctx.db.unit_of_work() as session:
        row = _changeable_row(session, commitment_id)
        check_same_project(session, "confirmation_log_entry_id", LogEntryRow, log_entry_id, row.project_id)
        check_same_project(session, "confirmation_letter_id", LetterRow, letter_id, row.project_id)
        entry = session.get(LogEntryRow, log_entry_id) if log_entry_id else None
        letter = session.get(LetterRow, letter_id) if letter_id else None
        check_written_confirmation(
            entry.kind if entry else None,
            letter.status if letter else None,
            given=(log_entry_id is not None) + (letter_id is not None),
        )
        row.confirmation_log_entry_id, row.confirmation_letter_id = log_entry_id, letter_id
        save_changes(ctx, session, row)
        return COMMITMENTS.item(session, row)


def _changeable_row(session: Session, commitment_id: str) -> CommitmentRow:
    """The commitment to change; neither it nor its project archived."""
    row = get_editable(session, CommitmentRow, commitment_id, WHAT)
    live_project(session, row.project_id)
    return row


def list_commitments(
    ctx: ServiceContext,
    project_id: str,
    *,
    open_only: bool = False,
    include_archived: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> Page[CommitmentItem]:
    """Soonest due first; ``open_only`` leaves out closed ones."""
    limit = check_page(offset, limit)
    where: dict[str, object] = {"project_id": project_id}
    if open_only:
        where["closed_on"] = None
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            CommitmentRow,
            where=where,
            include_archived=include_archived,
            order_by=COMMITMENTS.order_by,
            offset=offset,
            limit=limit,
        )
        return page_of(COMMITMENTS.to_items(session, rows), total, offset, limit)
