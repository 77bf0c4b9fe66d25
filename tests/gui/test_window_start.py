"""The main window builds only what its first paint shows; everything else is built on first use and is
still reached by its menu entry and its shortcut."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.services.records.projects import list_projects
from tests.gui.conftest import wait_idle

# Modules the first paint does not need: the project pages, dialogs, importers and the team's HTTP client;
# Today's report and the scope guard's services (loaded after the first paint), the services behind Undo.
NOT_AT_START = (
    "deliverydesk.services.attention",
    "deliverydesk.services.scope_guard",
    "deliverydesk.services.records.undo",
    "deliverydesk.gui.dialogs.base",
    "deliverydesk.gui.pages.navigator",  # Projects' list: Today does not show it
    "deliverydesk.gui.pages.workspace",
    "deliverydesk.gui.pages.project.overview",
    "deliverydesk.gui.pages.project.documents",
    "deliverydesk.gui.pages.recurring",
    "deliverydesk.gui.pages.search",
    "deliverydesk.gui.bundle_import",
    "deliverydesk.gui.dialogs.settings",
    "deliverydesk.gui.dialogs.categories",
    "deliverydesk.gui.dialogs.backups",
    "deliverydesk.gui.dialogs.records.capture",
    "deliverydesk.gui.team.approvals",
    "deliverydesk.gui.team.conflicts",
    "jsonschema",
    "httpx",
    # the ORM and the services written with it: the window's first paint and Today's report need neither
    "sqlalchemy",
    "deliverydesk.store.tables",
    "deliverydesk.services.sync.client",
    "deliverydesk.services.records.projects",
    "deliverydesk.services.records.clients",
    "deliverydesk.domain.models",  # the records: with the first list or step, not the window's frame
)


def _window(qtbot, env: GuiEnv) -> MainWindow:
    window = MainWindow(env, "sqlite:///test.db")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.subheading.text() != "")  # Today read (after the first paint)
    return window


def test_importing_the_window_leaves_pages_and_dialogs_for_later() -> None:
    code = (
        "import sys, deliverydesk.gui.main_window\n"
        f"print(' '.join(name for name in {NOT_AT_START!r} if name in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert found.stdout.split() == []


def test_today_s_report_loads_without_the_orm() -> None:
    code = (
        "import sys, deliverydesk.services.attention\n"
        "print('sqlalchemy' in sys.modules, 'deliverydesk.domain.models' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.split() == ["False", "False"]


def test_today_is_read_after_the_first_paint(qtbot, demo_env: GuiEnv) -> None:
    """The window paints its frame first; Today's rows follow (the report's modules load then)."""
    window = MainWindow(demo_env, "sqlite:///test.db")
    qtbot.addWidget(window)
    assert not demo_env.tasks.is_busy  # nothing read before the window is shown and painted
    window.show()
    qtbot.waitUntil(lambda: window.home.model.item_count() > 0)
    assert window.stack.currentWidget() is window.home


def test_today_is_asked_for_once_as_the_window_is_first_shown(
    qtbot, demo_env: GuiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its worker reads while the window is laid out and painted; neither the paint nor showing the
    window again asks a second time."""
    window = MainWindow(demo_env, "sqlite:///test.db")
    qtbot.addWidget(window)
    asked: list[bool] = []  # whether the window had painted when Today was asked for
    refresh = window.home.refresh
    monkeypatch.setattr(window.home, "refresh", lambda: (asked.append(window._painted), refresh()))
    window.show()
    assert asked == [False]
    qtbot.waitUntil(lambda: window.has_started and window.home.model.item_count() > 0)
    window.hide()
    window.show()
    wait_idle(qtbot, demo_env.tasks)
    assert asked == [False]
    assert window.home.subheading.text() != ""


