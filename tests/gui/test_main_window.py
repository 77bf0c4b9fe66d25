"""The window frame: remembered geometry/splitter/columns, standard shortcuts, About, Help entries,
New project through its dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from deliverydesk import __version__
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import NAVIGATOR_MAX, NAVIGATOR_MIN, MainWindow
from deliverydesk.services.records.projects import list_projects
from tests.gui.conftest import wait_idle


def _window(qtbot, env: GuiEnv) -> MainWindow:
    window = MainWindow(env, "sqlite:///test.db")
    qtbot.addWidget(window)
    window.show()
    return window


def test_geometry_splitter_and_columns_are_remembered(qtbot, demo_env: GuiEnv) -> None:
    first = _window(qtbot, demo_env)
    first.show_projects()
    wait_idle(qtbot, demo_env.tasks)
    first.splitter.setSizes([first.splitter.width() - 500, 500])
    first.navigator.view.setColumnWidth(1, 133)  # the code (the name stretches to the pane's width)
    sizes = first.splitter.sizes()
    first.close()
    assert demo_env.paths.settings_file.is_file(), "kept in the data folder's INI file"
    second = _window(qtbot, demo_env)
    second.show_projects()
    wait_idle(qtbot, demo_env.tasks)
    assert second.splitter.sizes() == sizes
    assert second.navigator.view.columnWidth(1) == 133


def test_the_project_list_is_built_on_first_use_and_a_start_without_it_keeps_its_place(
    qtbot, demo_env: GuiEnv
) -> None:
    """Today does not show the project list: it is built when Projects is first shown, and a window
    closed without showing it leaves the remembered splitter and columns as they were."""
    first = _window(qtbot, demo_env)
    first.show_projects()
    wait_idle(qtbot, demo_env.tasks)
    first.splitter.setSizes([first.splitter.width() - 500, 500])
    first.navigator.view.setColumnWidth(1, 133)
    sizes = first.splitter.sizes()
    first.close()
    today_only = _window(qtbot, demo_env)
    wait_idle(qtbot, demo_env.tasks)
    assert today_only.splitter.count() == 1, "the list is not built for Today"
    today_only.close()
    third = _window(qtbot, demo_env)
    third.show_projects()
    wait_idle(qtbot, demo_env.tasks)
    assert third.splitter.widget(0) is third.navigator
    assert third.splitter.sizes() == sizes
    assert third.navigator.view.columnWidth(1) == 133
    assert third.navigator.model.rowCount() == len(list_projects(demo_env.ctx).rows)


def test_a_remembered_size_too_big_for_this_screen_is_not_restored(qtbot, demo_env: GuiEnv) -> None:
    """Saved on a larger screen: this one gets the window maximized, never beyond its edges."""
    first = _window(qtbot, demo_env)
    first.showNormal()
    first.resize(1300, 900)  # the offscreen test screen is 800 x 800
    first.close()
    second = _window(qtbot, demo_env)
    qtbot.waitUntil(second.isMaximized)
    area = second.screen().availableGeometry()
    assert second.frameGeometry().height() <= area.height() + 2  # (800 px is narrower than its minimum)


def test_standard_shortcuts_are_bound(qtbot, env: GuiEnv) -> None:
    window = _window(qtbot, env)
    keys = QKeySequence.StandardKey
    for action, key in (
        (window.act_new, keys.New),
        (window.act_find, keys.Find),
        (window.act_close, keys.Close),
        (window.act_quit, keys.Quit),
    ):
        assert action.shortcut() == QKeySequence(key) or action.shortcuts()[0].matches(QKeySequence(key)), (
            action.text()
        )
    assert not window.act_settings.shortcut().isEmpty()  # Preferences, or Ctrl+, where it has none


def test_find_focuses_the_project_filter(qtbot, demo_env: GuiEnv) -> None:
    window = _window(qtbot, demo_env)
    window.act_find.trigger()
    assert window.stack.currentWidget() is window.splitter
    assert window.focusWidget() is window.navigator.filter_edit or window.navigator.filter_edit.hasFocus()


def test_about_names_version_and_data_folder(qtbot, env: GuiEnv) -> None:
    window = _window(qtbot, env)
    window.show_about()
    box = window.last_dialog
    qtbot.addWidget(box)
    assert box.isVisible()
    assert str(env.paths.root) in box.informativeText()
    assert box.text() == f"DeliveryDesk {__version__}"
    notices = Path(box.informativeText().rsplit(": ", 1)[1])
    assert notices.name == "THIRD-PARTY-NOTICES.txt" and "LGPL" in notices.read_text(encoding="utf-8")


def test_help_opens_the_data_folder_and_the_log(qtbot, env: GuiEnv) -> None:
    opened: list[str] = []
    window = _window(qtbot, env)
    window.open_url = lambda url: opened.append(url.toLocalFile()) or True
    window.act_data_folder.trigger()
    window.act_log.trigger()
    assert opened == [str(env.paths.root), str(env.paths.log_file)]


def test_new_project_through_the_dialog(qtbot, env: GuiEnv) -> None:
    window = _window(qtbot, env)
    window.act_new.trigger()
    qtbot.waitUntil(lambda: window.last_dialog.dialog is not None)
    dialog = window.last_dialog.dialog
    qtbot.addWidget(dialog)
    dialog.client.setEditText("华东精密制造有限公司")
    dialog.code.setText("dd-2026-100")
    dialog.accept()
    assert dialog.isVisible() and dialog.field_error("name"), "a name is required"
    dialog.name.setText("MES 三期 / MES phase 3")
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    wait_idle(qtbot, env.tasks)
    projects = list_projects(env.ctx).rows
    assert [(p.code, p.client_name) for p in projects] == [("DD-2026-100", "华东精密制造有限公司")]
    assert window.workspace.project_id == projects[0].id


def test_a_bad_new_project_creates_no_client(qtbot, env: GuiEnv) -> None:
    from deliverydesk.services.records.clients import list_clients

    window = _window(qtbot, env)
    window.act_new.trigger()
    qtbot.waitUntil(lambda: window.last_dialog.dialog is not None)
    dialog = window.last_dialog.dialog
    qtbot.addWidget(dialog)
    dialog.client.setEditText("New client Ltd.")
    dialog.code.setText("DD 2026 / 1")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.field_error("code") and dialog.field_error("name")
    assert list_clients(env.ctx).total == 0


def test_the_project_list_first_takes_its_share_of_the_window_as_it_was_placed(
    qtbot, demo_env: GuiEnv
) -> None:
    """Built on first use, the list gets the width it had when it was built with the window: a share
    of the window as it was placed, not of the width it has when Projects is first shown."""
    window = _window(qtbot, demo_env)
    placed = window.width()
    window.showNormal()
    window.resize(2000, window.height())  # wide enough for both sides: a share of this would be wider
    window.show_projects()
    wait_idle(qtbot, demo_env.tasks)
    expected = min(max(int(placed * 0.3), NAVIGATOR_MIN), NAVIGATOR_MAX)
    assert window.splitter.sizes()[0] == expected
