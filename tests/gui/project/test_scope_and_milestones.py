"""Scope items, exclusions and milestones driven through the pages: keyboard, dialogs, validation
next to the field, Chinese typed per character, slip in working days and the date history."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt

from deliverydesk.gui.dialogs.records.milestone import MilestoneDialog
from deliverydesk.gui.dialogs.records.scope import ExclusionDialog, ScopeItemDialog
from deliverydesk.gui.formatting import to_qdate
from deliverydesk.gui.pages.base import AREA_MILESTONES, AREA_SCOPE
from deliverydesk.gui.pages.project.milestones import NAME, OWNER, SLIP, MilestonesPage
from deliverydesk.gui.pages.project.panel import MIN_STRETCH, PanelSpec, RecordPanel
from deliverydesk.gui.pages.project.scope import CRITERIA, EFFORT, TITLE, ScopeModel, ScopePage
from deliverydesk.services.records.milestones import list_milestone_changes
from deliverydesk.services.records.scope import list_scope_items
from tests.gui.project.conftest import Workbench, type_text


def _column(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _new_scope_dialog(bench: Workbench, page: ScopePage) -> ScopeItemDialog:
    page.items.view.setFocus()
    bench.qtbot.keyClick(page.items.view, Qt.Key.Key_Insert)
    assert isinstance(page.dialog, ScopeItemDialog)
    return page.dialog


def test_add_scope_items_by_keyboard_with_next_ref_and_chinese_text(bench: Workbench) -> None:
    page = bench.page(AREA_SCOPE)
    assert isinstance(page, ScopePage)
    assert page.items.stack.currentWidget() is page.items.empty, "an empty list explains itself"
    dialog = _new_scope_dialog(bench, page)
    assert "S-1" in dialog.ref_shown.text()
    type_text(dialog.title, "工单管理与报工")
    type_text(dialog.criteria, "连续 5 个工作日扫码报工")
    dialog.effort.setValue(40)
    bench.qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter saves
    bench.idle()
    assert not dialog.isVisible()
    assert _column(page.items.model, TITLE) == ["工单管理与报工"]
    assert _column(page.items.model, CRITERIA) == ["连续 5 个工作日扫码报工"]
    second = _new_scope_dialog(bench, page)
    assert "S-2" in second.ref_shown.text(), "the next ref is shown before saving"
    bench.qtbot.keyClicks(second.title, "<b>Training</b> & 'handover' -- ; DROP TABLE x")
    second.accept()
    bench.idle()
    assert _column(page.items.model, TITLE)[1] == "<b>Training</b> & 'handover' -- ; DROP TABLE x"
    stored = list_scope_items(bench.env.ctx, bench.project_id).rows
    assert [s.ref for s in stored] == ["S-1", "S-2"]


def test_failed_save_keeps_the_dialog_and_the_text_with_the_message_next_to_the_field(
    bench: Workbench,
) -> None:
    page = bench.page(AREA_SCOPE)
    dialog = _new_scope_dialog(bench, page)
    type_text(dialog.description, "现场调试,含两条产线")
    dialog.accept()  # no title
    assert dialog.isVisible()
    assert dialog.field_error("title"), "the message sits next to the title field"
    assert dialog.description.toPlainText() == "现场调试,含两条产线"
    assert page.items.model.rowCount() == 0
    bench.qtbot.keyClicks(dialog.title, "Commissioning")
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible()
    assert _column(page.items.model, TITLE) == ["Commissioning"]


def test_add_an_exclusion_and_edit_it_with_f2(bench: Workbench) -> None:
    page = bench.page(AREA_SCOPE)
    assert isinstance(page, ScopePage)
    page.exclusions.new_wanted.emit()
    dialog = page.dialog
    assert isinstance(dialog, ExclusionDialog)
    type_text(dialog.text, "不含 ERP 系统本身的修改")
    dialog.accept()
    bench.idle()
    assert _column(page.exclusions.model, 1) == ["不含 ERP 系统本身的修改"]
    page.exclusions.view.selectRow(0)
    page.exclusions.view.setFocus()
    bench.qtbot.keyClick(page.exclusions.view, Qt.Key.Key_F2)
    edit = page.dialog
    assert isinstance(edit, ExclusionDialog) and edit is not dialog
    assert edit.ref_shown.text() == "X-1"
    edit.text.setPlainText("No changes to the ERP itself")
    edit.accept()
    bench.idle()
    assert _column(page.exclusions.model, 1) == ["No changes to the ERP itself"]
    assert page.exclusions.current_item().ref == "X-1", "the edited record stays selected"


def _add_milestone(bench: Workbench, page: MilestonesPage, name: str) -> None:
    page.panel.new_wanted.emit()
    dialog = page.dialog
    assert isinstance(dialog, MilestoneDialog)
    assert dialog.baseline.date() == to_qdate(bench.env.ctx.today()), "defaults to today"
    bench.qtbot.keyClicks(dialog.name, name)
    dialog.accept()
    bench.idle()


def test_moving_a_forecast_shows_slip_in_working_days_and_the_history_with_its_reason(
    bench: Workbench,
) -> None:
    page = bench.page(AREA_MILESTONES)
    assert isinstance(page, MilestonesPage)
    _add_milestone(bench, page, "Site acceptance")
    _add_milestone(bench, page, "Go-live")
    assert page.panel.model.rowCount() == 2
    page.panel.view.selectRow(0)
    bench.idle()
    assert page.history_model.rowCount() == 0
    page.panel.edit_current()
    dialog = page.dialog
    assert isinstance(dialog, MilestoneDialog)
    dialog.forecast.set_value(date(2026, 3, 20))  # Monday 16th -> Friday 20th: 4 working days
    dialog.accept()
    assert dialog.isVisible() and dialog.field_error("reason"), "a moved date needs a reason"
    bench.qtbot.keyClicks(dialog.reason, "Client late with the test data")
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible()
    row = page.panel.model.row_of(dialog.item.id)
    assert page.panel.model.index(row, SLIP).data() == "+4"
    assert page.panel.current_item().id == dialog.item.id
    assert page.history_model.rowCount() == 1
    history = [page.history_model.index(0, c).data() for c in range(6)]
    assert history[2] == "—" and history[5] == "Client late with the test data"
    changes = list_milestone_changes(bench.env.ctx, dialog.item.id)
    assert [(c.field, c.new_date, c.reason) for c in changes] == [
        ("forecast", date(2026, 3, 20), "Client late with the test data")
    ]


def test_narrow_pages_hide_the_optional_columns_first(qtbot, env) -> None:
    spec = PanelSpec(
        key="narrow",
        title="Scope",
        empty_text="",
        describe=str,
        widths=(48, 240, 76, 100, 220),
        stretch_column=TITLE,
        optional=(CRITERIA, EFFORT),
    )
    panel = RecordPanel(env, ScopeModel(), spec)
    qtbot.addWidget(panel)
    panel.show()
    view = panel.view
    for width, hidden in ((780, []), (520, [CRITERIA]), (780, [])):
        panel.resize(width, 300)
        assert panel.width() == width
        qtbot.waitUntil(lambda hidden=hidden: [c for c in range(5) if view.isColumnHidden(c)] == hidden)
    assert not view.isColumnHidden(TITLE), "the main text never goes"


def test_move_date_action_records_the_change_request_and_reason(bench: Workbench) -> None:
    from deliverydesk.domain.drafts import ChangeRequestDraft
    from deliverydesk.gui.dialogs.records.milestone import MoveMilestoneDialog
    from deliverydesk.services.scope_guard.change_requests import create_change_request

    request = create_change_request(
        bench.env.ctx,
        ChangeRequestDraft(project_id=bench.project_id, title="Second plant", requested_on=date(2026, 3, 2)),
    )
    page = bench.page(AREA_MILESTONES)
    assert isinstance(page, MilestonesPage)
    _add_milestone(bench, page, "Go-live")
    page.panel.view.selectRow(0)
    assert page.act_move.isEnabled()
    page.act_move.trigger()
    dialog = page.dialog
    assert isinstance(dialog, MoveMilestoneDialog)
    dialog.forecast.setDate(to_qdate(date(2026, 3, 23)))  # one week later: 5 working days
    dialog.accept()
    assert dialog.isVisible() and dialog.field_error("reason")
    type_text(dialog.reason, "二厂纳入范围")
    dialog.change_request.setCurrentIndex(dialog.change_request.findData(request.id))
    dialog.accept()
    bench.idle()
    assert page.panel.model.index(0, SLIP).data() == "+5"
    assert [page.history_model.index(0, c).data() for c in (4, 5)] == ["CR-1", "二厂纳入范围"]


def test_read_only_pages_offer_no_changes(qtbot, env) -> None:
    from dataclasses import replace

    from tests.gui.project.conftest import create_project_through_dialog, open_bench

    project_id = create_project_through_dialog(qtbot, env)
    bench = open_bench(qtbot, replace(env, readonly=True), project_id)
    page = bench.page(AREA_SCOPE)
    assert isinstance(page, ScopePage)
    assert not page.items.act_new.isEnabled() and not page.items.empty_button.isEnabled()
    page.items.view.setFocus()
    bench.qtbot.keyClick(page.items.view, Qt.Key.Key_Insert)
    assert page.dialog is None


def test_hostile_text_is_stored_whole_and_shown_literally(bench: Workbench) -> None:
    from deliverydesk.gui.pages.project.table import TIP_MAX

    page = bench.page(AREA_SCOPE)
    dialog = _new_scope_dialog(bench, page)
    long_text = ("Ωμέγα 𠮷 <i>x</i> & " * 600)[:10_000]
    dialog.title.setText("<script>alert(1)</script> 𠮷 Кириллица")
    dialog.criteria.setPlainText(long_text)
    dialog.accept()
    bench.idle()
    stored = list_scope_items(bench.env.ctx, bench.project_id).rows[0]
    assert stored.acceptance_criteria == long_text
    model = page.items.model
    assert model.index(0, TITLE).data() == "<script>alert(1)</script> 𠮷 Кириллица"
    assert len(model.index(0, CRITERIA).data()) <= 160
    tip = model.index(0, CRITERIA).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;i&gt;" in tip, "markup in user text is escaped, never rendered"
    shown = html.unescape(tip.removeprefix("<p style='white-space:pre-wrap'>").removesuffix("</p>"))
    assert shown == long_text[:TIP_MAX] + "…", "a long text's tooltip is capped"


def test_splitter_and_column_widths_are_remembered(qtbot, env, bench: Workbench) -> None:
    from tests.gui.project.conftest import open_bench

    page = bench.page(AREA_SCOPE)
    assert isinstance(page, ScopePage)
    page.splitter.setSizes([150, 300])
    page.splitter.splitterMoved.emit(150, 1)  # what dragging the handle emits
    page.exclusions.view.setColumnWidth(0, 77)
    sizes = page.splitter.sizes()
    second = open_bench(qtbot, env, bench.project_id)  # keep it: the workspace has no parent
    again = second.page(AREA_SCOPE)
    assert isinstance(again, ScopePage)
    assert again.splitter.sizes() == sizes
    assert again.exclusions.view.columnWidth(0) == 77


def test_a_character_no_document_font_has_is_refused_where_it_is_typed(bench: Workbench) -> None:
    page = bench.page(AREA_SCOPE)
    dialog = _new_scope_dialog(bench, page)
    type_text(dialog.title, "扫码报工 ≤ 2 秒 ")
    dialog.title.setText(dialog.title.text() + "🚀")
    dialog.accept()
    bench.idle()
    assert dialog.isVisible(), "nothing was saved"
    message = dialog.field_error("title")
    assert "“🚀” (U+1F680 ROCKET)" in message
    assert list_scope_items(bench.env.ctx, bench.project_id).rows == ()
    dialog.title.setText("扫码报工 ≤ 2 秒")
    dialog.accept()
    bench.idle()
    assert list_scope_items(bench.env.ctx, bench.project_id).rows[0].title == "扫码报工 ≤ 2 秒"


def test_at_1366_px_milestones_keep_the_actual_date_and_drop_who_acts_first(bench: Workbench) -> None:
    """At 1366 × 768 in English the list has about 740 px: the Actual date went first (7 px short),
    though done milestones are read by it; "Who acts" goes first now (the status says "Waiting on
    the client" already), then the Actual and Baseline dates."""
    page = bench.page(AREA_MILESTONES)
    assert isinstance(page, MilestonesPage)
    panel, view = page.panel, page.panel.view

    def hidden_at(stack_width: int) -> list[int]:
        bench.workspace.resize(bench.workspace.width() + stack_width - panel.stack.width(), 700)
        bench.qtbot.waitUntil(lambda: abs(panel.stack.width() - stack_width) <= 2)
        return [c for c in range(view.model().columnCount()) if view.isColumnHidden(c)]

    assert hidden_at(900) == []
    assert hidden_at(740) == [OWNER]
    assert not view.isColumnHidden(NAME) and view.columnWidth(NAME) >= MIN_STRETCH


def test_the_milestone_dialogs_three_date_boxes_start_at_one_x(bench: Workbench) -> None:
    """Baseline (always set), forecast and actual (each with its "Set" box) line up, in both languages'
    widths of "Set": the baseline box started where the others' check boxes do."""
    from PySide6.QtCore import QPoint

    page = bench.page(AREA_MILESTONES)
    assert isinstance(page, MilestonesPage)
    page.edit_milestone(None)
    dialog = page.dialog
    assert isinstance(dialog, MilestoneDialog)
    bench.idle()
    boxes = (dialog.baseline.edit, dialog.forecast.edit.edit, dialog.actual.edit.edit)
    xs = [box.mapTo(dialog, QPoint(0, 0)).x() for box in boxes]
    assert len(set(xs)) == 1, xs
    assert len({box.width() for box in boxes}) == 1
    assert dialog.focusWidget() is dialog.name
    dialog.discard()