def test_the_copy_keeper_starts_after_today_s_rows_are_shown(
    qtbot, demo_env: GuiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runner says it is idle just before it hands Today's rows over: the keeper (its modules,
    the document services) must not come in between."""
    rows_when_kept: list[int] = []
    window = MainWindow(demo_env, "sqlite:///test.db")
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "_keep_copies", lambda: rows_when_kept.append(window.home.model.item_count()))
    window.show()
    qtbot.waitUntil(lambda: rows_when_kept != [], timeout=10_000)
    assert rows_when_kept[0] > 0


def test_a_window_that_is_never_painted_still_reads_today(qtbot, demo_env: GuiEnv) -> None:
    window = MainWindow(demo_env, "sqlite:///test.db")  # started minimised, or hidden
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.home.model.item_count() > 0)


def test_the_workspace_is_built_when_projects_are_first_shown(qtbot, demo_env: GuiEnv) -> None:
    window = _window(qtbot, demo_env)
    wait_idle(qtbot, demo_env.tasks)
    assert window.workspace_frame.page is None, "Today is shown first: no project pages yet"
    assert window.project_id is None
    window.act_projects.trigger()
    assert window.workspace_frame.page is not None
    assert window.workspace_frame.page.isVisibleTo(window)
    assert window.stack.currentWidget() is window.splitter


def test_selecting_a_project_in_the_navigator_opens_it(qtbot, demo_env: GuiEnv) -> None:
    window = _window(qtbot, demo_env)
    window.show_projects()
    wait_idle(qtbot, demo_env.tasks)
    project = window.navigator.model.row_item(1)
    window.navigator.view.selectRow(1)  # as a click on it does
    qtbot.waitUntil(lambda: window.project_id == project.id)
    qtbot.waitUntil(lambda: window.workspace.project_code == project.code)  # its header is read on a worker


def test_a_record_opened_from_today_builds_the_workspace(qtbot, demo_env: GuiEnv) -> None:
    window = _window(qtbot, demo_env)
    wait_idle(qtbot, demo_env.tasks)
    project = list_projects(demo_env.ctx).rows[0]
    window.open_record(project.id, "log", "")
    assert window.stack.currentWidget() is window.splitter
    assert window.workspace.project_id == project.id


def test_recurring_problems_page_is_built_on_first_use_and_kept(qtbot, env: GuiEnv) -> None:
    window = _window(qtbot, env)
    assert window.stack.count() == 2, "Today and Projects"
    window.act_recurring.trigger()
    page = window.stack.currentWidget()
    assert page is window.recurring
    window.act_today.trigger()
    window.act_recurring.trigger()
    assert window.stack.currentWidget() is page
    assert window.stack.count() == 3


def test_shortcuts_reach_what_is_built_later(qtbot, demo_env: GuiEnv) -> None:
    window = _window(qtbot, demo_env)
    wait_idle(qtbot, demo_env.tasks)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.recurring
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.splitter
    assert window.workspace_frame.page is not None
    wait_idle(qtbot, demo_env.tasks)
    project = window.navigator.model.row_item(0)
    window.navigator.view.selectRow(0)
    qtbot.waitUntil(lambda: window.project_id == project.id)
    qtbot.keyClick(
        window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: window.capture_flow.dialog is not None)
    dialog = window.capture_flow.dialog
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    dialog.reject()


def test_menus_open_dialogs_built_on_demand(qtbot, env: GuiEnv) -> None:
    window = _window(qtbot, env)
    for action, name in (
        (window.act_categories, "CategoriesDialog"),
        (window.act_backups, "BackupsDialog"),
        (window.act_approvals, "ApprovalInboxDialog"),
    ):
        action.trigger()
        dialog = window.last_dialog
        assert type(dialog).__name__ == name
        assert isinstance(dialog, QDialog) and dialog.isVisible()
        dialog.reject()
    window.act_settings.trigger()  # the settings are read first, then the dialog opens
    qtbot.waitUntil(lambda: getattr(window.last_dialog, "dialog", None) is not None)
    settings = getattr(window.last_dialog, "dialog", None)
    assert type(settings).__name__ == "SettingsDialog"
    assert isinstance(settings, QDialog) and settings.isVisible()
    settings.reject()


PYSIDE_HOOK_PROBE = """
import linecache, sys
import PySide6.QtWidgets
feature = sys.modules["shibokensupport.feature"]
if sys.argv[1] == "lightened":
    import deliverydesk.gui  # the package lightens the hook as it loads
before = set(linecache.cache)
import deliverydesk.services.attention
kept = {name for name in set(linecache.cache) - before if name.endswith(".py")}
ask = feature._mod_uses_pyside
import deliverydesk.gui.pages.home
names = ("deliverydesk.domain.attention", "deliverydesk.gui.pages.home")
print("many" if len(kept) > 20 else len(kept), *(ask(sys.modules[n]) for n in names))
"""

# As the app starts (main.py): its first modules before PySide6, then the opening frame's.
APP_ORDER_PROBE = """
import linecache
import deliverydesk.app
from deliverydesk.gui import application, crash, i18n, tasks, ui_state
print(sorted(name for name in linecache.cache if "deliverydesk" in name.split("/")) or "none")
"""


def _probe(mode: str, probe: str = PYSIDE_HOOK_PROBE) -> list[str]:
    found = subprocess.run(
        [sys.executable, "-c", probe, mode],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    return found.stdout.split()


def test_modules_imported_after_pyside_do_not_stay_in_memory_as_source() -> None:
    assert _probe("upstream") == ["many", "False", "True"], "PySide6 keeps their source (the cost avoided)"
    assert _probe("lightened") == ["0", "False", "True"], "the same answers, no source kept"


def test_the_window_modules_are_imported_after_the_hook_is_lightened() -> None:
    """The hook is lightened as ``deliverydesk.gui`` loads, before the opening frame's own modules
    (crash handler, translators, task runner...) are imported: none of them is read as source."""
    assert _probe("app", APP_ORDER_PROBE) == ["none"]


ARENAS_SCRIPT = """
import ctypes, sys, threading
from deliverydesk.gui.application import share_one_malloc_arena
if sys.argv[1] == "shared":
    share_one_malloc_arena()
kept, together = [], threading.Barrier(4)

def work():  # a thread's first malloc gives it a new arena while glibc's limit allows (none is free)
    kept.append([bytes(100_000) for _ in range(20)])
    together.wait()

threads = [threading.Thread(target=work) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
ctypes.CDLL(None).malloc_stats()  # one "Arena N:" block per arena, on stderr
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc arenas")
def test_the_window_s_threads_share_one_malloc_arena() -> None:
    """Each thread's own arena kept the memory it freed (~5 MiB of the window's peak after use)."""
    env = {name: value for name, value in os.environ.items() if name != "MALLOC_ARENA_MAX"}

    def arenas(mode: str) -> int:
        done = subprocess.run(
            [sys.executable, "-c", ARENAS_SCRIPT, mode], capture_output=True, text=True, check=True, env=env
        )
        return done.stderr.count("Arena ")

    assert arenas("default") >= 3, "glibc's default: one arena per thread here"
    assert arenas("shared") == 1
