"""Small dialogs the main window opens: About, and Settings (loaded off the GUI thread first)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from deliverydesk import __version__
from deliverydesk.domain.models import ClientItem, ProjectItem, SettingsItem
from deliverydesk.domain.sync_status import SyncStatus
from deliverydesk.gui.dialogs.new_project import NewProjectDialog
from deliverydesk.gui.dialogs.settings import SettingsDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.icons import app_icon
from deliverydesk.gui.messages import show_error
from deliverydesk.paths import notices_file
from deliverydesk.services.records.clients import list_clients
from deliverydesk.services.records.settings import get_settings
from deliverydesk.services.sync.client import sync_status


def about_box(parent: QWidget, env: GuiEnv, db_location: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("AboutBox", "About DeliveryDesk"))
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(QCoreApplication.translate("AboutBox", "DeliveryDesk %1").replace("%1", __version__))
    box.setInformativeText(
        QCoreApplication.translate(
            "AboutBox", "Scope, expectations, change requests and signed records for field engineers."
        )
        + "\n\n"
        + QCoreApplication.translate("AboutBox", "Data folder: %1").replace("%1", str(env.paths.root))
        + "\n"
        + QCoreApplication.translate("AboutBox", "Database: %1").replace("%1", db_location)
        + "\n"
        + QCoreApplication.translate("AboutBox", "Log file: %1").replace("%1", str(env.paths.log_file))
        + "\n\n"
        + QCoreApplication.translate(
            "AboutBox", "Proprietary software. Third-party licences (Qt: LGPL-3.0): %1"
        ).replace("%1", str(notices_file()))
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


class _SettingsOpener:
    """Loads the settings on a worker, then opens the dialog (window-modal, non-blocking)."""

    def __init__(
        self, env: GuiEnv, parent: QWidget, on_saved: Callable[[], None], tab: str = "", select: str = ""
    ) -> None:
        self.env, self.parent, self.on_saved, self.tab, self.select = env, parent, on_saved, tab, select
        self.dialog: SettingsDialog | None = None

    def start(self) -> None:
        ctx = self.env.ctx
        self.env.tasks.submit(
            lambda: (get_settings(ctx), sync_status(ctx)),
            self._show,
            lambda e: show_error(self.parent, e),
            key="settings",
            owner=self.parent,
        )

    def _show(self, loaded: tuple[SettingsItem, SyncStatus]) -> None:
        settings, team = loaded
        self.dialog = SettingsDialog(self.env, settings, self.parent, self.tab, select=self.select, team=team)
        self.dialog.saved.connect(lambda _item: self.on_saved())
        self.dialog.people.changed.connect(self.on_saved)  # a roster change is saved at once
        joined = getattr(self.parent, "team_joined", None)
        if joined is not None:
            self.dialog.team_server.joined.connect(joined)
        self.dialog.open()


def open_settings_dialog(
    env: GuiEnv, parent: QWidget, on_saved: Callable[[], None], tab: str = "", select: str = ""
) -> _SettingsOpener:
    """Settings, on the General tab or ``tab`` ("people": the team roster, person ``select`` chosen;
    "team": the team server)."""
    opener = _SettingsOpener(env, parent, on_saved, tab, select)
    opener.start()
    return opener


class _NewProjectOpener:
    """Loads the clients and the default document language on a worker, then opens the dialog."""

    def __init__(self, env: GuiEnv, parent: QWidget, on_saved: Callable[[ProjectItem], None]) -> None:
        self.env, self.parent, self.on_saved = env, parent, on_saved
        self.dialog: NewProjectDialog | None = None

    def start(self) -> None:
        ctx = self.env.ctx

        def load() -> tuple[list[ClientItem], SettingsItem]:
            return list(list_clients(ctx, limit=500).rows), get_settings(ctx)

        self.env.tasks.submit(
            load, self._show, lambda e: show_error(self.parent, e), key="new-project", owner=self.parent
        )

    def _show(self, loaded: tuple[list[ClientItem], SettingsItem]) -> None:
        clients, settings = loaded
        today = self.env.ctx.today()
        self.dialog = NewProjectDialog(
            self.env, clients, today, settings.default_language, self.parent, settings.holiday_calendar
        )
        self.dialog.saved.connect(self.on_saved)
        self.dialog.open()


def open_new_project_dialog(
    env: GuiEnv, parent: QWidget, on_saved: Callable[[ProjectItem], None]
) -> _NewProjectOpener:
    opener = _NewProjectOpener(env, parent, on_saved)
    opener.start()
    return opener
