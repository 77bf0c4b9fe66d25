"""Commitments register: pure rules for recording, closing and confirming a commitment in writing.

A commitment is open until it is closed with a note on how it was met. A verbal one flagged
"confirm in writing" stays on a queue until a written confirmation is linked: an email log entry or
an issued letter (a draft letter was never sent, so it confirms nothing)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from deliverydesk.domain.drafts import CommitmentDraft
from deliverydesk.domain.enums import LetterStatus, LogKind, OwnerSide
from deliverydesk.domain.validation import Checker
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg

DESCRIPTION_MAX = 2000
WRITTEN_LOG_KINDS = frozenset({LogKind.EMAIL})
WRITTEN_LETTER_STATUSES = frozenset({LetterStatus.ISSUED, LetterStatus.SIGNED, LetterStatus.SUPERSEDED})


def validate_commitment(draft: CommitmentDraft) -> CommitmentDraft:
    """Description and due date required (the date within 2000-2099); the owner side a known one."""
    check = Checker()
    check.long_text("description", draft.description, required=True, limit=DESCRIPTION_MAX)
    owner_name = check.text("owner_name", draft.owner_name)
    owed_to = check.text("owed_to", draft.owed_to)
    if not isinstance(draft.due_date, date):
        check.fail("due_date", msg("Give the date it is due."))
    else:
        check.in_range("due_date", draft.due_date)
    if draft.owner_side not in tuple(OwnerSide):
        check.fail("owner_side", msg("Say which side owes it: vendor or client."))
    check.done()
    return replace(
        draft,
        description=draft.description.strip(),
        owner_name=owner_name,
        owed_to=owed_to,
        owner_side=OwnerSide(draft.owner_side),
    )


def validate_closing(closed_on: date, note: str, today: date, *, has_log_entry: bool) -> str:
    """The closing note (stripped): how it was met, in words or by a linked log entry."""
    check = Checker()
    note = note.strip()
    check.long_text("closed_note", note, limit=DESCRIPTION_MAX)
    if not note and not has_log_entry:
        check.fail("closed_note", msg("Say how it was met, or link the log entry that shows it."))
    check.in_range("closed_on", closed_on)
    check.not_future("closed_on", closed_on, today)
    check.done()
    return note


def check_written_confirmation(
    log_kind: LogKind | None, letter_status: LetterStatus | None, *, given: int
) -> None:
    """Exactly one written record: an email log entry, or a letter that was issued."""
    if given != 1:
        raise RuleError(msg("Link one written confirmation: an email log entry or a letter."))
    if log_kind is not None and log_kind not in WRITTEN_LOG_KINDS:
        raise ValidationError(
            {
                "confirmation_log_entry_id": msg(
                    "This entry is not an email: only an email confirms in writing."
                )
            }
        )
    if letter_status is not None and letter_status not in WRITTEN_LETTER_STATUSES:
        raise ValidationError(
            {"confirmation_letter_id": msg("This letter has not been issued yet, so it confirms nothing.")}
        )
