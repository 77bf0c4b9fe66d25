"""The compensating changes behind the window's Undo and Redo: each one unit of work, audited.

Nothing is taken back by erasing it. Undoing an edit writes the old values again as a new edit (the
audit trail has both, the second marked "(undo)"); undoing an archive restores; undoing a log entry
voids it with a reason (kept and shown as voided), which only an entry written in the last minutes
allows. Each refuses when the record changed since (someone else, a sync, another window): its row
version tells, so an Undo never overwrites work it did not make.

Archive and restore are the records' own ``archive_*`` / ``restore_*`` services."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from deliverydesk.domain.log_texts import VOID_REASON_MAX, void_problem
from deliverydesk.domain.models import (
    ChangeRequestItem,
    ClientItem,
    CommitmentItem,
    ContactItem,
    ExclusionItem,
    ExpectationItem,
    HandoverEntry,
    IssueItem,
    LogEntryItem,
    MilestoneItem,
    ProjectItem,
    RecordItem,
    ReviewActionItem,
    ReviewItem,
    ScopeEntry,
)
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.milestones import record_dates_written_back_in
from deliverydesk.store import log_rows, undo_rows
from deliverydesk.store.audit import record_undo

# The records whose edits the window can undo, and what they are called in messages.
EDITABLE: dict[type[RecordItem], str] = {
    ProjectItem: "project",
    ClientItem: "client",
    ContactItem: "contact",
    ScopeEntry: "scope item",
    ExclusionItem: "exclusion",
    MilestoneItem: "milestone",
    ExpectationItem: "expectation",
    ChangeRequestItem: "change request",
    IssueItem: "issue",
    ReviewItem: "review",
    ReviewActionItem: "follow-up action",
    HandoverEntry: "handover item",
    CommitmentItem: "commitment",
}
# Never written back: identity, bookkeeping, where a record belongs, and its ref.
FIXED = frozenset(
    {"id", "created_at", "updated_at", "archived_at", "row_version", "project_id", "client_id", "ref"}
)
CHANGED_SINCE = msg("This record was changed after your edit, so the edit cannot be undone from here.")
CHANGED_SINCE_HINT = msg("Open it (its History shows every change) and edit it as it is now.")


@dataclass(frozen=True)
class FieldChange:
    name: str
    now: Any  # what the record must hold for the change to apply
    then: Any  # what it gets


@dataclass(frozen=True)
class EditReversal:
    """Write ``changes`` on the record, which must still be at ``row_version``."""

    record_type: type[RecordItem]
    record_id: str
    row_version: int
    changes: tuple[FieldChange, ...]


def reversal_of(before: RecordItem, after: RecordItem) -> EditReversal:
    """The compensating change of an edit that turned ``before`` into ``after`` (the window keeps both)."""
    if type(before) is not type(after) or before.id != after.id:
        raise ValueError("an edit is reverted with two copies of the same record")
    changes = tuple(
        FieldChange(f.name, getattr(after, f.name), getattr(before, f.name))
        for f in fields(after)
        if f.name not in FIXED and getattr(after, f.name) != getattr(before, f.name)
    )
    return EditReversal(type(after), after.id, after.row_version, changes)


def forward_of(reversal: EditReversal, row_version: int) -> EditReversal:
    """Redo: the edit again, from the record as the reversal left it (at ``row_version``)."""
    changes = tuple(FieldChange(c.name, c.then, c.now) for c in reversal.changes)
    return EditReversal(reversal.record_type, reversal.record_id, row_version, changes)


def revert_edit(ctx: ServiceContext, reversal: EditReversal, *, reason: str) -> int:
    """Apply the reversal as a new, audited edit ("(undo)"); returns the record's new row version.

    ``reason``: what a milestone's date history says of a date changed back (e.g. "Undone")."""
    record_type, what, record_id = reversal.record_type, EDITABLE[reversal.record_type], reversal.record_id
    with ctx.db.unit_of_work() as session:
        record_undo(session)
        stored = undo_rows.stored_values(session, record_type, what, record_id)
        _still_as_left(stored, reversal)
        values = {c.name: c.then for c in reversal.changes if c.name in stored}  # computed fields stay
        if record_type is MilestoneItem:  # dates changed back are in its date history too
            record_dates_written_back_in(ctx, session, record_id, values, reason)
        return undo_rows.write_back(ctx.now(), session, record_type, what, record_id, values)


def _still_as_left(stored: dict[str, object], reversal: EditReversal) -> None:
    """The record is as the edit left it: the same row version, and each changed field as the edit set it."""
    if stored["row_version"] != reversal.row_version:
        raise RuleError(CHANGED_SINCE, CHANGED_SINCE_HINT)
    for change in reversal.changes:
        if change.name in stored and stored[change.name] != change.now:
            raise RuleError(CHANGED_SINCE, CHANGED_SINCE_HINT)


# --- the log: void and reinstate ------------------------------------------------------------------


def void_log_entry(ctx: ServiceContext, entry_id: str, reason: str) -> LogEntryItem:
    """Void an entry written by mistake in the last minutes: it stays, marked voided with the reason."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": msg("Say why this entry is voided: the log keeps it, with your reason.")}
        )
    if len(reason) > VOID_REASON_MAX:
        raise ValidationError(
            {"reason": msg("Keep the reason under {count} characters.", count=VOID_REASON_MAX)}
        )
    with ctx.db.unit_of_work() as session:
        record_undo(session)
        entry = log_rows.live_log_entry(session, entry_id)
        problem = void_problem(entry.created_at, ctx.now(), entry.voided_at)
        if problem is not None:
            raise RuleError(problem)
        if entry.corrected_by_id is not None:
            raise RuleError(msg("This entry was corrected: void the correction instead."))
        voided_at = ctx.now()
        return log_rows.set_voided(ctx.now(), session, entry_id, voided_at, reason)


def reinstate_log_entry(ctx: ServiceContext, entry_id: str) -> LogEntryItem:
    """Redo of a void: the entry counts again (only within the minutes an entry may be voided)."""
    with ctx.db.unit_of_work() as session:
        record_undo(session)
        entry = log_rows.live_log_entry(session, entry_id)
        if entry.voided_at is None:
            raise RuleError(msg("This entry is not voided."))
        if void_problem(entry.created_at, ctx.now(), None) is not None:
            raise RuleError(msg("Only an entry written in the last 15 minutes can be brought back."))
        return log_rows.set_voided(ctx.now(), session, entry_id, None, "")
