"""Expectations, change requests, issues, reviews and handover entries through their pages; archive
(after a confirmation) and restore; Ctrl+N on a page adds a record, not a project."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from deliverydesk.domain.drafts import ContactDraft, HandoverEntryDraft, ScopeItemDraft
from deliverydesk.domain.enums import HandoverKind, ScopeCheck, Triage
from deliverydesk.gui.dialogs.records.change_request import ChangeRequestDialog
from deliverydesk.gui.dialogs.records.expectation import ExpectationDialog
from deliverydesk.gui.dialogs.records.handover import HandoverDialog
from deliverydesk.gui.dialogs.records.issue import IssueDialog
from deliverydesk.gui.dialogs.records.review import ReviewDialog
from deliverydesk.gui.dialogs.records.scope import ScopeItemDialog
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages.base import (
    AREA_CHANGE_REQUESTS,
    AREA_EXPECTATIONS,
    AREA_HANDOVER,
    AREA_ISSUES,
    AREA_SCOPE,
)
from deliverydesk.gui.pages.project.change_requests import DECISION, TRIAGE, ChangeRequestsPage
from deliverydesk.gui.pages.project.expectations import AGREED, STATEMENT, ExpectationsPage
from deliverydesk.gui.pages.project.handover import NOTES, HandoverPage
from deliverydesk.gui.pages.project.issues import IssuesPage
from deliverydesk.gui.pages.project.scope import TITLE, ScopePage
from deliverydesk.services.records.clients import create_contact
from deliverydesk.services.records.handover import create_handover_entry, get_handover_entry
from deliverydesk.services.records.projects import get_project
from deliverydesk.services.records.scope import create_scope_item, get_scope_item
from deliverydesk.services.scope_guard.change_requests import get_change_request
from tests.gui.project.conftest import Confirmations, Workbench, open_bench, type_text


def _double_click(widget, pos) -> None:
    """Press then double-click, as a real mouse does (QTest.mouseDClick alone is not a double-click
    for item views: the view only acts on a double-click on the index it saw pressed)."""
    left = Qt.MouseButton.LeftButton
    QTest.mousePress(widget, left, pos=pos)
    point = QPointF(pos)
    event = QMouseEvent(
        QEvent.Type.MouseButtonDblClick,
        point,
        widget.mapToGlobal(point),
        left,
        left,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    QTest.mouseRelease(widget, left, pos=pos)


def _texts(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_add_an_expectation_agreed_with_a_contact(bench: Workbench) -> None:
    client_id = get_project(bench.env.ctx, bench.project_id).client_id
    contact = create_contact(bench.env.ctx, ContactDraft(client_id=client_id, name="李娜", title="IT"))
    page = bench.page(AREA_EXPECTATIONS)
    assert isinstance(page, ExpectationsPage)
    page.panel.new_wanted.emit()
    dialog = page.dialog
    assert isinstance(dialog, ExpectationDialog)
    assert "E-1" in dialog.ref_shown.text()
    type_text(dialog.statement, "工单通过扫码报工")
    dialog.measure.setPlainText("5 working days without paper")
    dialog.agreed_with.setCurrentIndex(dialog.agreed_with.findData(contact.id))
    dialog.accept()
    bench.idle()
    assert _texts(page.panel.model, STATEMENT) == ["工单通过扫码报工"]
    assert _texts(page.panel.model, AGREED) == ["李娜"]


def test_add_a_change_request_with_triage_scope_link_and_decision(bench: Workbench) -> None:
    scope = create_scope_item(bench.env.ctx, ScopeItemDraft(project_id=bench.project_id, title="Reports"))
    page = bench.page(AREA_CHANGE_REQUESTS)
    assert isinstance(page, ChangeRequestsPage)
    page.panel.new_wanted.emit()
    dialog = page.dialog
    assert isinstance(dialog, ChangeRequestDialog)
    assert "CR-1" in dialog.ref_shown.text()
    dialog.accept()
    assert dialog.isVisible() and dialog.field_error("title")
    assert dialog.tabs.currentIndex() == 0, "the tab with the wrong field is shown"
    type_text(dialog.title, "报表导出 PDF")
    dialog.requested_by_name.setText("王总")
    dialog.triage.setCurrentIndex(dialog.triage.findData(Triage.B))
    dialog.scope_check.setCurrentIndex(dialog.scope_check.findData(ScopeCheck.IN_SCOPE))
    dialog.scope_item.setCurrentIndex(dialog.scope_item.findData(scope.id))
    dialog.effort.setValue(6)
    dialog.client_benefit.setPlainText("Saves an hour a day")
    assert not hasattr(dialog, "decision"), "decisions go through the scope guard (Decide…)"
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible(), dialog.message_bar.text()
    assert _texts(page.panel.model, TRIAGE) == ["B"]
    assert _texts(page.panel.model, DECISION) == [dialog.decision_shown.text()]
    saved = get_change_request(bench.env.ctx, dialog.result_value.id)
    assert (saved.scope_item_id, saved.requested_by_name, saved.client_benefit) == (
        scope.id,
        "王总",
        "Saves an hour a day",
    )


def test_archive_asks_first_then_hides_and_restores(bench: Workbench, confirmations: Confirmations) -> None:
    item = create_scope_item(bench.env.ctx, ScopeItemDraft(project_id=bench.project_id, title="Training"))
    page = bench.page(AREA_SCOPE)
    assert isinstance(page, ScopePage)
    panel = page.items
    panel.view.selectRow(0)
    panel.view.setFocus()
    confirmations.answer = False
    bench.qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    bench.idle()
    assert confirmations.asked == ["S-1 Training"]
    assert get_scope_item(bench.env.ctx, item.id).archived_at is None, "declined: nothing archived"
    confirmations.answer = True
    panel.archive_current()
    bench.idle()
    assert get_scope_item(bench.env.ctx, item.id).archived
    assert panel.model.rowCount() == 0
    assert "1" in panel.count_label.text()
    panel.show_archived.setChecked(True)
    assert _texts(panel.model, TITLE) == ["Training"]
    assert panel.model.index(0, TITLE).data(Qt.ItemDataRole.FontRole).italic()
    panel.view.selectRow(0)
    assert panel.act_restore.isEnabled() and not panel.act_edit.isEnabled()
    panel.act_restore.trigger()
    bench.idle()
    assert not get_scope_item(bench.env.ctx, item.id).archived
    panel.show_archived.setChecked(False)
    assert _texts(panel.model, TITLE) == ["Training"]


def test_ctrl_n_on_a_page_adds_a_record_not_a_project(qtbot, env, bench: Workbench) -> None:
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    window.open_record(bench.project_id, AREA_SCOPE, "")
    bench.idle()
    page = window.workspace.page_for(AREA_SCOPE)
    assert isinstance(page, ScopePage)
    window.activateWindow()
    page.items.view.setFocus()
    qtbot.keyClick(page.items.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.dialog is not None and page.dialog.isVisible()
    assert getattr(window, "last_dialog", None) is None
    page.dialog.reject()


def test_issue_with_a_category_and_a_butterfly_review(bench: Workbench) -> None:
    page = bench.page(AREA_ISSUES)
    assert isinstance(page, IssuesPage)
    page.issues.new_wanted.emit()
    dialog = page.dialog
    assert isinstance(dialog, IssueDialog)
    bench.qtbot.keyClicks(dialog.title, "Work-order fields mapped wrongly")
    type_text(dialog.category.lineEdit(), "data MIGRATION")  # either name, any case
    dialog.accept()
    bench.idle()
    assert _texts(page.issues.model, 2) == ["Data migration"]
    page.reviews.new_wanted.emit()
    review = page.dialog
    assert isinstance(review, ReviewDialog)
    review.issue.setCurrentIndex(1)
    type_text(review.answers["client_mid"], "道歉并补偿两天驻场")
    review.answers["company_long"].setPlainText("Check mappings before every migration")
    review.lessons.setPlainText("Map with the client's key user")
    review.accept()
    bench.idle()
    assert page.reviews.model.rowCount() == 1
    stored = page.reviews.model.row_item(0)
    assert (stored.client_mid, stored.issue_id) == ("道歉并补偿两天驻场", dialog.result_value.id)


def test_training_entry_keeps_attendees_and_its_written_material(bench: Workbench) -> None:
    """A training links the documents handed over for it; without any it stands in the way of the
    handover report, named on the Handover page."""
    page = bench.page(AREA_HANDOVER)
    assert isinstance(page, HandoverPage)
    manual = create_handover_entry(
        bench.env.ctx,
        HandoverEntryDraft(project_id=bench.project_id, kind=HandoverKind.DOCUMENT, title="Key-user manual"),
    )
    page.refresh()
    bench.idle()
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(HandoverKind.TRAINING))
    page.panel.new_wanted.emit()
    dialog = page.dialog
    assert isinstance(dialog, HandoverDialog)
    assert dialog.kind.currentData() is HandoverKind.TRAINING, "the shown kind is the default"
    assert not dialog.attendees.isHidden() and not dialog.material.isHidden()
    assert dialog.training.parentWidget().isHidden() and dialog.owner.parentWidget().isHidden()
    bench.qtbot.keyClicks(dialog.title, "Key-user training")
    dialog.attendees.setPlainText("王国\n李娜\n张浩")
    dialog.accept()  # no material ticked
    bench.idle()
    assert page.panel.model.rowCount() == 1
    notes = page.panel.model.index(0, NOTES).data()
    assert "3" in notes and "no written material" in notes
    blockers = [page.blocker_list.item(i).text() for i in range(page.blocker_list.count())]
    assert blockers == [
        "Training “Key-user training” has no written material: link the documents handed over for it."
    ]
    page.panel.select_record(page.panel.model.row_item(0).id)
    page.panel.edit_current()
    dialog = page.dialog
    assert isinstance(dialog, HandoverDialog) and dialog.material.count() == 1
    dialog.material.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    bench.idle()
    notes = page.panel.model.index(0, NOTES).data()
    assert "material: Key-user manual" in notes and page.blockers_box.isHidden()
    assert get_handover_entry(bench.env.ctx, manual.id).training_id == page.panel.model.row_item(0).id
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(HandoverKind.RISK))
    assert page.panel.model.rowCount() == 0


def test_a_page_follows_the_project_switch(qtbot, env, bench: Workbench) -> None:
    from tests.gui.project.conftest import create_project_through_dialog

    create_scope_item(bench.env.ctx, ScopeItemDraft(project_id=bench.project_id, title="Only here"))
    other = create_project_through_dialog(qtbot, env, code="DD-2026-101")
    page = bench.page(AREA_SCOPE)
    assert page.items.model.rowCount() == 1
    bench.workspace.set_project(other)
    bench.idle()
    assert page.items.model.rowCount() == 0
    assert open_bench  # the helper other tests use for a second workspace


def test_overview_edits_the_project_the_client_and_its_contacts(bench: Workbench) -> None:
    from deliverydesk.gui.dialogs.records.client import ClientDialog, ContactDialog, ProjectDialog
    from deliverydesk.gui.pages.base import AREA_OVERVIEW
    from deliverydesk.gui.pages.project.overview import OverviewPage

    page = bench.page(AREA_OVERVIEW)
    assert isinstance(page, OverviewPage)
    page.contacts.new_wanted.emit()
    contact = page.dialog
    assert isinstance(contact, ContactDialog)
    type_text(contact.name, "王国")
    contact.email.setText("not an email")
    contact.accept()
    assert contact.isVisible() and contact.field_error("email")
    contact.email.setText("wang@example.com")
    contact.can_sign.setChecked(True)
    contact.accept()
    bench.idle()
    assert _texts(page.contacts.model, 0) == ["王国"]
    assert _texts(page.contacts.model, 3) == ["Yes"]
    page.edit_project_button.click()
    project = page.dialog
    assert isinstance(project, ProjectDialog)
    project.goodwill.setValue(30)
    project.accept()
    bench.idle()
    assert not project.isVisible(), project.message_bar.text()
    assert page.facts["goodwill_budget"].text() == "30.0 h"
    page.edit_client_button.click()
    client = page.dialog
    assert isinstance(client, ClientDialog)
    client.name.clear()
    client.accept()
    assert client.isVisible() and client.field_error("name")
    client.name.setText("Acme Foods Ltd.")
    client.accept()
    bench.idle()
    assert page.facts["client"].text() == "Acme Foods Ltd."


def test_double_click_edits_and_the_context_menu_offers_the_actions(bench: Workbench) -> None:
    create_scope_item(bench.env.ctx, ScopeItemDraft(project_id=bench.project_id, title="Reports"))
    page = bench.page(AREA_SCOPE)
    assert isinstance(page, ScopePage)
    view = page.items.view
    rect = view.visualRect(view.model().index(0, TITLE))  # the view shows the sorted, filtered rows
    _double_click(view.viewport(), rect.center())
    assert isinstance(page.dialog, ScopeItemDialog) and page.dialog.title.text() == "Reports"
    page.dialog.reject()
    menu = page.items.build_menu()  # what a right-click pops up (popping up warns offscreen)
    texts = [action.text() for action in menu.actions() if action.text()]
    assert texts[:3] == ["New…", "Edit…", "Archive"]
    assert "Show archived" in texts
