"""A record opened from elsewhere (a search hit, Home) is selected even when the page would not show
it yet: a log entry beyond the pages loaded so far, an archived record while "Show archived" is off."""

from __future__ import annotations

from datetime import timedelta

from deliverydesk.domain.drafts import ExpectationDraft, LogEntryDraft
from deliverydesk.gui.pages.base import AREA_EXPECTATIONS, AREA_LOG
from deliverydesk.gui.pages.project.log import PAGE_SIZE, LogPage
from deliverydesk.gui.pages.project.records_page import RecordsPage
from deliverydesk.services.records.expectations import archive_expectation, create_expectation
from deliverydesk.services.records.log import add_log_entry
from tests.gui.project.conftest import Confirmations, Workbench


def _log_entries(bench: Workbench, count: int) -> list[str]:
    """``count`` entries, one a day; returned oldest first (the log lists them newest first)."""
    ctx = bench.env.ctx
    start = ctx.now() - timedelta(days=count + 1)
    return [
        add_log_entry(
            ctx,
            LogEntryDraft(
                project_id=bench.project_id, occurred_at=start + timedelta(days=day), summary=f"entry {day}"
            ),
        ).id
        for day in range(count)
    ]


def _selected_id(page: RecordsPage) -> str | None:
    item = page.panels[0].current_item()
    return None if item is None else str(item.id)


def test_an_entry_beyond_the_loaded_pages_is_loaded_and_selected(bench: Workbench) -> None:
    ids = _log_entries(bench, 2 * PAGE_SIZE + 30)
    page = bench.page(AREA_LOG)
    assert isinstance(page, LogPage) and page.panel.model.rowCount() == PAGE_SIZE
    oldest_but_one = ids[1]
    bench.workspace.open_record(AREA_LOG, oldest_but_one)
    bench.idle()
    assert _selected_id(page) == oldest_but_one
    model = page.panel.model
    loaded = [model.row_item(row).id for row in range(model.rowCount())]
    assert len(loaded) == len(set(loaded)) == len(ids), "down to the page holding it, nothing twice"
    assert page.panel.count_label.text()  # still says how many are loaded


def test_an_entry_of_the_first_page_is_selected_without_loading_more(bench: Workbench) -> None:
    ids = _log_entries(bench, PAGE_SIZE + 10)
    page = bench.page(AREA_LOG)
    bench.workspace.open_record(AREA_LOG, ids[-3])
    bench.idle()
    assert _selected_id(page) == ids[-3] and page.panel.model.rowCount() == PAGE_SIZE


def test_an_archived_record_opened_from_elsewhere_turns_show_archived_on(bench: Workbench) -> None:
    ctx = bench.env.ctx
    create_expectation(ctx, ExpectationDraft(project_id=bench.project_id, statement="Line runs 3 shifts"))
    archived = create_expectation(ctx, ExpectationDraft(project_id=bench.project_id, statement="旧的承诺"))
    archive_expectation(ctx, archived.id)
    page = bench.page(AREA_EXPECTATIONS)
    assert isinstance(page, RecordsPage)
    panel = page.panels[0]
    assert not panel.show_archived.isChecked() and panel.model.row_of(archived.id) < 0
    bench.workspace.open_record(AREA_EXPECTATIONS, archived.id)
    bench.idle()
    assert panel.show_archived.isChecked()
    assert _selected_id(page) == archived.id


def test_archiving_a_record_on_the_page_still_hides_it(
    bench: Workbench, confirmations: Confirmations
) -> None:
    record = create_expectation(bench.env.ctx, ExpectationDraft(project_id=bench.project_id, statement="x"))
    page = bench.page(AREA_EXPECTATIONS)
    assert isinstance(page, RecordsPage)
    panel = page.panels[0]
    panel.select_record(record.id)
    panel.archive_current()
    bench.idle()
    assert confirmations.asked and not panel.show_archived.isChecked()
    assert panel.model.row_of(record.id) < 0
