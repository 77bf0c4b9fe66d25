"""Attachments in the window: the Log page lists the selected entry's files (name, size, type) with
Open, Save as… and Archive; the entry dialog takes files (refusing hostile ones at once) and attaches
them once saved; change requests carry files too. All file work runs on the task runner."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from deliverydesk.domain.drafts import ChangeRequestDraft, LogEntryDraft
from deliverydesk.domain.enums import LogKind
from deliverydesk.gui.dialogs.records.log_entry import LogEntryDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_LOG, ProjectPage
from deliverydesk.gui.pages.project import attachments as box_module
from deliverydesk.gui.pages.project import panel as panel_module
from deliverydesk.gui.pages.project.attachments import NAME, SIZE, TYPE, AttachmentModel
from deliverydesk.gui.pages.project.change_requests import ChangeRequestsPage
from deliverydesk.gui.pages.project.log import FILES, LogPage
from deliverydesk.gui.widgets.attachments import format_size, open_folder
from deliverydesk.services.records import attachments
from deliverydesk.services.records.attachments import RecordLink
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.gui.project.conftest import Confirmations, Workbench, create_project_through_dialog, open_bench
from tests.integration.attachments.conftest import png_declaring, tiny_png


@pytest.fixture
def bench(qtbot, env: GuiEnv) -> Workbench:
    return open_bench(qtbot, env, create_project_through_dialog(qtbot, env))


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> Confirmations:
    answers = Confirmations()
    monkeypatch.setattr(panel_module, "confirm_archive", answers)
    return answers


def _log_with_entry(bench: Workbench) -> tuple[LogPage, str]:
    draft = LogEntryDraft(
        project_id=bench.project_id,
        occurred_at=bench.env.ctx.now(),
        kind=LogKind.SITE_VISIT,
        summary="现场检查",
    )
    entry = add_log_entry(bench.env.ctx, draft)
    page = _page_on(bench, AREA_LOG, entry.id)
    assert isinstance(page, LogPage)
    return page, entry.id


def _page_on(bench: Workbench, area: str, record_id: str) -> ProjectPage:
    """``area``'s page, reloaded, with ``record_id`` selected."""
    page = bench.page(area)
    page.refresh()
    bench.idle()
    page.panel.select_record(record_id)  # type: ignore[attr-defined]
    bench.idle()
    return page


def _shown(model: AttachmentModel) -> list[tuple[str, str, str]]:
    return [
        (model.index(r, NAME).data(), model.index(r, SIZE).data(), model.index(r, TYPE).data())
        for r in range(model.rowCount())
    ]


def test_files_attached_to_an_entry_show_with_name_size_and_type(bench: Workbench, tmp_path: Path) -> None:
    page, entry_id = _log_with_entry(bench)
    photo = tmp_path / "现场照片 🚧.png"
    photo.write_bytes(tiny_png(30, 20))
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_declaring(100_000, 100_000))
    page.attachments.attach([photo, bomb])
    bench.idle()
    size = format_size(photo.stat().st_size)
    assert _shown(page.attachments.panel.model) == [("现场照片 🚧.png", size, "image/png")]
    assert "bomb.png" in page.attachments.note.text() and "too many pixels" in page.attachments.note.text()
    row = page.panel.model.row_of(entry_id)
    assert page.panel.model.index(row, FILES).data() == "1"


def test_open_hands_a_private_verified_copy_to_the_desktop(bench: Workbench, tmp_path: Path) -> None:
    page, entry_id = _log_with_entry(bench)
    data = tiny_png(9, 9)
    item = attachments.add_attachment(
        bench.env.ctx,
        attachments.AttachmentDraft(
            project_id=bench.project_id, filename="照片.png", data=data, log_entry_id=entry_id
        ),
    )
    opened: list[QUrl] = []
    page.attachments.open_url = opened.append
    page.attachments.reload()
    bench.idle()
    page.attachments.panel.select_record(item.id)
    page.attachments.panel.edit_current()
    bench.idle()
    path = Path(opened[0].toLocalFile())
    assert path.name == "照片.png" and path.read_bytes() == data
    assert path.is_relative_to(open_folder())
    page.attachments.save_as(item, tmp_path / "saved.png")
    bench.idle()
    assert (tmp_path / "saved.png").read_bytes() == data
    assert str(tmp_path / "saved.png") in page.attachments.note.text()


def test_archiving_hides_a_file_and_keeps_it(bench: Workbench, confirmations: Confirmations) -> None:
    page, entry_id = _log_with_entry(bench)
    draft = attachments.AttachmentDraft(
        project_id=bench.project_id, filename="scan.pdf", data=b"%PDF-1.4", log_entry_id=entry_id
    )
    item = attachments.add_attachment(bench.env.ctx, draft)
    page.attachments.reload()
    bench.idle()
    page.attachments.panel.select_record(item.id)
    page.attachments.panel.archive_current()
    bench.idle()
    assert confirmations.asked == ["scan.pdf"]
    assert page.attachments.panel.model.rowCount() == 0
    assert attachments.get_attachment(bench.env.ctx, item.id).archived


