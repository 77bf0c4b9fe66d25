"""An empty database's Home says what to do first: New project, import a bundle, or the demo."""

from __future__ import annotations

from pathlib import Path

from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages.home import HomePage
from deliverydesk.services.bundle.transfer import export_bundle
from deliverydesk.services.records.projects import list_projects
from deliverydesk.services.storage import OpenOptions, open_workspace
from tests.conftest import fixed_clock
from tests.gui.conftest import wait_idle


def _window(qtbot, env: GuiEnv) -> MainWindow:
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, env.tasks)
    return window


def test_an_empty_home_offers_the_three_ways_to_start(qtbot, env: GuiEnv) -> None:
    window = _window(qtbot, env)
    home: HomePage = window.home
    assert home.stack.currentWidget() is home.first_run
    buttons = [home.new_button, home.import_button, home.demo_button]
    assert [b.text() for b in buttons] == [
        "New project…",
        "Import a project bundle…",
        "Open the demo projects",
    ]
    assert all(b.isEnabled() and b.toolTip() for b in buttons)
    home.new_button.click()
    wait_idle(qtbot, env.tasks)
    dialog = window.last_dialog.dialog
    assert dialog is not None and dialog.objectName() == "newProjectDialog"
    dialog.discard()


def test_the_demo_fills_home(qtbot, env: GuiEnv) -> None:
    window = _window(qtbot, env)
    window.home.demo_button.click()
    qtbot.waitUntil(lambda: list_projects(env.ctx).total > 0, timeout=20_000)
    wait_idle(qtbot, env.tasks)
    assert window.home.stack.currentWidget() is not window.home.first_run


def test_a_bundle_is_imported_from_home(qtbot, env: GuiEnv, demo_template: Path, tmp_path: Path) -> None:
    source_dir = tmp_path / "source"
    source_dir.mkdir()
    (source_dir / "deliverydesk.db").write_bytes(demo_template.read_bytes())
    source = open_workspace(OpenOptions(data_dir=source_dir), clock=fixed_clock)
    try:
        export_bundle(source.ctx, "DD-2026-014", tmp_path / "project.json")
    finally:
        source.close()
    window = _window(qtbot, env)
    window.bundle_importer.choose_path = lambda _parent: tmp_path / "project.json"
    window.home.import_button.click()
    wait_idle(qtbot, env.tasks)
    assert [p.code for p in list_projects(env.ctx).rows] == ["DD-2026-014"]
    assert "Imported DD-2026-014" in window.statusBar().currentMessage()
    assert window.stack.currentWidget() is window.splitter, "the imported project is shown"
