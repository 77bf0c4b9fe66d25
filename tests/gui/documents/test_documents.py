"""The Documents page, its preview, printing, export and the signature pad."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest

from deliverydesk.domain.enums import LetterKind, LetterStatus, SignMethod
from deliverydesk.gui.dialogs.documents import sealing
from deliverydesk.gui.dialogs.documents.output import PrintJob
from deliverydesk.gui.dialogs.documents.preview import PreviewDialog
from deliverydesk.gui.dialogs.documents.sign import SignDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.pages.project.documents import DocumentsPage
from deliverydesk.gui.widgets.signature_pad import MAX_PNG_SIZE, SignaturePad
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.records.projects import get_project_by_code
from tests.gui.conftest import wait_idle

LEFT, NO_MOD = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def draw(pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    QTest.mousePress(pad, LEFT, NO_MOD, QPoint(*points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, LEFT, NO_MOD, QPoint(*points[-1]))


def ink_pixels(image: QImage) -> int:
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).alpha() > 128
    )


def open_page(qtbot, env: GuiEnv) -> tuple[DocumentsPage, str]:
    project_id = get_project_by_code(env.ctx, "DD-2026-014").id
    page = DocumentsPage(env)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    page.set_project(project_id)
    page.ensure_fresh()
    wait_idle(qtbot, env.tasks)
    return page, project_id


def test_signature_pad_draws_undoes_clears_and_exports_a_transparent_png(qtbot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 200)
    pad.show()
    with qtbot.waitSignal(pad.changed):
        draw(pad, [(20, 150), (60, 60), (110, 140), (160, 50), (220, 130)])
    draw(pad, [(260, 140), (400, 120)])
    assert len(pad.strokes) == 2 and len(pad.strokes[0]) == 5
    image = QImage.fromData(pad.to_png(), "PNG")
    assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0  # transparent background
    assert image.width() <= MAX_PNG_SIZE.width() and image.height() <= MAX_PNG_SIZE.height()
    assert image.width() > 300 and ink_pixels(image) > 20  # cropped to both strokes, ink present
    pad.undo()
    assert len(pad.strokes) == 1
    assert QImage.fromData(pad.to_png(), "PNG").width() < image.width()  # the second stroke is gone
    pad.clear()
    assert pad.is_empty() and pad.to_png() == b""


def test_page_lists_an_issued_letter(qtbot, demo_env: GuiEnv) -> None:
    project_id = get_project_by_code(demo_env.ctx, "DD-2026-014").id
    request = DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)
    issued = letters.issue_document(demo_env.ctx, request).letter
    page, _ = open_page(qtbot, demo_env)
    row = page.model.row_of(issued.id)
    assert row >= 0
    texts = [page.model.text(page.model.row_item(row), column) for column in range(7)]
    assert texts[1:5] == ["DD-2026-014-EL", "1", "Issued", issued.fingerprint[:12]]


def test_preview_shows_a_page_and_issue_adds_the_letter(qtbot, demo_env: GuiEnv, tmp_path: Path) -> None:
    page, _project_id = open_page(qtbot, demo_env)
    page.new_document(LetterKind.EXPECTATION_CONFIRMATION)
    qtbot.waitUntil(lambda: isinstance(page.dialog, PreviewDialog), timeout=10_000)
    dialog: PreviewDialog = page.dialog
    qtbot.waitUntil(lambda: dialog.preview.page_count() >= 1, timeout=10_000)  # rendered in the background
    shot = dialog.preview.pages_area.viewport().grab().toImage()
    background = shot.pixelColor(2, 2)
    assert any(  # ink: neither the page's white nor the background around the pages
        shot.pixelColor(x, y) not in (QColor("white"), background)
        for x in range(10, shot.width() - 10, 7)
        for y in range(10, min(shot.height(), 400), 7)
    )
    out = tmp_path / "draft.pdf"
    dialog.export(out)
    wait_idle(qtbot, demo_env.tasks)
    assert out.read_bytes() == dialog.pdf
    assert dialog.issue_button is not None
    dialog.issue_button.click()
    wait_idle(qtbot, demo_env.tasks)
    qtbot.waitUntil(lambda: any(r.ref == "DD-2026-014-EL" for r in page.data.letters), timeout=10_000)
    assert page.selected() is not None and page.selected().ref == "DD-2026-014-EL"


def test_printing_prints_the_same_pages(qtbot, demo_env: GuiEnv, tmp_path: Path) -> None:
    project_id = get_project_by_code(demo_env.ctx, "DD-2026-014").id
    pdf = letters.preview_document(demo_env.ctx, DocumentRequest(project_id, LetterKind.PROGRESS_SUMMARY))
    dialog = PreviewDialog(demo_env, "summary", pdf, "summary.pdf", can_issue=False)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    job = PrintJob(demo_env.tasks, dialog.pdf, printer, dialog)
    with qtbot.waitSignal(job.finished, timeout=20_000) as printed_pages:
        job.start()
    page_count = len(PdfReader(io.BytesIO(pdf)).pages)
    assert page_count >= 2 and printed_pages.args == [page_count]
    printed = PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes()))
    assert len(printed.pages) == page_count
    first = printed.pages[0]
    images = [x.get_object()["/Subtype"] for x in first["/Resources"]["/XObject"].values()]
    assert images == ["/Image"]  # the page, as one picture


def test_signing_on_the_pad_puts_the_signature_in_the_pdf(qtbot, demo_env: GuiEnv) -> None:
    project_id = get_project_by_code(demo_env.ctx, "DD-2026-014").id
    issued = letters.issue_document(
        demo_env.ctx, DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)
    )
    page, _ = open_page(qtbot, demo_env)
    page.show_record(issued.letter.id)
    assert page.sign_button.isEnabled()
    page.sign_selected()
    qtbot.waitUntil(lambda: isinstance(page.dialog, SignDialog), timeout=10_000)
    dialog: SignDialog = page.dialog
    assert SignMethod(dialog.method.currentData()) is SignMethod.ON_SCREEN and dialog.signer.currentText()
    dialog.accept()
    assert dialog.field_error("signature_png")  # nothing drawn yet
    dialog.pad.resize(480, 180)
    draw(dialog.pad, [(30, 140), (90, 40), (150, 130), (230, 60), (320, 120)])
    dialog.place.setText("苏州")
    dialog.accept()
    assert dialog.result_value is not None, dialog.message_bar.text()
    result: letters.SignResult = dialog.result_value
    assert result.letter.status is LetterStatus.SIGNED and result.signed_pdf is not None
    last_page = PdfReader(io.BytesIO(result.signed_pdf)).pages[-2]  # then the certificate page
    subtypes = [x.get_object()["/Subtype"] for x in last_page["/Resources"]["/XObject"].values()]
    assert "/Image" in subtypes
    wait_idle(qtbot, demo_env.tasks)
    assert any(r.status is LetterStatus.SIGNED for r in page.data.letters)


def test_progress_summary_narrative_is_kept_with_the_issued_summary(qtbot, demo_env: GuiEnv) -> None:
    from deliverydesk.gui.dialogs.documents.summary import SummaryDialog
    from tests.gui.project.conftest import type_text

    page, _ = open_page(qtbot, demo_env)
    page.write_summary()
    qtbot.waitUntil(lambda: isinstance(page.dialog, SummaryDialog), timeout=10_000)
    dialog: SummaryDialog = page.dialog
    assert dialog.next_actions.rows(), "pre-filled from the open milestones that are not late"
    assert dialog.period_start.date() < dialog.period_end.date(), "since the previous summary, not today"
    dialog.goal.clear()
    type_text(dialog.goal, "上线 <b>SAT</b>")
    dialog.next_actions.set_rows([])
    row = dialog.next_actions.add_row(("", "王建国", None))
    dialog.accept()
    assert dialog.field_error("next_actions"), "a row needs its action"
    dialog.next_actions.table.item(row, 0).setText("Order scanners")
    dialog.next_actions.cell_widget_date(row, 2).set_value(date(2026, 3, 20))
    assert dialog.next_actions.rows() == [("Order scanners", "王建国", date(2026, 3, 20))]
    dialog.accept()
    qtbot.waitUntil(lambda: isinstance(page.dialog, PreviewDialog), timeout=10_000)
    assert page.dialog.issue_button is not None
    page.dialog.issue_button.click()
    qtbot.waitUntil(
        lambda: any(r.kind is LetterKind.PROGRESS_SUMMARY for r in page.data.letters), timeout=10_000
    )
    summary = next(r for r in page.data.letters if r.kind is LetterKind.PROGRESS_SUMMARY)
    assert '"goal":"上线 <b>SAT</b>"' in summary.content_json
    assert '"owner":"王建国"' in summary.content_json and '"due":"2026-03-20"' in summary.content_json


def test_issuing_asks_first_and_says_what_will_be_sealed(
    qtbot, demo_env: GuiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []
    monkeypatch.setattr(sealing, "confirm_issue", lambda _parent, lines: asked.append(list(lines)) or False)
    page, _ = open_page(qtbot, demo_env)
    page.new_document(LetterKind.HANDOVER)
    qtbot.waitUntil(lambda: isinstance(page.dialog, PreviewDialog), timeout=10_000)
    dialog: PreviewDialog = page.dialog
    assert "DRAFT" in "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf)).pages
    ) or "草稿" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert dialog.issue_button is not None
    dialog.issue_button.click()  # answered Cancel: nothing is issued
    wait_idle(qtbot, demo_env.tasks)
    assert asked and asked[0][0].startswith("DD-2026-014-HO version 1")
    assert any(line.startswith("Scope items: ") for line in asked[0])
    assert not any(r.ref == "DD-2026-014-HO" for r in page.data.letters) and dialog.isVisible()


def test_the_letter_asks_for_its_assumptions_and_prints_them(qtbot, demo_env: GuiEnv) -> None:
    from deliverydesk.gui.dialogs.documents.sealing import AssumptionsDialog

    page, _ = open_page(qtbot, demo_env)
    page.write_letter()
    qtbot.waitUntil(lambda: isinstance(page.dialog, AssumptionsDialog), timeout=10_000)
    dialog: AssumptionsDialog = page.dialog
    dialog.rows.add_row(("Line 3 keeps its product mix during the rollout",))
    dialog.rows.add_row(("",))  # an empty row is left out
    dialog.accept()
    qtbot.waitUntil(lambda: isinstance(page.dialog, PreviewDialog), timeout=10_000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page.dialog.pdf)).pages)
    assert "Line 3 keeps its product mix" in "".join(text.split("\n"))


def test_a_translation_is_the_same_version_in_the_other_language(qtbot, demo_env: GuiEnv) -> None:
    page, project_id = open_page(qtbot, demo_env)
    assert page.data is not None and page.data.decided
    request = DocumentRequest(
        project_id, LetterKind.CHANGE_DECISION, change_request_id=page.data.decided[0].id
    )
    issued = letters.issue_document(demo_env.ctx, request).letter
    page.refresh()
    wait_idle(qtbot, demo_env.tasks)
    page.show_record(issued.id)
    assert page.translate_button.isEnabled()
    page.translate_selected()
    qtbot.waitUntil(lambda: isinstance(page.dialog, PreviewDialog), timeout=10_000)
    page.dialog.issue_button.click()
    qtbot.waitUntil(lambda: sum(r.ref == issued.ref for r in page.data.letters) == 2, timeout=10_000)
    translation = next(r for r in page.data.letters if r.ref == issued.ref and r.id != issued.id)
    assert translation.version == issued.version and translation.translation_of_id == issued.id
    assert translation.language is not issued.language


def test_change_decision_is_picked_from_decided_requests(qtbot, demo_env: GuiEnv) -> None:
    page, _ = open_page(qtbot, demo_env)
    assert page.new_change.isEnabled() and page.data is not None and page.data.decided
    page.choose_change_request()
    choice = page.dialog
    choice.setTextValue(choice.comboBoxItems()[0])
    choice.accept()
    qtbot.waitUntil(lambda: isinstance(page.dialog, PreviewDialog), timeout=10_000)
    assert page.dialog.pdf.startswith(b"%PDF")


def test_the_change_decision_chooser_starts_at_the_request_decided_last(qtbot, demo_env: GuiEnv) -> None:
    """Decide, then write its letter: the chooser starts at the newest decision, not at CR-1."""
    from deliverydesk.domain.refs import ref_sort_key

    page, _ = open_page(qtbot, demo_env)
    assert page.data is not None and len(page.data.decided) > 1
    newest = max(page.data.decided, key=lambda r: (r.decided_on or r.requested_on, ref_sort_key(r.ref)))
    assert newest.ref != "CR-1"
    page.choose_change_request()
    assert page.dialog.textValue().startswith(f"{newest.ref}  ")
    page.dialog.reject()


def test_file_menu_opens_the_documents_page_of_the_open_project(qtbot, demo_env: GuiEnv) -> None:
    from deliverydesk.gui.main_window import MainWindow

    window = MainWindow(demo_env, "sqlite:///test.db")
    qtbot.addWidget(window)
    window.show()
    window.act_documents.trigger()  # no project open yet: the project filter gets the focus
    assert window.workspace.project_id is None
    project_id = get_project_by_code(demo_env.ctx, "DD-2026-014").id
    window.workspace.set_project(project_id)
    window.act_documents.trigger()
    assert isinstance(window.workspace.current_page(), DocumentsPage)
    wait_idle(qtbot, demo_env.tasks)
    window.close()


def test_the_summary_and_the_letter_name_a_character_the_fonts_lack_at_its_field(
    qtbot, demo_env: GuiEnv
) -> None:
    from deliverydesk.gui.dialogs.documents.sealing import AssumptionsDialog
    from deliverydesk.gui.dialogs.documents.summary import SummaryDialog

    page, _ = open_page(qtbot, demo_env)
    page.write_summary()
    qtbot.waitUntil(lambda: isinstance(page.dialog, SummaryDialog), timeout=10_000)
    summary: SummaryDialog = page.dialog
    summary.goal.setPlainText("Go live 🚀")
    summary.accept()
    assert "U+1F680" in summary.field_error("goal") and summary.isVisible()
    summary.reject()
    page.write_letter()
    qtbot.waitUntil(lambda: isinstance(page.dialog, AssumptionsDialog), timeout=10_000)
    letter: AssumptionsDialog = page.dialog
    letter.rows.add_row(("The line runs 😀",))
    letter.accept()
    assert "U+1F600" in letter.field_error("assumptions") and letter.isVisible()


def test_the_sign_dialog_names_the_letter_it_records_a_signature_for(qtbot, demo_env: GuiEnv) -> None:
    """The document (kind, reference, version and, for a change decision, its request) is named in
    the dialog, not only in its title bar; its button says what it does, not "Save"."""
    project_id = get_project_by_code(demo_env.ctx, "DD-2026-014").id
    page, _ = open_page(qtbot, demo_env)
    request = page.data.decided[0]
    issued = letters.issue_document(
        demo_env.ctx, DocumentRequest(project_id, LetterKind.CHANGE_DECISION, change_request_id=request.id)
    ).letter
    page.refresh()
    wait_idle(qtbot, demo_env.tasks)
    page.show_record(issued.id)
    page.sign_selected()
    qtbot.waitUntil(lambda: isinstance(page.dialog, SignDialog), timeout=10_000)
    dialog: SignDialog = page.dialog
    assert dialog.document.full_text() == f"Change decision {issued.ref}, version {issued.version}"
    assert dialog.change_request.full_text() == f"{request.ref}  {request.title}"
    assert dialog.change_request.isVisibleTo(dialog)
    assert not dialog.document.is_elided() and dialog.document.width() > 200, "shown, whole"
    button = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert button.text() == "Record signature"
    dialog.method.setCurrentIndex(dialog.method.findData(SignMethod.REFUSED))
    assert button.text() == "Record the refusal"
    dialog.discard()
