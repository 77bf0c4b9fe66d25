"""Settings ▸ Team server: the server's address and this device's token, Test connection, Join; once
joined, who the server knows you as and the team's roster (from the server). Network calls run on the
task runner; the dialog stays responsive."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.sync_status import SyncStatus
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.i18n import Message
from deliverydesk.services.sync.client import (
    join_with_token,
    leave_team,
    stored_transport,
    sync_status,
)
from deliverydesk.services.sync.transport import HttpTransport

TransportMaker = Callable[[str, str], Any]  # (url, token) -> a transport (tests: an in-process one)


def role_text(role: str) -> str:
    names = {
        "engineer": QCoreApplication.translate("Roles", "engineer"),
        "manager": QCoreApplication.translate("Roles", "manager"),
        "admin": QCoreApplication.translate("Roles", "administrator"),
    }
    return names.get(role, role)


class TeamServerPanel(QWidget):
    """Settings ▸ Team server (a tab of Settings, and the Team menu's dialog)."""

    joined = Signal()

    def __init__(
        self,
        env: GuiEnv,
        parent: QWidget | None = None,
        transport_maker: TransportMaker | None = None,
        join: Callable[..., Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.make_transport = transport_maker or (lambda url, token: HttpTransport(url, token))
        self.join_call = join or join_with_token
        self.status = SyncStatus(joined=False)
        self.setObjectName("teamServerPanel")
        self._build()
        self._load_status()

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "A team server holds everyone's record. You keep working offline; DeliveryDesk syncs in the "
                "background when the server can be reached. Your administrator gives you the address and a "
                "token for this computer."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.url = QLineEdit(self)
        self.url.setObjectName("teamUrl")
        self.url.setPlaceholderText("https://deliverydesk.example.com")
        self.token = QLineEdit(self)
        self.token.setObjectName("teamToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.join_button = QPushButton(self.tr("Join"), self)
        self.join_button.clicked.connect(self.join_team)
        self.leave_button = QPushButton(self.tr("Leave the team server"), self)
        self.leave_button.clicked.connect(self.leave)
        self.result = QLabel(self)
        self.result.setObjectName("teamResult")
        self.result.setWordWrap(True)
        self.identity = QLabel(self)
        self.identity.setStyleSheet(MUTED_STYLE)
        self.identity.setWordWrap(True)
        self.roster = QTableWidget(0, 3, self)
        self.roster.setObjectName("teamRoster")
        self.roster.setHorizontalHeaderLabels([self.tr("User"), self.tr("Name"), self.tr("Role")])
        self.roster.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.roster.verticalHeader().hide()
        self.roster.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("Device token"), self.token)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.join_button, self.leave_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.identity)
        layout.addWidget(QLabel(self.tr("The team (from the server)"), self))
        layout.addWidget(self.roster, 1)
        self.join_button.setEnabled(not self.env.readonly)

    # --- status --------------------------------------------------------------------------------------
    def _load_status(self) -> None:
        ctx = self.env.ctx
        self.env.tasks.submit(
            lambda: sync_status(ctx), self.show_status, self._failed, key="team-status", owner=self
        )

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.leave_button.setVisible(status.joined)
        if status.joined:
            self.url.setText(status.server_url)
            self.token.setPlaceholderText(self.tr("kept on this computer (type a new one to replace it)"))
            self.identity.setText(
                self.tr("Joined as %1 (%2). Authority limits come from the team server.")
                .replace("%1", status.display_name or status.user)
                .replace("%2", role_text(status.role))
            )
            self.load_roster()
        else:
            self.identity.setText(self.tr("This computer has not joined a team server."))

    def _failed(self, error: DeliveryDeskError) -> None:
        self.result.setText(error_text(error))

    # --- actions ---------------------------------------------------------------------------------------
    def _transport(self) -> Any:
        token = self.token.text().strip()
        url = self.url.text().strip()
        if not token and self.status.joined:
            if url != self.status.server_url:
                return None
            if self.env.team_transport is not None:
                return self.env.team_transport()
            return stored_transport(self.env.ctx, self.env.paths.root)
        return self.make_transport(url, token)

    def test_connection(self) -> None:
        if not self.url.text().strip():
            self.result.setText(self.tr("Type the server's address first."))
            return
        transport = self._transport()
        if transport is None:
            self.result.setText(self.tr("Type this device's token."))
            return

        def work() -> tuple[dict[str, Any], list[dict[str, Any]]]:
            try:
                return transport.me(), transport.roster()
            finally:
                transport.close()

        self.result.setText(self.tr("Connecting…"))
        self.env.tasks.submit(work, self._tested, self._failed, key="team-test", owner=self)

    def _tested(self, answer: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
        me, roster = answer
        self.result.setText(
            self.tr("Connected: the server knows this device as %1 (%2) on %3.")
            .replace("%1", me.get("display_name") or me["user"])
            .replace("%2", role_text(me["role"]))
            .replace("%3", me.get("device", ""))
        )
        self.show_roster(roster)

    def join_team(self) -> None:
        url, token = self.url.text().strip(), self.token.text().strip()
        if not url or not token:
            self.result.setText(self.tr("Type the server's address and this device's token."))
            return
        ctx, folder, join = self.env.ctx, self.env.paths.root, self.join_call
        self.result.setText(self.tr("Joining…"))
        self.env.tasks.submit(
            lambda: join(ctx, url, token, folder), self._joined, self._failed, key="team-join", owner=self
        )

    def _joined(self, answer: tuple[Any, Message | None]) -> None:
        _result, warning = answer
        self.token.clear()
        text = self.tr("Joined. The first sync starts now and runs in the background.")
        self.result.setText(f"{text}\n{shown(warning)}" if warning is not None else text)
        self.joined.emit()
        self._load_status()

    def leave(self) -> None:
        ctx = self.env.ctx
        self.env.tasks.submit(
            lambda: leave_team(ctx), lambda _none: self._left(), self._failed, key="team-leave", owner=self
        )

    def _left(self) -> None:
        self.result.setText(self.tr("This computer no longer syncs. Its records stay here."))
        self.roster.setRowCount(0)
        self._load_status()

    def load_roster(self) -> None:
        transport = self._transport()
        if transport is None:
            return

        def work() -> list[dict[str, Any]]:
            try:
                return list(transport.roster())
            finally:
                transport.close()

        self.env.tasks.submit(work, self.show_roster, lambda _e: None, key="team-roster", owner=self)

    def show_roster(self, users: list[dict[str, Any]]) -> None:
        self.roster.setRowCount(len(users))
        for row, user in enumerate(users):
            values = (user["user"], user.get("display_name", ""), role_text(user.get("role", "")))
            for column, value in enumerate(values):
                self.roster.setItem(row, column, QTableWidgetItem(value))


class TeamServerDialog(QDialog):
    """Team ▸ Team server…: the same panel as Settings ▸ Team server, on its own."""

    def __init__(
        self,
        env: GuiEnv,
        parent: QWidget | None = None,
        transport_maker: TransportMaker | None = None,
        join: Callable[..., Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamServerDialog")
        self.setWindowTitle(QCoreApplication.translate("TeamServerPanel", "Team server"))
        self.setMinimumWidth(620)
        self.panel = TeamServerPanel(env, self, transport_maker, join)
        self.joined = self.panel.joined
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(close)
