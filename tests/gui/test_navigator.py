"""Project navigator on the demo database, driven through its widgets: filter, status, client, sort."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from deliverydesk.domain.enums import ProjectStatus
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.models.projects import CLIENT, CODE, NAME
from deliverydesk.gui.pages.navigator import ProjectNavigator
from tests.gui.conftest import wait_idle


@pytest.fixture
def navigator(qtbot, demo_env: GuiEnv) -> ProjectNavigator:
    widget = ProjectNavigator(demo_env)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    widget.refresh()
    wait_idle(qtbot, demo_env.tasks)
    return widget


def _column(navigator: ProjectNavigator, column: int) -> list[str]:
    model = navigator.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _type(widget, text: str) -> None:
    """Per character: qtbot.keyClicks aborts on non-ASCII text (Qt assertion in qasciikey.cpp)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def test_lists_every_demo_project_with_client_and_status(navigator: ProjectNavigator) -> None:
    assert navigator.model.rowCount() >= 5
    assert all(_column(navigator, CLIENT))
    assert navigator.model.total == navigator.model.rowCount()


def test_typing_a_code_filters_in_sql(qtbot, navigator: ProjectNavigator, demo_env: GuiEnv) -> None:
    qtbot.keyClicks(navigator.filter_edit, "2026-018")
    wait_idle(qtbot, demo_env.tasks)
    assert _column(navigator, CODE) == ["DD-2026-018"]


def test_typing_chinese_per_character_filters_by_client(
    qtbot, navigator: ProjectNavigator, demo_env: GuiEnv
) -> None:
    _type(navigator.filter_edit, "华东精密")
    assert navigator.filter_edit.text() == "华东精密"
    wait_idle(qtbot, demo_env.tasks)
    clients = _column(navigator, CLIENT)
    assert clients and all("华东精密" in name for name in clients)


def test_nothing_matches_shows_an_empty_list(qtbot, navigator: ProjectNavigator, demo_env) -> None:
    qtbot.keyClicks(navigator.filter_edit, "%_no such project")
    wait_idle(qtbot, demo_env.tasks)
    assert navigator.model.rowCount() == 0


def test_status_filter(qtbot, navigator: ProjectNavigator, demo_env: GuiEnv) -> None:
    combo = navigator.status_combo
    combo.setCurrentIndex(combo.findData(ProjectStatus.ACTIVE))
    wait_idle(qtbot, demo_env.tasks)
    statuses = _column(navigator, 4)
    assert statuses and set(statuses) == {combo.currentText()}
    assert navigator.model.rowCount() < 6


def test_client_filter(qtbot, navigator: ProjectNavigator, demo_env: GuiEnv) -> None:
    combo = navigator.client_combo
    assert combo.count() > 2
    combo.setCurrentIndex(combo.findText("Pacific Foods Ltd."))
    wait_idle(qtbot, demo_env.tasks)
    assert set(_column(navigator, CLIENT)) == {"Pacific Foods Ltd."}


def test_clicking_headers_sorts_in_sql(qtbot, navigator: ProjectNavigator, demo_env: GuiEnv) -> None:
    header = navigator.view.horizontalHeader()
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft() + _section_centre(header, NAME),
    )
    wait_idle(qtbot, demo_env.tasks)
    names = _column(navigator, NAME)
    assert navigator.query.sort == "name"
    assert names == sorted(names, key=str.casefold) or names == sorted(names)
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft() + _section_centre(header, NAME),
    )
    wait_idle(qtbot, demo_env.tasks)
    assert navigator.query.descending
    assert _column(navigator, NAME) == list(reversed(names))


def _section_centre(header, section: int):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_selecting_a_row_announces_the_project(qtbot, navigator: ProjectNavigator) -> None:
    with qtbot.waitSignal(navigator.project_selected) as signal:
        navigator.view.selectRow(1)
    assert signal.args == [navigator.model.row_item(1).id]


def test_model_passes_the_model_tester(qtmodeltester, navigator: ProjectNavigator) -> None:
    qtmodeltester.check(navigator.model)


