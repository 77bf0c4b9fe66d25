"""Quick capture from the main window (Ctrl+Shift+A): record the ask, check it against the scope,
triage it; triage A's client notice goes to the log only when confirmed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from deliverydesk.domain.drafts import LogEntryDraft, ScopeItemDraft
from deliverydesk.domain.enums import Decision, Triage
from deliverydesk.gui.dialogs.records import capture as capture_module
from deliverydesk.gui.dialogs.records.capture import AskFollowUpDialog, CaptureAskDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages.base import AREA_LOG
from deliverydesk.gui.pages.project.log import LogPage
from deliverydesk.services.records.log import add_log_entry, list_log_entries
from deliverydesk.services.records.scope import create_scope_item
from deliverydesk.services.scope_guard.change_requests import get_change_request
from tests.gui.conftest import wait_idle
from tests.gui.project.conftest import create_project_through_dialog, type_text


def _window(qtbot, env: GuiEnv) -> tuple[MainWindow, str]:
    project_id = create_project_through_dialog(qtbot, env)
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show_projects()
    window.workspace.set_project(project_id)
    wait_idle(qtbot, env.tasks)
    return window, project_id


def _capture(qtbot, env: GuiEnv, window: MainWindow, what: str) -> AskFollowUpDialog:
    assert window.act_capture.shortcut().toString() == "Ctrl+Shift+A"
    window.act_capture.trigger()
    wait_idle(qtbot, env.tasks)
    dialog = window.capture_flow.dialog
    assert isinstance(dialog, CaptureAskDialog)
    type_text(dialog.what, what)
    dialog.asked_by_name.setText("王总")
    dialog.accept()
    wait_idle(qtbot, env.tasks)
    assert not dialog.isVisible(), dialog.message_bar.text()
    follow_up = window.capture_flow.dialog
    assert isinstance(follow_up, AskFollowUpDialog)
    return follow_up


def _triage(follow_up: AskFollowUpDialog, triage: Triage) -> None:
    follow_up.triage.setCurrentIndex(follow_up.triage.findData(triage.value))
    follow_up.accept()


def test_capture_an_ask_and_triage_it_b_defers_it(qtbot, env: GuiEnv) -> None:
    window, _project_id = _window(qtbot, env)
    follow_up = _capture(qtbot, env, window, "再加一张班次报表")
    _triage(follow_up, Triage.B)
    assert "deferred" in follow_up.consequence.text()
    assert not follow_up.isVisible(), follow_up.message_bar.text()
    saved = get_change_request(env.ctx, follow_up.request.id)
    assert (saved.title, saved.requested_by_name) == ("再加一张班次报表", "王总")
    assert (saved.triage, saved.decision) == (Triage.B, Decision.DEFERRED)


def test_an_ask_that_is_in_scope_needs_no_change_request(qtbot, env: GuiEnv) -> None:
    window, project_id = _window(qtbot, env)
    scope = create_scope_item(env.ctx, ScopeItemDraft(project_id=project_id, title="Shift report export"))
    follow_up = _capture(qtbot, env, window, "Shift report export to Excel")
    wait_idle(qtbot, env.tasks)
    assert follow_up.matches.item(0).text().startswith(scope.ref)
    follow_up.matches.setCurrentRow(0)
    follow_up.check_scope()
    assert f"No change request needed: part of {scope.ref}" in follow_up.verdict.text()
    assert not follow_up.triage.isEnabled()
    follow_up.accept()
    assert get_change_request(env.ctx, follow_up.request.id).decision is Decision.WITHDRAWN


def test_the_verdict_is_in_the_windows_language_not_the_projects(
    qtbot, chinese_ui: None, env: GuiEnv
) -> None:
    window, _project_id = _window(qtbot, env)  # an English project (its documents print in English)
    follow_up = _capture(qtbot, env, window, "Another dashboard")
    follow_up.check_scope()  # nothing picked: out of scope
    assert follow_up.verdict.text() == "范围外：不属于任何合同范围条目。请分级并作出决定。"


@pytest.mark.parametrize("confirmed", [True, False])
def test_triage_a_saves_the_client_notice_only_when_confirmed(
    qtbot, env: GuiEnv, monkeypatch: pytest.MonkeyPatch, confirmed: bool
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        capture_module, "confirm_notice", lambda _p, notice: shown.append(notice.summary) or confirmed
    )
    window, project_id = _window(qtbot, env)
    follow_up = _capture(qtbot, env, window, "Line stops without the interlock fix")
    _triage(follow_up, Triage.A)
    assert len(shown) == 1 and shown[0]
    logged = [e.summary for e in list_log_entries(env.ctx, project_id).rows]
    assert (shown[0] in logged) is confirmed


def test_a_log_entry_becomes_an_extra_ask(qtbot, env: GuiEnv) -> None:
    window, project_id = _window(qtbot, env)
    entry = add_log_entry(
        env.ctx,
        LogEntryDraft(
            project_id=project_id,
            occurred_at=datetime(2026, 3, 2, 2, tzinfo=UTC),
            summary="Plant manager asked for a second label printer",
        ),
    )
    window.workspace.refresh()
    window.workspace.open_record(AREA_LOG, entry.id)
    wait_idle(qtbot, env.tasks)
    page = window.workspace.page_for(AREA_LOG)
    assert isinstance(page, LogPage) and page.panel.current_item().id == entry.id
    page.act_extra_ask.trigger()
    wait_idle(qtbot, env.tasks)
    dialog = page.capture_flow.dialog
    assert isinstance(dialog, CaptureAskDialog)
    dialog.accept()  # left empty: the entry's summary and day fill the ask
    wait_idle(qtbot, env.tasks)
    follow_up = page.capture_flow.dialog
    assert isinstance(follow_up, AskFollowUpDialog), dialog.message_bar.text()
    assert follow_up.request.title == "Plant manager asked for a second label printer"


def test_a_captured_ask_starts_with_no_triage_and_no_decision(qtbot, env: GuiEnv) -> None:
    window, _project_id = _window(qtbot, env)
    follow_up = _capture(qtbot, env, window, "Two-hour fix of the label printer driver")
    assert follow_up.triage.currentData() is Triage.UNTRIAGED  # nothing presumed
    assert "no decision" in follow_up.consequence.text()
    follow_up.accept()  # left for later
    assert not follow_up.isVisible(), follow_up.message_bar.text()
    saved = get_change_request(env.ctx, follow_up.request.id)
    assert (saved.triage, saved.decision, saved.decided_by) == (Triage.UNTRIAGED, Decision.PENDING, "")
    follow_up = _capture(qtbot, env, window, "Line stops without the interlock fix")
    follow_up.triage.setCurrentIndex(follow_up.triage.findData(Triage.A.value))
    assert "billable" not in follow_up.consequence.text().split(";")[0]  # A: do now, not "billable"


def test_saving_the_ask_opens_the_new_change_request_with_a_confirmation(qtbot, env: GuiEnv) -> None:
    from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS

    window, _project_id = _window(qtbot, env)
    follow_up = _capture(qtbot, env, window, "Shift report export to Excel")
    _triage(follow_up, Triage.C)
    wait_idle(qtbot, env.tasks)
    page = window.workspace.current_page()
    assert page.area == AREA_CHANGE_REQUESTS
    assert page.panels[0].current_item().id == follow_up.request.id, "the new change request is selected"
    message = window.statusBar().currentMessage()
    assert (
        message.startswith(f"Saved {follow_up.request.ref} Shift report export to Excel")
        and "triage C" in message
    )
    assert follow_up.verdict.parentWidget() is follow_up.content, "the verdict has the whole width"


def test_after_the_capture_the_keyboard_is_in_the_list_on_the_new_request(qtbot, env: GuiEnv) -> None:
    """Ctrl+D decides the request the capture just saved: the keyboard is left in its list, not where
    it was before Ctrl+Shift+A (the project list, a filter) where Ctrl+D does nothing."""
    window, _project_id = _window(qtbot, env)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigator.focus_filter()
    follow_up = _capture(qtbot, env, window, "Shift report export to Excel")
    _triage(follow_up, Triage.C)
    wait_idle(qtbot, env.tasks)
    panel = window.workspace.current_page().panels[0]
    assert panel.current_item().id == follow_up.request.id
    assert window.focusWidget() is panel.view
