"""Edit ▸ Undo / Redo of each kind of action, as audited compensating changes: an archive restored, an
edit written back, a quick-add log entry voided with a reason (and shown voided), a new record archived;
the Edit menu says what Undo will undo; a record changed since is not overwritten."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from deliverydesk.domain.drafts import ScopeItemDraft, draft_from
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages.base import AREA_LOG, AREA_SCOPE
from deliverydesk.services.records.history import record_history
from deliverydesk.services.records.log import list_log_entries
from deliverydesk.services.records.scope import create_scope_item, get_scope_item, update_scope_item
from tests.gui.conftest import wait_idle
from tests.gui.project.conftest import Confirmations, create_project_through_dialog, type_text


@pytest.fixture
def window(qtbot, env: GuiEnv, confirmations: Confirmations) -> MainWindow:
    project_id = create_project_through_dialog(qtbot, env)
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    window.open_record(project_id, AREA_SCOPE, "")
    wait_idle(qtbot, env.tasks)
    return window


def _scope_item(window: MainWindow, title: str = "Scanner rollout") -> str:
    project_id = window.workspace.project_id
    assert project_id is not None
    item = create_scope_item(window.env.ctx, ScopeItemDraft(project_id=project_id, title=title))
    window.workspace.refresh()
    return item.id


def _undo(qtbot, window: MainWindow) -> None:
    window.act_undo.trigger()
    wait_idle(qtbot, window.env.tasks)


def test_the_keys_are_the_usual_ones(window: MainWindow) -> None:
    assert (
        window.act_undo.shortcuts()[0].matches(QKeySequence("Ctrl+Z"))
        == QKeySequence.SequenceMatch.ExactMatch
    )
    redo = [k.toString() for k in window.act_redo.shortcuts()]
    assert "Ctrl+Shift+Z" in redo and "Ctrl+Y" in redo
    assert not window.act_undo.isEnabled() and window.act_undo.text() == "&Undo"


def test_an_archive_is_undone_and_redone(qtbot, window: MainWindow) -> None:
    record_id = _scope_item(window)
    wait_idle(qtbot, window.env.tasks)
    page = window.workspace.page_for(AREA_SCOPE)
    panel = page.panels[0]
    assert panel.select_record(record_id)
    panel.archive_current()
    wait_idle(qtbot, window.env.tasks)
    assert get_scope_item(window.env.ctx, record_id).archived
    assert window.act_undo.text() == "&Undo Archive S-1 Scanner rollout", "the menu names what it undoes"
    _undo(qtbot, window)
    assert not get_scope_item(window.env.ctx, record_id).archived
    assert window.act_redo.text() == "&Redo Archive S-1 Scanner rollout"
    window.act_redo.trigger()
    wait_idle(qtbot, window.env.tasks)
    assert get_scope_item(window.env.ctx, record_id).archived
    actions = [e.action for e in record_history(window.env.ctx, record_id).events]
    assert actions == ["archive", "restore", "archive", "create"], "compensating changes, all audited"


def test_an_edit_is_written_back_as_a_new_edit(qtbot, window: MainWindow) -> None:
    record_id = _scope_item(window)
    wait_idle(qtbot, window.env.tasks)
    page = window.workspace.page_for(AREA_SCOPE)
    page.panels[0].select_record(record_id)
    page.panels[0].edit_current()
    dialog = page.dialog
    dialog.title.setText("Scanner rollout, lines 3 and 4")
    dialog.accept()
    wait_idle(qtbot, window.env.tasks)
    assert window.act_undo.text().startswith("&Undo Edit S-1")
    _undo(qtbot, window)
    assert get_scope_item(window.env.ctx, record_id).title == "Scanner rollout"
    events = record_history(window.env.ctx, record_id).events
    assert events[0].action == "update" and events[0].actor.endswith("(undo)")
    assert [(c.field, c.after) for c in events[0].changes] == [("title", "Scanner rollout")]


def test_a_quick_add_entry_is_voided_with_a_reason_and_shown_voided(qtbot, window: MainWindow) -> None:
    window.log_entry()
    wait_idle(qtbot, window.env.tasks)
    page = window.workspace.page_for(AREA_LOG)
    type_text(page.quick_text, "Called the wrong client")
    qtbot.keyClick(page.quick_text, Qt.Key.Key_Return)
    wait_idle(qtbot, window.env.tasks)
    assert window.act_undo.text() == "&Undo New log entry “Called the wrong client”"
    window.act_undo.trigger()
    reason = window.env.undo.reason_dialog
    assert reason is not None and reason.isVisible()
    reason.reason.setText("Meant for project DD-2026-101")
    reason.accept()
    wait_idle(qtbot, window.env.tasks)
    entry = list_log_entries(window.env.ctx, window.workspace.project_id).rows[0]
    assert entry.voided and entry.void_reason == "Meant for project DD-2026-101", "voided, never deleted"
    model = page.panel.model
    row = model.row_of(entry.id)
    assert row >= 0, "the log still shows it"
    assert model.index(row, 4).data() == "Voided: Meant for project DD-2026-101"
    assert model.index(row, 2).data(Qt.ItemDataRole.FontRole).strikeOut()
    window.act_redo.trigger()
    wait_idle(qtbot, window.env.tasks)
    assert not list_log_entries(window.env.ctx, window.workspace.project_id).rows[0].voided


def test_a_new_record_is_undone_by_archiving_it(qtbot, window: MainWindow) -> None:
    page = window.workspace.page_for(AREA_SCOPE)
    page.panels[0].new_wanted.emit()
    dialog = page.dialog
    dialog.title.setText("Label printer")
    dialog.accept()
    wait_idle(qtbot, window.env.tasks)
    assert window.act_undo.text() == "&Undo New S-1 Label printer"
    _undo(qtbot, window)
    (item,) = page.panels[0].records
    assert item.archived


def test_an_undo_never_overwrites_a_later_change(qtbot, window: MainWindow) -> None:
    record_id = _scope_item(window)
    wait_idle(qtbot, window.env.tasks)
    page = window.workspace.page_for(AREA_SCOPE)
    page.panels[0].select_record(record_id)
    page.panels[0].edit_current()
    page.dialog.title.setText("Scanner rollout v2")
    page.dialog.accept()
    wait_idle(qtbot, window.env.tasks)
    current = get_scope_item(window.env.ctx, record_id)
    update_scope_item(window.env.ctx, draft_from(ScopeItemDraft, current, title="Changed on the server"))
    _undo(qtbot, window)
    assert get_scope_item(window.env.ctx, record_id).title == "Changed on the server"
    assert "changed after your edit" in window.last_dialog.text()
    assert not window.act_undo.isEnabled(), "the step that cannot be taken back is dropped"
