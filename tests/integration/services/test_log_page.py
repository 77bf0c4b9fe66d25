"""A page of the log (read as plain columns) holds exactly what each entry read alone holds, in order."""

from __future__ import annotations

from datetime import timedelta

from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.domain.models import LogEntryItem
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import log
from deliverydesk.store.tables import LogEntryRow
from tests.conftest import FIXED_NOW
from tests.integration.services.conftest import Setup


def add(ctx: ServiceContext, setup: Setup, hours_ago: int, summary: str) -> LogEntryItem:
    draft = LogEntryDraft(
        project_id=setup.project_id, occurred_at=FIXED_NOW - timedelta(hours=hours_ago), summary=summary
    )
    return log.add_log_entry(ctx, draft)


def insert_raw(ctx: ServiceContext, source: LogEntryItem, **changes: object) -> str:
    """An entry as a sync or an import could leave it (a second correction, an archived entry)."""
    values = {name: getattr(source, name) for name in ("project_id", "occurred_at", "summary")}
    row = LogEntryRow(**values, created_at=ctx.now(), updated_at=ctx.now(), **changes)
    with ctx.db.unit_of_work() as session:
        session.add(row)
        session.flush()
        return row.id


def every_page(ctx: ServiceContext, project_id: str, size: int) -> tuple[list[LogEntryItem], set[int]]:
    items: list[LogEntryItem] = []
    totals = set()
    while True:
        page = log.list_log_entries(ctx, project_id, offset=len(items), limit=size)
        totals.add(page.total)
        items.extend(page.rows)
        if len(page.rows) < size:
            return items, totals


def test_log_pages_match_entries_read_one_by_one(ticking_ctx: ServiceContext, setup: Setup) -> None:
    ctx = ticking_ctx
    tied = [add(ctx, setup, 5, f"same hour {n}") for n in range(3)]  # ties: written order decides
    older = add(ctx, setup, 30, "older")
    add(ctx, setup, 1, "newest")
    fix = LogEntryDraft(project_id=setup.project_id, occurred_at=older.occurred_at, summary="fix")
    first_fix = log.correct_log_entry(ctx, older.id, fix)
    second_fix_id = insert_raw(ctx, older, correction_of_id=older.id)  # written after the first fix
    insert_raw(ctx, tied[0], archived_at=ctx.now())  # archived: never listed, never counted

    listed, totals = every_page(ctx, setup.project_id, size=2)

    assert totals == {7}
    assert listed == [log.get_log_entry(ctx, item.id) for item in listed]
    keys = [(i.occurred_at, i.created_at, i.id) for i in listed]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == 7
    assert [i.summary for i in listed][:4] == ["newest", "same hour 2", "same hour 1", "same hour 0"]
    by_id = {i.id: i for i in listed}
    assert by_id[older.id].corrected_by_id == second_fix_id != first_fix.id
    assert by_id[first_fix.id].correction_of_id == older.id
