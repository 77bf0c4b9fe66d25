"""The status bar's team part: last sync, changes waiting, offline, conflicts; a click syncs now,
its menu opens the conflicts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from deliverydesk.domain.sync_status import SyncStatus
from deliverydesk.gui.formatting import format_datetime
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.team.controller import SyncController

WARNING_STYLE = "color: #b42318; font-weight: bold;"


class SyncStatusButton(QToolButton):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.controller = controller
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.menu_ = QMenu(self)
        self.act_sync = self.menu_.addAction(self.tr("Sync now"), controller.sync_now)
        self.act_conflicts = self.menu_.addAction(self.tr("Sync conflicts…"))
        self.setMenu(self.menu_)
        self.clicked.connect(controller.sync_now)
        controller.status_changed.connect(self.show_status)
        controller.running_changed.connect(lambda _running: self.show_status(controller.status))
        controller.failed.connect(self.setToolTip)
        self.hide()

    def show_status(self, status: SyncStatus) -> None:
        self.setVisible(status.joined)
        if not status.joined:
            return
        self.setText(self.text_for(status, self.controller.running))
        self.setStyleSheet(WARNING_STYLE if status.conflicts else "")
        if status.last_error is not None:
            self.setToolTip(shown(status.last_error))
        else:
            self.setToolTip(self.tr("Team server: %1 — click to sync now").replace("%1", status.server_url))

    def text_for(self, status: SyncStatus, running: bool) -> str:
        parts = []
        if running:
            parts.append(self.tr("Syncing…"))
        elif status.offline:
            parts.append(self.tr("Offline"))
        if status.last_sync_at is not None:
            # the house's Babel formats, in the computer's time zone (as every date in the window)
            when = format_datetime(status.last_sync_at)
            parts.append(self.tr("Last sync %1").replace("%1", when))
        elif not running:
            parts.append(self.tr("Not synced yet"))
        if status.waiting:
            parts.append(self.tr("%n change(s) waiting", "", status.waiting))
        if status.conflicts:
            parts.append(self.tr("%n conflict(s)", "", status.conflicts))
        return " · ".join(parts)
