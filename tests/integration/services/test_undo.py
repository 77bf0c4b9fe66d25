"""Undo and Redo as compensating changes: an edit reverted as a new audited edit, a recent log entry
voided with a reason (kept, never deleted) and reinstated; refused when the record changed since."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deliverydesk.domain.drafts import (
    ExpectationDraft,
    LogEntryDraft,
    MilestoneDraft,
    ScopeItemDraft,
    draft_from,
)
from deliverydesk.domain.enums import LogKind, ScopeStatus
from deliverydesk.domain.models import ExpectationItem
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.expectations import create_expectation, get_expectation, update_expectation
from deliverydesk.services.records.history import record_history
from deliverydesk.services.records.log import add_log_entry, correct_log_entry, list_log_entries
from deliverydesk.services.records.milestones import (
    create_milestone,
    get_milestone,
    list_milestone_changes,
    update_milestone,
)
from deliverydesk.services.records.scope import create_scope_item, get_scope_item, update_scope_item
from deliverydesk.services.records.undo import (
    forward_of,
    reinstate_log_entry,
    reversal_of,
    revert_edit,
    void_log_entry,
)
from deliverydesk.store.undo_rows import write_back
from tests.conftest import FIXED_NOW
from tests.integration.services.conftest import TODAY, Setup, day


def _scope(ctx: ServiceContext, setup: Setup) -> tuple[object, object]:
    before = create_scope_item(
        ctx, ScopeItemDraft(project_id=setup.project_id, title="Line 3", effort_hours=8)
    )
    after = update_scope_item(ctx, draft_from(ScopeItemDraft, before, title="Line 3 and 4", effort_hours=16))
    return before, after


def test_an_edit_is_undone_as_a_new_edit_and_redone(ctx: ServiceContext, setup: Setup) -> None:
    before, after = _scope(ctx, setup)
    reversal = reversal_of(before, after)  # type: ignore[arg-type]
    assert {c.name for c in reversal.changes} == {"title", "effort_hours"}
    version = revert_edit(ctx, reversal, reason="Undone")
    undone = get_scope_item(ctx, after.id)  # type: ignore[attr-defined]
    assert (undone.title, undone.effort_hours) == ("Line 3", 8)
    assert version == undone.row_version == after.row_version + 1  # type: ignore[attr-defined]
    revert_edit(ctx, forward_of(reversal, version), reason="Redone")
    redone = get_scope_item(ctx, after.id)  # type: ignore[attr-defined]
    assert (redone.title, redone.effort_hours) == ("Line 3 and 4", 16)
    events = record_history(ctx, after.id).events  # type: ignore[attr-defined]
    updates = [e for e in events if e.action == "update"]
    assert len(updates) == 3, "the edit, its undo and its redo are three audited edits; nothing erased"
    assert sum(1 for e in updates if e.actor.endswith("(undo)")) == 2


def test_undo_is_refused_when_the_record_changed_since(ctx: ServiceContext, setup: Setup) -> None:
    before, after = _scope(ctx, setup)
    update_scope_item(ctx, draft_from(ScopeItemDraft, after, status=ScopeStatus.IN_PROGRESS))  # someone else
    with pytest.raises(RuleError, match="changed after your edit"):
        revert_edit(ctx, reversal_of(before, after), reason="Undone")  # type: ignore[arg-type]
    assert get_scope_item(ctx, after.id).title == "Line 3 and 4"  # type: ignore[attr-defined]


def test_an_edit_is_undone_without_what_the_record_computes(ctx: ServiceContext, setup: Setup) -> None:
    """The contact's name is computed from the link: only the link is written back, and the name follows."""
    draft = ExpectationDraft(
        project_id=setup.project_id, statement="Scans in 2 s", agreed_with_id=setup.signer_id
    )
    before = create_expectation(ctx, draft)
    after = update_expectation(ctx, draft_from(ExpectationDraft, before, agreed_with_id=setup.coordinator_id))
    reversal = reversal_of(before, after)
    assert {c.name for c in reversal.changes} == {"agreed_with_id", "agreed_with_name"}
    revert_edit(ctx, reversal, reason="Undone")
    undone = get_expectation(ctx, after.id)
    assert (undone.agreed_with_id, undone.agreed_with_name) == (
        before.agreed_with_id,
        before.agreed_with_name,
    )
    assert before.agreed_with_name != after.agreed_with_name
    with ctx.db.unit_of_work() as session, pytest.raises(ValueError, match="agreed_with_name"):
        write_back(ctx.now(), session, ExpectationItem, "expectation", after.id, {"agreed_with_name": "X"})


