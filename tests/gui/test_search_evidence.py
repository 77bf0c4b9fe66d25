"""Evidence packs from the Search window (the log entries found, in one project) and from the Log page
(a date range)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from deliverydesk.domain.drafts import ChangeRequestDraft
from deliverydesk.domain.search import SearchKind
from deliverydesk.gui.dialogs.documents.evidence import EvidenceDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages.base import AREA_LOG
from deliverydesk.gui.pages.project.log import LogPage
from deliverydesk.gui.pages.search import PAGE_SIZE, SearchDialog
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.gui import test_search as search_tests
from tests.gui.conftest import wait_idle
from tests.integration.services.conftest import make_client, make_project

WHEN = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)
window = search_tests.window  # the same fixture: a shown main window
_log = search_tests._log


def _search(qtbot, window: MainWindow, env: GuiEnv, text: str, rows: int) -> SearchDialog:
    window.search_records()
    dialog = window.search_dialog
    assert dialog is not None
    wait_idle(qtbot, env.tasks)
    dialog.query.setText(text)
    dialog.search_now()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == rows)
    return dialog


def _pack_dialog(qtbot, env: GuiEnv, search: SearchDialog) -> EvidenceDialog:
    assert search.evidence.button.isEnabled(), search.evidence.button.toolTip()
    search.evidence.button.click()
    wait_idle(qtbot, env.tasks)
    dialog = search.evidence.evidence_dialog
    assert isinstance(dialog, EvidenceDialog) and dialog.isVisible()
    return dialog


def test_the_pack_holds_every_log_entry_found_not_only_the_loaded_rows(
    qtbot, window: MainWindow, env: GuiEnv, tmp_path: Path
) -> None:
    client_id, _signer, _coordinator = make_client(env.ctx)
    project_id = make_project(env.ctx, client_id)
    ids = {_log(env.ctx, project_id, f"设备调试 第{n}次") for n in range(PAGE_SIZE + 5)}
    draft = ChangeRequestDraft(project_id=project_id, title="设备调试 加班", requested_on=WHEN.date())
    create_change_request(env.ctx, draft)  # found too, but not a log entry: not in the pack
    window.open_record(project_id, AREA_LOG, "")
    search = _search(qtbot, window, env, "设备调试", PAGE_SIZE)
    dialog = _pack_dialog(qtbot, env, search)
    topic = dialog.topic
    assert topic is not None and topic.project_id == project_id
    assert set(topic.log_entry_ids) == ids and topic.search_text == "设备调试" and not topic.label

    out = tmp_path / "pack.pdf"
    dialog.path.setText(str(out))
    dialog.accept()
    qtbot.waitUntil(out.exists, timeout=10_000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "第0次" in text and "加班" not in text


@pytest.mark.qt_log_ignore("This plugin does not support")  # the menu pops up offscreen
def test_found_in_several_projects_the_user_picks_one(qtbot, window: MainWindow, env: GuiEnv) -> None:
    client_id, _signer, _coordinator = make_client(env.ctx)
    first = make_project(env.ctx, client_id)
    second = make_project(env.ctx, client_id, code="DD-2026-099")
    _log(env.ctx, first, "QA sign-off")
    wanted = {_log(env.ctx, second, "QA walkthrough"), _log(env.ctx, second, "QA retest")}
    search = _search(qtbot, window, env, "qa", 3)  # no project open: all projects
    assert search.scope.currentData() is None
    search.evidence.button.click()
    wait_idle(qtbot, env.tasks)
    menu = search.evidence.menu
    assert menu is not None and search.evidence.evidence_dialog is None
    choices = [a for a in menu.actions() if a.isEnabled()]
    assert [a.text() for a in choices] == ["DD-2026-099 · 2 log entry(s)", "DD-2026-014 · 1 log entry(s)"]
    choices[0].trigger()
    dialog = search.evidence.evidence_dialog
    assert dialog is not None and dialog.topic is not None
    assert dialog.topic.project_id == second and set(dialog.topic.log_entry_ids) == wanted


def test_the_button_says_why_it_is_off(qtbot, window: MainWindow, env: GuiEnv) -> None:
    client_id, _signer, _coordinator = make_client(env.ctx)
    project_id = make_project(env.ctx, client_id)
    _log(env.ctx, project_id, "QA sign-off")
    search = _search(qtbot, window, env, "qa", 1)
    search.kind.setCurrentIndex(search.kind.findData(SearchKind.ISSUE))
    wait_idle(qtbot, env.tasks)
    button = search.evidence.button
    assert not button.isEnabled() and "Only log entries" in button.toolTip()
    search.kind.setCurrentIndex(0)
    create_change_request(
        env.ctx, ChangeRequestDraft(project_id=project_id, title="Spare parts list", requested_on=WHEN.date())
    )
    search.query.setText("spare")
    QTest.keyClick(search.query, Qt.Key.Key_Return)
    wait_idle(qtbot, env.tasks)
    assert search.model.rowCount() == 1
    assert not button.isEnabled() and "None of these results is a log entry" in button.toolTip()
    search.query.setText("nothing-like-this")
    QTest.keyClick(search.query, Qt.Key.Key_Return)
    wait_idle(qtbot, env.tasks)
    assert not button.isEnabled() and "Search first" in button.toolTip()


def test_the_log_page_offers_the_pack_of_a_date_range(qtbot, window: MainWindow, env: GuiEnv) -> None:
    client_id, _signer, _coordinator = make_client(env.ctx)
    project_id = make_project(env.ctx, client_id)
    window.open_record(project_id, AREA_LOG, "")
    wait_idle(qtbot, env.tasks)
    page = window.workspace.page_for(AREA_LOG)
    assert isinstance(page, LogPage)
    page.act_evidence.trigger()
    dialog = page.dialog
    assert isinstance(dialog, EvidenceDialog) and dialog.isVisible()
    assert dialog.topic is None and dialog.first_day is not None and dialog.last_day is not None
    assert dialog.chosen_topic().period_end == date(2026, 3, 16)
    assert dialog.chosen_topic().project_id == project_id
