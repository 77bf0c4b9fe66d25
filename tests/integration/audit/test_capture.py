"""Every change to a record becomes an audit event, in the same transaction, with old and new values."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deliverydesk.domain.audit import AuditAction, FieldChange
from deliverydesk.domain.enums import ExpectationStatus
from deliverydesk.domain.models import ExpectationItem
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.clients import list_contacts
from deliverydesk.services.records.expectations import (
    archive_expectation,
    restore_expectation,
    update_expectation,
)
from deliverydesk.services.records.history import record_history
from deliverydesk.services.records.projects import get_project
from deliverydesk.store.audit import login_name, verify_trail
from deliverydesk.store.tables import ExpectationRow, SettingsRow
from tests.conftest import FIXED_NOW
from tests.integration.audit.conftest import ENGINEER, draft_of, name_engineer

HOSTILE = "<b>x</b> & '; DROP TABLE audit_event; -- 里程碑 𠮷 ✓ RTL"


def changes(
    ctx: ServiceContext, record_id: str
) -> list[tuple[AuditAction | str, dict[str, tuple[object, object]]]]:
    history = record_history(ctx, record_id)
    return [(e.action, {c.field: (c.before, c.after) for c in e.changes}) for e in history.events]


def test_create_update_archive_restore_give_events_with_old_and_new_values(
    ctx: ServiceContext, expectation: ExpectationItem
) -> None:
    update_expectation(ctx, draft_of(expectation, statement=HOSTILE, status=ExpectationStatus.CONFIRMED))
    archive_expectation(ctx, expectation.id)
    restore_expectation(ctx, expectation.id)

    found = changes(ctx, expectation.id)

    assert [action for action, _ in found] == ["restore", "archive", "update", "create"]  # newest first
    restored, archived, updated, created = (fields for _, fields in found)
    assert created["statement"] == (None, "Line runs 3 shifts")
    assert created["ref"] == (None, "E-1") and created["status"] == (None, "draft")
    assert "updated_at" not in created and "created_at" not in created and "id" not in created
    assert updated == {"statement": ("Line runs 3 shifts", HOSTILE), "status": ("draft", "confirmed")}
    assert archived == {"archived_at": (None, FIXED_NOW.isoformat())}
    assert restored == {"archived_at": (FIXED_NOW.isoformat(), None)}


def test_events_say_who_and_when(ctx: ServiceContext, expectation: ExpectationItem) -> None:
    history = record_history(ctx, expectation.id)
    (event,) = history.events
    assert (event.actor, event.occurred_at, event.entity) == (ENGINEER, FIXED_NOW, "expectation")
    assert history.trail_started_at is not None  # the baseline of the new file's seeded records


def test_the_actor_follows_the_engineer_in_settings(
    ctx: ServiceContext, expectation: ExpectationItem
) -> None:
    name_engineer(ctx, "李娜")
    update_expectation(ctx, draft_of(expectation, measure="OEE report"))
    name_engineer(ctx, "")
    update_expectation(ctx, draft_of(expectation, measure="OEE report, weekly"))

    actors = [e.actor for e in record_history(ctx, expectation.id).events]

    assert actors == [login_name(), "李娜", ENGINEER]


def test_a_change_of_timestamps_only_writes_no_event(
    ctx: ServiceContext, expectation: ExpectationItem
) -> None:
    with ctx.db.unit_of_work() as session:
        row = session.get(ExpectationRow, expectation.id)
        assert row is not None
        row.updated_at = FIXED_NOW + timedelta(days=1)
    update_expectation(ctx, draft_of(expectation))  # saved unchanged

    assert [e.action for e in record_history(ctx, expectation.id).events] == [AuditAction.CREATE]


def test_a_rolled_back_change_leaves_no_event(ctx: ServiceContext, expectation: ExpectationItem) -> None:
    with pytest.raises(RuntimeError), ctx.db.unit_of_work() as session:
        row = session.get(ExpectationRow, expectation.id)
        assert row is not None
        row.statement = "never saved"
        session.flush()  # the event is written here...
        raise RuntimeError("...and rolled back with the change")

    assert len(record_history(ctx, expectation.id).events) == 1
    with ctx.db.engine.connect() as connection:
        assert verify_trail(connection).ok


def test_file_contents_are_kept_as_their_digest(ctx: ServiceContext, project_id: str) -> None:
    with ctx.db.unit_of_work() as session:
        row = session.query(SettingsRow).one()
        row.logo_png = b"\x89PNG fake logo"
        settings_id = row.id

    (event, *_older) = record_history(ctx, settings_id).events

    (logo,) = [c for c in event.changes if c.field == "logo_png"]
    assert logo == FieldChange("logo_png", None, {"sha256": logo.after["sha256"], "size": 14})  # type: ignore[index]
    assert len(logo.after["sha256"]) == 64  # type: ignore[index]


def test_every_flush_extends_one_unbroken_chain(ctx: ServiceContext, expectation: ExpectationItem) -> None:
    for n in range(3):
        update_expectation(ctx, draft_of(expectation, measure=f"check {n}"))
    with ctx.db.engine.connect() as connection:
        report = verify_trail(connection)
    assert report.ok
    assert report.events >= 4 + 4  # settings, client, 2 contacts, project, the expectation and its edits


def test_history_names_the_records_its_links_point_at(
    ctx: ServiceContext, expectation: ExpectationItem
) -> None:
    project = get_project(ctx, expectation.project_id)
    signer = next(c for c in list_contacts(ctx, project.client_id).rows if c.can_sign)
    update_expectation(ctx, draft_of(expectation, agreed_with_id=signer.id))

    history = record_history(ctx, expectation.id)

    (change,) = history.events[0].changes
    assert change == FieldChange("agreed_with_id", None, signer.id)
    assert history.links[signer.id] == "王建国"
    assert history.links[expectation.project_id] == project.code  # from the creation event


def test_the_old_value_is_kept_when_the_record_was_not_loaded(
    ctx: ServiceContext, expectation: ExpectationItem
) -> None:
    with ctx.db.unit_of_work() as session:
        row = session.get(ExpectationRow, expectation.id)
        assert row is not None
        session.expire(row)  # nothing loaded: the attribute history alone has no "before"
        row.statement = "Line runs 2 shifts"

    (newest, _created) = record_history(ctx, expectation.id).events

    assert newest.changes == (FieldChange("statement", "Line runs 3 shifts", "Line runs 2 shifts"),)


def test_the_history_does_not_start_after_the_events_it_shows(
    ctx: ServiceContext, expectation: ExpectationItem
) -> None:
    """The seeded records' baseline is written when the file is made, on the real clock; this event
    was recorded at the fixed FIXED_NOW, months earlier (as the demo's are): the note says the
    history starts then, not on the day the file was made."""
    (event,) = record_history(ctx, expectation.id).events
    assert event.occurred_at == FIXED_NOW
    assert record_history(ctx, expectation.id).trail_started_at == FIXED_NOW
