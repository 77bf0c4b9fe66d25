"""The commitments register on the Log page: record one from a log entry, see it on Home, confirm it
in writing with an email entry, close it with a note; a Home line opens the Log page on it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from deliverydesk.domain.attention import AttentionItem, AttentionKind
from deliverydesk.domain.drafts import CommitmentDraft, LogEntryDraft
from deliverydesk.domain.enums import LogKind, OwnerSide
from deliverydesk.gui.dialogs.records.commitment import (
    CloseCommitmentDialog,
    CommitmentDialog,
    ConfirmCommitmentDialog,
)
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import to_qdate
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.models.attention import ITEM_ROLE
from deliverydesk.gui.pages.base import AREA_LOG
from deliverydesk.gui.pages.home import HomePage
from deliverydesk.gui.pages.project import log as log_page_module
from deliverydesk.gui.pages.project.commitments import STATUS, CommitmentModel
from deliverydesk.gui.pages.project.log import LogPage
from deliverydesk.services.records.commitments import get_commitment, record_commitment
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.records.projects import get_project_by_code
from tests.gui.conftest import wait_idle
from tests.gui.project.conftest import Workbench, type_text


def _log_page(bench: Workbench) -> LogPage:
    page = bench.page(AREA_LOG)
    assert isinstance(page, LogPage)
    return page


def _entry(bench: Workbench, kind: LogKind, summary: str) -> str:
    ctx = bench.env.ctx
    draft = LogEntryDraft(project_id=bench.project_id, occurred_at=ctx.now(), summary=summary, kind=kind)
    return add_log_entry(ctx, draft).id


def _lines(home: HomePage, kind: AttentionKind) -> list[tuple[AttentionItem, QModelIndex]]:
    """Home's lines of one kind, with their index in the tree (groups, then items)."""
    model, found = home.model, []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(ITEM_ROLE).kind is kind:
                found.append((index.data(ITEM_ROLE), index))
    return found


def _home(bench: Workbench) -> HomePage:
    home = HomePage(bench.env)
    bench.qtbot.addWidget(home)
    home.refresh()
    bench.idle()
    return home


def test_a_commitment_recorded_from_a_log_entry_shows_on_home(bench: Workbench) -> None:
    call = _entry(bench, LogKind.CALL, "Call with Wang about the network plan")
    page = _log_page(bench)
    page.panel.view.selectRow(0)
    assert page.commitments.act_record.isEnabled()
    page.commitments.act_record.trigger()
    dialog = page.dialog
    assert isinstance(dialog, CommitmentDialog)
    assert dialog.confirm.isChecked(), "a call is verbal: confirm in writing by default"
    type_text(dialog.description, "提供二厂网络规划")
    dialog.owner_side.set_value(OwnerSide.CLIENT)
    type_text(dialog.owner_name, "王建国")
    dialog.due_date.setDate(to_qdate(bench.env.ctx.today()))
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible(), dialog.message_bar.text()

    assert page.commitments.panel.model.rowCount() == 1
    recorded = page.commitments.panel.model.row_item(0)
    assert (recorded.log_entry_id, recorded.description, recorded.owner_name) == (
        call,
        "提供二厂网络规划",
        "王建国",
    )
    home = _home(bench)
    due = [item for item, _index in _lines(home, AttentionKind.COMMITMENT_DUE)]
    assert [(i.record_id, i.title) for i in due] == [(recorded.id, "提供二厂网络规划")]
    assert [i.record_id for i, _ in _lines(home, AttentionKind.CONFIRM_IN_WRITING)] == [recorded.id]


def test_an_empty_description_stays_in_the_dialog_with_the_message(bench: Workbench) -> None:
    page = _log_page(bench)
    page.commitments.panel.new_wanted.emit()
    dialog = page.dialog
    assert isinstance(dialog, CommitmentDialog)
    dialog.accept()
    assert dialog.field_error("description") == "This cannot be empty."


