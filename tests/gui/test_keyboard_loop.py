"""The whole loop from the keyboard, no mouse: a new project (Ctrl+N), an extra ask captured and
triaged (Ctrl+Shift+A), decided (Ctrl+D), a log entry (Ctrl+L, type, Enter) undone (Ctrl+Z, Enter),
the expectation letter previewed and issued (Ctrl+E, Tab to the button, Space, Enter), the next area
(Ctrl+Page Down), an expectation added (Ctrl+Page Up, Insert). Every key goes to whatever has the
focus, as a user's keyboard would."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from deliverydesk.domain.enums import Decision, LetterStatus
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_DOCUMENTS, AREA_EXPECTATIONS, AREA_LOG
from deliverydesk.services.documents.letters import list_letters
from deliverydesk.services.records.log import list_log_entries
from deliverydesk.services.records.projects import list_projects
from deliverydesk.services.records.settings import get_settings, settings_draft, update_settings
from deliverydesk.services.scope_guard.change_requests import list_change_requests
from tests.gui.conftest import wait_idle

CTRL, SHIFT, NONE = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.NoModifier,
)


def focused() -> QWidget:
    """Where a key goes: the focus widget, else the active window (after a dialog closes offscreen)."""
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None, "a window is active"
    return widget


def key(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.keyClick(focused(), key, modifiers)
    qtbot.wait(20)


def answer_the_box(key_: Qt.Key) -> None:
    """A message box the next key opens (its exec() waits for an answer): answered from the keyboard
    as soon as it shows."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            QTest.keyClick(box, key_)
        else:
            QTimer.singleShot(20, press)

    QTimer.singleShot(0, press)


