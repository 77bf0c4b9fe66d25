"""Home's ``rows_shown``: Today's first report is on screen (the start's integrity check waits for it).
Emitted once: after the rows' first paint, or at once when no paint of rows is coming."""

from __future__ import annotations

import pytest

from deliverydesk.errors import StorageError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.pages.home import HomePage
from deliverydesk.i18n import msg
from deliverydesk.services.attention import get_attention


def test_rows_shown_follows_the_paint_of_the_rows_once(qtbot, demo_env: GuiEnv) -> None:
    home = HomePage(demo_env)
    qtbot.addWidget(home)
    home.show()
    qtbot.waitExposed(home)
    report = get_attention(demo_env.ctx)
    seen: list[int] = []
    home.rows_shown.connect(lambda: seen.append(home.model.item_count()))

    home.show_report(report)

    assert seen == [] and not home.has_shown_rows  # set in the model, not painted yet
    with qtbot.waitSignal(home.rows_shown, timeout=5000):
        pass
    assert home.has_shown_rows and seen and seen[0] > 0
    home.show_report(report)  # a refresh: the first report only
    home.view.viewport().repaint()
    assert len(seen) == 1


def test_a_page_with_nothing_to_paint_says_so_at_once(qtbot, env: GuiEnv) -> None:
    home = HomePage(env)
    qtbot.addWidget(home)
    home.show()
    qtbot.waitExposed(home)
    report = get_attention(env.ctx)  # no project yet: the first-run page, no rows
    assert report.projects == 0
    seen: list[bool] = []
    home.rows_shown.connect(lambda: seen.append(True))

    home.show_report(report)

    assert seen == [True] and home.has_shown_rows


def test_rows_set_on_a_hidden_page_say_so_at_once(qtbot, demo_env: GuiEnv) -> None:
    home = HomePage(demo_env)  # never shown: the user went to Projects before Today's rows came
    qtbot.addWidget(home)
    seen: list[bool] = []
    home.rows_shown.connect(lambda: seen.append(True))

    home.show_report(get_attention(demo_env.ctx))

    assert home.model.item_count() > 0 and seen == [True]


def test_a_report_that_failed_says_so(qtbot, demo_env: GuiEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(_ctx: object) -> None:
        raise StorageError(msg("The database could not be read."))

    monkeypatch.setattr("deliverydesk.services.attention.get_attention", refused)
    home = HomePage(demo_env)
    qtbot.addWidget(home)
    home.show()

    with qtbot.waitSignal(home.rows_shown, timeout=10_000):
        home.refresh()

    assert home.model.item_count() == 0 and home.subheading.text()
