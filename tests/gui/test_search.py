"""Search records… (Ctrl+Shift+F): type a term, see the hit with the match in bold, open the record."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.domain.models import Page
from deliverydesk.domain.search import SearchHit, SearchKind, SnippetPart
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages.base import AREA_LOG
from deliverydesk.gui.pages.search import PAGE_SIZE, SearchDialog
from deliverydesk.gui.pages.search_model import FOUND, SNIPPET_HTML_ROLE, SearchResultsModel, snippet_html
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.log import add_log_entry
from tests.gui.conftest import wait_idle
from tests.gui.project.conftest import type_text
from tests.integration.services.conftest import make_client, make_project

WHEN = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)


def _log(ctx: ServiceContext, project_id: str, summary: str, details: str = "") -> str:
    draft = LogEntryDraft(project_id=project_id, occurred_at=WHEN, summary=summary, details=details)
    return add_log_entry(ctx, draft).id


@pytest.fixture
def window(qtbot, env: GuiEnv) -> MainWindow:
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, env.tasks)
    return window


def _open_search(qtbot, window: MainWindow) -> SearchDialog:
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_F, modifiers)
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.query.hasFocus())
    return dialog


def test_typing_a_chinese_term_shows_the_hit_and_enter_opens_it(
    qtbot, window: MainWindow, env: GuiEnv
) -> None:
    client_id, _signer, _coordinator = make_client(env.ctx)
    project_id = make_project(env.ctx, client_id)
    entry_id = _log(env.ctx, project_id, "客户要求增加现场培训", "<b>not bold</b> & 合同")
    _log(env.ctx, project_id, "Unrelated call")
    dialog = _open_search(qtbot, window)

    type_text(dialog.query, "现场培训")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)  # after the pause, on a worker

    hit = dialog.model.row_item(0)
    assert (hit.kind, hit.record_id, hit.project_code) == (SearchKind.LOG_ENTRY, entry_id, "DD-2026-014")
    html = dialog.model.index(0, FOUND).data(SNIPPET_HTML_ROLE)
    assert "<b>现场培训</b>" in html
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; 合同" in html  # the record's markup stays text
    assert dialog.status.text() == "Matches: 1"
    dialog.view.setFocus()
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    wait_idle(qtbot, env.tasks)
    assert window.workspace.project_id == project_id
    log_page = window.workspace.page_for(AREA_LOG)
    assert window.workspace.current_page() is log_page
    selected = lambda: getattr(log_page.panel.current_item(), "id", None)  # noqa: E731
    qtbot.waitUntil(lambda: selected() == entry_id)  # the entry itself is selected


def test_scope_this_project_or_all_and_a_short_english_term(qtbot, window: MainWindow, env: GuiEnv) -> None:
    client_id, _signer, _coordinator = make_client(env.ctx)
    first = make_project(env.ctx, client_id)
    second = make_project(env.ctx, client_id, code="DD-2026-099")
    _log(env.ctx, first, "QA sign-off")
    _log(env.ctx, second, "QA walkthrough")
    window.open_record(first, AREA_LOG, "")
    wait_idle(qtbot, env.tasks)
    dialog = _open_search(qtbot, window)
    wait_idle(qtbot, env.tasks)
    assert dialog.scope.currentText() == "This project (DD-2026-014)"

    qtbot.keyClicks(dialog.query, "qa")
    QTest.keyClick(dialog.query, Qt.Key.Key_Return)  # at once, without the pause
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    dialog.scope.setCurrentIndex(1)  # all projects
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert {dialog.model.row_item(row).project_code for row in range(2)} == {"DD-2026-014", "DD-2026-099"}


def test_more_results_are_fetched_as_the_table_scrolls(qtbot, window: MainWindow, env: GuiEnv) -> None:
    client_id, _signer, _coordinator = make_client(env.ctx)
    project_id = make_project(env.ctx, client_id)
    for number in range(PAGE_SIZE + 7):
        _log(env.ctx, project_id, f"设备调试 第{number}次")
    dialog = _open_search(qtbot, window)
    dialog.query.setText("设备调试")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == PAGE_SIZE)
    assert dialog.model.canFetchMore()
    dialog.view.scrollToBottom()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == PAGE_SIZE + 7)
    assert not dialog.model.canFetchMore()


def test_a_late_result_of_an_older_search_is_dropped(qtbot, window: MainWindow) -> None:
    dialog = _open_search(qtbot, window)
    dialog.query.setText("first")
    dialog.search_now()
    stale_generation = dialog._generation
    dialog.query.setText("second")
    dialog.search_now()
    hit = SearchHit(SearchKind.ISSUE, "id", "p", "DD-1", "I-1", "t", (SnippetPart("x", True),), None)
    dialog._shown((stale_generation, Page(rows=(hit,), total=1, offset=0, limit=50)))
    assert dialog.model.rowCount() == 0


def test_the_model_passes_qt_checks_and_escapes_every_part(qtmodeltester) -> None:
    model = SearchResultsModel()
    parts = (SnippetPart("<i>a</i> & ", False), SnippetPart("<script>", True))
    hit = SearchHit(SearchKind.LOG_ENTRY, "id", "p", "DD-1", "", "t", parts, WHEN, is_correction=True)
    model.set_rows([hit], 1)
    qtmodeltester.check(model)
    assert snippet_html(parts) == "&lt;i&gt;a&lt;/i&gt; &amp; <b>&lt;script&gt;</b>"
    assert model.index(0, 0).data() == "Log entry (correction)"


def test_a_long_found_text_fits_its_column_and_ends_in_an_ellipsis(
    qtbot, window: MainWindow, env: GuiEnv
) -> None:
    """The found text is painted cut to its column with "…", the match still bold, like every other
    cell (it was clipped at the column's edge, mid-character, with no ellipsis); the column ends at
    the view's edge."""
    from PySide6.QtGui import QFontMetrics

    from deliverydesk.gui.pages.search_model import elided_parts

    client_id, _signer, _coordinator = make_client(env.ctx)
    project_id = make_project(env.ctx, client_id)
    _log(env.ctx, project_id, "Importer", "the importer " + "dropped the lot codes again " * 12)
    dialog = _open_search(qtbot, window)
    dialog.resize(700, 400)  # narrower than the snippet needs
    type_text(dialog.query, "importer")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    header = dialog.view.horizontalHeader()
    found_end = header.sectionViewportPosition(FOUND) + header.sectionSize(FOUND)
    assert found_end <= dialog.view.viewport().width()
    assert dialog.view.horizontalScrollBar().maximum() == 0

    font = dialog.view.font()
    parts = elided_parts(dialog.model.row_item(0).snippet, 300, font)
    text = "".join(part.text for part in parts)
    assert text.endswith("…") and QFontMetrics(font).horizontalAdvance(text) <= 300
    assert any(part.matched and part.text.lower() == "importer" for part in parts)
    short = (SnippetPart("a ", False), SnippetPart("match", True))
    assert elided_parts(short, 300, font) == short  # what fits is left whole


def test_the_cut_is_found_by_bisection() -> None:
    """The longest fitting prefix is found in a logarithmic number of measurements (it measured one
    character less at a time: hundreds per painted row for a long snippet)."""
    from deliverydesk.gui.pages.search_model import _longest_fitting

    for room in (0, 5, 37, 399, 400, 1000):
        measured: list[int] = []

        def width_of(n: int, measured: list[int] = measured) -> int:
            measured.append(n)
            return n  # one pixel per character

        assert _longest_fitting(400, width_of, room) == min(room, 400)
        assert len(measured) <= 10  # ceil(log2(401))
    assert _longest_fitting(0, lambda n: 0, 10) == 0