def test_confirm_in_writing_then_close_with_a_note(bench: Workbench) -> None:
    ctx = bench.env.ctx
    draft = CommitmentDraft(
        project_id=bench.project_id,
        description="Send the test report",
        due_date=ctx.today() - timedelta(days=2),
        confirm_in_writing=True,
    )
    commitment = record_commitment(ctx, draft)
    email = _entry(bench, LogKind.EMAIL, "Email: test report promised by Friday")
    page = _log_page(bench)
    section = page.commitments
    assert section.panel.select_record(commitment.id)
    assert section.model.index(0, STATUS).data().startswith("Overdue")

    section.act_confirm.trigger()
    confirm = page.dialog
    assert isinstance(confirm, ConfirmCommitmentDialog)
    confirm.email.setCurrentIndex(confirm.email.findData(email))
    confirm.accept()
    bench.idle()
    assert get_commitment(ctx, commitment.id).confirmation_log_entry_id == email

    assert section.panel.select_record(commitment.id)
    assert section.act_close.isEnabled() and not section.act_reopen.isEnabled()
    section.act_close.trigger()
    closing = page.dialog
    assert isinstance(closing, CloseCommitmentDialog)
    type_text(closing.note, "报告已邮件发送")
    closing.accept()
    bench.idle()
    closed = get_commitment(ctx, commitment.id)
    assert (closed.closed_on, closed.closed_note) == (ctx.today(), "报告已邮件发送")
    assert section.model.index(0, STATUS).data().startswith("Met on")
    home = _home(bench)
    assert _lines(home, AttentionKind.COMMITMENT_DUE) == []
    assert _lines(home, AttentionKind.CONFIRM_IN_WRITING) == []


def test_a_home_line_opens_the_log_page_on_the_commitment(qtbot, demo_env: GuiEnv) -> None:
    window = MainWindow(demo_env)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, demo_env.tasks)
    item, index = _lines(window.home, AttentionKind.COMMITMENT_DUE)[0]
    rect = window.home.view.visualRect(index)
    QTest.mouseClick(window.home.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, demo_env.tasks)
    page = window.workspace.current_page()
    assert isinstance(page, LogPage)
    assert page.commitments.panel.current_item().id == item.record_id


def test_the_commitment_model_passes_the_model_tester(qtmodeltester, demo_env: GuiEnv) -> None:
    showcase = get_project_by_code(demo_env.ctx, "DD-2026-014").id
    data = LogPage.load(demo_env.ctx, showcase).commitments
    assert [c.is_open for c in data.page.rows] == [True, True, False], "open ones first"
    model = CommitmentModel()
    model.today = data.today
    model.set_rows(data.page.rows)
    qtmodeltester.check(model)
    statuses = [model.index(row, STATUS).data() for row in range(model.rowCount())]
    assert statuses[0] == "Overdue" and statuses[1] == "Open · to confirm in writing"
    assert statuses[2].startswith("Met on")
    model.set_rows([])
    qtmodeltester.check(model)


def test_an_email_beyond_the_loaded_log_can_confirm(bench: Workbench, monkeypatch) -> None:
    """The log pages as it scrolls; the written confirmation is offered from every email entry."""
    monkeypatch.setattr(log_page_module, "PAGE_SIZE", 2)
    # the view asks for more rows while it has room: keep the log at its first page (no race with it)
    monkeypatch.setattr(log_page_module.LogPage, "_fetch_more", lambda _page, _offset: None)
    ctx = bench.env.ctx
    old = add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=bench.project_id,
            occurred_at=ctx.now() - timedelta(days=30),
            summary="Email: plan promised",
            kind=LogKind.EMAIL,
        ),
    )
    for summary in ("Site visit", "Call"):
        _entry(bench, LogKind.MEETING, summary)
    commitment = record_commitment(
        ctx,
        CommitmentDraft(
            project_id=bench.project_id,
            description="Plan",
            due_date=ctx.today(),
            confirm_in_writing=True,
        ),
    )
    page = _log_page(bench)
    assert page.panel.model.find(old.id) is None  # not loaded yet
    assert page.commitments.panel.select_record(commitment.id)
    page.commitments.act_confirm.trigger()
    confirm = page.dialog
    assert isinstance(confirm, ConfirmCommitmentDialog)
    assert confirm.email.findData(old.id) >= 0
