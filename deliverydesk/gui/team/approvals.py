"""Team ▸ Approval inbox…: the decisions held for a manager's approval, across the projects on this
computer. A manager answers each in the Approve dialog (approve, or refuse with a reason); in a team
the answer is the manager's own (this computer's token: the server records their name, never a
picked or typed one)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.enums import Decision
from deliverydesk.domain.models import ChangeRequestItem
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.records.approval import ApproveDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.labels import label as enum_label
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.services.scope_guard.change_requests import get_change_request
from deliverydesk.services.sync.client import HeldDecision, held_decisions, team_identity

MANAGER_ROLES = ("manager", "admin")


class ApprovalInboxDialog(QDialog):
    decided = Signal()

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.items: list[HeldDecision] = []
        self.identity: tuple[str, str] | None = None
        self.setObjectName("approvalInbox")
        self.setWindowTitle(self.tr("Approval inbox"))
        self.resize(980, 480)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("approvalTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Project"),
                self.tr("Request"),
                self.tr("Proposed"),
                self.tr("Effort"),
                self.tr("Cost"),
                self.tr("Decided by"),
                self.tr("Rationale"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.approve_button = QPushButton(self.tr("Approve or refuse…"), self)
        self.approve_button.setObjectName("answerButton")
        self.approve_button.clicked.connect(self.answer)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(MUTED_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        ctx = self.env.ctx
        self.env.tasks.submit(
            lambda: (held_decisions(ctx), team_identity(ctx)),
            self.show_items,
            self._failed,
            key="approvals",
            owner=self,
        )

    def show_items(self, loaded: tuple[list[HeldDecision], tuple[str, str] | None]) -> None:
        self.items, self.identity = loaded
        locale = QLocale()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            proposed = enum_label(Decision(item.proposed)) if item.proposed else ""
            values = (
                item.project_code,
                f"{item.ref} {item.title}",
                proposed,
                self.tr("%1 h").replace("%1", locale.toString(item.effort_hours, "f", 1)),
                f"{locale.toString(item.cost_cents / 100, 'f', 2)} {item.currency}",
                item.decided_by,
                item.rationale,
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        if self.items:
            self.table.selectRow(0)
        may = self.may_decide()
        self.approve_button.setEnabled(may and bool(self.items))
        if not self.items:
            self.note.setText(self.tr("No decision waits for approval."))
        elif self.identity is not None and not may:
            self.note.setText(
                self.tr("Only a manager approves. These decisions wait for your manager's approval.")
            )
        elif self.identity is not None:
            self.note.setText(
                self.tr("Your approval is recorded under your name: %1.").replace("%1", self.identity[0])
            )
        else:
            self.note.setText("")

    def may_decide(self) -> bool:
        if self.env.readonly:
            return False
        return self.identity is None or self.identity[1] in MANAGER_ROLES

    def selected(self) -> HeldDecision | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def answer(self) -> None:
        """The Approve dialog for the selected decision (its whole rationale, impact, client's view)."""
        item = self.selected()
        if item is None:
            return
        ctx, request_id = self.env.ctx, item.request_id
        self.env.tasks.submit(
            lambda: get_change_request(ctx, request_id),
            self._open_answer,
            self._failed,
            key="answer",
            owner=self,
        )

    def _open_answer(self, request: ChangeRequestItem) -> None:
        item = self.selected()
        self.dialog = ApproveDialog(self.env, request, item.currency if item else "", self)
        self.dialog.saved.connect(self._done)
        self.dialog.open()

    def _done(self, _result: object) -> None:
        self.decided.emit()
        self.reload()

    def _failed(self, error: DeliveryDeskError) -> None:
        self.note.setText(error_text(error))
