"""SQL for the evidence pack: the live records of one project that concern a topic, as the domain's
records (log entries with their newest correction, letters with their signature events, commitments,
attachments, change requests), and the refs a pack prints for the records they link to.

Every query is bounded to one project and leaves archived rows out (the refs of linked records
excepted: a link prints its ref even after the record was archived); id lists are bound in chunks so
a pack of a long search result never exceeds SQLite's limit on bound parameters."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from deliverydesk.domain.enums import LetterKind
from deliverydesk.domain.models import (
    AttachmentItem,
    ChangeRequestItem,
    CommitmentItem,
    LetterItem,
    LogEntryItem,
    MilestoneChangeItem,
)
from deliverydesk.store import kinds, mapping
from deliverydesk.store.document_queries import attachment_hashes, letter_signatures
from deliverydesk.store.kinds import RowKind
from deliverydesk.store.project_tables import change_request_items
from deliverydesk.store.records import ProjectChildRow, column, newest_corrections
from deliverydesk.store.tables import (
    AttachmentRow,
    ChangeRequestRow,
    CommitmentRow,
    LetterRow,
    LogEntryRow,
    MilestoneChangeRow,
    MilestoneRow,
    SignatureRow,
)

RowT = TypeVar("RowT", bound=ProjectChildRow)
CHUNK = 500  # bound parameters per IN (...), well under SQLite's limit
LOG_ORDER = (LogEntryRow.occurred_at, LogEntryRow.created_at, LogEntryRow.id)
# the records a log entry links to, in the order a pack prints their refs
ENTRY_LINKS: tuple[tuple[RowKind[Any], Callable[[LogEntryItem], str | None]], ...] = (
    (kinds.CHANGE_REQUEST, lambda entry: entry.change_request_id),
    (kinds.EXPECTATION, lambda entry: entry.expectation_id),
    (kinds.MILESTONE, lambda entry: entry.milestone_id),
    (kinds.ISSUE, lambda entry: entry.issue_id),
)


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
            column(row_cls, "project_id") == project_id,
            column(row_cls, "archived_at").is_(None),
            or_(*(linked.in_(chunk) for linked in columns)),
        )
        found.update((row.id, row) for row in session.scalars(query))
    return list(found.values())


# --- log entries -----------------------------------------------------------------------------------


def log_items(session: Session, rows: Sequence[LogEntryRow]) -> list[LogEntryItem]:
    """The entries' items, each with the newest entry correcting it (looked up in chunks)."""
    corrected_by: dict[str, str] = {}
    for chunk in _chunks(row.id for row in rows):
        corrected_by.update(newest_corrections(session, chunk))
    return [mapping.log_entry_item(row, corrected_by_id=corrected_by.get(row.id)) for row in rows]


def log_entries_linked(
    session: Session,
    project_id: str,
    *,
    change_request_id: str | None = None,
    expectation_id: str | None = None,
) -> list[LogEntryItem]:
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
    return log_items(session, list(session.scalars(query)))


def log_entries_between(
    session: Session, project_id: str, since: datetime, before: datetime
) -> list[LogEntryItem]:
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
    return log_items(session, list(session.scalars(query)))


def log_entries_by_id(session: Session, project_id: str, ids: Iterable[str]) -> list[LogEntryItem]:
    return log_items(session, _live_in(session, LogEntryRow, project_id, [LogEntryRow.id], ids))


def correction_relatives(
    session: Session, project_id: str, entries: Sequence[LogEntryItem]
) -> list[LogEntryItem]:
    """The entries one step along the correction chains of ``entries``: those they correct and those
    correcting them."""
    originals = [entry.correction_of_id for entry in entries if entry.correction_of_id]
    ids = [entry.id for entry in entries]
    rows = [
        *_live_in(session, LogEntryRow, project_id, [LogEntryRow.id], originals),
        *_live_in(session, LogEntryRow, project_id, [LogEntryRow.correction_of_id], ids),
    ]
    return log_items(session, rows)


def linked_refs(session: Session, entries: Sequence[LogEntryItem]) -> dict[str, tuple[str, ...]]:
    """Each entry's id -> the refs of the records it links to (change request, expectation, milestone,
    issue; archived ones too), in that order."""
    refs = {
        kind.what: refs_by_id(session, kind, [link for entry in entries if (link := linked(entry))])
        for kind, linked in ENTRY_LINKS
    }
    return {
        entry.id: tuple(
            refs[kind.what][link]
            for kind, linked in ENTRY_LINKS
            if (link := linked(entry)) and link in refs[kind.what]
        )
        for entry in entries
    }


