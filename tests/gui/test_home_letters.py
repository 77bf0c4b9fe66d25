"""Home's "Expectation letters out of date": a project whose expectation changed after its letter was
issued shows a line that says what to do, and the line opens the project's Documents area (asking it
to select the letter)."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from deliverydesk.domain.attention import AttentionKind
from deliverydesk.domain.drafts import ExpectationDraft
from deliverydesk.domain.enums import ExpectationStatus, LetterKind
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.models.attention import DETAIL, ITEM_ROLE, WHAT
from deliverydesk.gui.pages.base import AREA_DOCUMENTS
from deliverydesk.gui.pages.project.documents import DocumentsPage
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.records.expectations import create_expectation, get_expectation, update_expectation
from tests.gui.conftest import wait_idle
from tests.integration.services.conftest import make_client, make_project


def _outdated_letter(ctx: ServiceContext) -> tuple[str, str]:
    """A project whose confirmed expectation was edited after its letter was issued: (project, letter)."""
    client_id, _signer, _coordinator = make_client(ctx)
    project_id = make_project(ctx, client_id, code="DD-EL-9")
    draft = ExpectationDraft(
        project_id=project_id, statement="<b>扫码</b> 2 秒", status=ExpectationStatus.CONFIRMED
    )
    expectation = create_expectation(ctx, draft)
    request = DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)
    letter = letters.issue_document(ctx, request).letter
    item = get_expectation(ctx, expectation.id)
    values = {f.name: getattr(item, f.name) for f in fields(ExpectationDraft)}
    update_expectation(ctx, ExpectationDraft(**{**values, "statement": "<b>扫码</b> 3 秒"}))
    return project_id, letter.id


def _line(window: MainWindow) -> QModelIndex:
    model = window.home.model
    groups = [model.index(row, 0) for row in range(model.rowCount())]
    [group] = [g for g in groups if g.data().startswith("Expectation letters out of date")]
    [index] = [model.index(row, 0, group) for row in range(model.rowCount(group))]
    assert index.data(ITEM_ROLE).kind is AttentionKind.EXPECTATION_LETTER_OUTDATED
    return index


def test_the_home_line_opens_the_documents_area_on_the_letter(qtbot, env: GuiEnv) -> None:
    project_id, letter_id = _outdated_letter(env.ctx)
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, env.tasks)
    index = _line(window)
    ref = letters.get_letter(env.ctx, letter_id).ref
    assert index.siblingAtColumn(WHAT).data() == f"Expectation letter {ref} v1 out of date"
    assert index.siblingAtColumn(DETAIL).data() == "expectations changed: re-issue it and get it signed again"
    opened: list[tuple[str, str, str]] = []
    window.home.record_opened.connect(lambda *args: opened.append(args))
    window.home.view.scrollTo(index)
    rect = window.home.view.visualRect(index)
    QTest.mouseClick(window.home.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, env.tasks)
    assert window.stack.currentWidget() is window.splitter
    assert window.workspace.project_id == project_id
    page = window.workspace.page_for(AREA_DOCUMENTS)
    assert page is not None and window.workspace.current_page() is page
    assert opened == [(project_id, AREA_DOCUMENTS, letter_id)]
    assert isinstance(page, DocumentsPage)
    assert (selected := page.selected()) is not None and selected.id == letter_id  # once the list loaded
