"""GUI fixtures: real temp-file databases (worker threads need files), a fixed clock, a TaskRunner.

The demo database is built once per session and copied per test (building it takes ~1 s)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from deliverydesk.domain.enums import Language
from deliverydesk.gui.collector import GuiThreadCollector
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.i18n import install_translators, remove_translators
from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.gui.ui_state import UiState
from deliverydesk.services.storage import OpenOptions, Workspace, open_workspace
from tests.conftest import fixed_clock

EnvFactory = Callable[..., GuiEnv]
GUI_TESTS = Path(__file__).resolve().parent
# The offscreen platform plugin says this on every top-level window it shows; it is not our warning.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if GUI_TESTS in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[None]:
    """As in the app: cycles are collected on the GUI thread only (deliverydesk/gui/collector.py)."""
    collector = GuiThreadCollector(qapp)
    collector.start()
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from deliverydesk.services.demo.build import create_demo

    folder = tmp_path_factory.mktemp("demo-template")
    workspace = open_workspace(OpenOptions(data_dir=folder, create=True), clock=fixed_clock)
    try:
        create_demo(workspace.ctx)
    finally:
        workspace.close()
    return folder / "deliverydesk.db"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def tasks(qtbot: object) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def make_env(data_dir: Path, tasks: TaskRunner) -> Iterator[EnvFactory]:
    """``make_env(demo=True)``: open the data folder's database (a copy of the demo, or empty)."""
    opened: list[Workspace] = []

    def make(
        demo: bool = False, demo_template: Path | None = None, language: Language = Language.EN
    ) -> GuiEnv:
        if demo and demo_template is not None and not (data_dir / "deliverydesk.db").exists():
            shutil.copyfile(demo_template, data_dir / "deliverydesk.db")
        workspace = open_workspace(OpenOptions(data_dir=data_dir, create=True), clock=fixed_clock)
        opened.append(workspace)
        return GuiEnv(
            ctx=workspace.ctx,
            tasks=tasks,
            ui_state=UiState(workspace.paths.settings_file),
            paths=workspace.paths,
            language=language,
            readonly=workspace.readonly,
        )

    yield make
    tasks.shutdown()
    for workspace in opened:
        workspace.close()


@pytest.fixture
def chinese_ui(qapp: QApplication) -> Iterator[None]:
    """The window in Simplified Chinese (its catalogue, Qt's own, QLocale), English again afterwards."""
    translators = install_translators(qapp, Language.ZH_CN)
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def env(make_env: EnvFactory) -> GuiEnv:
    return make_env()


@pytest.fixture
def demo_env(make_env: EnvFactory, demo_template: Path) -> GuiEnv:
    return make_env(demo=True, demo_template=demo_template)


def wait_idle(qtbot: object, tasks: TaskRunner, timeout: int = 10_000) -> None:
    """Until the window has done what it does by itself: every main window has asked for its first
    pages (after its first paint) and the task runner has delivered them."""
    from deliverydesk.gui.main_window import MainWindow

    def settled() -> bool:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        return all(window.has_started for window in windows) and not tasks.is_busy

    qtbot.waitUntil(settled, timeout=timeout)  # type: ignore[attr-defined]