def choose_in_the_box(text: str) -> None:
    """A question the next key opens: Tab to its button named ``text``, then Space."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not (isinstance(box, QMessageBox) and box.isVisible()):
            QTimer.singleShot(20, press)
            return
        for _ in range(6):
            chosen = box.focusWidget()
            if isinstance(chosen, QPushButton) and chosen.text() == text:
                break
            QTest.keyClick(chosen or box, Qt.Key.Key_Tab)
        QTest.keyClick(box.focusWidget() or box, Qt.Key.Key_Space)

    QTimer.singleShot(0, press)


def type_in(qtbot, text: str) -> None:
    QTest.keyClicks(focused(), text)


def tab_to(qtbot, accept, limit: int = 40) -> QWidget:
    """Tab until ``accept(widget)``: what a user does to reach a field or a button."""
    for _ in range(limit):
        if accept(focused()):
            return focused()
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"not reachable with Tab; stuck at {focused()!r}")


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_the_whole_loop_from_the_keyboard(qtbot, env: GuiEnv) -> None:
    # decisions are taken under your name (Settings, once)
    update_settings(env.ctx, replace(settings_draft(get_settings(env.ctx)), engineer_name="Zhang Hao"))
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitActive(window)
    wait_idle(qtbot, env.tasks)

    # a new project: Ctrl+N, the client field has the focus; Tab through; Ctrl+S saves
    key(qtbot, Qt.Key.Key_N, CTRL)
    wait_idle(qtbot, env.tasks)
    qtbot.waitUntil(lambda: getattr(window.last_dialog, "dialog", None) is not None)
    dialog = window.last_dialog.dialog
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    type_in(qtbot, "Acme Foods")
    tab_to(qtbot, lambda w: w is dialog.code)
    type_in(qtbot, "DD-2026-300")
    key(qtbot, Qt.Key.Key_Tab)
    type_in(qtbot, "Cold store")
    key(qtbot, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, env.tasks)
    assert [p.code for p in list_projects(env.ctx).rows] == ["DD-2026-300"]

    # an extra ask: Ctrl+Shift+A, type, Ctrl+S; then triage with the arrow keys, Ctrl+S
    activate(qtbot, window)
    key(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    wait_idle(qtbot, env.tasks)
    qtbot.waitUntil(
        lambda: window.capture_flow.dialog is not None and window.capture_flow.dialog.isActiveWindow()
    )
    type_in(qtbot, "Night shift report")
    key(qtbot, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, env.tasks)
    follow_up = window.capture_flow.dialog
    qtbot.waitUntil(lambda: follow_up.isActiveWindow())
    tab_to(qtbot, lambda w: w is follow_up.triage)
    key(qtbot, Qt.Key.Key_Down)
    answer_the_box(Qt.Key.Key_Return)  # triaged A: "Tell the client", the drafted notice kept with Enter
    key(qtbot, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, env.tasks)
    assert window.workspace.current_page().area == AREA_CHANGE_REQUESTS
    (request,) = list_change_requests(env.ctx, window.workspace.project_id).rows

    # decide it: the new request is selected; Ctrl+D from its list
    page = window.workspace.current_page()
    activate(qtbot, window)
    page.panel.view.setFocus()
    key(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isActiveWindow())
    decide = page.dialog
    tab_to(qtbot, lambda w: w is decide.rationale)
    type_in(qtbot, "Out of scope: billed")  # decided by you (the roster's person on this machine)
    key(qtbot, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, env.tasks)
    decided = list_change_requests(env.ctx, window.workspace.project_id).rows[0]
    assert decided.id == request.id and decided.decision is not Decision.PENDING

    # a log entry: Ctrl+L, type, Enter; a stray one undone: Ctrl+Z, Enter keeps the reason
    activate(qtbot, window)
    key(qtbot, Qt.Key.Key_L, CTRL)
    wait_idle(qtbot, env.tasks)
    assert window.workspace.current_page().area == AREA_LOG
    type_in(qtbot, "Typed in the wrong project")
    key(qtbot, Qt.Key.Key_Return)
    wait_idle(qtbot, env.tasks)
    window.workspace.current_page().panel.view.setFocus()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    reason = window.env.undo.reason_dialog
    qtbot.waitUntil(lambda: reason is not None and reason.isActiveWindow())
    key(qtbot, Qt.Key.Key_Return)
    wait_idle(qtbot, env.tasks)
    entries = list_log_entries(env.ctx, window.workspace.project_id).rows
    stray = next(e for e in entries if e.summary == "Typed in the wrong project")
    assert stray.voided

    # an expectation: two areas back (Ctrl+Page Up), the keyboard in its list's panel, Insert, type, Ctrl+S
    activate(qtbot, window)
    key(qtbot, Qt.Key.Key_PageUp, CTRL)
    key(qtbot, Qt.Key.Key_PageUp, CTRL)
    wait_idle(qtbot, env.tasks)
    expectations = window.workspace.current_page()
    assert expectations.area == AREA_EXPECTATIONS
    assert expectations.panel.isAncestorOf(focused()), "the page took the focus"
    key(qtbot, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: expectations.dialog is not None and expectations.dialog.isActiveWindow())
    tab_to(qtbot, lambda w: w is expectations.dialog.statement)
    type_in(qtbot, "Cold store temperatures logged every minute")
    key(qtbot, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, env.tasks)
    assert expectations.panel.records

    # the expectation letter: Ctrl+E, Tab to its button, Space asks for its assumptions, Ctrl+S
    # previews, Enter asks what will be sealed, Tab to Issue and Space issues
    activate(qtbot, window)
    key(qtbot, Qt.Key.Key_E, CTRL)
    wait_idle(qtbot, env.tasks)
    documents = window.workspace.current_page()
    assert documents.area == AREA_DOCUMENTS
    tab_to(qtbot, lambda w: isinstance(w, QPushButton) and w.text() == "New expectation letter")
    key(qtbot, Qt.Key.Key_Space)
    wait_idle(qtbot, env.tasks)
    assumptions = documents.dialog
    qtbot.waitUntil(lambda: assumptions is not None and assumptions.isActiveWindow())
    key(qtbot, Qt.Key.Key_S, CTRL)
    wait_idle(qtbot, env.tasks)
    qtbot.waitUntil(lambda: documents.dialog is not assumptions and documents.dialog is not None)
    preview = documents.dialog
    qtbot.waitUntil(lambda: preview.isActiveWindow())
    assert preview.issue_button is not None and preview.issue_button.isDefault()
    choose_in_the_box("Issue")
    key(qtbot, Qt.Key.Key_Return)
    wait_idle(qtbot, env.tasks)
    letters = list_letters(env.ctx, window.workspace.project_id)
    assert [letter.status for letter in letters] == [LetterStatus.ISSUED], preview.status.text()

    # the next area from the keyboard
    activate(qtbot, window)
    before = window.workspace.area_list.currentRow()
    key(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert window.workspace.area_list.currentRow() == (before + 1) % len(window.workspace.pages)
