"""A record's History dialog: edit a record on its page, open History, see who changed what from what."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from deliverydesk.domain.drafts import ExpectationDraft
from deliverydesk.gui.dialogs.history import AFTER, BEFORE, FIELD, WHAT, WHEN, WHO, HistoryDialog
from deliverydesk.gui.dialogs.records.expectation import ExpectationDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.pages.base import AREA_EXPECTATIONS
from deliverydesk.gui.pages.project.expectations import ExpectationsPage
from deliverydesk.services.records.expectations import create_expectation
from deliverydesk.store.audit import login_name
from tests.gui.project.conftest import create_project_through_dialog, open_bench

HOSTILE = "<b>bold?</b> & <img src=x> 里程碑 𠮷 ✓ " + "long " * 100


def rows(dialog: HistoryDialog, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> list[list[object]]:
    model = dialog.model
    return [
        [model.index(r, c).data(role) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def test_edit_a_record_then_its_history_shows_the_old_and_new_value(qtbot, env: GuiEnv) -> None:
    bench = open_bench(qtbot, env, create_project_through_dialog(qtbot, env))
    create_expectation(env.ctx, ExpectationDraft(project_id=bench.project_id, statement="Line runs 3 shifts"))
    page = bench.page(AREA_EXPECTATIONS)
    assert isinstance(page, ExpectationsPage)
    panel = page.panel
    panel.view.selectRow(0)
    panel.edit_current()
    editor = page.dialog
    assert isinstance(editor, ExpectationDialog)
    editor.statement.setPlainText(HOSTILE)
    editor.accept()
    bench.idle()

    panel.view.selectRow(0)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.history_dialog
    assert isinstance(dialog, HistoryDialog)
    bench.idle()

    shown = rows(dialog)
    assert "E-1" in dialog.windowTitle()
    newest = shown[0]
    assert (newest[WHO], newest[WHAT], newest[FIELD]) == (login_name(), "Changed", "Statement")
    assert newest[BEFORE] == "Line runs 3 shifts"
    assert newest[AFTER].startswith("<b>bold?</b> & <img src=x> 里程碑 𠮷 ✓ long") and newest[AFTER].endswith(
        "…"
    )
    assert newest[WHEN]  # a local date and time
    tooltip = rows(dialog, Qt.ItemDataRole.ToolTipRole)[0][AFTER]
    assert "&lt;b&gt;bold?&lt;/b&gt; &amp; &lt;img src=x&gt;" in tooltip and "<b>" not in tooltip
    created = [row for row in shown if row[WHAT] == "Created"]
    assert created and created[0][FIELD] in {"Ref", "Statement", "Status", "Project"}
    assert ["Statement", "", "Line runs 3 shifts"] in [row[FIELD:] for row in shown]
    assert "History starts on" in dialog.note.text()
    dialog.reject()


def test_history_needs_a_selected_record(qtbot, env: GuiEnv) -> None:
    bench = open_bench(qtbot, env, create_project_through_dialog(qtbot, env))
    page = bench.page(AREA_EXPECTATIONS)
    assert isinstance(page, ExpectationsPage)
    assert not page.panel.act_history.isEnabled()
    assert page.panel.act_history in page.panel.build_menu().actions()
    assert QApplication.activeModalWidget() is None
