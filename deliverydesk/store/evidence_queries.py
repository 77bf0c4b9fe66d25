"""SQL for the evidence pack: the live records of one project that concern a topic.

Every query is bounded to one project and leaves archived rows out; id lists are bound in chunks so
a pack of a long search result never exceeds SQLite's limit on bound parameters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from deliverydesk.domain.enums import LetterKind
from deliverydesk.store.tables import (
    AttachmentRow,
    Base,
    ChangeRequestRow,
    CommitmentRow,
    LetterRow,
    LogEntryRow,
    MilestoneChangeRow,
    MilestoneRow,
    SignatureRow,
)

RowT = TypeVar("RowT", bound=Base)
CHUNK = 500  # bound parameters per IN (...), well under SQLite's limit
LOG_ORDER = (LogEntryRow.occurred_at, LogEntryRow.created_at, LogEntryRow.id)


def _chunks(ids: Iterable[str]) -> list[list[str]]:
    unique = sorted(set(ids))
    return [unique[start : start + CHUNK] for start in range(0, len(unique), CHUNK)]


def _live_in(
    session: Session,
    row_cls: type[RowT],
    project_id: str,
    columns: Sequence[InstrumentedAttribute[Any]],
    ids: Iterable[str],
) -> list[RowT]:
    """Live rows of the project whose value in any of ``columns`` is one of ``ids``."""
    found: dict[str, RowT] = {}
    for chunk in _chunks(ids):
        query = select(row_cls).where(
            row_cls.project_id == project_id,  # type: ignore[attr-defined]
            row_cls.archived_at.is_(None),  # type: ignore[attr-defined]
            or_(*(column.in_(chunk) for column in columns)),
        )
        found.update((row.id, row) for row in session.scalars(query))  # type: ignore[attr-defined]
    return list(found.values())


def log_entries_linked(
    session: Session,
    project_id: str,
    *,
    change_request_id: str | None = None,
    expectation_id: str | None = None,
) -> list[LogEntryRow]:
    """The live entries linked to the change request (or the expectation), oldest first."""
    link = (
        LogEntryRow.change_request_id == change_request_id
        if change_request_id is not None
        else LogEntryRow.expectation_id == expectation_id
    )
    query = (
        select(LogEntryRow)
        .where(
            LogEntryRow.project_id == project_id,
            LogEntryRow.archived_at.is_(None),
            LogEntryRow.voided_at.is_(None),  # voided: written by mistake, counts for nothing
            link,
        )
        .order_by(*LOG_ORDER)
    )
    return list(session.scalars(query))


def log_entries_between(
    session: Session, project_id: str, since: datetime, before: datetime
) -> list[LogEntryRow]:
    """The live entries that happened in [since, before), oldest first."""
    query = (
        select(LogEntryRow)
        .where(
            LogEntryRow.project_id == project_id,
            LogEntryRow.archived_at.is_(None),
            LogEntryRow.voided_at.is_(None),
            LogEntryRow.occurred_at >= since,
            LogEntryRow.occurred_at < before,
        )
        .order_by(*LOG_ORDER)
    )
    return list(session.scalars(query))


def log_entries_by_id(session: Session, project_id: str, ids: Iterable[str]) -> list[LogEntryRow]:
    return _live_in(session, LogEntryRow, project_id, [LogEntryRow.id], ids)


def correction_relatives(
    session: Session, project_id: str, entries: Sequence[LogEntryRow]
) -> list[LogEntryRow]:
    """The entries one step along the correction chains of ``entries``: those they correct and those
    correcting them."""
    originals = [row.correction_of_id for row in entries if row.correction_of_id]
    ids = [row.id for row in entries]
    return [
        *_live_in(session, LogEntryRow, project_id, [LogEntryRow.id], originals),
        *_live_in(session, LogEntryRow, project_id, [LogEntryRow.correction_of_id], ids),
    ]


def commitments_recorded_by(
    session: Session, project_id: str, entry_ids: Iterable[str]
) -> list[CommitmentRow]:
    return _live_in(session, CommitmentRow, project_id, [CommitmentRow.log_entry_id], entry_ids)


def letters_by_id(session: Session, project_id: str, ids: Iterable[str]) -> list[LetterRow]:
    return _live_in(session, LetterRow, project_id, [LetterRow.id], ids)


def letters_signed_by(session: Session, project_id: str, entry_ids: Iterable[str]) -> list[LetterRow]:
    """Letters confirmed by e-mail in one of these log entries."""
    events = _live_in(session, SignatureRow, project_id, [SignatureRow.log_entry_id], entry_ids)
    return _live_in(session, LetterRow, project_id, [LetterRow.id], [e.letter_id for e in events])


def _live_letters(project_id: str) -> Any:
    return select(LetterRow).where(LetterRow.project_id == project_id, LetterRow.archived_at.is_(None))


def letters_of_change_request(session: Session, project_id: str, change_request_id: str) -> list[LetterRow]:
    query = _live_letters(project_id).where(LetterRow.change_request_id == change_request_id)
    return list(session.scalars(query))


def letters_of_kind(session: Session, project_id: str, kind: LetterKind) -> list[LetterRow]:
    return list(session.scalars(_live_letters(project_id).where(LetterRow.kind == kind)))


def letters_issued_between(
    session: Session, project_id: str, since: datetime, before: datetime
) -> list[LetterRow]:
    query = _live_letters(project_id).where(LetterRow.issued_at >= since, LetterRow.issued_at < before)
    return list(session.scalars(query))


def attachments_of(
    session: Session,
    project_id: str,
    *,
    entry_ids: Iterable[str] = (),
    letter_ids: Iterable[str] = (),
    change_request_id: str | None = None,
) -> list[AttachmentRow]:
    """Live attachments of these log entries, these letters and the change request."""
    rows = [
        *_live_in(session, AttachmentRow, project_id, [AttachmentRow.log_entry_id], entry_ids),
        *_live_in(session, AttachmentRow, project_id, [AttachmentRow.letter_id], letter_ids),
    ]
    if change_request_id is not None:
        rows += _live_in(
            session, AttachmentRow, project_id, [AttachmentRow.change_request_id], [change_request_id]
        )
    unique = {row.id: row for row in rows}
    return list(unique.values())


def asks_requested_between(session: Session, project_id: str, first: date, last: date) -> list[Any]:
    """The live change requests asked for in [first, last] (by their request date), each with the
    number of live log entries about it: an ask captured without a log entry has 0."""
    logged = (
        select(func.count())
        .where(LogEntryRow.change_request_id == ChangeRequestRow.id, LogEntryRow.archived_at.is_(None))
        .correlate(ChangeRequestRow)
        .scalar_subquery()
    )
    query = (
        select(ChangeRequestRow, logged.label("log_entries"))
        .where(
            ChangeRequestRow.project_id == project_id,
            ChangeRequestRow.archived_at.is_(None),
            ChangeRequestRow.requested_on >= first,
            ChangeRequestRow.requested_on <= last,
        )
        .order_by(ChangeRequestRow.requested_on, func.length(ChangeRequestRow.ref), ChangeRequestRow.ref)
    )
    return list(session.execute(query))


def milestone_moves_of(session: Session, change_request_id: str) -> list[Any]:
    """The milestone date changes a change request caused, oldest first, with the milestone's name."""
    query = (
        select(MilestoneChangeRow, MilestoneRow.name)
        .join(MilestoneRow, MilestoneRow.id == MilestoneChangeRow.milestone_id)
        .where(
            MilestoneChangeRow.change_request_id == change_request_id,
            MilestoneChangeRow.archived_at.is_(None),
        )
        .order_by(MilestoneChangeRow.created_at)
    )
    return list(session.execute(query))
