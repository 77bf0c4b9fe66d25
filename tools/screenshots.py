"""Render the main window's pages and the welcome dialog, English and Chinese, to PNG in docs/screenshots/

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [--out DIR]

Uses a fresh demo database (fixed date 2026-03-16) so the pictures are reproducible."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from deliverydesk.gui.env import GuiEnv  # noqa: E402
from deliverydesk.gui.i18n import install_translators, load_cjk_font, remove_translators  # noqa: E402
from deliverydesk.gui.main_window import MainWindow  # noqa: E402
from deliverydesk.gui.startup import StartupDialog  # noqa: E402
from deliverydesk.gui.startup_specs import first_start_spec  # noqa: E402
from deliverydesk.gui.tasks import TaskRunner  # noqa: E402
from deliverydesk.gui.ui_state import UiState  # noqa: E402
from deliverydesk.services.demo import create_demo  # noqa: E402
from deliverydesk.services.storage import OpenOptions, Workspace, open_workspace  # noqa: E402

NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
SIZE = (1360, 820)


def wait_until(condition: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        QTest.qWait(20)
        waited += 20
    QTest.qWait(50)


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def shoot_language(app: QApplication, workspace: Workspace, language: str, out: Path) -> None:
    translators = install_translators(app, language)
    tasks = TaskRunner()
    state_dir = Path(tempfile.mkdtemp())
    env = GuiEnv(workspace.ctx, tasks, UiState(state_dir / "ui.ini"), workspace.paths, language)
    window = MainWindow(env, workspace.db_url)
    window.resize(*SIZE)
    window.show()
    idle = lambda: not tasks.is_busy  # noqa: E731
    wait_until(idle)
    save(window, out / f"home_{language}.png")
    window.show_projects()
    wait_until(lambda: window.navigator.model.rowCount() > 0)
    window.navigator.view.selectRow(0)
    wait_until(idle)
    save(window, out / f"projects_{language}.png")
    window.open_settings()
    wait_until(lambda: getattr(window.last_dialog, "dialog", None) is not None)
    dialog = window.last_dialog.dialog
    wait_until(dialog.isVisible)
    save(dialog, out / f"settings_{language}.png")
    dialog.reject()
    welcome = StartupDialog(first_start_spec(str(workspace.paths.database)))
    welcome.show()
    wait_until(welcome.isVisible)
    save(welcome, out / f"welcome_{language}.png")
    welcome.close()
    window.close()
    tasks.shutdown()
    remove_translators(app, translators)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    load_cjk_font(app)
    data_dir = Path(tempfile.mkdtemp())
    workspace = open_workspace(OpenOptions(data_dir=data_dir, create=True), clock=lambda: NOW)
    try:
        create_demo(workspace.ctx)
        for language in ("en", "zh_CN"):
            shoot_language(app, workspace, language, args.out)
    finally:
        workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
