"""Home ("Today") on the demo database: what needs attention, and each line opens its project."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from deliverydesk.domain.attention import AttentionItem, AttentionKind
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.models.attention import ITEM_ROLE
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_MILESTONES
from tests.gui.conftest import wait_idle


def _items(window: MainWindow, kind: AttentionKind) -> list[tuple[AttentionItem, QModelIndex]]:
    model = window.home.model
    found = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            item = index.data(ITEM_ROLE)
            if item.kind is kind:
                found.append((item, index))
    return found


def test_home_lists_overdue_milestone_and_pending_change_request(qtbot, demo_env: GuiEnv) -> None:
    window = MainWindow(demo_env)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, demo_env.tasks)
    overdue = _items(window, AttentionKind.OVERDUE_MILESTONE)
    pending = _items(window, AttentionKind.DECISION_PENDING) + _items(window, AttentionKind.APPROVAL_PENDING)
    assert overdue, "the demo has an overdue milestone"
    assert pending, "the demo has a change request awaiting a decision"
    assert overdue[0][0].due < demo_env.ctx.today()
    shown = window.home.view.model().index(0, 0).data()
    assert "(" in shown  # group titles carry their counts


def test_clicking_a_line_opens_the_project_on_its_area(qtbot, demo_env: GuiEnv) -> None:
    window = MainWindow(demo_env)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, demo_env.tasks)
    item, index = _items(window, AttentionKind.OVERDUE_MILESTONE)[0]
    opened = []
    window.workspace.pages[0].record_opened.connect(lambda *a: opened.append(a))
    rect = window.home.view.visualRect(index)
    QTest.mouseClick(window.home.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, demo_env.tasks)
    assert window.stack.currentWidget() is window.splitter
    assert window.workspace.project_id == item.project_id
    assert item.project_code in window.workspace.title.text()
    page = window.workspace.page_for(AREA_MILESTONES) or window.workspace.pages[0]
    assert window.workspace.current_page() is page
    assert window.workspace.area_list.currentItem().text() == page.title().replace("&&", "&")
    assert AREA_CHANGE_REQUESTS  # the change-request area name exists for the pages to claim
