"""Every record table sorts by any column (numbers and dates by value, refs as people read them) and
filters by text; the log, paged, sorts and filters in the database over all of it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from deliverydesk.domain.drafts import LogEntryDraft, ScopeItemDraft
from deliverydesk.gui.pages.base import AREA_LOG, AREA_SCOPE
from deliverydesk.gui.pages.project.log import LogPage
from deliverydesk.gui.pages.project.scope import EFFORT, REF, ScopePage
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.records.scope import create_scope_item
from tests.conftest import FIXED_NOW
from tests.gui.conftest import OFFSCREEN_NOISE
from tests.gui.project.conftest import Workbench


def _shown(page: ScopePage, column: int) -> list[str]:
    model = page.items.view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_scope_sorts_by_value_and_ref_and_filters_by_words(bench: Workbench) -> None:
    for number in range(1, 12):
        title = f"Scanner at line {number}" if number % 3 == 0 else f"Report {number}"
        draft = ScopeItemDraft(project_id=bench.project_id, title=title, effort_hours=float(number * 7 % 13))
        create_scope_item(bench.env.ctx, draft)
    page = bench.page(AREA_SCOPE)
    assert isinstance(page, ScopePage)
    header = page.items.view.horizontalHeader()
    header.setSortIndicator(EFFORT, Qt.SortOrder.AscendingOrder)
    efforts = [float(text) for text in _shown(page, EFFORT)]
    assert efforts == sorted(efforts) and efforts != [float(n * 7 % 13) for n in range(1, 12)]
    header.setSortIndicator(REF, Qt.SortOrder.AscendingOrder)
    assert _shown(page, REF)[:3] == ["S-1", "S-2", "S-3"] and _shown(page, REF)[-1] == "S-11"
    page.items.filter_edit.setText("scanner LINE")
    assert _shown(page, REF) == ["S-3", "S-6", "S-9"]
    assert page.items.count_label.text().startswith("3 shown")
    page.items.select_record(page.items.item_at_view_row(1).id)
    assert page.items.current_item().ref == "S-6", "the selected row is the record shown there"
    page.items.edit_current()
    assert page.dialog.title.text() == "Scanner at line 6"
    page.dialog.reject()


def test_slash_in_a_list_goes_to_its_filter(bench: Workbench) -> None:
    create_scope_item(bench.env.ctx, ScopeItemDraft(project_id=bench.project_id, title="Reports"))
    page = bench.page(AREA_SCOPE)
    page.items.view.setFocus()
    bench.qtbot.keyClick(page.items.view, Qt.Key.Key_Slash)
    assert page.items.filter_edit.hasFocus()


def test_the_log_filters_and_sorts_in_the_database(bench: Workbench) -> None:
    for number in range(130):  # more than a page
        summary = f"Call {number:03d} about the scanners" if number % 10 == 0 else f"Meeting {number:03d}"
        draft = LogEntryDraft(
            project_id=bench.project_id, occurred_at=FIXED_NOW - timedelta(hours=number), summary=summary
        )
        add_log_entry(bench.env.ctx, draft)
    page = bench.page(AREA_LOG)
    assert isinstance(page, LogPage)
    assert page.panel.model.total == 130 and page.panel.model.rowCount() == 100
    page.panel.filter_edit.setText("scanners")
    bench.idle()
    assert page.panel.model.total == 13, "the whole log, not only the loaded page"
    summaries = [page.panel.model.row_item(r).summary for r in range(page.panel.model.rowCount())]
    assert summaries[0] == "Call 000 about the scanners" and len(summaries) == 13
    page.panel.view.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)  # Summary
    bench.idle()
    assert page.panel.model.row_item(0).summary == "Call 120 about the scanners"


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support raise")  # offscreen, a tooltip
def test_long_text_reads_in_a_wrapped_tooltip(qtbot, bench: Workbench) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QToolTip

    long_text = "The scanners on line 3 need the new firmware before the night shift starts. " * 12
    create_scope_item(
        bench.env.ctx, ScopeItemDraft(project_id=bench.project_id, title="Scanners", description=long_text)
    )
    page = bench.page(AREA_SCOPE)
    tip = page.items.view.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "firmware" in tip and "white-space:pre-wrap" in tip
    QToolTip.showText(QPoint(10, 10), tip, page)
    label = next(w for w in QApplication.topLevelWidgets() if w.metaObject().className() == "QTipLabel")
    line = label.fontMetrics().height()
    assert label.width() < QApplication.primaryScreen().availableGeometry().width() * 0.8
    assert label.height() > 4 * line, "wrapped over lines, not one line running off the screen"
    QToolTip.hideText()
