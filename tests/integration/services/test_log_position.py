"""``log_entry_offset``: where an entry stands in the log's order (for showing an entry not loaded yet)."""

from __future__ import annotations

from datetime import timedelta

from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import log
from tests.conftest import FIXED_NOW
from tests.integration.services.conftest import Setup, make_project


def _add(ctx: ServiceContext, project_id: str, hours_ago: int, summary: str) -> str:
    when = FIXED_NOW - timedelta(hours=hours_ago)
    return log.add_log_entry(ctx, LogEntryDraft(project_id=project_id, occurred_at=when, summary=summary)).id


def test_every_entry_offset_is_its_place_in_the_listed_order(ctx: ServiceContext, setup: Setup) -> None:
    other = make_project(ctx, setup.client_id, code="OTHER-1")
    for hours in (5, 1, 5, 30, 1, 5, 12):  # ties in time: written at the same instant, ordered by id
        _add(ctx, setup.project_id, hours, f"{hours} h ago")
        _add(ctx, other, hours, "another project's entry never counts")
    listed = log.list_log_entries(ctx, setup.project_id, limit=100).rows
    assert [log.log_entry_offset(ctx, e.id) for e in listed] == list(range(7))


def test_a_correction_stands_where_its_time_puts_it(ctx: ServiceContext, setup: Setup) -> None:
    original = _add(ctx, setup.project_id, 3, "original")
    _add(ctx, setup.project_id, 2, "newer")
    when = FIXED_NOW - timedelta(hours=10)
    draft = LogEntryDraft(project_id=setup.project_id, occurred_at=when, summary="fixed")
    fixed = log.correct_log_entry(ctx, original, draft)
    assert log.log_entry_offset(ctx, fixed.id) == 2
    assert log.log_entry_offset(ctx, original) == 1


def test_an_unknown_entry_has_no_offset(ctx: ServiceContext, setup: Setup) -> None:
    assert log.log_entry_offset(ctx, "no-such-entry") is None
