"""Recurring problems: categories at N or more distinct clients, the occurrences behind a row, the
threshold remembered, and both CSV exports (UTF-8 with BOM, Chinese intact)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from deliverydesk.domain.enums import Language
from deliverydesk.domain.recurrence import (
    ClientRef,
    Occurrence,
    ProjectRef,
    RecurrenceItem,
    Trend,
    TrendDirection,
)
from deliverydesk.gui.dialogs.categories import CategoriesDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages import recurring as recurring_module
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_ISSUES
from deliverydesk.gui.pages.recurring import MIN_CLIENTS_KEY, RecurringPage
from deliverydesk.gui.pages.recurring_model import CATEGORY, CLIENTS, TREND, RecurrenceModel, names_text
from tests.gui.conftest import wait_idle


def _item(clients: int) -> RecurrenceItem:
    names = [ClientRef(f"c{n}", f"Client {n}") for n in range(clients)]
    occurrences = tuple(
        Occurrence(
            category_id="cat",
            client_id=c.client_id,
            client_name=c.name,
            project_id=f"p{n}",
            project_code=f"DD-{n}",
            record_id=f"r{n}",
            ref="I-1",
            on=date(2026, 1, 1) + timedelta(days=n),
        )
        for n, c in enumerate(names)
    )
    return RecurrenceItem(
        category_id="cat",
        category_name_en="Data migration",
        category_name_zh="数据迁移",
        clients=tuple(names),
        projects=tuple(ProjectRef(f"p{n}", f"DD-{n}", "", f"c{n}") for n in range(clients)),
        occurrences=occurrences,
        trend=Trend(1, 4, date(2026, 1, 2), TrendDirection.RISING),
    )


def test_model_texts_in_each_language(qtmodeltester) -> None:
    english, chinese = RecurrenceModel(Language.EN), RecurrenceModel(Language.ZH_CN)
    for model in (english, chinese):
        model.set_rows([_item(5)])
        qtmodeltester.check(model)
    assert english.index(0, CATEGORY).data() == "Data migration"
    assert chinese.index(0, CATEGORY).data() == "数据迁移"
    assert english.index(0, CLIENTS).data() == "5: Client 0, Client 1, Client 2 +2"
    assert english.index(0, CLIENTS).data(Qt.ItemDataRole.ToolTipRole).count("\n") == 4
    assert english.index(0, TREND).data() == "↑ 1 → 4"
    assert names_text(["a", "b"], "+%1") == "a, b"


def _page(qtbot, env: GuiEnv) -> RecurringPage:
    page = RecurringPage(env)
    qtbot.addWidget(page)
    page.show()
    page.refresh()  # the window loads the page when it is shown
    wait_idle(qtbot, env.tasks)
    return page


def test_demo_problem_recurs_at_three_clients_and_opens_its_issues(qtbot, demo_env: GuiEnv) -> None:
    page = _page(qtbot, demo_env)
    categories = [page.model.index(r, CATEGORY).data() for r in range(page.model.rowCount())]
    assert "Data migration" in categories
    row = categories.index("Data migration")
    assert page.model.row_item(row).client_count == 3
    page.show_occurrences(page.model.index(row, CATEGORY))
    dialog = page.occurrences
    assert dialog.model.rowCount() == 3
    with qtbot.waitSignal(page.record_opened) as opened:
        dialog.view.activated.emit(dialog.model.index(0, 0))
    project_id, area, record_id = opened.args
    first = dialog.model.row_item(0)
    assert (project_id, area, record_id) == (first.project_id, AREA_ISSUES, first.record_id)


def test_threshold_is_remembered_and_an_empty_result_says_why(qtbot, demo_env: GuiEnv) -> None:
    page = _page(qtbot, demo_env)
    page.min_clients.setValue(9)
    wait_idle(qtbot, demo_env.tasks)
    assert page.model.rowCount() == 0 and "9" in page.status.text()
    assert demo_env.ui_state.value(MIN_CLIENTS_KEY) == "9"
    again = _page(qtbot, demo_env)
    assert again.min_clients.value() == 9


def test_presets_and_extra_asks(qtbot, demo_env: GuiEnv) -> None:
    page = _page(qtbot, demo_env)
    today = demo_env.ctx.today()
    page.last_90_days()
    assert page.query["since"] == today - timedelta(days=89) and page.query["until"] == today
    page.min_clients.setValue(1)
    page.kind.setCurrentIndex(page.kind.findData("asks"))
    wait_idle(qtbot, demo_env.tasks)
    assert page.model.rowCount() > 0
    with qtbot.waitSignal(page.record_opened) as opened:
        page._open_occurrence(page.model.row_item(0).occurrences[0])
    assert opened.args[1] == AREA_CHANGE_REQUESTS


def test_a_period_ending_before_it_starts_is_explained(qtbot, demo_env: GuiEnv) -> None:
    page = _page(qtbot, demo_env)
    page.set_period(date(2026, 3, 1), date(2026, 2, 1))
    wait_idle(qtbot, demo_env.tasks)
    assert page.model.rowCount() == 0 and "before it starts" in page.status.text()


@pytest.mark.parametrize("language", list(Language))
def test_csv_exports_open_with_the_right_characters(
    qtbot, make_env, demo_template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    env = make_env(demo=True, demo_template=demo_template, language=language)
    page = _page(qtbot, env)
    table, register = tmp_path / "recurring.csv", tmp_path / "register.csv"
    monkeypatch.setattr(recurring_module, "ask_csv_path", lambda _parent, _name: table)
    page.export_recurrence()
    wait_idle(qtbot, env.tasks)
    monkeypatch.setattr(recurring_module, "ask_csv_path", lambda _parent, _name: register)
    page.export_issue_register()
    wait_idle(qtbot, env.tasks)
    for path in (table, register):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
    assert ("数据迁移" if language == "zh_CN" else "Data migration") in table.read_bytes().decode("utf-8-sig")
    assert "历史工单迁移后工序字段错位" in register.read_bytes().decode("utf-8-sig")
    assert str(register) in page.status.text()


def test_the_window_shows_it_with_ctrl_3_and_opens_an_occurrence(qtbot, demo_env: GuiEnv) -> None:
    window = MainWindow(demo_env)
    qtbot.addWidget(window)
    window.show()
    assert window.act_recurring.shortcut().toString() == "Ctrl+3"
    window.act_recurring.trigger()
    wait_idle(qtbot, demo_env.tasks)
    assert window.stack.currentWidget() is window.recurring and window.recurring.model.rowCount() > 0
    occurrence = window.recurring.model.row_item(0).occurrences[0]
    window.recurring._open_occurrence(occurrence)
    wait_idle(qtbot, demo_env.tasks)
    assert window.stack.currentWidget() is window.splitter
    assert window.workspace.project_id == occurrence.project_id
    window.act_categories.trigger()
    assert isinstance(window.last_dialog, CategoriesDialog) and window.last_dialog.isVisible()