def test_undoing_a_milestone_date_keeps_its_date_history(ctx: ServiceContext, setup: Setup) -> None:
    before = create_milestone(
        ctx, MilestoneDraft(project_id=setup.project_id, name="SAT", baseline_date=day(10))
    )
    after = update_milestone(
        ctx, draft_from(MilestoneDraft, before, forecast_date=day(24)), reason="Waiting on the network"
    )
    revert_edit(ctx, reversal_of(before, after), reason="Undone")
    assert get_milestone(ctx, before.id).forecast_date is None
    changes = list_milestone_changes(ctx, before.id)
    assert {(c.old_date, c.new_date, c.reason) for c in changes} == {  # same clock tick: compared as a set
        (None, day(24), "Waiting on the network"),
        (day(24), None, "Undone"),
    }


def _entry(ctx: ServiceContext, setup: Setup, summary: str = "Called Li Na about the scanners") -> str:
    draft = LogEntryDraft(
        project_id=setup.project_id, occurred_at=FIXED_NOW, kind=LogKind.CALL, summary=summary
    )
    return add_log_entry(ctx, draft).id


def test_a_recent_entry_is_voided_with_a_reason_and_kept(ctx: ServiceContext, setup: Setup) -> None:
    entry_id = _entry(ctx, setup)
    voided = void_log_entry(ctx, entry_id, "Typed in the wrong project")
    assert voided.voided and voided.void_reason == "Typed in the wrong project"
    page = list_log_entries(ctx, setup.project_id)
    assert [e.id for e in page.rows] == [entry_id], "voided, never deleted: the log still shows it"
    assert page.rows[0].voided
    reinstated = reinstate_log_entry(ctx, entry_id)
    assert not reinstated.voided and reinstated.void_reason == ""
    actions = [(e.action, e.actor) for e in record_history(ctx, entry_id).events]  # newest first
    assert [a for a, _actor in actions] == ["update", "update", "create"]
    assert all(actor.endswith("(undo)") for _a, actor in actions[:2])


def test_voiding_needs_a_reason_and_a_recent_entry(ctx: ServiceContext, setup: Setup, migrated_db) -> None:
    entry_id = _entry(ctx, setup)
    with pytest.raises(ValidationError):
        void_log_entry(ctx, entry_id, "  ")
    later = ServiceContext(db=migrated_db, clock=lambda: FIXED_NOW + timedelta(minutes=16))
    with pytest.raises(RuleError, match="15 minutes"):
        void_log_entry(later, entry_id, "Too late")
    assert not list_log_entries(ctx, setup.project_id).rows[0].voided


def test_a_corrected_entry_is_not_voided_its_correction_is(ctx: ServiceContext, setup: Setup) -> None:
    entry_id = _entry(ctx, setup)
    draft = LogEntryDraft(
        project_id=setup.project_id, occurred_at=FIXED_NOW, summary="Called Li Na (scanners)"
    )
    correction = correct_log_entry(ctx, entry_id, draft)
    with pytest.raises(RuleError, match="void the correction"):
        void_log_entry(ctx, entry_id, "mistake")
    assert void_log_entry(ctx, correction.id, "mistake").voided


def test_a_voided_entry_is_voided_once(ctx: ServiceContext, setup: Setup) -> None:
    entry_id = _entry(ctx, setup)
    void_log_entry(ctx, entry_id, "mistake")
    with pytest.raises(RuleError, match="already voided"):
        void_log_entry(ctx, entry_id, "again")
    assert TODAY  # the fixed clock's day
