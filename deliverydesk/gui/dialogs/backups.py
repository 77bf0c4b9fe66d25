"""File ▸ Backups…: the verified backups of this database; take one now, or restore one.

The same services as ``deliverydesk backup`` / ``backups`` / ``restore``, with their checks: a backup is
copied through SQLite's backup API and verified before it is named; a restore verifies the backup,
keeps a safety backup of the database it replaces, and is refused while another program has the file.
Restoring needs the database closed, so the dialog asks the window host (``restore_wanted``): it closes
the window and the database, restores, and opens the restored database in a new window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.progress import Progress
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_datetime, format_number
from deliverydesk.gui.icons import icon
from deliverydesk.gui.messages import show_error
from deliverydesk.gui.screen_fit import ScreenDialog
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.services.storage import BackupInfo, Workspace, backup_now, list_backups

WHEN, SIZE, FILE = range(3)


class BackupsDialog(ScreenDialog):
    restore_wanted = Signal(object)  # Path of the backup to restore (the window host does it)

    def __init__(self, env: GuiEnv, workspace: Workspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.workspace = env, workspace
        self.open_url = QDesktopServices.openUrl  # replaced in tests: no desktop there
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.resize(640, 420)
        self.backups: list[BackupInfo] = []
        intro = QLabel(
            self.tr(
                "DeliveryDesk takes a verified backup every day it is opened (7 daily, 4 weekly and 6 "
                "monthly are kept). Restoring one first keeps a backup of the database it replaces."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(MUTED_STYLE)
        self.list = self._make_list()
        self.empty = QLabel(self.tr("No backups yet."), self)
        self.status = QLabel(self)
        self.status.setObjectName("backupsStatus")
        self.status.setWordWrap(True)
        self.take_button = QPushButton(icon("backup"), self.tr("Take a backup now"), self)
        self.take_button.setObjectName("takeBackup")
        self.take_button.clicked.connect(self.take_backup)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.setToolTip(self.tr("Replace the database by the selected backup"))
        self.restore_button.clicked.connect(self.ask_restore)
        self.folder_button = QPushButton(icon("folder"), self.tr("Open the backups folder"), self)
        self.folder_button.clicked.connect(self.open_folder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(intro)
        local = workspace is not None and workspace.is_sqlite
        self.take_button.setEnabled(local)
        self.restore_button.setEnabled(False)
        if not local:
            self.status.setText(
                self.tr("Backups apply to the local database file, not to a server database.")
            )
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    def _make_list(self) -> QTreeWidget:
        view = QTreeWidget(self)
        view.setObjectName("backupsList")
        view.setRootIsDecorated(False)
        view.setAlternatingRowColors(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("File")])
        view.header().setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        view.setColumnWidth(WHEN, 170)
        view.setColumnWidth(SIZE, 90)
        view.itemActivated.connect(lambda _item, _column: self.ask_restore())
        return view

    def _lay_out(self, intro: QLabel) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.take_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        actions.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    # --- the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        paths = self.env.paths
        self.env.tasks.submit(
            lambda: list_backups(paths), self._show, self._failed, key="backups", owner=self
        )

    def _show(self, backups: list[BackupInfo]) -> None:
        self.backups = list(backups)
        self.list.clear()
        for info in self.backups:
            size = self.tr("%1 MB").replace("%1", format_number(info.size / 1_048_576, 1))
            item = QTreeWidgetItem([format_datetime(info.taken_at), size, info.path.name])
            item.setToolTip(FILE, str(info.path))
            self.list.addTopLevelItem(item)
        self.empty.setVisible(not self.backups)
        if self.backups:
            first = self.list.topLevelItem(0)
            if first is not None:
                self.list.setCurrentItem(first)
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        current = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(current) if current is not None else -1
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def _selection_changed(self) -> None:
        local = self.workspace is not None and self.workspace.is_sqlite
        self.restore_button.setEnabled(local and not self.env.readonly and self.selected() is not None)

    # --- actions -------------------------------------------------------------------------------
    def take_backup(self) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        self.take_button.setEnabled(False)
        self.status.setText(self.tr("Taking a backup…"))

        def job(progress: Progress) -> BackupInfo:
            return backup_now(workspace, progress)

        self.env.tasks.submit_long(
            job,
            self._taken,
            self._failed,
            title=self.tr("Taking a backup"),
            on_cancelled=self._stopped,
            owner=self,
        )

    def _taken(self, info: BackupInfo) -> None:
        self.take_button.setEnabled(True)
        self.status.setText(self.tr("Backup taken: %1").replace("%1", info.path.name))
        self.refresh()

    def _stopped(self) -> None:
        self.take_button.setEnabled(True)
        self.status.setText(self.tr("Stopped: no backup was written."))

    def _failed(self, error: DeliveryDeskError) -> None:
        self.take_button.setEnabled(self.workspace is not None and self.workspace.is_sqlite)
        self.status.setText("")
        self.error_box = show_error(self, error)

    def ask_restore(self) -> QMessageBox | None:
        """Non-blocking question; Restore hands the backup to the window host."""
        info = self.selected()
        if info is None or not self.restore_button.isEnabled():
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore a backup"), "", parent=self)
        box.setObjectName("restoreQuestion")
        text = self.tr(
            "Replace the database by the backup taken %1?\n\nEverything changed since then is set aside: "
            "the current database is kept as a safety backup first. DeliveryDesk closes the database, "
            "restores, and opens it again."
        )
        box.setText(text.replace("%1", format_datetime(info.taken_at)))
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep the current database"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _r: self._answered(box.clickedButton() is restore, info.path))
        box.open()
        self.restore_box = box
        return box

    def _answered(self, restore: bool, path: Path) -> None:
        if restore:
            self.restore_wanted.emit(path)
            self.accept()

    def open_folder(self) -> bool:
        self.env.paths.backups.mkdir(parents=True, exist_ok=True)
        return bool(self.open_url(QUrl.fromLocalFile(str(self.env.paths.backups))))