def test_scrolling_to_the_end_fetches_the_next_page(qtbot, demo_env: GuiEnv, monkeypatch) -> None:
    monkeypatch.setattr("deliverydesk.gui.pages.navigator.PAGE_SIZE", 2)
    widget = ProjectNavigator(demo_env)
    qtbot.addWidget(widget)
    widget.resize(900, 120)
    widget.show()
    widget.refresh()
    wait_idle(qtbot, demo_env.tasks)
    total = widget.model.total
    assert total > 2
    assert widget.model.rowCount() < total

    def scrolled_to_the_end() -> bool:
        widget.view.scrollToBottom()  # the view asks the model for more; the navigator queries
        return widget.model.rowCount() == total

    qtbot.waitUntil(scrolled_to_the_end)
    codes = _column(widget, CODE)
    assert codes == sorted(codes) and len(set(codes)) == total


def test_enter_or_down_in_the_filter_goes_into_the_list_on_the_first_match(
    qtbot, navigator: ProjectNavigator, demo_env: GuiEnv
) -> None:
    """Ctrl+F, type, Enter opens the project (Down too): the keyboard switches projects without Tab,
    Tab, Tab and Space (Tab lands on the list with no row selected, and Down skips the first row)."""
    navigator.activateWindow()
    qtbot.waitUntil(navigator.isActiveWindow)
    announced: list[str] = []
    navigator.project_selected.connect(announced.append)
    navigator.focus_filter()
    qtbot.keyClicks(navigator.filter_edit, "2026-018")
    wait_idle(qtbot, demo_env.tasks)
    QTest.keyClick(navigator.filter_edit, Qt.Key.Key_Return)
    assert len(announced) == 1 and navigator.model.row_item(0).id == announced[0]
    assert navigator.view.hasFocus()
    navigator.focus_filter()
    qtbot.keyClicks(navigator.filter_edit, "DD-2026")  # several match: Down keeps the one chosen
    wait_idle(qtbot, demo_env.tasks)
    QTest.keyClick(navigator.filter_edit, Qt.Key.Key_Down)
    assert navigator.view.hasFocus() and announced == announced[:1]
    assert navigator.view.currentIndex().row() == navigator.view.selectionModel().selectedRows()[0].row()


def test_a_list_made_while_the_runner_works_shows_it_busy(qtbot, demo_env: GuiEnv) -> None:
    """``busy_changed`` tells of changes only: a list made while a page is being read (Projects opened
    before Today's rows came) shows its busy bar from the start, and hides it when the work is done."""
    release = threading.Event()
    demo_env.tasks.submit(lambda: release.wait(10), lambda _result: None)
    assert demo_env.tasks.is_busy
    widget = ProjectNavigator(demo_env)
    qtbot.addWidget(widget)
    widget.show()
    try:
        assert widget.busy.isVisible()
    finally:
        release.set()
    wait_idle(qtbot, demo_env.tasks)
    assert not widget.busy.isVisible()


def test_a_pane_wide_from_its_first_show_lists_the_optional_columns(qtbot, demo_env: GuiEnv) -> None:
    """A start restores the splitter: the navigator is wide before its list is laid out. The columns
    are fitted to the list's own width, not the one it had before the layout placed it."""
    from deliverydesk.gui.pages.navigator import OPTIONAL

    widget = ProjectNavigator(demo_env)
    qtbot.addWidget(widget)
    widget.resize(1250, 500)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(50)

    assert not any(widget.view.isColumnHidden(column) for column in OPTIONAL)
    widget.resize(300, 500)
    qtbot.waitUntil(lambda: all(widget.view.isColumnHidden(column) for column in OPTIONAL))
    widget.resize(1250, 500)
    qtbot.waitUntil(lambda: not any(widget.view.isColumnHidden(column) for column in OPTIONAL))


def test_at_its_default_width_the_list_keeps_the_names_readable_before_the_client(
    qtbot, demo_env: GuiEnv
) -> None:
    """At 1366 px the list gets about 395 px: the client column goes before the project's name is cut
    below its own width; a little wider, the client comes back."""
    from deliverydesk.gui.pages.navigator import CLIENT, MIN_NAME, NAME

    widget = ProjectNavigator(demo_env)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)

    def fitted(viewport_width: int) -> bool:
        widget.resize(widget.width() + viewport_width - widget.view.viewport().width(), 500)
        qtbot.waitUntil(lambda: widget.view.viewport().width() == viewport_width)
        return widget.view.isColumnHidden(CLIENT)

    assert fitted(395) and widget.view.columnWidth(NAME) >= MIN_NAME
    assert not fitted(480)
