"""Commitments register: who owes what to whom by when, on either side.

A commitment is usually recorded by a log entry. It is open until closed with a note (and, when
there is one, the log entry) on how it was met; Home lists open ones as they fall due. A verbal
commitment flagged "confirm in writing" stays on Home's queue until an email log entry or an issued
letter is linked as its written confirmation."""

from __future__ import annotations

from datetime import date

from deliverydesk.domain.commitments import validate_closing, validate_commitment
from deliverydesk.domain.models import CommitmentItem, Page
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import check_page, page_of
from deliverydesk.services.records.kinds import ProjectRecords
from deliverydesk.store import project_rows, project_tables
from deliverydesk.store.records import Session

COMMITMENTS = ProjectRecords(
    project_tables.COMMITMENTS, validate=lambda _ctx, draft: validate_commitment(draft)
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
    return project_rows.close_commitment(ctx.now(), session, commitment_id, closed_on, note, log_entry_id)


def reopen_commitment(ctx: ServiceContext, commitment_id: str) -> CommitmentItem:
    """Open again (it was not met after all); the closing note is cleared."""
    with ctx.db.unit_of_work() as session:
        return project_rows.reopen_commitment(ctx.now(), session, commitment_id)


def confirm_in_writing(
    ctx: ServiceContext, commitment_id: str, log_entry_id: str | None = None, letter_id: str | None = None
) -> CommitmentItem:
    """Link the written confirmation: an email log entry or an issued letter of the same project."""
    with ctx.db.unit_of_work() as session:
        return project_rows.confirm_in_writing(ctx.now(), session, commitment_id, log_entry_id, letter_id)


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
        items, total = COMMITMENTS.table.page(
            session, where, include_archived=include_archived, offset=offset, limit=limit
        )
        return page_of(items, total, offset, limit)