def refs_by_id(session: Session, kind: RowKind[Any], ids: Iterable[str]) -> dict[str, str]:
    """id -> ref of the records of ``kind`` with these ids (archived ones too); missing ids are absent."""
    found: dict[str, str] = {}
    id_column, ref_column = column(kind.row_cls, "id"), column(kind.row_cls, "ref")
    for chunk in _chunks(ids):
        query = select(id_column, ref_column).where(id_column.in_(chunk))
        found.update((str(row_id), str(ref)) for row_id, ref in session.execute(query))
    return found


# --- commitments, letters, attachments ------------------------------------------------------------


def commitments_recorded_by(
    session: Session, project_id: str, entry_ids: Iterable[str]
) -> list[CommitmentItem]:
    rows = _live_in(session, CommitmentRow, project_id, [CommitmentRow.log_entry_id], entry_ids)
    return [mapping.commitment_item(row) for row in rows]


def _letter_items(session: Session, rows: Sequence[LetterRow]) -> list[LetterItem]:
    """Letters with their live signature events, each letter's in the order they were recorded."""
    events = letter_signatures(session, [row.id for row in rows])
    scans = attachment_hashes(
        session, [e.attachment_id for found in events.values() for e in found if e.attachment_id]
    )
    return [
        mapping.letter_item(
            row,
            signatures=tuple(
                mapping.signature_item(e, scan_sha256=scans.get(e.attachment_id or "", ""))
                for e in events[row.id]
            ),
        )
        for row in rows
    ]


def letters_by_id(session: Session, project_id: str, ids: Iterable[str]) -> list[LetterItem]:
    return _letter_items(session, _live_in(session, LetterRow, project_id, [LetterRow.id], ids))


def letters_signed_by(session: Session, project_id: str, entry_ids: Iterable[str]) -> list[LetterItem]:
    """Letters confirmed by e-mail in one of these log entries."""
    events = _live_in(session, SignatureRow, project_id, [SignatureRow.log_entry_id], entry_ids)
    return letters_by_id(session, project_id, [e.letter_id for e in events])


def _live_letters(project_id: str) -> Any:
    return select(LetterRow).where(LetterRow.project_id == project_id, LetterRow.archived_at.is_(None))


def letters_of_change_request(session: Session, project_id: str, change_request_id: str) -> list[LetterItem]:
    query = _live_letters(project_id).where(LetterRow.change_request_id == change_request_id)
    return _letter_items(session, list(session.scalars(query)))


def letters_of_kind(session: Session, project_id: str, kind: LetterKind) -> list[LetterItem]:
    return _letter_items(
        session, list(session.scalars(_live_letters(project_id).where(LetterRow.kind == kind)))
    )


def letters_issued_between(
    session: Session, project_id: str, since: datetime, before: datetime
) -> list[LetterItem]:
    query = _live_letters(project_id).where(LetterRow.issued_at >= since, LetterRow.issued_at < before)
    return _letter_items(session, list(session.scalars(query)))


def letter_versions(session: Session, ids: Iterable[str]) -> dict[str, tuple[str, int]]:
    """id -> (ref, version) of the letters with these ids (archived ones too)."""
    found: dict[str, tuple[str, int]] = {}
    for chunk in _chunks(ids):
        query = select(LetterRow.id, LetterRow.ref, LetterRow.version).where(LetterRow.id.in_(chunk))
        found.update((row.id, (row.ref, row.version)) for row in session.execute(query))
    return found


def attachments_of(
    session: Session,
    project_id: str,
    *,
    entry_ids: Iterable[str] = (),
    letter_ids: Iterable[str] = (),
    change_request_id: str | None = None,
) -> list[AttachmentItem]:
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
    return [mapping.attachment_item(row) for row in unique.values()]


# --- change requests -------------------------------------------------------------------------------


def asks_requested_between(
    session: Session, project_id: str, first: date, last: date
) -> list[tuple[ChangeRequestItem, int]]:
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
    found = [(row, int(count)) for row, count in session.execute(query)]
    items = change_request_items(session, [row for row, _count in found])
    return [(item, count) for item, (_row, count) in zip(items, found, strict=True)]


def milestone_moves_of(session: Session, change_request_id: str) -> list[tuple[MilestoneChangeItem, str]]:
    """The milestone date changes a change request caused, oldest first, with the milestone's name."""
    query = (
        select(MilestoneChangeRow, MilestoneRow.name, ChangeRequestRow.ref)
        .join(MilestoneRow, MilestoneRow.id == MilestoneChangeRow.milestone_id)
        .join(ChangeRequestRow, ChangeRequestRow.id == MilestoneChangeRow.change_request_id)
        .where(
            MilestoneChangeRow.change_request_id == change_request_id,
            MilestoneChangeRow.archived_at.is_(None),
        )
        .order_by(MilestoneChangeRow.created_at)
    )
    return [
        (mapping.milestone_change_item(move, change_request_ref=ref), name)
        for move, name, ref in session.execute(query)
    ]
