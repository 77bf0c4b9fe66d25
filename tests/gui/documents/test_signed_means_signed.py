"""The loop as a user walks it in the window (demo data, DD-2026-014): signing the expectation letter on
the pad confirms its expectations (the Overview says so), a name not entitled to sign is refused with
the reason, a refusal lands on Home; the handover gate holds on the Handover page, in the refusal of
the Documents page and on Home."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidget

from deliverydesk.domain.attention import AttentionKind
from deliverydesk.domain.enums import ExpectationStatus, LetterKind, SignMethod
from deliverydesk.gui.dialogs.documents.preview import PreviewDialog
from deliverydesk.gui.dialogs.documents.sign import SignDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.models.attention import DETAIL, WHAT
from deliverydesk.gui.pages.base import AREA_DOCUMENTS, AREA_HANDOVER, AREA_OVERVIEW
from deliverydesk.gui.pages.project.documents import DocumentsPage
from deliverydesk.gui.pages.project.handover import HandoverPage
from deliverydesk.gui.pages.project.overview import OverviewPage
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.records.expectations import list_expectations
from deliverydesk.services.records.projects import get_project_by_code
from tests.gui.conftest import wait_idle
from tests.gui.documents.test_documents import draw
from tests.gui.project.conftest import type_text

CODE = "DD-2026-014"


@pytest.fixture
def window(qtbot, demo_env: GuiEnv) -> MainWindow:
    shown = MainWindow(demo_env, "sqlite:///test.db")
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    wait_idle(qtbot, demo_env.tasks)
    return shown


def open_area(qtbot, window: MainWindow, area: str, record_id: str = ""):
    project_id = get_project_by_code(window.env.ctx, CODE).id
    window.open_record(project_id, area, record_id)
    wait_idle(qtbot, window.env.tasks)
    page = window.workspace.page_for(area)
    assert page is not None
    return page


def overview_text(qtbot, window: MainWindow) -> str:
    page = open_area(qtbot, window, AREA_OVERVIEW)
    assert isinstance(page, OverviewPage)
    page.refresh()
    wait_idle(qtbot, window.env.tasks)
    return page.meter_texts["expectations"].text()


def issued_letter(window: MainWindow) -> str:
    project_id = get_project_by_code(window.env.ctx, CODE).id
    request = DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)
    return letters.issue_document(window.env.ctx, request).letter.id


def sign_dialog(qtbot, window: MainWindow, letter_id: str) -> tuple[DocumentsPage, SignDialog]:
    page = open_area(qtbot, window, AREA_DOCUMENTS, letter_id)
    assert isinstance(page, DocumentsPage)
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().id == letter_id)
    page.sign_selected()
    qtbot.waitUntil(lambda: isinstance(page.dialog, SignDialog), timeout=10_000)
    return page, page.dialog


def test_signing_on_screen_confirms_the_expectations_and_the_overview_says_so(
    qtbot, window: MainWindow
) -> None:
    ctx = window.env.ctx
    project_id = get_project_by_code(ctx, CODE).id
    live = [e for e in list_expectations(ctx, project_id).rows if e.status is not ExpectationStatus.WITHDRAWN]
    before = overview_text(qtbot, window)
    total = len(live)
    assert total >= 2 and before != f"{total} of {total} confirmed in writing"
    page, dialog = sign_dialog(qtbot, window, issued_letter(window))
    assert SignMethod(dialog.method.currentData()) is SignMethod.ON_SCREEN
    assert dialog.signer.currentText() == "王建国"  # the contact entitled to sign
    assert dialog.signed_on.parentWidget().isHidden() and not dialog.today_note.isHidden()  # on screen: today
    dialog.pad.resize(480, 180)
    draw(dialog.pad, [(30, 140), (90, 40), (150, 130), (230, 60), (320, 120)])
    dialog.place.setText("苏州工业园区")
    dialog.accept()
    assert dialog.result_value is not None, dialog.message_bar.text()
    wait_idle(qtbot, window.env.tasks)
    assert "Confirmed in writing by this signature: E-1" in page.dialog.text()  # the note after signing
    assert overview_text(qtbot, window) == f"{total} of {total} confirmed in writing"


def test_a_name_not_entitled_to_sign_is_refused_and_a_refusal_goes_home(qtbot, window: MainWindow) -> None:
    letter_id = issued_letter(window)
    _page, dialog = sign_dialog(qtbot, window, letter_id)
    dialog.method.setCurrentIndex(dialog.method.findData(SignMethod.ON_PAPER))
    assert not dialog.signed_on.parentWidget().isHidden()  # paper: the day the client signed is entered
    dialog.signer.setEditText("")
    type_text(dialog.signer.lineEdit(), "李娜")  # the coordinator: a contact, but not "may sign"
    dialog.scan = ("scan.pdf", b"%PDF-1.4 scan", "application/pdf")
    dialog.accept()
    assert dialog.isVisible() and "李娜 is not entitled to sign" in dialog.field_error("signer_name")
    dialog.method.setCurrentIndex(dialog.method.findData(SignMethod.REFUSED))
    type_text(dialog.note, "Wants E-2 measured over a month")
    dialog.accept()
    assert dialog.result_value is not None, dialog.message_bar.text()
    assert dialog.result_value.confirmed == ()
    window.show_home()
    wait_idle(qtbot, window.env.tasks)
    model = window.home.model
    lines = [
        (model.index(r, WHAT, model.index(g, 0)).data(), model.index(r, DETAIL, model.index(g, 0)).data())
        for g in range(model.rowCount())
        for r in range(model.rowCount(model.index(g, 0)))
    ]
    assert (f"{CODE}-EL v1  Expectation confirmation letter", "refused: talk to the client") in lines


def test_the_handover_gate_in_the_window(qtbot, window: MainWindow) -> None:
    page = open_area(qtbot, window, AREA_HANDOVER)
    assert isinstance(page, HandoverPage)
    box = page.findChild(QGroupBox, "handoverBlockers")
    blockers = page.findChild(QListWidget, "handoverBlockerList")
    assert box is not None and blockers is not None and not box.isHidden()
    texts = [blockers.item(i).text() for i in range(blockers.count())]
    assert any("is neither accepted nor listed as an open item with an owner and a date" in t for t in texts)
    documents = open_area(qtbot, window, AREA_DOCUMENTS)
    assert isinstance(documents, DocumentsPage)
    documents.new_handover.click()
    qtbot.waitUntil(lambda: isinstance(documents.dialog, PreviewDialog), timeout=10_000)
    preview = documents.dialog
    assert preview.pdf.startswith(b"%PDF")  # a draft can always be previewed
    assert preview.issue_button is not None
    preview.issue_button.click()
    wait_idle(qtbot, window.env.tasks)
    assert preview.isVisible() and preview.status.text().startswith("The handover report cannot be issued")
    assert texts[0] in preview.status.text()  # the same words as on the Handover page
    assert not any(r.kind is LetterKind.HANDOVER for r in documents.data.letters)


def test_home_names_what_blocks_a_handover_that_is_due(qtbot, window: MainWindow) -> None:
    from dataclasses import replace

    from deliverydesk.domain.drafts import ProjectDraft, draft_from
    from deliverydesk.domain.enums import ProjectStatus
    from deliverydesk.services.records.projects import get_project, update_project

    ctx = window.env.ctx
    project = get_project(ctx, get_project_by_code(ctx, CODE).id)
    update_project(ctx, replace(draft_from(ProjectDraft, project), status=ProjectStatus.HANDED_OVER))
    window.show_home()
    wait_idle(qtbot, window.env.tasks)
    model = window.home.model
    groups = {model.index(g, 0).data(): g for g in range(model.rowCount())}
    title = next(t for t in groups if t.startswith("Handover reports that cannot be issued yet"))
    group = model.index(groups[title], 0)
    first = model.index(0, WHAT, group).data()
    assert "neither accepted nor listed as an open item" in first or "written material" in first
    assert AttentionKind.HANDOVER_BLOCKED in {i.kind for i in (model.item_at(model.index(0, 0, group)),)}


def test_the_signed_column_s_tip_names_the_signer_its_text_may_be_elided(qtbot, window: MainWindow) -> None:
    page, dialog = sign_dialog(qtbot, window, issued_letter(window))
    dialog.pad.resize(480, 180)
    draw(dialog.pad, [(30, 140), (90, 40), (150, 130), (230, 60), (320, 120)])
    dialog.accept()
    assert dialog.result_value is not None, dialog.message_bar.text()
    wait_idle(qtbot, window.env.tasks)
    page.refresh()
    wait_idle(qtbot, window.env.tasks)
    model = page.model
    signed_rows = [row for row in range(model.rowCount()) if model.index(row, 6).data()]
    assert signed_rows
    for row in signed_rows:
        shown = model.index(row, 6).data()
        assert shown.startswith("王建国 · ")  # who first: at 1366 px the method is what gets elided
        who_and_when = shown.rsplit(" · ", 1)[0]
        assert page.table.fontMetrics().horizontalAdvance(who_and_when) < page.table.columnWidth(6)
        tip = model.index(row, 6).data(Qt.ItemDataRole.ToolTipRole)
        assert "王建国" in tip and "Recorded" in tip
        assert model.index(row, 1).data() in model.index(row, 1).data(
            Qt.ItemDataRole.ToolTipRole
        )  # its own text
