"""Runs the window once the database is open: builds the GuiEnv and the MainWindow."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.gui.ui_state import UiState
from deliverydesk.services.settings import get_settings
from deliverydesk.services.storage import Workspace

log = logging.getLogger(__name__)
UI_LANGUAGE_KEY = "ui/language"


class WindowHost(QObject):
    """Owns the open workspace and its window; closes the database when the window goes."""

    def __init__(self, tasks: TaskRunner, ui_state: UiState, language: str) -> None:
        super().__init__()
        self.tasks, self.ui_state, self.language = tasks, ui_state, language
        self.workspace: Workspace | None = None
        self.window: MainWindow | None = None

    def show(self, workspace: Workspace) -> MainWindow:
        self.workspace = workspace
        env = GuiEnv(
            ctx=workspace.ctx,
            tasks=self.tasks,
            ui_state=self.ui_state,
            paths=workspace.paths,
            language=self.language,
            readonly=workspace.readonly,
        )
        self.window = MainWindow(env, workspace.db_url)
        self.window.settings_saved.connect(self.remember_ui_language)
        for notice in workspace.notices:
            self.window.statusBar().showMessage(notice, 15000)
        self.window.show()
        QApplication.setQuitOnLastWindowClosed(True)  # off while start-up dialogs come and go
        self.remember_ui_language()
        return self.window

    def remember_ui_language(self) -> None:
        """Keep the UI language beside the database settings: it is needed before the database opens."""
        if self.workspace is None:
            return
        ctx = self.workspace.ctx

        def store(language: str) -> None:
            self.ui_state.set_value(UI_LANGUAGE_KEY, language)
            self.ui_state.sync()

        def failed(error: DeliveryDeskError) -> None:
            log.warning("could not read the settings: %s", error)

        self.tasks.submit(lambda: get_settings(ctx).ui_language, store, failed, key="ui-language")

    def close(self) -> None:
        self.tasks.shutdown()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None


def saved_ui_language(ui_state: UiState) -> str:
    return ui_state.value(UI_LANGUAGE_KEY)


def create_application(version: str) -> QApplication:
    """The QApplication with DeliveryDesk's name, icon and bundled CJK font."""
    from deliverydesk.gui.i18n import load_cjk_font
    from deliverydesk.gui.icons import app_icon

    app = QApplication([sys.argv[0]])
    app.setApplicationName("DeliveryDesk")
    app.setApplicationVersion(version)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # start-up dialogs close before the window opens
    load_cjk_font(app)
    return app


def quit_application() -> None:
    app = QApplication.instance()
    if app is not None:
        app.quit()
