"""Commitments register: record, due on Home, closed with a note, gone; the written-confirmation queue."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from deliverydesk.domain.attention import AttentionKind
from deliverydesk.domain.drafts import CommitmentDraft, LogEntryDraft
from deliverydesk.domain.enums import LetterKind, LetterStatus, LogKind, OwnerSide
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.services.attention import get_attention
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.demo.build import create_demo
from deliverydesk.services.records.commitments import (
    archive_commitment,
    close_commitment,
    confirm_in_writing,
    get_commitment,
    list_commitments,
    record_commitment,
    reopen_commitment,
    restore_commitment,
    update_commitment,
)
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.records.projects import get_project_by_code
from deliverydesk.store.tables import LetterRow
from tests.conftest import FIXED_NOW
from tests.integration.services.conftest import Setup, day, make_client, make_project

HOSTILE = "<b>x</b> & '; DROP TABLE commitment; -- 承诺事项 𠮷 ✗ RTL"


def _entry(ctx: ServiceContext, project_id: str, kind: LogKind = LogKind.MEETING) -> str:
    draft = LogEntryDraft(project_id=project_id, occurred_at=FIXED_NOW, summary=f"{kind} entry", kind=kind)
    return add_log_entry(ctx, draft).id


def _draft(setup: Setup, due_in: int = 1, **changes: object) -> CommitmentDraft:
    values: dict[str, object] = {
        "project_id": setup.project_id,
        "description": "Send the network plan",
        "due_date": day(due_in),
        "owner_side": OwnerSide.CLIENT,
        "owner_name": "王建国",
        "owed_to": "Site team",
    }
    values.update(changes)
    return CommitmentDraft(**values)  # type: ignore[arg-type]


def _on_home(ctx: ServiceContext, kind: AttentionKind) -> list[str | None]:
    return [item.record_id for item in get_attention(ctx).of_kind(kind)]


def test_lifecycle_record_due_on_home_close_with_note_gone(ctx: ServiceContext, setup: Setup) -> None:
    entry = _entry(ctx, setup.project_id)
    commitment = record_commitment(ctx, _draft(setup, log_entry_id=entry))
    assert commitment.is_open and commitment.log_entry_id == entry

    home = get_attention(ctx).of_kind(AttentionKind.COMMITMENT_DUE)
    assert [(i.record_id, i.ref, i.owner_side, i.due) for i in home] == [
        (commitment.id, "王建国", OwnerSide.CLIENT, day(1))
    ]

    met = _entry(ctx, setup.project_id, LogKind.EMAIL)
    closed = close_commitment(ctx, commitment.id, day(0), "  Plan received  ", log_entry_id=met)
    assert (closed.closed_on, closed.closed_note, closed.closed_log_entry_id) == (
        day(0),
        "Plan received",
        met,
    )
    assert not closed.is_open
    assert _on_home(ctx, AttentionKind.COMMITMENT_DUE) == []
    with pytest.raises(RuleError, match="already closed"):
        close_commitment(ctx, commitment.id, day(0), "again")

    reopened = reopen_commitment(ctx, commitment.id)
    assert (reopened.closed_on, reopened.closed_note, reopened.closed_log_entry_id) == (None, "", None)
    assert _on_home(ctx, AttentionKind.COMMITMENT_DUE) == [commitment.id]


def test_home_shows_overdue_first_and_only_what_falls_due_soon(ctx: ServiceContext, setup: Setup) -> None:
    later = record_commitment(ctx, _draft(setup, due_in=3, owner_side=OwnerSide.VENDOR))
    overdue = record_commitment(ctx, _draft(setup, due_in=-2))
    record_commitment(ctx, _draft(setup, due_in=4))  # beyond the look-ahead
    items = get_attention(ctx).of_kind(AttentionKind.COMMITMENT_DUE)
    assert [(i.record_id, i.days_late) for i in items] == [(overdue.id, 2), (later.id, 0)]


def test_archived_commitments_and_closed_projects_leave_home(ctx: ServiceContext, setup: Setup) -> None:
    commitment = record_commitment(ctx, _draft(setup, confirm_in_writing=True))
    archive_commitment(ctx, commitment.id)
    assert (
        _on_home(ctx, AttentionKind.COMMITMENT_DUE) == _on_home(ctx, AttentionKind.CONFIRM_IN_WRITING) == []
    )
    with pytest.raises(RuleError, match="archived"):
        close_commitment(ctx, commitment.id, day(0), "done")
    restore_commitment(ctx, commitment.id)
    assert _on_home(ctx, AttentionKind.CONFIRM_IN_WRITING) == [commitment.id]
    assert list_commitments(ctx, setup.project_id).total == 1


def test_verbal_commitment_stays_queued_until_an_email_entry_is_linked(
    ctx: ServiceContext, setup: Setup
) -> None:
    commitment = record_commitment(ctx, _draft(setup, due_in=30, confirm_in_writing=True))
    assert commitment.awaiting_confirmation
    assert _on_home(ctx, AttentionKind.CONFIRM_IN_WRITING) == [commitment.id]
    assert _on_home(ctx, AttentionKind.COMMITMENT_DUE) == []  # not due for a month

    call = _entry(ctx, setup.project_id, LogKind.CALL)
    with pytest.raises(ValidationError) as refused:
        confirm_in_writing(ctx, commitment.id, log_entry_id=call)
    assert "not an email" in str(refused.value.fields["confirmation_log_entry_id"])
    assert get_commitment(ctx, commitment.id).awaiting_confirmation  # nothing was changed

    email = _entry(ctx, setup.project_id, LogKind.EMAIL)
    confirmed = confirm_in_writing(ctx, commitment.id, log_entry_id=email)
    assert confirmed.confirmation_log_entry_id == email and not confirmed.awaiting_confirmation
    assert _on_home(ctx, AttentionKind.CONFIRM_IN_WRITING) == []


def _letter(ctx: ServiceContext, project_id: str, status: LetterStatus) -> str:
    with ctx.db.unit_of_work() as session:
        row = LetterRow(
            project_id=project_id, kind=LetterKind.PROGRESS_SUMMARY, ref=f"PS-{status}", status=status
        )
        session.add(row)
        session.flush()
        return row.id


def test_an_issued_letter_confirms_a_draft_does_not(ctx: ServiceContext, setup: Setup) -> None:
    commitment = record_commitment(ctx, _draft(setup, confirm_in_writing=True))
    draft_letter = _letter(ctx, setup.project_id, LetterStatus.DRAFT)
    with pytest.raises(ValidationError, match="not been issued"):
        confirm_in_writing(ctx, commitment.id, letter_id=draft_letter)
    with pytest.raises(RuleError, match="Link one written confirmation"):
        confirm_in_writing(ctx, commitment.id)
    issued = _letter(ctx, setup.project_id, LetterStatus.ISSUED)
    assert confirm_in_writing(ctx, commitment.id, letter_id=issued).confirmation_letter_id == issued


def test_links_must_stay_in_the_project(ctx: ServiceContext, setup: Setup) -> None:
    other_project = make_project(ctx, make_client(ctx, "Other client")[0], code="DD-2026-099")
    foreign_entry = _entry(ctx, other_project, LogKind.EMAIL)
    with pytest.raises(ValidationError) as refused:
        record_commitment(ctx, _draft(setup, log_entry_id=foreign_entry))
    assert "log_entry_id" in refused.value.fields
    commitment = record_commitment(ctx, _draft(setup, confirm_in_writing=True))
    with pytest.raises(ValidationError):
        confirm_in_writing(ctx, commitment.id, log_entry_id=foreign_entry)
    with pytest.raises(ValidationError):
        close_commitment(ctx, commitment.id, day(0), "", log_entry_id=foreign_entry)


def test_validation_names_every_wrong_field(ctx: ServiceContext, setup: Setup) -> None:
    with pytest.raises(ValidationError) as refused:
        record_commitment(ctx, _draft(setup, description="  ", due_date=day(0).replace(year=2206)))
    assert set(refused.value.fields) == {"description", "due_date"}
    commitment = record_commitment(ctx, _draft(setup))
    with pytest.raises(ValidationError) as closing:
        close_commitment(ctx, commitment.id, day(1), " ")
    assert set(closing.value.fields) == {"closed_note", "closed_on"}  # no note, and in the future


def test_hostile_text_is_stored_literally_and_edits_keep_the_project(
    ctx: ServiceContext, setup: Setup
) -> None:
    commitment = record_commitment(ctx, _draft(setup, description=HOSTILE, owner_name=HOSTILE[:50]))
    assert get_commitment(ctx, commitment.id).description == HOSTILE
    draft = replace(_draft(setup, description="Revised"), id=commitment.id, due_date=day(7))
    updated = update_commitment(ctx, draft)
    assert (updated.description, updated.due_date, updated.owner_name) == ("Revised", day(7), "王建国")


def test_listing_open_only_pages_soonest_first(ctx: ServiceContext, setup: Setup) -> None:
    ids = [record_commitment(ctx, _draft(setup, due_in=n)).id for n in (5, 1, 3)]
    close_commitment(ctx, ids[1], day(0) - timedelta(days=1), "done")
    page = list_commitments(ctx, setup.project_id, open_only=True, limit=1)
    assert (page.total, [c.id for c in page.rows], page.has_more) == (2, [ids[2]], True)
    assert [c.id for c in list_commitments(ctx, setup.project_id).rows] == [ids[1], ids[2], ids[0]]


def test_the_demo_shows_commitments_of_both_sides_on_home(ctx: ServiceContext) -> None:
    create_demo(ctx)
    showcase = get_project_by_code(ctx, "DD-2026-014")
    register = list_commitments(ctx, showcase.id).rows
    assert {c.owner_side for c in register} == {OwnerSide.VENDOR, OwnerSide.CLIENT}
    assert any(c.closed_on and c.closed_note and c.closed_log_entry_id for c in register)
    assert all(c.log_entry_id for c in register)
    report = get_attention(ctx)
    due = report.of_kind(AttentionKind.COMMITMENT_DUE)
    assert [i.owner_side for i in due] == [OwnerSide.VENDOR, OwnerSide.CLIENT]  # overdue first
    assert (due[0].days_late or 0) > 0
    assert [i.ref for i in report.of_kind(AttentionKind.CONFIRM_IN_WRITING)] == ["李娜"]


def test_a_verbal_commitment_from_call_to_written_confirmation_to_met(
    ctx: ServiceContext, setup: Setup
) -> None:
    """The whole path: said on a call, queued until confirmed by email, due on Home, closed with the
    log entry that shows it was met; reopening keeps the written confirmation."""
    call = _entry(ctx, setup.project_id, LogKind.CALL)
    commitment = record_commitment(ctx, _draft(setup, due_in=1, log_entry_id=call, confirm_in_writing=True))
    assert _on_home(ctx, AttentionKind.CONFIRM_IN_WRITING) == [commitment.id]
    assert _on_home(ctx, AttentionKind.COMMITMENT_DUE) == [commitment.id]
    email = _entry(ctx, setup.project_id, LogKind.EMAIL)
    confirm_in_writing(ctx, commitment.id, log_entry_id=email)
    assert _on_home(ctx, AttentionKind.CONFIRM_IN_WRITING) == []
    delivered = _entry(ctx, setup.project_id, LogKind.SITE_VISIT)
    closed = close_commitment(ctx, commitment.id, day(0), "", log_entry_id=delivered)
    assert (closed.closed_log_entry_id, closed.closed_note, closed.is_open) == (delivered, "", False)
    assert _on_home(ctx, AttentionKind.COMMITMENT_DUE) == []
    reopened = reopen_commitment(ctx, commitment.id)
    assert reopened.is_open and reopened.confirmation_log_entry_id == email
    assert _on_home(ctx, AttentionKind.CONFIRM_IN_WRITING) == []
