"""The communication log: quick add with defaults, corrections as linked entries (the original row
never changes), newest first, and paging as the view scrolls (fetchMore)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.domain.enums import LogKind
from deliverydesk.gui.dialogs.records.log_entry import LogEntryDialog
from deliverydesk.gui.pages.base import AREA_LOG
from deliverydesk.gui.pages.project.log import NOTE, PAGE_SIZE, SUMMARY, LogPage
from deliverydesk.services.records.log import add_log_entry, get_log_entry, list_log_entries
from tests.gui.project.conftest import Workbench, type_text


def _log_page(bench: Workbench) -> LogPage:
    page = bench.page(AREA_LOG)
    assert isinstance(page, LogPage)
    return page


def _summaries(page: LogPage) -> list[str]:
    model = page.panel.model
    return [model.index(row, SUMMARY).data() for row in range(model.rowCount())]


def test_quick_add_logs_a_meeting_now(bench: Workbench) -> None:
    page = _log_page(bench)
    type_text(page.quick_text, "周例会:确认二厂范围")
    bench.qtbot.keyClick(page.quick_text, Qt.Key.Key_Return)
    bench.idle()
    assert _summaries(page) == ["周例会:确认二厂范围"]
    assert page.quick_text.text() == ""
    entry = page.panel.model.row_item(0)
    assert entry.kind is LogKind.MEETING
    assert entry.occurred_at == bench.env.ctx.now()


def test_a_new_entry_through_the_dialog_defaults_to_now_and_meeting(bench: Workbench) -> None:
    page = _log_page(bench)
    page.panel.view.setFocus()
    bench.qtbot.keyClick(page.panel.view, Qt.Key.Key_Insert)
    dialog = page.dialog
    assert isinstance(dialog, LogEntryDialog)
    assert dialog.kind.currentData() is LogKind.MEETING
    bench.qtbot.keyClicks(dialog.summary, "Call with the plant manager")
    dialog.kind.set_value(LogKind.CALL)
    dialog.accept()
    bench.idle()
    entry = page.panel.model.row_item(0)
    assert entry.kind is LogKind.CALL
    assert entry.occurred_at == bench.env.ctx.now(), "the time shown is the time stored"


def test_editing_writes_a_correction_and_the_original_stays(bench: Workbench) -> None:
    ctx = bench.env.ctx
    original = add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=bench.project_id,
            occurred_at=ctx.now() - timedelta(days=1),
            summary="Client agreed to 3 extra reports",
            participants="Wang",
        ),
    )
    page = _log_page(bench)
    page.panel.view.selectRow(0)
    page.panel.view.setFocus()
    bench.qtbot.keyClick(page.panel.view, Qt.Key.Key_Return)  # Enter edits = corrects
    dialog = page.dialog
    assert isinstance(dialog, LogEntryDialog) and dialog.item.id == original.id
    assert dialog.summary.text() == "Client agreed to 3 extra reports", "prefilled with the original"
    dialog.summary.clear()
    type_text(dialog.summary, "客户同意 2 份额外报表")
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible()
    assert get_log_entry(ctx, original.id).summary == "Client agreed to 3 extra reports"
    model = page.panel.model
    assert model.rowCount() == 2
    correction_row = model.row_of(dialog.result_value.id)
    original_row = model.row_of(original.id)
    assert model.index(original_row, SUMMARY).data() == "Client agreed to 3 extra reports"
    assert model.index(original_row, SUMMARY).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert model.index(original_row, NOTE).data() == "Corrected by a later entry"
    assert model.index(correction_row, SUMMARY).data() == "客户同意 2 份额外报表"
    assert model.index(correction_row, NOTE).data().startswith("Corrects the entry of")
    assert model.row_item(correction_row).correction_of_id == original.id
    assert page.panel.current_item().id == dialog.result_value.id, "the correction is selected"


def test_correcting_a_corrected_entry_corrects_the_newest_version(bench: Workbench) -> None:
    ctx = bench.env.ctx
    add_log_entry(ctx, LogEntryDraft(project_id=bench.project_id, occurred_at=ctx.now(), summary="v1"))
    page = _log_page(bench)
    for text in ("v2", "v3"):
        old = page.panel.model.row_of(next(r.id for r in page.panel.records if r.summary == "v1"))
        page.panel.view.selectRow(old)
        page.panel.edit_current()
        bench.idle()
        dialog = page.dialog
        assert isinstance(dialog, LogEntryDialog)
        dialog.summary.setText(text)
        dialog.accept()
        bench.idle()
        assert not dialog.isVisible(), dialog.message_bar.text()
    assert sorted(_summaries(page)) == ["v1", "v2", "v3"]


def test_a_linked_entry_names_its_change_request(bench: Workbench) -> None:
    from datetime import date

    from deliverydesk.domain.drafts import ChangeRequestDraft
    from deliverydesk.services.scope_guard.change_requests import create_change_request

    ctx = bench.env.ctx
    request = create_change_request(
        ctx,
        ChangeRequestDraft(project_id=bench.project_id, title="Night shift", requested_on=date(2026, 3, 9)),
    )
    page = _log_page(bench)
    page.panel.new_wanted.emit()
    dialog = page.dialog
    assert isinstance(dialog, LogEntryDialog)
    bench.qtbot.keyClicks(dialog.summary, "Agreed a quote for the night shift")
    combo = dialog.links["change_request_id"]
    combo.setCurrentIndex(combo.findData(request.id))
    dialog.accept()
    bench.idle()
    assert page.panel.model.row_item(0).change_request_id == request.id
    assert "CR-1 Night shift" in page.panel.model.index(0, SUMMARY).data(Qt.ItemDataRole.ToolTipRole)


def test_log_is_paged_newest_first(bench: Workbench) -> None:
    ctx = bench.env.ctx
    start = ctx.now() - timedelta(days=200)
    for day in range(PAGE_SIZE + 20):
        add_log_entry(
            ctx,
            LogEntryDraft(
                project_id=bench.project_id,
                occurred_at=start + timedelta(days=day),
                summary=f"entry {day:03d}",
            ),
        )
    page = _log_page(bench)
    assert page.panel.model.rowCount() == PAGE_SIZE
    assert _summaries(page)[0] == f"entry {PAGE_SIZE + 19:03d}"
    assert page.panel.model.canFetchMore()
    page.panel.view.scrollToBottom()
    bench.qtbot.waitUntil(lambda: page.panel.model.rowCount() == PAGE_SIZE + 20)
    assert _summaries(page)[-1] == "entry 000"
    assert not page.panel.model.canFetchMore()
    assert list_log_entries(ctx, bench.project_id).total == PAGE_SIZE + 20