def test_the_entry_dialog_checks_files_at_once_and_attaches_them_when_saved(
    bench: Workbench,
    tmp_path: Path,
) -> None:
    page = bench.page(AREA_LOG)
    assert isinstance(page, LogPage)
    page.edit_entry(None)
    dialog = page.dialog
    assert isinstance(dialog, LogEntryDialog)
    good, bomb = tmp_path / "minutes.txt", tmp_path / "plan.gif"
    good.write_text("会议纪要")
    bomb.write_bytes(png_declaring(50_000, 50_000))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bomb))])
    drop = QDropEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    dialog.dropEvent(drop)
    bench.idle()
    assert dialog.attachments.paths() == [good]
    assert "too many pixels" in dialog.attachments.note.text()
    bench.qtbot.keyClicks(dialog.summary, "Minutes sent")
    dialog.accept()
    bench.idle()
    entry = page.panel.model.row_item(0)
    files = attachments.list_attachments(
        bench.env.ctx, bench.project_id, link=RecordLink(log_entry_id=entry.id)
    )
    assert [a.filename for a in files.rows] == ["minutes.txt"]


def test_file_work_runs_off_the_gui_thread(
    bench: Workbench,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page, _entry_id = _log_with_entry(bench)
    threads: list[threading.Thread] = []
    real = box_module.attach_files

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(box_module, "attach_files", spy)
    big = tmp_path / "big.bin"
    big.write_bytes(b"\x01" * (25 * 1024 * 1024))  # the largest file allowed
    page.attachments.attach([big])
    bench.idle()
    assert threads and threads[0] is not threading.main_thread()
    assert page.attachments.panel.model.rowCount() == 1


def test_a_change_request_shows_and_takes_files(bench: Workbench, tmp_path: Path) -> None:
    request = create_change_request(
        bench.env.ctx,
        ChangeRequestDraft(
            project_id=bench.project_id, title="Extra report", requested_on=bench.env.ctx.today()
        ),
    )
    page = _page_on(bench, AREA_CHANGE_REQUESTS, request.id)
    assert isinstance(page, ChangeRequestsPage)
    quote = tmp_path / "报价单.pdf"
    quote.write_bytes(b"%PDF-1.7 quote")
    page.attachments.attach([quote])
    bench.idle()
    assert _shown(page.attachments.panel.model) == [("报价单.pdf", format_size(14), "application/pdf")]
    stored = attachments.list_attachments(
        bench.env.ctx, bench.project_id, link=RecordLink(change_request_id=request.id)
    )
    assert stored.total == 1


def test_the_attachment_model_passes_the_model_tester(qtmodeltester, bench: Workbench) -> None:
    page, entry_id = _log_with_entry(bench)
    draft = attachments.AttachmentDraft(
        project_id=bench.project_id, filename="a.txt", data=b"a", log_entry_id=entry_id
    )
    attachments.add_attachment(bench.env.ctx, draft)
    page.attachments.reload()
    bench.idle()
    qtmodeltester.check(page.attachments.panel.model)


def test_read_only_files_can_be_opened_and_saved_but_not_added(
    qtbot, bench: Workbench, tmp_path: Path
) -> None:
    _page, entry_id = _log_with_entry(bench)
    draft = attachments.AttachmentDraft(
        project_id=bench.project_id, filename="a.txt", data=b"a", log_entry_id=entry_id
    )
    item = attachments.add_attachment(bench.env.ctx, draft)
    box = box_module.AttachmentsBox(replace(bench.env, readonly=True))
    qtbot.addWidget(box)
    box.show_record(bench.project_id, RecordLink(log_entry_id=entry_id))
    bench.idle()
    box.panel.select_record(item.id)
    assert not box.panel.act_new.isEnabled() and not box.panel.act_archive.isEnabled()
    assert box.panel.act_edit.isEnabled() and box.act_save_as.isEnabled()
    extra = tmp_path / "b.txt"
    extra.write_text("b")
    box.attach([extra])
    bench.idle()
    assert attachments.list_attachments(bench.env.ctx, bench.project_id).total == 1


def test_files_dropped_on_an_entry_are_attached_to_it(bench: Workbench, tmp_path: Path) -> None:
    page, entry_id = _log_with_entry(bench)
    photo = tmp_path / "photo.png"
    photo.write_bytes(tiny_png())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    view = page.panel.view
    row = page.panel.model.row_of(entry_id)
    where = view.visualRect(view.model().index(row, 2)).center()
    drop = QDropEvent(
        QPointF(where),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert page.file_drops.eventFilter(view.viewport(), drop)  # what the viewport's filter gets
    assert drop.isAccepted()
    bench.idle()
    files = attachments.list_attachments(
        bench.env.ctx, bench.project_id, link=RecordLink(log_entry_id=entry_id)
    )
    assert [a.filename for a in files.rows] == ["photo.png"]
