"""Changes to project records beyond saving a draft: closing, reopening and confirming commitments,
completing and reopening follow-up actions, and which documents a training handed over. The rules
that decide whether a change may happen are checked here on the row, in the caller's unit of work;
each function returns the record as the domain's item."""

from __future__ import annotations

from datetime import date, datetime

from deliverydesk.domain.commitments import check_written_confirmation
from deliverydesk.domain.drafts import HandoverEntryDraft
from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.models import CommitmentItem, HandoverEntry, ReviewActionItem
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.store import kinds
from deliverydesk.store.project_tables import COMMITMENTS, HANDOVER_ENTRIES, MAX_ROWS, REVIEW_ACTIONS
from deliverydesk.store.record_rows import (
    check_same_project,
    find_row,
    get_editable,
    live_project,
    save_changes,
)
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import CommitmentRow, HandoverItemRow, ReviewActionRow


# --- commitments ---------------------------------------------------------------------------------
def _changeable_commitment(session: Session, commitment_id: str) -> CommitmentRow:
    """The commitment to change; neither it nor its project archived."""
    row = get_editable(session, kinds.COMMITMENT, commitment_id)
    live_project(session, row.project_id)
    return row


def close_commitment(
    now: datetime, session: Session, commitment_id: str, closed_on: date, note: str, log_entry_id: str | None
) -> CommitmentItem:
    row = _changeable_commitment(session, commitment_id)
    if row.closed_on is not None:
        raise RuleError(msg("This commitment is already closed."), msg("Reopen it first to close it again."))
    check_same_project(session, "closed_log_entry_id", kinds.LOG_ENTRY, log_entry_id, row.project_id)
    row.closed_on, row.closed_note, row.closed_log_entry_id = closed_on, note, log_entry_id
    save_changes(now, session, row)
    return COMMITMENTS.item(session, row)


def reopen_commitment(now: datetime, session: Session, commitment_id: str) -> CommitmentItem:
    row = _changeable_commitment(session, commitment_id)
    if row.closed_on is None:
        raise RuleError(msg("This commitment is still open."))
    row.closed_on, row.closed_note, row.closed_log_entry_id = None, "", None
    save_changes(now, session, row)
    return COMMITMENTS.item(session, row)


def confirm_in_writing(
    now: datetime, session: Session, commitment_id: str, log_entry_id: str | None, letter_id: str | None
) -> CommitmentItem:
    row = _changeable_commitment(session, commitment_id)
    check_same_project(session, "confirmation_log_entry_id", kinds.LOG_ENTRY, log_entry_id, row.project_id)
    check_same_project(session, "confirmation_letter_id", kinds.LETTER, letter_id, row.project_id)
    entry = find_row(session, kinds.LOG_ENTRY, log_entry_id)
    letter = find_row(session, kinds.LETTER, letter_id)
    check_written_confirmation(
        entry.kind if entry else None,
        letter.status if letter else None,
        given=(log_entry_id is not None) + (letter_id is not None),
    )
    row.confirmation_log_entry_id, row.confirmation_letter_id = log_entry_id, letter_id
    save_changes(now, session, row)
    return COMMITMENTS.item(session, row)


# --- follow-up actions ---------------------------------------------------------------------------
def _changeable_action(session: Session, action_id: str) -> ReviewActionRow:
    """The action to change; neither it nor its project archived."""
    row = get_editable(session, kinds.REVIEW_ACTION, action_id)
    live_project(session, row.project_id)
    return row


def complete_review_action(
    now: datetime, session: Session, action_id: str, done_on: date, outcome: str
) -> ReviewActionItem:
    row = _changeable_action(session, action_id)
    if row.done_on is not None:
        raise RuleError(
            msg("This follow-up action is already done."), msg("Reopen it first to complete it again.")
        )
    row.done_on, row.outcome = done_on, outcome
    save_changes(now, session, row)
    return REVIEW_ACTIONS.item(session, row)


def reopen_review_action(now: datetime, session: Session, action_id: str) -> ReviewActionItem:
    row = _changeable_action(session, action_id)
    if row.done_on is None:
        raise RuleError(msg("This follow-up action is still open."))
    row.done_on, row.outcome = None, ""
    save_changes(now, session, row)
    return REVIEW_ACTIONS.item(session, row)


# --- handover entries ----------------------------------------------------------------------------
def save_handover_entry(
    now: datetime, session: Session, draft: HandoverEntryDraft, material_ids: set[str] | None
) -> HandoverEntry:
    """Insert (``id`` None) or save a validated entry; for a training, ``material_ids`` (when given) are
    the documents handed over for it. An entry that is not a training lets its documents go."""
    live_project(session, draft.project_id)  # an archived project is named first, as before
    if draft.id is None:
        row = HANDOVER_ENTRIES.add(now, session, draft)
    else:
        row = HANDOVER_ENTRIES.change(now, session, draft.id, draft)
    if row.kind is HandoverKind.TRAINING and material_ids is not None:
        _link_material(now, session, row, material_ids)
    elif row.kind is not HandoverKind.TRAINING:
        _link_material(now, session, row, set())  # no longer a training: its documents are let go
    return HANDOVER_ENTRIES.item(session, row)


def _link_material(now: datetime, session: Session, training: HandoverItemRow, chosen: set[str]) -> None:
    documents, _ = list_rows(
        session,
        HandoverItemRow,
        where={"project_id": training.project_id, "kind": HandoverKind.DOCUMENT},
        include_archived=True,
        limit=MAX_ROWS,
    )
    known = {d.id for d in documents}
    if chosen - known:
        raise ValidationError({"material_ids": msg("Choose documents handed over in this project.")})
    for document in documents:
        linked = document.id in chosen
        if linked and document.training_id != training.id:
            document.training_id = training.id
        elif not linked and document.training_id == training.id:
            document.training_id = None
        else:
            continue
        save_changes(now, session, document)
