"""Commitment rules: what a commitment needs, how it closes, what counts as written confirmation."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.domain.commitments import (
    check_written_confirmation,
    validate_closing,
    validate_commitment,
)
from deliverydesk.domain.drafts import CommitmentDraft
from deliverydesk.domain.enums import LetterStatus, LogKind, OwnerSide
from deliverydesk.errors import RuleError, ValidationError

TODAY = date(2026, 3, 16)


def _draft(**changes: object) -> CommitmentDraft:
    values: dict[str, object] = {"project_id": "p", "description": " Send the plan ", "due_date": TODAY}
    values.update(changes)
    return CommitmentDraft(**values)  # type: ignore[arg-type]


def test_a_commitment_is_normalised() -> None:
    draft = validate_commitment(_draft(owner_name=" 王芳 ", owner_side="client"))
    assert (draft.description, draft.owner_name, draft.owner_side) == (
        "Send the plan",
        "王芳",
        OwnerSide.CLIENT,
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": " "}, "description"),
        ({"description": "x" * 2001}, "description"),
        ({"due_date": date(2206, 1, 1)}, "due_date"),
        ({"due_date": date(1999, 12, 31)}, "due_date"),
        ({"due_date": None}, "due_date"),
        ({"owner_side": "both"}, "owner_side"),
        ({"owed_to": "x" * 201}, "owed_to"),
    ],
)
def test_a_wrong_field_is_named(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_commitment(_draft(**changes))
    assert set(refused.value.fields) == {field}


def test_closing_needs_a_note_or_a_log_entry_and_no_future_date() -> None:
    assert validate_closing(TODAY, " by email ", TODAY, has_log_entry=False) == "by email"
    assert validate_closing(TODAY, "", TODAY, has_log_entry=True) == ""
    with pytest.raises(ValidationError) as refused:
        validate_closing(date(2026, 3, 17), "", TODAY, has_log_entry=False)
    assert set(refused.value.fields) == {"closed_note", "closed_on"}


def test_only_an_email_or_an_issued_letter_confirms_in_writing() -> None:
    check_written_confirmation(LogKind.EMAIL, None, given=1)
    check_written_confirmation(None, LetterStatus.SIGNED, given=1)
    with pytest.raises(ValidationError):
        check_written_confirmation(LogKind.CALL, None, given=1)
    with pytest.raises(ValidationError):
        check_written_confirmation(None, LetterStatus.DRAFT, given=1)
    for given in (0, 2):
        with pytest.raises(RuleError):
            check_written_confirmation(LogKind.EMAIL, LetterStatus.ISSUED, given=given)
