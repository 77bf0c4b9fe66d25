"""The append-only log, content-addressed attachments, the settings record."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from deliverydesk.domain.drafts import AttachmentDraft, ChangeRequestDraft, LogEntryDraft, SettingsDraft
from deliverydesk.domain.enums import Language, LogKind
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import attachments, log, settings
from deliverydesk.services.scope_guard import change_requests
from deliverydesk.store.tables import BlobRow, LogEntryRow
from tests.conftest import FIXED_NOW
from tests.integration.attachments.conftest import tiny_png
from tests.integration.services.conftest import Setup, day, make_project


def raw_row(ctx: ServiceContext, entry_id: str) -> dict[str, Any]:
    """Every stored column of a log entry, read straight from the table."""
    with ctx.db.unit_of_work() as session:
        row = session.get(LogEntryRow, entry_id)
        assert row is not None
        return {c.name: getattr(row, c.name) for c in LogEntryRow.__table__.columns}


def entry(setup: Setup, hours_ago: int, summary: str) -> LogEntryDraft:
    return LogEntryDraft(
        project_id=setup.project_id,
        occurred_at=FIXED_NOW - timedelta(hours=hours_ago),
        kind=LogKind.CALL,
        participants="李娜, 张浩",
        summary=summary,
    )


def test_log_lists_newest_first_with_paging(ctx: ServiceContext, setup: Setup) -> None:
    for hours in (50, 2, 26):
        log.add_log_entry(ctx, entry(setup, hours, f"{hours} hours ago"))
    page = log.list_log_entries(ctx, setup.project_id, offset=0, limit=2)
    assert [e.summary for e in page.rows] == ["2 hours ago", "26 hours ago"] and page.total == 3
    assert [e.summary for e in log.list_log_entries(ctx, setup.project_id, offset=2, limit=2).rows] == [
        "50 hours ago"
    ]


def test_correction_is_a_new_entry_and_the_original_never_changes(
    ticking_ctx: ServiceContext, setup: Setup
) -> None:
    ctx = ticking_ctx
    original = log.add_log_entry(ctx, entry(setup, 3, "客户预计下周三完成清洗"))
    before = raw_row(ctx, original.id)
    fixed = log.correct_log_entry(ctx, original.id, entry(setup, 3, "客户预计下周五完成清洗(更正)"))
    assert raw_row(ctx, original.id) == before
    assert fixed.correction_of_id == original.id and fixed.id != original.id
    assert log.get_log_entry(ctx, original.id).corrected_by_id == fixed.id
    assert log.list_log_entries(ctx, setup.project_id).total == 2
    with pytest.raises(RuleError, match="already corrected"):
        log.correct_log_entry(ctx, original.id, entry(setup, 3, "again"))
    second = log.correct_log_entry(ctx, fixed.id, entry(setup, 3, "周五下午"))
    assert log.get_log_entry(ctx, fixed.id).corrected_by_id == second.id
    assert raw_row(ctx, original.id) == before


def test_log_has_no_edit_or_archive() -> None:
    assert not any(name.startswith(("update_", "archive_", "delete_")) for name in dir(log))


def test_log_entry_rules(ctx: ServiceContext, setup: Setup) -> None:
    with pytest.raises(ValidationError) as raised:
        log.add_log_entry(ctx, replace(entry(setup, 0, ""), occurred_at=FIXED_NOW + timedelta(days=2)))
    assert set(raised.value.fields) == {"summary", "occurred_at"}
    other = make_project(ctx, setup.client_id, "DD-2026-015")
    foreign = change_requests.create_change_request(
        ctx, ChangeRequestDraft(project_id=other, title="x", requested_on=day(0))
    )
    with pytest.raises(ValidationError):
        log.add_log_entry(ctx, replace(entry(setup, 1, "x"), change_request_id=foreign.id))
    with pytest.raises(RuleError):
        log.correct_log_entry(
            ctx,
            log.add_log_entry(ctx, entry(setup, 1, "x")).id,
            replace(entry(setup, 1, "y"), project_id=other),
        )


def test_hostile_text_is_stored_literally(ctx: ServiceContext, setup: Setup) -> None:
    hostile = "<script>alert(1)</script> '; DROP TABLE log_entry; -- 𠮷 ✓ RTL " + "长" * 10_000
    saved = log.add_log_entry(ctx, replace(entry(setup, 1, "hostile"), details=hostile))
    assert log.get_log_entry(ctx, saved.id).details == hostile


def blob_count(ctx: ServiceContext) -> int:
    with ctx.db.unit_of_work() as session:
        return len(session.query(BlobRow).all())


def test_attachments_are_stored_once_per_content(ctx: ServiceContext, setup: Setup) -> None:
    data = tiny_png()
    first = attachments.add_attachment(
        ctx,
        AttachmentDraft(
            project_id=setup.project_id, filename="现场照片.png", media_type="image/png", data=data
        ),
    )
    second = attachments.add_attachment(
        ctx, AttachmentDraft(project_id=setup.project_id, filename="copy.png", data=data)
    )
    assert first.sha256 == second.sha256 and first.size == len(data) and blob_count(ctx) == 1
    assert attachments.read_attachment(ctx, second.id) == data
    assert attachments.get_attachment(ctx, first.id).filename == "现场照片.png"
    attachments.archive_attachment(ctx, first.id)
    assert [a.id for a in attachments.list_attachments(ctx, setup.project_id).rows] == [second.id]
    attachments.restore_attachment(ctx, first.id)
    assert attachments.list_attachments(ctx, setup.project_id).total == 2


def test_empty_and_oversized_attachments_are_refused(ctx: ServiceContext, setup: Setup) -> None:
    for data in (b"", b"x" * (25 * 1024 * 1024 + 1)):
        with pytest.raises(ValidationError) as raised:
            attachments.add_attachment(
                ctx, AttachmentDraft(project_id=setup.project_id, filename="a.bin", data=data)
            )
        assert "data" in raised.value.fields
    assert blob_count(ctx) == 0


def test_settings_are_created_on_first_read_and_updated(ctx: ServiceContext) -> None:
    first = settings.get_settings(ctx)
    assert first.holiday_calendar == "CN" and first.person_id is not None  # you, on the roster
    assert settings.get_settings(ctx).id == first.id
    draft = replace(
        settings.settings_draft(first), company_name="天地自动化", default_language=Language.ZH_CN
    )
    updated = settings.update_settings(ctx, draft)
    assert updated.id == first.id and updated.company_name == "天地自动化"
    assert settings.get_settings(ctx).default_language is Language.ZH_CN
    with pytest.raises(ValidationError) as raised:
        settings.update_settings(ctx, SettingsDraft(engineer_place="x" * 201, holiday_calendar="??"))
    assert set(raised.value.fields) == {"engineer_place", "holiday_calendar"}


def test_timestamps_come_from_the_injected_clock(ctx: ServiceContext, setup: Setup) -> None:
    made = log.add_log_entry(ctx, entry(setup, 1, "x"))
    assert made.created_at == FIXED_NOW == made.updated_at
    assert made.occurred_at == (FIXED_NOW - timedelta(hours=1)).astimezone(UTC)
    assert isinstance(made.occurred_at, datetime)


def test_read_only_database_without_settings_gets_the_defaults(ctx: ServiceContext) -> None:
    read_only = ServiceContext(db=replace(ctx.db, readonly=True), clock=ctx.clock)
    defaults = settings.get_settings(read_only)
    assert defaults.id == "" and defaults.holiday_calendar == "CN" and defaults.person_id is None
    assert settings.get_settings(ctx).id != ""


def test_entries_of_one_kind_come_newest_first_with_their_corrections(
    ticking_ctx: ServiceContext, setup: Setup
) -> None:
    ctx = ticking_ctx  # a correction written later sorts first among entries of the same time

    def add(hours: int, kind: LogKind, summary: str) -> str:
        return log.add_log_entry(ctx, replace(entry(setup, hours, summary), kind=kind)).id

    old_email = add(48, LogKind.EMAIL, "plan promised")
    add(24, LogKind.CALL, "call")
    new_email = add(1, LogKind.EMAIL, "plan sent")
    fixed = log.correct_log_entry(
        ctx, new_email, replace(entry(setup, 1, "plan sent (v2)"), kind=LogKind.EMAIL)
    )
    emails = log.list_log_entries_of_kind(ctx, setup.project_id, LogKind.EMAIL)
    assert [e.id for e in emails] == [fixed.id, new_email, old_email]
    assert emails[1].corrected_by_id == fixed.id
    assert log.list_log_entries_of_kind(ctx, setup.project_id, LogKind.DECISION) == ()
